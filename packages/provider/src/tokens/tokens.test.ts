import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import type { AccessTokenClaims } from '../consent/consent.ts';
import { createMemoryConsentStore } from '../consent/memory-consent-store.ts';
import { FIXTURE_NOW, fixtureConsent, fixtureInstitution } from '../testing/fixture-world.ts';
import { mintAccessToken } from './mint-access-token.ts';
import { generateSigningKey, generateSigningKeys } from './signing-keys.ts';
import { createTokenRevocations } from './token-revocations.ts';
import { createTokenVerifier } from './token-verifier.ts';
import { verifyAccessToken } from './verify-access-token.ts';

const bank = fixtureInstitution('BKNURI0001');
const keys = generateSigningKeys(['BKNURI0001', 'CDNURI0001']);
const key = keys.of('BKNURI0001');
const now = FIXTURE_NOW;
const sec = Math.floor(now / 1000);

function setup() {
  const consents = createMemoryConsentStore();
  const consent = fixtureConsent(bank);
  consents.put(consent);
  const revocations = createTokenRevocations();
  const claims: AccessTokenClaims = {
    iss: 'BKNURI0001',
    aud: 'MDHANNUN01',
    sub: consent.id,
    jti: 'jti-1',
    scope: 'bank.list bank.deposit',
    iat: sec,
    exp: sec + 3600,
  };
  return { consents, consent, revocations, claims, opts: { key, consents, revocations, now } };
}

describe('access tokens', () => {
  it('mint then verify gives back the claims and the consent', async () => {
    const { claims, opts, consent } = setup();
    const token = await mintAccessToken(key, claims);
    const verdict = await verifyAccessToken(token, opts);
    expect(verdict).toEqual({ ok: true, claims, consent });
    expect(JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString())).toEqual({
      alg: 'ES256',
      typ: 'JWT',
      kid: key.kid,
    });
  });

  it('refuses to sign claims of another institution with this key', async () => {
    const { claims } = setup();
    await expect(mintAccessToken(key, { ...claims, iss: 'CDNURI0001' })).rejects.toThrow(/cannot be signed/);
  });

  it.each([
    [
      'expired on the provider clock',
      'expired',
      async (c: AccessTokenClaims) => mintAccessToken(key, { ...c, exp: sec }),
    ],
    [
      'signed by another institution',
      'signature',
      async (c: AccessTokenClaims) => mintAccessToken(keys.of('CDNURI0001'), { ...c, iss: 'CDNURI0001' }),
    ],
    [
      'signed by a stranger with our name',
      'signature',
      async (c: AccessTokenClaims) => mintAccessToken({ ...generateSigningKey('BKNURI0001') }, c),
    ],
    ['not a JWS', 'malformed', async () => 'abc.def.ghi'],
    [
      'of an unknown consent',
      'no-consent',
      async (c: AccessTokenClaims) => mintAccessToken(key, { ...c, sub: 'nobody' }),
    ],
    [
      'HS256 with the public key as secret',
      'malformed',
      async (c: AccessTokenClaims) =>
        new SignJWT({ scope: c.scope })
          .setProtectedHeader({ alg: 'HS256' })
          .setIssuer(c.iss)
          .setSubject(c.sub)
          .sign(new Uint8Array(32)),
    ],
  ])('refuses a token %s (%s)', async (_what, reason, make) => {
    const { claims, opts } = setup();
    const verdict = await verifyAccessToken(await make(claims), opts);
    expect(verdict).toEqual({ ok: false, reason });
  });

  it('refuses a revoked jti and a revoked consent, from the revocation time on', async () => {
    const { claims, opts, revocations, consents, consent } = setup();
    const token = await mintAccessToken(key, claims);
    revocations.revoke('jti-1', now + 1000);
    expect((await verifyAccessToken(token, opts)).ok).toBe(true);
    expect(await verifyAccessToken(token, { ...opts, now: now + 1000 })).toEqual({ ok: false, reason: 'revoked' });
    const other = await mintAccessToken(key, { ...claims, jti: 'jti-2' });
    consents.revoke(consent.id, now);
    expect(await verifyAccessToken(other, opts)).toEqual({ ok: false, reason: 'revoked' });
  });

  it('the verifier checks a signature once, then expiry and revocation on every use', async () => {
    const { claims, consents, revocations } = setup();
    const verifier = createTokenVerifier({ key, consents, revocations, cacheSize: 2 });
    const token = await mintAccessToken(key, claims);
    const first = verifier.verify(token, now);
    expect(first).toBeInstanceOf(Promise);
    expect((await first).ok).toBe(true);
    const second = verifier.verify(token, now);
    expect(second).not.toBeInstanceOf(Promise);
    expect(second).toMatchObject({ ok: true });
    expect(verifier.verify(token, claims.exp * 1000)).toEqual({ ok: false, reason: 'expired' });
    const again = await mintAccessToken(key, { ...claims, jti: 'jti-3' });
    await verifier.verify(again, now);
    revocations.revoke('jti-3', now);
    expect(verifier.verify(again, now)).toEqual({ ok: false, reason: 'revoked' });
  });

  it('the verifier never caches a refused token, and forgets the oldest beyond its size', async () => {
    const { claims, consents, revocations } = setup();
    const verifier = createTokenVerifier({ key, consents, revocations, cacheSize: 1 });
    const bad = await mintAccessToken(keys.of('CDNURI0001'), { ...claims, iss: 'CDNURI0001' });
    expect(await verifier.verify(bad, now)).toEqual({ ok: false, reason: 'signature' });
    expect(verifier.verify(bad, now)).toBeInstanceOf(Promise);
    const a = await mintAccessToken(key, claims);
    const b = await mintAccessToken(key, { ...claims, jti: 'jti-b' });
    await verifier.verify(a, now);
    await verifier.verify(b, now);
    expect(verifier.verify(b, now)).not.toBeInstanceOf(Promise);
    expect(verifier.verify(a, now)).toBeInstanceOf(Promise);
  });
});
