import type { FieldNode, Shape } from '../schema/shape.ts';
import type { Scope } from '../scopes.ts';
import type { WireType } from '../wire/wire-type.ts';
import type { ApiGroup, ApiSpec, HeaderName, RequestLocation, ServiceRole } from './api-spec.ts';

/**
 * Builders for the entries that are not information APIs (auth, integrated CA, support). `infoApi`
 * (define.ts) covers the 정보제공 APIs; these APIs have no industry, no consent scope per industry, no date
 * rule and no paging, so they are written out with this one builder instead.
 */
export interface PlainApiInput {
  readonly id: string;
  readonly code: string;
  readonly ko: string;
  readonly en: string;
  readonly group: Exclude<ApiGroup, 'info'>;
  readonly providedBy: readonly ServiceRole[];
  readonly calledBy: readonly ServiceRole[];
  readonly method: 'GET' | 'POST';
  /** The full path after the base, with `{version}` where the version goes. */
  readonly resource: string;
  /** The fixed scope (`manage`, `ca`) or null where no token is presented or requested. */
  readonly scope: Scope | null;
  readonly headers: { readonly required: readonly HeaderName[]; readonly optional?: readonly HeaderName[] };
  readonly location: RequestLocation;
  readonly request: Shape;
  /** With errorStyle 'rsp_code' the rsp_code/rsp_msg envelope is implied; with 'oauth' the body is given whole. */
  readonly response: Shape;
  readonly errorStyle: 'rsp_code' | 'oauth';
  readonly discriminator?: { readonly field: string; readonly value: string };
  /** Takes `search_timestamp` and answers deltas (지원-002, 003, 006). */
  readonly timestamp?: boolean;
  readonly provisional: boolean;
  readonly notes?: string;
}

export function plainApi(input: PlainApiInput): ApiSpec {
  return {
    id: input.id,
    code: input.code,
    name: { ko: input.ko, en: input.en },
    group: input.group,
    providedBy: input.providedBy,
    calledBy: input.calledBy,
    industries: [],
    method: input.method,
    resource: input.resource,
    scope: input.scope,
    dateRule: 'none',
    paginated: false,
    timestamp: input.timestamp ?? false,
    assetKeys: [],
    headers: { required: input.headers.required, optional: input.headers.optional ?? [] },
    request: { location: input.location, shape: input.request },
    response: input.response,
    errorStyle: input.errorStyle,
    ...(input.discriminator ? { discriminator: input.discriminator } : {}),
    provisional: input.provisional,
    ...(input.notes ? { notes: input.notes } : {}),
  };
}

/**
 * Narrow a text field to the codes one API allows, where the same field name carries different code sets
 * in different APIs (org_type in 지원-002 vs 지원-104, auth_type in 지원-002 vs 통합인증-002, grant_type per
 * token endpoint). The type and meaning still come from the dictionary; only `values` is set here.
 * `values` is compared with the wire string, so N codes (지원-004's type 1/2) work too.
 */
export function oneOf<Nm extends string, T extends WireType, R extends boolean, const V extends string>(
  node: FieldNode<Nm, T, R>,
  values: readonly V[],
): FieldNode<Nm, T, R, V> {
  if (values.length === 0) throw new Error(`oneOf(${node.name}): at least one value is needed`);
  return { ...node, values };
}

/** A field whose value is fixed by the API (grant_type=password, scope=manage, token_type=Bearer). */
export function fixed<Nm extends string, T extends WireType, R extends boolean, const V extends string>(
  node: FieldNode<Nm, T, R>,
  value: V,
): FieldNode<Nm, T, R, V> {
  return oneOf(node, [value]);
}
