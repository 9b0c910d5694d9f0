import type { ApiGroup, CycleClass, DateRule } from '@hannun/spec';

/** Who a token belongs to, read from its claims without verifying it. The token itself is never kept. */
export interface TokenIdentity {
  readonly jti?: string;
  /** The consent the token carries (`sub` of Hannun's tokens; a provider's own claim elsewhere). */
  readonly consentId?: string;
  /** When it expires (epoch ms), from `exp`. */
  readonly expMs?: number;
}

/** The consent as the provider held it at the call: what the cycle rule needs. */
export interface ConsentTerms {
  readonly id: string;
  readonly isScheduled: boolean;
  readonly fndCycle: string;
  readonly addCycle: string;
}

/**
 * One call an operator made to the recording provider, as the judge reads it. Personal data and secrets are
 * never kept: the person and the asset are keyed hashes (`person#…`, `asset#…`), tokens only by their claims.
 */
export interface CallRecord {
  readonly seq: number;
  /** The provider clock when the call arrived (the time np_time and cycles are judged at). */
  readonly atMs: number;
  /** Real time (epoch ms) when the call arrived and when its answer was sent: overlaps. */
  readonly startedAt: number;
  readonly endedAt: number;
  readonly method: string;
  /** The path, without the query. */
  readonly path: string;
  readonly orgCode?: string;
  /** The standard's API ID, when the path is one of the institution's APIs. */
  readonly apiId?: string;
  /** `info` for the information APIs, `auth` for 개별인증/통합인증-002. */
  readonly group?: ApiGroup;
  readonly cycleClass?: CycleClass;
  readonly dateRule?: DateRule;
  /** x-api-type and x-api-tran-id as sent. */
  readonly apiType?: string;
  readonly tranId?: string;
  /** The access token of an information call; the refresh token of 개별인증-003; the token 개별인증-004 revokes. */
  readonly token?: TokenIdentity;
  readonly consent?: ConsentTerms;
  readonly person?: string;
  readonly asset?: string;
  /** from/to as sent (YYYYMMDD or YYYYMM). */
  readonly period?: { readonly unit: 'date' | 'month'; readonly from: string; readonly to: string };
  readonly paging?: { readonly limit?: string; readonly nextPage: boolean };
  readonly status: number;
  readonly rspCode?: string;
  /** OAuth error of the token and revoke endpoints. */
  readonly oauthError?: string;
  /** 개별인증-003: the access token it issued. */
  readonly issued?: TokenIdentity;
}

/** A short line naming a call, for reports and failures. */
export function describeCall(r: CallRecord): string {
  const what = r.apiId ?? `${r.method} ${r.path}`;
  const period = r.period ? ` ${r.period.from}~${r.period.to}` : '';
  const code = r.rspCode ?? r.oauthError ?? String(r.status);
  return `#${r.seq} ${what} ${r.apiType ?? ''}${period} ${r.asset ?? ''} → ${code}`.replace(/\s+/g, ' ').trim();
}

/** An information-API call (not authentication, not an unknown path). */
export const isInfoCall = (r: CallRecord): boolean => r.group === 'info';
/** A call the provider answered with data (00000) or "nothing new" (00001). */
export const answered = (r: CallRecord): boolean => r.rspCode === '00000' || r.rspCode === '00001';
/** A first page (no next_page sent): a paginated fetch counts once. */
export const firstPage = (r: CallRecord): boolean => !r.paging?.nextPage;
