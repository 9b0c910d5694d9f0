import { Temporal } from 'temporal-polyfill';
import { kstToEpochMs } from '../clock/kst.ts';

/**
 * How long what the provider issues lives (규격 §2.2, guideline 참고5, MyData 2.0):
 * - access token ≤ 90 days (default 90 days);
 * - refresh token until the end of the consent's end date (KST), and never beyond 5 years from issuance
 *   (a configured maximum may shorten it further);
 * - authorization code ≤ 10 minutes (default 5 minutes), single use.
 * A configured value above a maximum is a configuration error, not silently clipped.
 */
export interface TokenLifetimes {
  readonly accessSeconds: number;
  /** An upper bound on refresh tokens besides the consent's end; at most 5 years. */
  readonly refreshMaxSeconds: number;
  readonly codeSeconds: number;
}

const DAY = 86_400;
export const ACCESS_MAX_SECONDS = 90 * DAY;
/** 5 years of 365 days and one leap day: the bound in seconds; the calendar bound is applied too. */
export const REFRESH_MAX_SECONDS = (5 * 365 + 1) * DAY;
export const CODE_MAX_SECONDS = 600;
export const REFRESH_MAX_YEARS = 5;

export const DEFAULT_LIFETIMES: TokenLifetimes = {
  accessSeconds: ACCESS_MAX_SECONDS,
  refreshMaxSeconds: REFRESH_MAX_SECONDS,
  codeSeconds: 300,
};

function checked(name: string, value: number, max: number): number {
  if (!Number.isInteger(value) || value <= 0 || value > max) {
    throw new RangeError(`${name} must be a whole number of seconds from 1 to ${max}, not ${value}`);
  }
  return value;
}

/** The lifetimes to use: defaults, overridden within the maxima (throws a RangeError otherwise). */
export function resolveLifetimes(partial: Partial<TokenLifetimes> = {}): TokenLifetimes {
  return {
    accessSeconds: checked(
      'accessSeconds',
      partial.accessSeconds ?? DEFAULT_LIFETIMES.accessSeconds,
      ACCESS_MAX_SECONDS,
    ),
    refreshMaxSeconds: checked(
      'refreshMaxSeconds',
      partial.refreshMaxSeconds ?? DEFAULT_LIFETIMES.refreshMaxSeconds,
      REFRESH_MAX_SECONDS,
    ),
    codeSeconds: checked('codeSeconds', partial.codeSeconds ?? DEFAULT_LIFETIMES.codeSeconds, CODE_MAX_SECONDS),
  };
}

/** The first instant after a KST date: its end (the consent's end date is its last day). */
export function endOfKstDate(date: Temporal.PlainDate): number {
  const next = date.add({ days: 1 });
  return kstToEpochMs(next.year, next.month, next.day);
}

/** The same KST wall-clock instant 5 years later (29 February becomes 28 February). */
export function fiveYearsAfter(ms: number): number {
  const kst = new Date(ms + 9 * 3_600_000);
  const date = new Temporal.PlainDate(kst.getUTCFullYear(), kst.getUTCMonth() + 1, kst.getUTCDate()).add({
    years: REFRESH_MAX_YEARS,
  });
  const inDay = (ms + 9 * 3_600_000) % (DAY * 1000);
  return kstToEpochMs(date.year, date.month, date.day) + inDay;
}

export interface PairExpiry {
  /** Epoch seconds. */
  readonly accessExp: number;
  readonly refreshExp: number;
}

/**
 * When a pair issued at `now` expires: the refresh token at the end of the consent's end date, capped at
 * 5 years and the configured maximum; the access token after its own lifetime. The access token is not cut
 * at the consent's end: the check chain refuses it from the day after the end date with 40106 (guideline
 * 참고5: the end date is enforced even while a token is valid). Whole seconds (JWS `exp`), rounded down.
 */
export function pairExpiry(lifetimes: TokenLifetimes, endDate: Temporal.PlainDate, now: number): PairExpiry {
  const refreshMs = Math.min(endOfKstDate(endDate), fiveYearsAfter(now), now + lifetimes.refreshMaxSeconds * 1000);
  return { accessExp: accessExpiry(lifetimes, now), refreshExp: Math.floor(refreshMs / 1000) };
}

/** A new access token's expiry (개별인증-002/003, 통합인증-002). */
export function accessExpiry(lifetimes: TokenLifetimes, now: number): number {
  return Math.floor(now / 1000) + lifetimes.accessSeconds;
}
