import { generateKeyPairSync } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as caToken from './ca-token.ts';
import { type CaTokenKey, mintCaToken } from './ca-token.ts';
import { verifyCaTokenOnce } from './ca-token-cache.ts';

vi.mock('./ca-token.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('./ca-token.ts')>();
  return { ...original, verifyCaToken: vi.fn(original.verifyCaToken) };
});
const fullVerifications = vi.mocked(caToken.verifyCaToken);
afterEach(() => fullVerifications.mockClear());

const CA = 'CAHANNUN01';
const NOW = 1_790_000_000_000;
const keyOf = (): CaTokenKey => {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return { kid: 'k', privateKey, publicKey };
};
const mint = (key: CaTokenKey, lifetimeSeconds = 60) =>
  mintCaToken(key, { iss: CA, aud: 'BKNURI0001', nowMs: NOW, lifetimeSeconds });

describe('CA tokens verified once (authoriseCall, 통합인증-102…104)', () => {
  it('a token’s signature is checked once; its expiry on every call, on the CA clock', async () => {
    const key = keyOf();
    const { token, claims } = await mint(key);
    for (let i = 0; i < 5; i++) {
      expect(await verifyCaTokenOnce(token, key, { iss: CA, nowMs: NOW + i * 1000 })).toEqual({ ok: true, claims });
    }
    expect(fullVerifications).toHaveBeenCalledTimes(1);
    expect(await verifyCaTokenOnce(token, key, { iss: CA, nowMs: claims.exp * 1000 - 1 })).toMatchObject({ ok: true });
    expect(await verifyCaTokenOnce(token, key, { iss: CA, nowMs: claims.exp * 1000 })).toEqual({
      ok: false,
      reason: 'expired',
    });
    // Forgotten once expired: a later call verifies in full (and is refused again).
    expect(await verifyCaTokenOnce(token, key, { iss: CA, nowMs: claims.exp * 1000 })).toEqual({
      ok: false,
      reason: 'expired',
    });
    expect(fullVerifications).toHaveBeenCalledTimes(2);
  });

  it('a token changed by one byte after it verified is verified in full, and refused', async () => {
    const key = keyOf();
    const { token } = await mint(key);
    expect((await verifyCaTokenOnce(token, key, { iss: CA, nowMs: NOW })).ok).toBe(true);
    const [h, p, s] = token.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(p, 'base64url').toString()) as Record<string, unknown>;
    const otherAud = `${h}.${Buffer.from(JSON.stringify({ ...claims, aud: 'MDHANNUN01' })).toString('base64url')}.${s}`;
    const otherSig = `${h}.${p}.${s.slice(0, 10)}${s[10] === 'A' ? 'B' : 'A'}${s.slice(11)}`;
    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${p}.`;
    for (const changed of [otherAud, otherSig, none]) {
      expect((await verifyCaTokenOnce(changed, key, { iss: CA, nowMs: NOW })).ok).toBe(false);
    }
    expect(fullVerifications).toHaveBeenCalledTimes(4);
  });

  it('refusals are never remembered; a token of another key or issuer is verified against that key', async () => {
    const key = keyOf();
    const stranger = keyOf();
    const { token } = await mint(stranger);
    for (let i = 0; i < 3; i++) {
      expect(await verifyCaTokenOnce(token, key, { iss: CA, nowMs: NOW })).toEqual({ ok: false, reason: 'signature' });
    }
    expect(fullVerifications).toHaveBeenCalledTimes(3);
    // Remembered under the key that verified it, for the issuer it named.
    expect((await verifyCaTokenOnce(token, stranger, { iss: CA, nowMs: NOW })).ok).toBe(true);
    expect((await verifyCaTokenOnce(token, key, { iss: CA, nowMs: NOW })).ok).toBe(false);
    expect(await verifyCaTokenOnce(token, stranger, { iss: 'CAOTHER001', nowMs: NOW })).toEqual({
      ok: false,
      reason: 'issuer',
    });
  });
});
