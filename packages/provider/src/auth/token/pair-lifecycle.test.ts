import { encodeConsentDocument, utf8Length } from '@hannun/spec';
import { SignJWT, UnsecuredJWT } from 'jose';
import { afterAll, describe, expect, it } from 'vitest';
import { KIM_CI } from '../../testing/fixture-world.ts';
import { generateSigningKey } from '../../tokens/signing-keys.ts';
import {
  CA_CODE,
  CLIENT_ID,
  CLIENT_SECRET,
  createAuthWorld,
  OTHER_CLIENT_ID,
  OTHER_CLIENT_SECRET,
  REDIRECT_URI,
} from '../testing/auth-world.ts';
import { kimConsentDocument, newTxId } from '../testing/consent-documents.ts';
import { createFakeCa } from '../testing/fake-ca.ts';
import { walkIndividualAuth } from '../testing/person.ts';

const ca = createFakeCa();
const world = createAuthWorld({ auth: { caClient: ca, lifetimes: { accessSeconds: 3600 } } });
afterAll(() => world.close());
const ORG = 'BKNURI0001';
const store = world.engine.provider.auth.store;

interface Pair {
  readonly access_token: string;
  readonly refresh_token: string;
  readonly expires_in: string;
  readonly refresh_token_expires_in: string;
}

async function individualPair(org: 'BKNURI0001' | 'CDNURI0001' = ORG): Promise<Pair> {
  const { callback } = await walkIndividualAuth(world, org);
  const response = await world.post(org, 'token', {
    org_code: org,
    grant_type: 'authorization_code',
    code: callback.searchParams.get('code')!,
    client_id: CLIENT_ID,
    client_secret: CLIENT_SECRET,
    redirect_uri: REDIRECT_URI,
  });
  expect(response.statusCode).toBe(200);
  return response.json() as Pair;
}

async function integratedPair(endDate = '20260315'): Promise<Pair> {
  const text = encodeConsentDocument(kimConsentDocument(world, ORG, { end_date: endDate }));
  const { certTxId, signed } = ca.sign(KIM_CI, [text]);
  const response = await world.post(ORG, 'token', {
    tx_id: newTxId(ORG),
    org_code: ORG,
    grant_type: 'password',
    client_id: CLIENT_ID,
    client_secret: CLIENT_SECRET,
    ca_code: CA_CODE,
    username: KIM_CI,
    request_type: '1',
    password_len: String(signed[0]!.length),
    password: signed[0]!,
    auth_type: '1',
    consent_type: '0',
    consent_len: String(utf8Length(text)),
    consent: text,
    cert_tx_id: certTxId,
  });
  expect(response.statusCode).toBe(200);
  return response.json() as Pair;
}

const rspCode = async (token: string, org: 'BKNURI0001' | 'CDNURI0001' = ORG) =>
  ((await world.call(org, org === ORG ? '은행-001' : '카드-001', token)).json() as { rsp_code: string }).rsp_code;

const refresh = (token: string, client = { id: CLIENT_ID, secret: CLIENT_SECRET }) =>
  world.post(ORG, 'token', {
    org_code: ORG,
    grant_type: 'refresh_token',
    refresh_token: token,
    client_id: client.id,
    client_secret: client.secret,
  });

const revoke = (token: string, client = { id: CLIENT_ID, secret: CLIENT_SECRET }) =>
  world.post(ORG, 'revoke', { org_code: ORG, token, client_id: client.id, client_secret: client.secret });

