/**
 * The CA's lifetimes and limits. PROVISIONAL where marked: 별첨2 is not public, so the values a real CA uses
 * are not known. Each can be configured; the maxima are enforced so a configuration cannot make the CA
 * looser than the standard's ceilings (notes §4.2: support-type tokens ≤ 1 year, no refresh token).
 */
export interface CaLimits {
  /** 통합인증-101 access token lifetime. Default 1 hour; at most 1 year. */
  readonly accessTokenSeconds: number;
  /** How long a signing transaction (통합인증-102) waits for the person. Default 5 minutes (provisional). */
  readonly signRequestSeconds: number;
  /** Wrong PINs in a row before the person is locked. Default 5 (provisional). */
  readonly maxPinAttempts: number;
  /** How long the lock lasts. Default 30 minutes (provisional). */
  readonly pinLockSeconds: number;
  /** Validity of a person's certificate. Default 365 days (provisional). */
  readonly personCertificateDays: number;
}

export const DEFAULT_LIMITS: CaLimits = {
  accessTokenSeconds: 3600,
  signRequestSeconds: 300,
  maxPinAttempts: 5,
  pinLockSeconds: 1800,
  personCertificateDays: 365,
};

const YEAR_SECONDS = 365 * 86_400;

/** The most each limit may be set to. */
export const LIMIT_MAXIMA: CaLimits = {
  accessTokenSeconds: YEAR_SECONDS,
  signRequestSeconds: 3600,
  maxPinAttempts: 10,
  pinLockSeconds: 86_400,
  personCertificateDays: 3 * 365,
};

/** Defaults filled in; a value that is not a positive integer or is over its maximum throws a RangeError naming it. */
export function resolveLimits(given: Partial<CaLimits> = {}): CaLimits {
  const out = { ...DEFAULT_LIMITS, ...given };
  for (const key of Object.keys(DEFAULT_LIMITS) as (keyof CaLimits)[]) {
    const v = out[key];
    if (!Number.isSafeInteger(v) || v <= 0)
      throw new RangeError(`CA limit ${key} must be a positive integer, got ${v}`);
    if (v > LIMIT_MAXIMA[key]) throw new RangeError(`CA limit ${key} is ${v}, at most ${LIMIT_MAXIMA[key]} allowed`);
  }
  return out;
}
