import type { Industry } from '../industries.ts';
import { COMMON_FIELDS } from '../fields/common.ts';
import type { Scope } from '../scopes.ts';
import { vocabulary, type Shape } from '../schema/shape.ts';
import type { ApiSpec, CycleClass, DateRule, HeaderName } from './api-spec.ts';

const common = vocabulary(COMMON_FIELDS);

/** Query of a GET list API: org_code, search_timestamp and paging. */
export const LIST_QUERY = [
  common.req('org_code'),
  common.opt('search_timestamp'),
  common.opt('next_page'),
  common.opt('limit'),
] as const;
/** Query of a GET list API that does not page. */
export const PLAIN_LIST_QUERY = [common.req('org_code'), common.opt('search_timestamp')] as const;
/** The paging part of a transaction request by dates. */
export const DATE_PERIOD = [
  common.req('from_date'),
  common.req('to_date'),
  common.opt('next_page'),
  common.req('limit'),
] as const;
/** The paging part of a transaction request by months. */
export const MONTH_PERIOD = [
  common.req('from_month'),
  common.req('to_month'),
  common.opt('next_page'),
  common.req('limit'),
] as const;

const INFO_HEADERS = { required: ['authorization', 'x-api-tran-id'], optional: ['x-api-type'] } as const satisfies {
  required: readonly HeaderName[];
  optional: readonly HeaderName[];
};

export interface InfoApiInput {
  readonly id: string;
  readonly code: string;
  readonly ko: string;
  readonly en: string;
  readonly industries: readonly Industry[];
  readonly method: 'GET' | 'POST';
  readonly resource: string;
  /** One scope for all its industries, or a scope per industry (IRP: bank.irp, invest.irp, insu.irp). */
  readonly scope: Scope | Partial<Record<Industry, Scope>>;
  readonly cycle: CycleClass;
  readonly dateRule?: DateRule;
  readonly paginated?: boolean;
  readonly timestamp?: boolean;
  readonly assetKeys?: readonly string[];
  readonly listedBy?: string;
  readonly request: Shape;
  readonly path?: Shape;
  readonly response: Shape;
  readonly provisional?: boolean;
  readonly notes?: string;
}

/** Build an information API entry with the defaults every 정보제공 API shares. */
export function infoApi(input: InfoApiInput): ApiSpec {
  const scope =
    typeof input.scope === 'string'
      ? Object.fromEntries(input.industries.map((ind) => [ind, input.scope as Scope]))
      : input.scope;
  return {
    id: input.id,
    code: input.code,
    name: { ko: input.ko, en: input.en },
    group: 'info',
    providedBy: ['provider'],
    calledBy: ['operator'],
    industries: input.industries,
    method: input.method,
    resource: input.resource,
    scope,
    cycle: input.cycle,
    dateRule: input.dateRule ?? 'none',
    paginated: input.paginated ?? false,
    timestamp: input.timestamp ?? false,
    assetKeys: input.assetKeys ?? [],
    ...(input.listedBy ? { listedBy: input.listedBy } : {}),
    headers: INFO_HEADERS,
    request: {
      location: input.method === 'GET' ? 'query' : 'json',
      shape: input.request,
      ...(input.path ? { path: input.path } : {}),
    },
    response: input.response,
    errorStyle: 'rsp_code',
    provisional: input.provisional ?? true,
    ...(input.notes ? { notes: input.notes } : {}),
  };
}
