/** When a certificate starts and stops being valid. */
export interface Validity {
  readonly notBefore: Date;
  readonly notAfter: Date;
}

/** Choose the validity of a new certificate: explicit dates win, otherwise `days` from now. */
export interface ValidityOptions {
  /** Length of validity in days, counted from now. */
  readonly validityDays?: number;
  /** Overrides the start (default: five minutes ago, to tolerate clock skew between machines). */
  readonly notBefore?: Date;
  /** Overrides the end (tests use a date in the past to make an expired certificate). */
  readonly notAfter?: Date;
}

const DAY_MS = 86_400_000;
const CLOCK_SKEW_MS = 5 * 60_000;

export function resolveValidity(options: ValidityOptions, defaultDays: number, now = new Date()): Validity {
  const days = options.validityDays ?? defaultDays;
  if (!Number.isFinite(days) || days <= 0) throw new RangeError(`validityDays must be a positive number, got ${days}`);
  const notBefore = options.notBefore ?? new Date(now.getTime() - CLOCK_SKEW_MS);
  const notAfter = options.notAfter ?? new Date(now.getTime() + days * DAY_MS);
  if (notAfter <= notBefore) throw new RangeError('notAfter must be later than notBefore');
  return { notBefore, notAfter };
}

/** Whole days from `now` until `date` (negative once it is past). */
export function daysUntil(date: Date, now = new Date()): number {
  return (date.getTime() - now.getTime()) / DAY_MS;
}
