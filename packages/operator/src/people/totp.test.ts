import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode, hotp, matchTotp, newTotpSecret, otpauthUri, totp } from './totp.ts';

// RFC 6238 Appendix B: the SHA-1 seed "12345678901234567890", 8 digits.
const SEED = Buffer.from('12345678901234567890', 'ascii');

describe('TOTP (RFC 6238 with node:crypto)', () => {
  it.each([
    [59, '94287082'],
    [1111111109, '07081804'],
    [1111111111, '14050471'],
    [1234567890, '89005924'],
    [2000000000, '69279037'],
    [20000000000, '65353130'],
  ])('RFC 6238 test vector at T=%i s is %s', (seconds, code) => {
    expect(totp(SEED, seconds * 1000, { digits: 8 })).toBe(code);
  });

  it('RFC 4226 Appendix D HOTP values (counter 0…2)', () => {
    expect([0, 1, 2].map((c) => hotp(SEED, c))).toEqual(['755224', '287082', '359152']);
  });

  it('accepts the code of the step before and after (drift), nothing further, and says which step', () => {
    const t = 1_700_000_000_000;
    const step = Math.floor(t / 30_000);
    expect(matchTotp(SEED, totp(SEED, t - 30_000), t)).toBe(step - 1);
    expect(matchTotp(SEED, totp(SEED, t + 30_000), t)).toBe(step + 1);
    expect(matchTotp(SEED, totp(SEED, t - 90_000), t)).toBeUndefined();
    expect(matchTotp(SEED, '12345', t)).toBeUndefined();
    expect(matchTotp(SEED, 'abcdef', t)).toBeUndefined();
  });

  it('base32 round-trips (RFC 4648 vector) and secrets are 160 bits', () => {
    expect(base32Encode(Buffer.from('foobar'))).toBe('MZXW6YTBOI');
    expect(base32Decode('MZXW6YTBOI======').toString()).toBe('foobar');
    const s = newTotpSecret();
    expect(s).toMatch(/^[A-Z2-7]{32}$/);
    expect(base32Decode(s)).toHaveLength(20);
    expect(otpauthUri(s, 'hannun1')).toMatch(/^otpauth:\/\/totp\/Hannun%3Ahannun1\?secret=[A-Z2-7]{32}&issuer=Hannun/);
  });
});
