import type { FastifyReply, FastifyRequest } from '@hannun/infra';
import {
  apiById,
  type ApiSpec,
  decodeMessage,
  encodeMessage,
  ORGS_FOR_CA_RESPONSE,
  ORGS_RESPONSE,
  REGISTRY_QUERY,
  SERVICES_RESPONSE,
  WireError,
} from '@hannun/spec';
import type { PortalService } from '../registry/portal-org.ts';
import { kstTimestamp } from '../time/kst.ts';
import { authoriseCall, type CallerRule } from './authorise-call.ts';
import { caOrgRecordOf, orgRecordOf, serviceRecordOf } from './encode-records.ts';
import type { PortalContext } from './portal-context.ts';
import { registryDelta, TIMESTAMP_OVERLAP_MS } from './registry-delta.ts';
import { fail, isFailure, sendFailure, sendRsp, type SupportFailure } from './support-failure.ts';

/** Who may ask: 002 everyone who calls others; 003 providers and relays; 006 the integrated CAs. */
export const REGISTRY_CALLERS: Record<'지원-002' | '지원-003' | '지원-006', CallerRule> = {
  '지원-002': { types: ['01', '02', '03', '04', '05', '06'] },
  '지원-003': { types: ['01', '02', '04'] },
  '지원-006': { types: ['05', '06'] },
};

type RegistryApiId = keyof typeof REGISTRY_CALLERS;

interface RouteParams {
  readonly version: string;
}

/** Authorise, then read `search_timestamp` (N(14), mandatory; 0 for everything). */
async function prepare(
  ctx: PortalContext,
  api: ApiSpec,
  request: FastifyRequest<{ Params: RouteParams }>,
): Promise<number | SupportFailure> {
  const caller = await authoriseCall(
    ctx,
    api,
    request,
    request.params.version,
    REGISTRY_CALLERS[api.id as RegistryApiId],
  );
  if (isFailure(caller)) return caller;
  try {
    const query = decodeMessage(REGISTRY_QUERY, request.query, { location: 'query', unknown: 'reject' });
    return query.search_timestamp;
  } catch (error) {
    if (error instanceof WireError) return fail('40001', error.messageKo, error.message);
    throw error;
  }
}

const badTimestamp = () =>
  fail(
    '40001',
    'search_timestamp: 존재하지 않는 시각입니다 (YYYYMMDDhhmmss 또는 0)',
    'search_timestamp is no real time',
  );

/** 지원-002, 003 and 006: the registry's changes since the caller's search_timestamp. */
export function registryHandlers(ctx: PortalContext) {
  const answer = async (
    apiId: RegistryApiId,
    request: FastifyRequest<{ Params: RouteParams }>,
    reply: FastifyReply,
  ): Promise<FastifyReply> => {
    const api = apiById(apiId);
    const since = await prepare(ctx, api, request);
    if (isFailure(since)) return sendFailure(reply, since);
    const now = ctx.clock.nowMs();
    const search_timestamp = Number(kstTimestamp(now - TIMESTAMP_OVERLAP_MS));
    if (apiId === '지원-003') {
      const delta = await registryDelta(ctx.registry, 'service', since);
      if (!delta) return sendFailure(reply, badTimestamp());
      const byOrg = new Map<string, ReturnType<typeof serviceRecordOf>[]>();
      for (const entry of delta.entries) {
        const s: PortalService = entry.record;
        byOrg.set(s.orgCode, [...(byOrg.get(s.orgCode) ?? []), serviceRecordOf(entry)]);
      }
      const org_list = [...byOrg].map(([org_code, service_list]) => ({
        org_code,
        service_list,
        service_cnt: service_list.length,
      }));
      const body = encodeMessage(SERVICES_RESPONSE, { search_timestamp, org_list, org_cnt: org_list.length });
      return sendRsp(reply, delta.entries.length === 0 && !delta.full ? '00001' : '00000', body);
    }
    const delta = await registryDelta(ctx.registry, 'org', since);
    if (!delta) return sendFailure(reply, badTimestamp());
    if (apiId === '지원-002') {
      const org_list = delta.entries.map(orgRecordOf);
      const body = encodeMessage(ORGS_RESPONSE, { search_timestamp, org_list, org_cnt: org_list.length });
      return sendRsp(reply, org_list.length === 0 && !delta.full ? '00001' : '00000', body);
    }
    const org_list = delta.entries.flatMap((e) => caOrgRecordOf(e) ?? []);
    const body = encodeMessage(ORGS_FOR_CA_RESPONSE, { search_timestamp, org_list, org_cnt: org_list.length });
    return sendRsp(reply, org_list.length === 0 && !delta.full ? '00001' : '00000', body);
  };
  return {
    orgs: (request: FastifyRequest<{ Params: RouteParams }>, reply: FastifyReply) => answer('지원-002', request, reply),
    services: (request: FastifyRequest<{ Params: RouteParams }>, reply: FastifyReply) =>
      answer('지원-003', request, reply),
    orgsForCa: (request: FastifyRequest<{ Params: RouteParams }>, reply: FastifyReply) =>
      answer('지원-006', request, reply),
  };
}
