import type { CallResult } from './provider-client.ts';

/** How often and how long to retry a call that found the provider unavailable. */
export interface RetryPolicy {
  /** Tries in all, the first included (default 4). */
  readonly attempts: number;
  /** First backoff; doubled each try (default 250 ms). */
  readonly baseMs: number;
  /** Longest single wait (default 8 s). */
  readonly capMs: number;
  /** A Retry-After longer than this is not waited for: the job is put off instead (default 30 s). */
  readonly maxRetryAfterMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 4, baseMs: 250, capMs: 8_000, maxRetryAfterMs: 30_000 };

/**
 * Exponential backoff with full jitter (AWS architecture blog): a uniformly random wait up to
 * min(cap, base × 2^try), so callers that failed together do not come back together.
 */
export function backoffMs(policy: RetryPolicy, attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** attempt);
  return Math.floor(random() * ceiling);
}

/**
 * What a call's outcome means for the next step:
 * - `retry`: the provider was unavailable (5xx system failures 50001–50007, a timeout, a dropped connection,
 *   429 42902 too many requests): try again after a backoff (or its Retry-After);
 * - `window`: 50009 outside np_time, 50008 maintenance: put the job off (no point retrying now);
 * - `cycle`: 42901, the scheduled cycle is used up: this API and asset wait for the next cycle;
 * - `token`: 40101, the access token is no longer accepted: refresh it once, then try again;
 * - `ended`: 40106, the consent's end date passed: nothing more to collect here;
 * - `skip`: the provider has nothing for this asset (40402), the asset is not normal (40305) or closed since
 *   the consent (40404), or not in the consent (40105): nothing to store, not a failure;
 * - `fail`: anything else (a period or parameter the provider refuses, a malformed answer): the unit fails,
 *   the job goes on with the others.
 */
export type Verdict = 'ok' | 'retry' | 'window' | 'cycle' | 'token' | 'ended' | 'skip' | 'fail';

const RETRY_CODES = new Set(['50001', '50002', '50003', '50004', '50005', '50006', '50007', '42902', '40302']);
const SKIP_CODES = new Set(['40402', '40305', '40404', '40105']);

export function verdictOf(r: CallResult): Verdict {
  switch (r.kind) {
    case 'ok':
    case 'up-to-date':
      return 'ok';
    case 'timeout':
    case 'connection':
      return 'retry';
    case 'malformed':
      // A 5xx that is not even an envelope (a proxy's page) is unavailability, not a provider's lie.
      return r.httpStatus !== null && r.httpStatus >= 500 ? 'retry' : 'fail';
    case 'refused':
      if (RETRY_CODES.has(r.rspCode)) return 'retry';
      if (r.rspCode === '50008' || r.rspCode === '50009' || r.rspCode === '50010') return 'window';
      if (r.rspCode === '42901') return 'cycle';
      if (r.rspCode === '40101') return 'token';
      if (r.rspCode === '40106') return 'ended';
      if (SKIP_CODES.has(r.rspCode)) return 'skip';
      return r.httpStatus !== null && r.httpStatus >= 500 ? 'retry' : 'fail';
  }
}
