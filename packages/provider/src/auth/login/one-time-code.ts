import { timingSafeEqual } from 'node:crypto';
import { sha256Hex, sixDigits } from '../secrets.ts';
import type { OtpState } from '../store/auth-store.ts';

/** A code lives 3 minutes and takes 5 wrong tries; a request gets 3 codes at most (PROVISIONAL limits). */
export const OTP_TTL_MS = 3 * 60_000;
export const OTP_MAX_ATTEMPTS = 5;
export const OTP_MAX_SENDS = 3;

/** A fresh 6-digit code and its stored state (hashed). `sends` counts the codes sent before this one. */
export function newOtp(now: number, sends: number): { readonly code: string; readonly state: OtpState } {
  const code = sixDigits();
  return {
    code,
    state: { codeHash: sha256Hex(code), sentAt: now, expiresAt: now + OTP_TTL_MS, attempts: 0, sends: sends + 1 },
  };
}

export type OtpResult = 'ok' | 'wrong' | 'expired' | 'exhausted';

/** Check an entered code: the result and the state to store (a wrong try is counted). */
export function checkOtp(
  state: OtpState,
  given: string,
  now: number,
): { readonly result: OtpResult; readonly next: OtpState } {
  if (state.attempts >= OTP_MAX_ATTEMPTS) return { result: 'exhausted', next: state };
  if (state.expiresAt <= now) return { result: 'expired', next: state };
  const a = Buffer.from(sha256Hex(given), 'hex');
  const b = Buffer.from(state.codeHash, 'hex');
  if (/^\d{6}$/.test(given) && a.length === b.length && timingSafeEqual(a, b)) return { result: 'ok', next: state };
  const next = { ...state, attempts: state.attempts + 1 };
  return { result: next.attempts >= OTP_MAX_ATTEMPTS ? 'exhausted' : 'wrong', next };
}

export const otpTriesLeft = (state: OtpState): number => Math.max(0, OTP_MAX_ATTEMPTS - state.attempts);
export const otpSendsLeft = (state: OtpState | undefined): number => OTP_MAX_SENDS - (state?.sends ?? 0);
