import { describe, expect, it } from 'vitest';
import { createMemoryConsentStore } from '../consent/memory-consent-store.ts';
import { FIXTURE_NOW, fixtureConsent, fixtureInstitution } from '../testing/fixture-world.ts';
import { mintAccessToken } from './mint-access-token.ts';
import { readOwnToken } from './read-own-token.ts';
import { mintRefreshToken, verifyRefreshToken } from './refresh-token.ts';
import { generateSigningKeys } from './signing-keys.ts';
import { createTokenRevocations } from './token-revocations.ts';
import { verifyAccessToken } from './verify-access-token.ts';

const keys = generateSigningKeys(['BKNURI0001', 'CDNURI0001']);
const key = keys.of('BKNURI0001');
const sec = Math.floor(FIXTURE_NOW / 1000);
const claims = {
  iss: 'BKNURI0001',
  aud: 'MDHANNUN01',
  sub: 'c1',
  jti: 'r1',
  scope: 'bank.list',
  iat: sec,
  exp: sec + 3600,
};

describe('refresh tokens', () => {
  it('are JWS marked twice (typ rt+jwt, token_use refresh) and verify as refresh tokens', async () => {
    const token = await mintRefreshToken(key, claims);
    const header = JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString()) as Record<string, string>;
    expect(header).toEqual({ alg: 'ES256', typ: 'rt+jwt', kid: key.kid });
    expect(await verifyRefreshToken(token, key, FIXTURE_NOW)).toEqual({ ok: true, claims });
  });

  it('never verify as access tokens, even for an existing consent', async () => {
    const consents = createMemoryConsentStore();
    const consent = fixtureConsent(fixtureInstitution('BKNURI0001'));
    consents.put(consent);
    const token = await mintRefreshToken(key, { ...claims, sub: consent.id });
    const verdict = await verifyAccessToken(token, {
      key,
      consents,
      revocations: createTokenRevocations(),
      now: FIXTURE_NOW,
    });
    expect(verdict).toEqual({ ok: false, reason: 'claims' });
  });

  it('an access token is not a refresh token; nor one of another institution; nor an expired one', async () => {
    const access = await mintAccessToken(key, { ...claims, jti: 'a1' });
    expect((await verifyRefreshToken(access, key, FIXTURE_NOW)).ok).toBe(false);
    const card = await mintRefreshToken(keys.of('CDNURI0001'), { ...claims, iss: 'CDNURI0001' });
    expect(await verifyRefreshToken(card, key, FIXTURE_NOW)).toEqual({ ok: false, reason: 'signature' });
    const token = await mintRefreshToken(key, claims);
    expect(await verifyRefreshToken(token, key, (claims.exp + 1) * 1000)).toEqual({ ok: false, reason: 'expired' });
  });

  it('readOwnToken tells access from refresh, ignores expiry, and refuses foreign tokens', async () => {
    const access = await mintAccessToken(key, { ...claims, jti: 'a1', exp: sec - 10, iat: sec - 20 });
    expect(await readOwnToken(access, key)).toEqual({ kind: 'access', jti: 'a1', sub: 'c1' });
    expect(await readOwnToken(await mintRefreshToken(key, claims), key)).toEqual({
      kind: 'refresh',
      jti: 'r1',
      sub: 'c1',
    });
    const card = await mintAccessToken(keys.of('CDNURI0001'), { ...claims, iss: 'CDNURI0001' });
    expect(await readOwnToken(card, key)).toBeUndefined();
    expect(await readOwnToken('x.y.z', key)).toBeUndefined();
  });
});
