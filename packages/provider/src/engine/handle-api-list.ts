import { API_VERSIONS, type ApiVersion, type VersionConfig } from '@hannun/spec';
import { isUpToDate } from '../check-chain/check-timestamp.ts';
import type { Passed } from '../check-chain/run-check-chain.ts';
import type { CompiledApi } from './compile-api.ts';
import { newSearchTimestamp } from './read-context.ts';
import { type Answer, envelopeAnswer, OK_MSG } from './respond.ts';

/** 공통-001: the APIs this institution serves (api_code, api_uri), its current and oldest version. */
export interface ApiListing {
  readonly version: ApiVersion;
  readonly minVersion: ApiVersion;
  readonly apis: readonly { readonly api_code: string; readonly api_uri: (version: ApiVersion) => string }[];
  /** When the listing last changed (the engine's start: it never changes while running). */
  readonly changedAt: number;
}

export function apiListing(apis: readonly CompiledApi[], versions: VersionConfig, changedAt: number): ApiListing {
  const minVersion = API_VERSIONS.find((v) => versions.accepted.includes(v)) ?? versions.default;
  return {
    version: versions.default,
    minVersion,
    apis: apis.map((a) => ({
      api_code: a.spec.code,
      api_uri: (v: ApiVersion) => `/${v}/${a.industry}${a.spec.resource}`,
    })),
    changedAt,
  };
}

export function handleApiList(api: CompiledApi, passed: Passed, listing: ApiListing): Answer {
  if (isUpToDate(passed.request['search_timestamp'], listing.changedAt)) return envelopeAnswer('00001');
  const body = {
    rsp_code: '00000',
    rsp_msg: OK_MSG,
    search_timestamp: newSearchTimestamp(passed),
    version: listing.version,
    min_version: listing.minVersion,
    api_list: listing.apis.map((a) => ({ api_code: a.api_code, api_uri: a.api_uri(passed.version) })),
  };
  return { rspCode: '00000', body: api.encoder(passed.version, 0).bytes(body) };
}
