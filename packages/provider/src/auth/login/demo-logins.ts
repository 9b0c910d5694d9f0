import { createHmac } from 'node:crypto';

/** The credentials a demo customer logs in to a provider with (개별인증's own authentication). */
export interface DemoLogin {
  readonly loginId: string;
  readonly password: string;
  /** The simulated mobile number the one-time code is "sent" to. */
  readonly phone: string;
}

export const DEFAULT_DEMO_LOGIN_SEED = 'hannun-demo-logins';

const LOWER = 'abcdefghijkmnpqrstuvwxyz23456789';

function mac(seed: string, what: string, ci: string): Buffer {
  return createHmac('sha256', seed).update(`${what}\u0001${ci}`).digest();
}

function pick(bytes: Buffer, alphabet: string, n: number, offset = 0): string {
  let out = '';
  for (let i = 0; i < n; i++) out += alphabet[bytes[offset + i]! % alphabet.length];
  return out;
}

/**
 * A demo customer's login, the same at every institution that holds their products: deterministic from the
 * seed and the customer's CI, so `hannun up` can list it for the demo's people and tests can log in.
 * PROVISIONAL demo convenience: real providers each run their own login; these exist only for the demo.
 * Login ID `hn` + 8 letters/digits; password `Hn-xxxx-xxxx-xxxx`; phone 010-xxxx-xxxx.
 */
export function demoLoginOf(ci: string, seed: string = DEFAULT_DEMO_LOGIN_SEED): DemoLogin {
  const id = mac(seed, 'login-id', ci);
  const pw = mac(seed, 'password', ci);
  const phone = mac(seed, 'phone', ci);
  const digits = [...phone.subarray(0, 8)].map((b) => String(b % 10)).join('');
  return {
    loginId: `hn${pick(id, LOWER, 8)}`,
    password: `Hn-${pick(pw, LOWER, 4)}-${pick(pw, LOWER, 4, 4)}-${pick(pw, LOWER, 4, 8)}`,
    phone: `010-${digits.slice(0, 4)}-${digits.slice(4)}`,
  };
}

/** A phone number as the pages show it: 010-****-1234. */
export function maskPhone(phone: string): string {
  const m = /^(\d{3})-?(\d{3,4})-?(\d{4})$/.exec(phone);
  return m ? `${m[1]}-****-${m[3]}` : '***';
}
