/** A person's PIN state: wrong PINs in a row, and until when they are locked (epoch ms). */
export interface PinState {
  readonly failedAttempts: number;
  readonly lockedUntil: number | null;
}

export interface PinPolicy {
  readonly maxAttempts: number;
  readonly lockMs: number;
}

/** Whether the person is locked at `now`. */
export function isLocked(state: PinState, now: number): boolean {
  return state.lockedUntil !== null && now < state.lockedUntil;
}

/** Wrong PINs left before the lock, at `now` (a lock that has ended counts as a fresh start). */
export function attemptsLeft(state: PinState, policy: PinPolicy, now: number): number {
  if (isLocked(state, now)) return 0;
  const failed = state.lockedUntil === null ? state.failedAttempts : 0;
  return Math.max(0, policy.maxAttempts - failed);
}

/**
 * The state after a wrong PIN at `now`: one more failure, and at the limit a lock of `lockMs` (the count
 * starts again after it). A wrong PIN while locked changes nothing (it was never checked).
 */
export function afterWrongPin(state: PinState, policy: PinPolicy, now: number): PinState {
  if (isLocked(state, now)) return state;
  const failed = (state.lockedUntil === null ? state.failedAttempts : 0) + 1;
  if (failed >= policy.maxAttempts) return { failedAttempts: 0, lockedUntil: now + policy.lockMs };
  return { failedAttempts: failed, lockedUntil: null };
}

/** After a right PIN: the count is cleared. */
export const AFTER_RIGHT_PIN: PinState = { failedAttempts: 0, lockedUntil: null };
