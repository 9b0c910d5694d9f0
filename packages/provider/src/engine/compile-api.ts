import {
  type ApiSpec,
  type ApiVersion,
  COMMON_FIELDS,
  type Industry,
  type InformationScope,
  type ListNode,
  requiredScope,
  type Shape,
  vocabulary,
} from '@hannun/spec';
import type { ChainApi } from '../check-chain/run-check-chain.ts';
import { headersOwnedHere } from '../check-chain/check-headers.ts';
import { compileRequestDecoder } from '../check-chain/request-decoder.ts';
import { type ApiKind, apiKind } from './api-kind.ts';
import { compileWireEncoder, type WireEncoder } from './wire-encoder.ts';

const { req } = vocabulary(COMMON_FIELDS);
/** rsp_code and rsp_msg, the envelope every answer starts with. */
export const ENVELOPE: Shape = [req('rsp_code'), req('rsp_msg')];

/** Consent flags, in the order of the bits of a withheld mask. */
export const CONSENT_GATES = [
  'is_consent_trans_memo',
  'is_consent_merchant_name_regno',
  'is_consent_trans_category',
] as const;

/** Request fields that do not select data: a cursor is not bound to them. */
const UNBOUND = new Set(['org_code', 'next_page', 'limit', 'search_timestamp']);

/**
 * Items of a customer-level answer that name an asset under the API's own scope must be consented ones
 * (통신-002: the bills of the consented contracts only).
 */
export interface ItemFilter {
  readonly list: string;
  readonly keyField: string;
  readonly listApi: string;
}

/** Everything the engine needs about one API of one industry, computed once at start. */
export interface CompiledApi extends ChainApi {
  readonly spec: ApiSpec;
  readonly kind: ApiKind;
  readonly paginated: boolean;
  readonly timestamp: boolean;
  /** The response's list of items (lists and series). */
  readonly listNode: ListNode | undefined;
  /** Items per page at most (the list's `max`, 500). */
  readonly pageMax: number;
  readonly itemFilter: ItemFilter | undefined;
  /** The success encoder for this version and withheld-flags mask (bit i = CONSENT_GATES[i] is false). */
  encoder(version: ApiVersion, withheldMask: number): WireEncoder;
}

function responseList(api: ApiSpec): ListNode | undefined {
  for (const node of api.response) if (node.kind === 'list') return node;
  return undefined;
}

function fieldNames(shape: Shape): Set<string> {
  return new Set(shape.map((n) => n.name));
}

/** Compile an information API for an industry; null when the industry has no scope for it (bank 선불-002…004). */
export function compileApi(api: ApiSpec, industry: Industry, industryApis: readonly ApiSpec[]): CompiledApi | null {
  const scope = requiredScope(api, industry) as InformationScope | null;
  if (scope === null) return null;
  const kind = apiKind(api, industry, industryApis);
  const listNode = responseList(api);

  let asset: ChainApi['asset'];
  if (api.assetKeys.length > 0) {
    const lister = industryApis.find((a) => a.id === api.listedBy);
    const listItem = lister ? responseList(lister) : undefined;
    if (!lister || !listItem) throw new Error(`${api.id}: its assets need a list API (listedBy) in ${industry}`);
    const listed = fieldNames(listItem.item);
    const identityKeys = api.assetKeys.filter((k) => listed.has(k));
    if (identityKeys.length === 0) throw new Error(`${api.id}: none of its asset keys is in ${lister.id}'s items`);
    asset = { listApi: lister.id, identityKeys, scope };
  }

  const bindingFields = [
    ...api.request.shape.map((n) => n.name).filter((n) => !UNBOUND.has(n)),
    ...(api.request.path ?? []).map((n) => n.name),
  ].sort();

  const shape: Shape = [...ENVELOPE, ...api.response];
  const encoders = new Map<number, WireEncoder>();
  const encoder = (version: ApiVersion, mask: number): WireEncoder => {
    const key = (version === 'v1' ? 8 : 0) | mask;
    let found = encoders.get(key);
    if (!found) {
      const withheld = new Set<string>(CONSENT_GATES.filter((_, i) => (mask & (1 << i)) !== 0));
      found = compileWireEncoder(shape, { version, withheld });
      encoders.set(key, found);
    }
    return found;
  };

  return {
    id: api.id,
    industry,
    method: api.method,
    scope,
    cycle: api.cycle,
    dateRule: api.dateRule,
    headerSpec: headersOwnedHere(api),
    requestShape: api.request.shape,
    pathShape: api.request.path,
    decode: compileRequestDecoder(api.request.shape, api.method === 'GET' ? 'query' : 'body'),
    decodePath: api.request.path ? compileRequestDecoder(api.request.path, 'path') : undefined,
    asset,
    bindingFields,
    spec: api,
    kind,
    paginated: api.paginated,
    timestamp: api.timestamp,
    listNode,
    pageMax: listNode?.max ?? 500,
    itemFilter: asset ? undefined : itemFilterOf(api, scope, industry, industryApis, listNode),
    encoder,
  };
}

function itemFilterOf(
  api: ApiSpec,
  scope: InformationScope,
  industry: Industry,
  industryApis: readonly ApiSpec[],
  listNode: ListNode | undefined,
): ItemFilter | undefined {
  if (!listNode || apiKind(api, industry, industryApis) === 'list') return undefined;
  const itemFields = fieldNames(listNode.item);
  for (const lister of industryApis) {
    if (apiKind(lister, industry, industryApis) !== 'list') continue;
    const assetApis = industryApis.filter((a) => a.listedBy === lister.id && a.assetKeys.length > 0);
    if (!assetApis.some((a) => requiredScope(a, industry) === scope)) continue;
    const keys = new Set(assetApis.flatMap((a) => a.assetKeys));
    const listed = responseList(lister);
    const identity = [...keys].filter((k) => listed && fieldNames(listed.item).has(k));
    if (identity.length === 1 && itemFields.has(identity[0]!)) {
      return { list: listNode.name, keyField: identity[0]!, listApi: lister.id };
    }
  }
  return undefined;
}
