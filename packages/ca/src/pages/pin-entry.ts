import { timingSafeEqual } from 'node:crypto';
import { kstDateTimeWording } from '../kst.ts';
import { pinMatches } from '../people/pin-hash.ts';
import {
  AFTER_RIGHT_PIN,
  afterWrongPin,
  attemptsLeft,
  isLocked,
  type PinPolicy,
  type PinState,
} from '../people/pin-lock.ts';
import type { CaContext } from '../service/ca-context.ts';
import type { PersonRecord } from '../store/ca-repository.ts';
import type { Bilingual } from './page-lang.ts';

/**
 * The PIN step both person-facing pages share (the signing page and the identity check): the form's CSRF
 * token, the person's attempts and lock as the form shows them, and checking an entered PIN against the lock,
 * the hash and the count. The count and lock are the person's, so switching pages does not reset them.
 */

export function pinPolicy(ctx: CaContext): PinPolicy {
  return { maxAttempts: ctx.limits.maxPinAttempts, lockMs: ctx.limits.pinLockSeconds * 1000 };
}

/** The form's CSRF token, compared in constant time. */
export function sameToken(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** What the PIN form says of the person's attempts and lock. */
export interface PinLockView {
  readonly attemptsLeft: number;
  readonly maxAttempts: number;
  readonly lockMinutes: number;
  /** When the lock ends, in words; null when not locked. */
  readonly lockedUntil: Bilingual | null;
}

export function pinLockView(ctx: CaContext, person: PersonRecord): PinLockView {
  const now = ctx.clock.nowMs();
  const pin = person.pin;
  const locked = isLocked(pin, now) && pin.lockedUntil !== null;
  return {
    attemptsLeft: attemptsLeft(pin, pinPolicy(ctx), now),
    maxAttempts: ctx.limits.maxPinAttempts,
    lockMinutes: Math.round(ctx.limits.pinLockSeconds / 60),
    lockedUntil: locked
      ? { ko: kstDateTimeWording(pin.lockedUntil!, 'ko'), en: kstDateTimeWording(pin.lockedUntil!, 'en') }
      : null,
  };
}

/**
 * Record a wrong PIN as a compare-and-set on the person's PIN state (two tries at once both count), and
 * return the person as they are now.
 */
export async function countWrongPin(ctx: CaContext, person: PersonRecord): Promise<PersonRecord> {
  let current = person;
  for (let i = 0; i < 10; i++) {
    const next: PinState = afterWrongPin(current.pin, pinPolicy(ctx), ctx.clock.nowMs());
    if (await ctx.repository.updatePinState(current.id, current.pin, next)) return { ...current, pin: next };
    const fresh = await ctx.repository.personById(current.id);
    if (!fresh) throw new Error('person vanished while counting a wrong PIN');
    current = fresh;
  }
  throw new Error('could not record a wrong PIN: the PIN state keeps changing');
}

/** What an entered PIN comes to: the person as they are after it. */
export type PinCheck =
  | { readonly kind: 'locked'; readonly person: PersonRecord }
  | { readonly kind: 'wrong'; readonly person: PersonRecord; readonly error: 'wrong-pin' | 'bad-pin-format' | null }
  | { readonly kind: 'right'; readonly person: PersonRecord };

/**
 * Checks an entered PIN: refused while locked; a wrong one counted (the error is null when that count locked
 * it); the right one clears the count, unless a lock arrived from another tab while the hash was computed.
 * `page` names the page in the log.
 */
export async function checkPin(
  ctx: CaContext,
  person: PersonRecord,
  entered: string | undefined,
  log: Readonly<Record<string, unknown>>,
): Promise<PinCheck> {
  if (isLocked(person.pin, ctx.clock.nowMs())) {
    ctx.logger.warn(log, 'PIN entry while locked refused');
    return { kind: 'locked', person };
  }
  const pin = entered ?? '';
  if (!(await pinMatches(person.pinHash, pin, ctx.secrets.pepper))) {
    const after = await countWrongPin(ctx, person);
    const now = ctx.clock.nowMs();
    const locked = isLocked(after.pin, now);
    ctx.logger.warn({ ...log, attemptsLeft: attemptsLeft(after.pin, pinPolicy(ctx), now), locked }, 'wrong PIN');
    const error = locked ? null : /^[0-9]{6}$/.test(pin) ? 'wrong-pin' : 'bad-pin-format';
    return { kind: 'wrong', person: after, error };
  }
  const fresh = (await ctx.repository.personById(person.id)) ?? person;
  if (isLocked(fresh.pin, ctx.clock.nowMs())) return { kind: 'locked', person: fresh };
  if (fresh.pin.failedAttempts !== 0 || fresh.pin.lockedUntil !== null) {
    await ctx.repository.updatePinState(fresh.id, fresh.pin, AFTER_RIGHT_PIN);
  }
  return { kind: 'right', person: fresh };
}
