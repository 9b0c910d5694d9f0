/** How hard logins are guarded. Defaults follow common practice (OWASP ASVS 2.2): tune per deployment. */
export interface LoginPolicy {
  /** Wrong passwords (or TOTP codes) in a row before the account locks. */
  readonly maxFailures: number;
  /** How long the lock lasts. */
  readonly lockMs: number;
  /** Failed attempts from one source (IP address) within `sourceWindowMs` before it is throttled. */
  readonly maxSourceFailures: number;
  readonly sourceWindowMs: number;
}

export const DEFAULT_LOGIN_POLICY: LoginPolicy = {
  maxFailures: 5,
  lockMs: 15 * 60_000,
  maxSourceFailures: 20,
  sourceWindowMs: 15 * 60_000,
};

/** A person's failure state. */
export interface LockState {
  readonly failedLogins: number;
  readonly lockedUntil: number | null;
}

export function isLocked(s: LockState, now: number): boolean {
  return s.lockedUntil !== null && now < s.lockedUntil;
}

/**
 * The state after a failure at `now`: one more, and at the limit a lock (the count starts again after it).
 * A failure while locked changes nothing (nothing was checked).
 */
export function afterFailure(s: LockState, policy: LoginPolicy, now: number): LockState {
  if (isLocked(s, now)) return s;
  const failed = (s.lockedUntil === null ? s.failedLogins : 0) + 1;
  if (failed >= policy.maxFailures) return { failedLogins: 0, lockedUntil: now + policy.lockMs };
  return { failedLogins: failed, lockedUntil: null };
}

export const AFTER_SUCCESS: LockState = { failedLogins: 0, lockedUntil: null };
