import type { FastifyReply, FastifyRequest } from '@hannun/infra';
import {
  apiById,
  decodeMessage,
  encodeMessage,
  MYDATA_STATISTICS_BODY,
  PROVIDER_STATISTICS_BODY,
  WireError,
} from '@hannun/spec';
import { isRegistryInputError } from '../registry/registry-input-error.ts';
import {
  type StatisticsLookup,
  validateMydataStatistics,
  validateProviderStatistics,
} from '../statistics/validate-statistics.ts';
import type { StoredOrg } from '../store/registry-repository.ts';
import { kstDate } from '../time/kst.ts';
import { authoriseCall } from './authorise-call.ts';
import type { PortalContext } from './portal-context.ts';
import { fail, isFailure, sendFailure, sendRsp, type SupportFailure } from './support-failure.ts';

const MYDATA = apiById('지원-004');
const PROVIDER = apiById('지원-005');

type StatsRequest = FastifyRequest<{ Params: { version: string } }>;

function lookupOf(ctx: PortalContext): StatisticsLookup {
  return {
    org: async (code) => (await ctx.registry.org(code))?.org,
    serviceOwner: async (clientId) => (await ctx.registry.service(clientId))?.orgCode,
    today: kstDate(ctx.clock.nowMs()),
  };
}

/** Decode the JSON body with the catalogue's shape (40001 naming the field), then the API's own rules. */
async function readBody<T>(
  request: StatsRequest,
  decode: () => T,
  validate: (body: T) => Promise<void>,
): Promise<T | SupportFailure> {
  if (!/^application\/json(\s*;.*)?$/i.test(request.headers['content-type'] ?? '')) {
    return fail('40001', 'Content-Type은 application/json이어야 합니다', 'body is not JSON');
  }
  try {
    const body = decode();
    await validate(body);
    return body;
  } catch (error) {
    if (error instanceof WireError) return fail('40001', error.messageKo, error.message);
    if (isRegistryInputError(error)) return fail(error.rspCode, error.messageKo, error.message);
    throw error;
  }
}

/**
 * 지원-005's subject: the provider itself (no org_code, or its own), or, for a relay (04), the relayed
 * provider named in org_code whose relay it is. Anything else is 40303.
 */
async function providerSubject(
  ctx: PortalContext,
  caller: StoredOrg,
  orgCode: string | undefined,
): Promise<string | SupportFailure> {
  const self = caller.org;
  if (self.orgType === '04') {
    if (orgCode === undefined) {
      return fail(
        '40303',
        'org_code: 중계기관은 대상 정보제공자의 기관코드를 보내야 합니다',
        'a relay must name the provider',
      );
    }
    const subject = await ctx.registry.org(orgCode);
    if (!subject || subject.org.relayOrgCode !== self.orgCode) {
      return fail(
        '40303',
        `org_code: ${orgCode}은(는) 이 중계기관을 쓰는 정보제공자가 아닙니다`,
        'not a provider of this relay',
      );
    }
    return orgCode;
  }
  if (orgCode !== undefined && orgCode !== self.orgCode) {
    return fail('40303', 'org_code: 자기 기관의 통계만 보낼 수 있습니다', 'org_code names another organisation');
  }
  return self.orgCode;
}

export function statisticsHandlers(ctx: PortalContext) {
  return {
    /** 지원-004: an operator's (or recipient's) weekly statistics, per service and type. */
    async mydata(request: StatsRequest, reply: FastifyReply) {
      const caller = await authoriseCall(ctx, MYDATA, request, request.params.version, {
        types: ['03'],
        recipients: true,
      });
      if (isFailure(caller)) return sendFailure(reply, caller);
      const body = await readBody(
        request,
        () => decodeMessage(MYDATA_STATISTICS_BODY, request.body, { location: 'body', unknown: 'reject' }),
        (b) => validateMydataStatistics(b, caller.org, lookupOf(ctx)),
      );
      if (isFailure(body)) return sendFailure(reply, body);
      const outcome = await ctx.statistics.save({
        kind: 'mydata',
        senderOrgCode: caller.org.orgCode,
        subject: body.client_id,
        inquiryDate: body.inquiry_date.toString().replaceAll('-', ''),
        type: Number(body.type),
        body: encodeMessage(MYDATA_STATISTICS_BODY, body),
        receivedMs: ctx.clock.nowMs(),
      });
      request.log.info(
        { api: MYDATA.id, org: caller.org.orgCode, type: Number(body.type), outcome },
        'statistics received',
      );
      return sendRsp(reply, '00000');
    },

    /** 지원-005: a provider's weekly statistics (or a relay's, for one relayed provider), per type. */
    async provider(request: StatsRequest, reply: FastifyReply) {
      const caller = await authoriseCall(ctx, PROVIDER, request, request.params.version, { types: ['01', '02', '04'] });
      if (isFailure(caller)) return sendFailure(reply, caller);
      const body = await readBody(
        request,
        () => decodeMessage(PROVIDER_STATISTICS_BODY, request.body, { location: 'body', unknown: 'reject' }),
        (b) => validateProviderStatistics(b, lookupOf(ctx)),
      );
      if (isFailure(body)) return sendFailure(reply, body);
      const subject = await providerSubject(ctx, caller, body.org_code);
      if (isFailure(subject)) return sendFailure(reply, subject);
      const outcome = await ctx.statistics.save({
        kind: 'provider',
        senderOrgCode: caller.org.orgCode,
        subject,
        inquiryDate: body.inquiry_date.toString().replaceAll('-', ''),
        type: Number(body.type),
        body: encodeMessage(PROVIDER_STATISTICS_BODY, body),
        receivedMs: ctx.clock.nowMs(),
      });
      request.log.info({ api: PROVIDER.id, org: subject, type: Number(body.type), outcome }, 'statistics received');
      return sendRsp(reply, '00000');
    },
  };
}