describe('token pairs: one per (CI × client_id × org_code), lifetimes, refresh, revoke', () => {
  it('AC50: a changed consent replaces the pair: the old one fails at once (40101), its refresh too', async () => {
    const old = await individualPair();
    expect(await rspCode(old.access_token)).toBe('00000');
    const fresh = await individualPair();
    expect(await rspCode(old.access_token)).toBe('40101');
    expect((await refresh(old.refresh_token)).json()).toMatchObject({ error: 'invalid_grant' });
    expect(await rspCode(fresh.access_token)).toBe('00000');
    const live = (await store.pairs.list(ORG)).filter((p) => p.revokedAt === undefined);
    expect(live).toHaveLength(1);
    expect((await store.pairs.list(ORG)).filter((p) => p.revokedWhy === 'replaced').length).toBeGreaterThan(0);
  });

  it('AC51: switching between individual and integrated authentication replaces the pair too; other institutions keep theirs', async () => {
    const card = await individualPair('CDNURI0001');
    const individual = await individualPair();
    const integrated = await integratedPair();
    expect(await rspCode(individual.access_token)).toBe('40101');
    expect(await rspCode(integrated.access_token)).toBe('00000');
    const back = await individualPair();
    expect(await rspCode(integrated.access_token)).toBe('40101');
    expect(await rspCode(back.access_token)).toBe('00000');
    expect(await rspCode(card.access_token, 'CDNURI0001')).toBe('00000');
  });

  it('AC52: lifetimes: the access token as configured (≤ 90 days), the refresh token to the end of the consent’s end date', async () => {
    const pair = await integratedPair('20250320');
    expect(pair.expires_in).toBe('3600');
    // 2025-03-20 ends at 2025-03-21 00:00 KST = 2025-03-20 15:00 UTC.
    expect(Number(pair.refresh_token_expires_in)).toBe((Date.UTC(2025, 2, 20, 15) - world.clock.nowMs()) / 1000);
    expect(() => createAuthWorld({ auth: { lifetimes: { accessSeconds: 91 * 86_400 } } })).toThrow(/accessSeconds/);
    expect(() => createAuthWorld({ auth: { lifetimes: { codeSeconds: 601 } } })).toThrow(/codeSeconds/);
  });

  it('AC53: 개별인증-003 gives a new access token only; the refresh token keeps its lifetime; the old access token stops', async () => {
    const pair = await individualPair();
    world.clock.advance(1000 * 1000);
    const response = await refresh(pair.refresh_token);
    expect(response.statusCode).toBe(200);
    const body = response.json() as Record<string, string>;
    expect(Object.keys(body).sort()).toEqual(['access_token', 'expires_in', 'token_type']);
    expect(body['expires_in']).toBe('3600');
    expect(await rspCode(body['access_token']!)).toBe('00000');
    expect(await rspCode(pair.access_token)).toBe('40101');
    const stored = (await store.pairs.list(ORG)).filter((p) => p.revokedAt === undefined).at(-1)!;
    const refreshPayload = JSON.parse(Buffer.from(pair.refresh_token.split('.')[1]!, 'base64url').toString()) as {
      exp: number;
    };
    expect(stored.refreshExpiresAt).toBe(refreshPayload.exp * 1000);
    expect((await refresh(pair.refresh_token)).statusCode).toBe(200);
  });

  it.each([['of another client', () => ({ id: OTHER_CLIENT_ID, secret: OTHER_CLIENT_SECRET })]])(
    'AC54: a refresh token %s is invalid_grant',
    async (_what, client) => {
      const pair = await individualPair();
      expect((await refresh(pair.refresh_token, client())).json()).toMatchObject({ error: 'invalid_grant' });
    },
  );

  it('AC55: an expired or revoked refresh token, or an access token in its place, is invalid_grant', async () => {
    const pair = await integratedPair('20250316');
    expect((await refresh(pair.access_token)).json()).toMatchObject({ error: 'invalid_grant' });
    await revoke(pair.access_token);
    expect((await refresh(pair.refresh_token)).json()).toMatchObject({ error: 'invalid_grant' });
    const short = await integratedPair('20250316');
    world.clock.advance(2 * 86_400_000);
    expect((await refresh(short.refresh_token)).json()).toMatchObject({
      error: 'invalid_grant',
      error_description: 'refresh_token: 만료된 리프레시 토큰',
    });
  });

  it('AC56b: an expired access token answers 40101; a refresh brings a working one', async () => {
    const pair = await individualPair();
    world.clock.advance(3600 * 1000);
    expect(await rspCode(pair.access_token)).toBe('40101');
    const fresh = (await refresh(pair.refresh_token)).json() as Record<string, string>;
    expect(await rspCode(fresh['access_token']!)).toBe('00000');
  });

  it('AC56: a refresh token never passes the check chain as an access token (40101)', async () => {
    const pair = await individualPair();
    expect(await rspCode(pair.refresh_token)).toBe('40101');
    expect(await rspCode(pair.access_token)).toBe('00000');
  });

  it('AC57: consent ended → 40106 even with a live token (the access token outlives the end date)', async () => {
    world.clock.set(Date.UTC(2025, 2, 31, 14, 50));
    const pair = await integratedPair('20250331');
    expect(await rspCode(pair.access_token)).toBe('00000');
    world.clock.set(Date.UTC(2025, 2, 31, 15, 10));
    expect(await rspCode(pair.access_token)).toBe('40106');
  });

  it('AC58: 개별인증-004 revokes both tokens and the consent: 200 00000, then 200 99999 for the same or an unknown token', async () => {
    const pair = await individualPair();
    const live = (await store.pairs.list(ORG)).filter((p) => p.revokedAt === undefined).at(-1)!;
    const first = await revoke(pair.access_token);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ rsp_code: '00000', rsp_msg: '정상처리' });
    expect(await rspCode(pair.access_token)).toBe('40101');
    expect((await refresh(pair.refresh_token)).json()).toMatchObject({ error: 'invalid_grant' });
    expect(world.consents.get(live.consentId)!.revokedAt).toBeDefined();
    for (const token of [pair.access_token, pair.refresh_token, 'nonsense', 'a.b.c']) {
      const again = await revoke(token);
      expect(again.statusCode).toBe(200);
      expect(again.json()).toMatchObject({ rsp_code: '99999' });
    }
  });

  it('AC59: 개별인증-004 with the refresh token works too; a token of another client is 99999 and stays live; a wrong secret is invalid_client', async () => {
    const pair = await individualPair();
    const foreign = await revoke(pair.access_token, { id: OTHER_CLIENT_ID, secret: OTHER_CLIENT_SECRET });
    expect(foreign.json()).toMatchObject({ rsp_code: '99999' });
    expect(await rspCode(pair.access_token)).toBe('00000');
    const wrong = await revoke(pair.access_token, { id: CLIENT_ID, secret: 'x'.repeat(50) });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ error: 'invalid_client' });
    expect(await rspCode(pair.access_token)).toBe('00000');
    expect((await revoke(pair.refresh_token)).json()).toMatchObject({ rsp_code: '00000' });
    expect(await rspCode(pair.access_token)).toBe('40101');
  });

  it('AC60: tokens signed by another institution, by a stranger, or with alg none answer 40101', async () => {
    const card = await individualPair('CDNURI0001');
    expect(await rspCode(card.access_token, ORG)).toBe('40101');
    const payload = JSON.parse(Buffer.from(card.access_token.split('.')[1]!, 'base64url').toString()) as Record<
      string,
      unknown
    >;
    const mine = { ...payload, iss: ORG };
    const none = new UnsecuredJWT(mine).encode();
    expect(await rspCode(none)).toBe('40101');
    const stranger = generateSigningKey(ORG);
    const forged = await new SignJWT(mine)
      .setProtectedHeader({ alg: 'ES256', typ: 'JWT', kid: stranger.kid })
      .sign(stranger.privateKey);
    expect(await rspCode(forged)).toBe('40101');
  });
});
