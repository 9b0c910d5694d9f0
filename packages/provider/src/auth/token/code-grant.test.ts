import { afterAll, describe, expect, it } from 'vitest';
import { consentCovers } from '../../consent/consent-assets.ts';
import { KIM_CI } from '../../testing/fixture-world.ts';
import { assetToken } from '../consent-page/asset-options.ts';
import {
  CLIENT_ID,
  CLIENT_SECRET,
  createAuthWorld,
  OTHER_CLIENT_ID,
  OTHER_CLIENT_SECRET,
  REDIRECT_URI,
} from '../testing/auth-world.ts';
import { STATE, walkIndividualAuth } from '../testing/person.ts';

const world = createAuthWorld();
afterAll(() => world.close());
const ORG = 'BKNURI0001';
const store = world.engine.provider.auth.store;

async function freshCode(opts: Parameters<typeof walkIndividualAuth>[2] = {}) {
  const { callback } = await walkIndividualAuth(world, ORG, opts);
  const code = callback.searchParams.get('code');
  if (!code) throw new Error(`no code: ${callback.toString()}`);
  return { code, callback };
}

const exchange = (code: string, overrides: Record<string, string> = {}) =>
  world.post(ORG, 'token', {
    org_code: ORG,
    grant_type: 'authorization_code',
    code,
    client_id: CLIENT_ID,
    client_secret: CLIENT_SECRET,
    redirect_uri: REDIRECT_URI,
    ...overrides,
  });

const livePairs = async () => (await store.pairs.list(ORG)).filter((p) => p.revokedAt === undefined);

describe('개별인증-001 → 002: code, then the token pair', () => {
  it('AC20: consent submitted → 302 to redirect_uri with an aNS(128) code, state and api_tran_id; the code buys a pair that reads data', async () => {
    const { code, callback } = await freshCode();
    expect(`${callback.origin}${callback.pathname}`).toBe(REDIRECT_URI);
    expect(code).toMatch(/^[A-Za-z0-9_-]{86}$/);
    expect(callback.searchParams.get('state')).toBe(STATE);
    expect(callback.searchParams.get('api_tran_id')).toMatch(/^MDHANNUN01M[A-Z0-9]{14}$/);
    const response = await exchange(code);
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    const body = response.json() as Record<string, string>;
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: String(90 * 86_400) });
    expect(body['scope']!.split(' ')[0]).toBe('bank.list');
    expect(Number(body['refresh_token_expires_in'])).toBeGreaterThan(364 * 86_400);
    const list = await world.call(ORG, '은행-001', body['access_token']!);
    expect(list.json()).toMatchObject({ rsp_code: '00000' });
    const consents = await world.call(ORG, '공통-002', body['access_token']!);
    expect(consents.json()).toMatchObject({ rsp_code: '00000', is_scheduled: 'true', fnd_cycle: '1/w' });
  });

  it('AC21: the consent is what the person chose on the page: an asset left unticked is not in it', async () => {
    const kim = world.fixtures[ORG].kim;
    const dropped = kim.find((h) => h.listApi === '은행-001' && h.status === 'normal')!;
    let chosen: string[] = [];
    const { code } = await freshCode({
      consent: (form) => {
        chosen = form.getAll('asset');
        form.delete('asset');
        for (const a of chosen) if (a !== assetToken(dropped)) form.append('asset', a);
      },
    });
    expect(chosen).toContain(assetToken(dropped));
    const token = ((await exchange(code)).json() as Record<string, string>)['access_token']!;
    const pair = (await livePairs()).at(-1)!;
    const consent = world.consents.get(pair.consentId)!;
    expect(consentCovers(consent, dropped)).toBe(false);
    const kept = kim.find((h) => h !== dropped && assetToken(h) === chosen.find((t) => t !== assetToken(dropped)))!;
    expect(consentCovers(consent, kept)).toBe(true);
    expect(consent.assets).toHaveLength(chosen.length - 1);
    expect(consent).toMatchObject({
      ci: KIM_CI,
      clientId: CLIENT_ID,
      recipientOrgCode: 'MDHANNUN01',
      auth: 'individual',
    });
    const listed = (await world.call(ORG, '은행-001', token)).json() as {
      account_list: { account_num: string; is_consent: string }[];
    };
    expect(listed.account_list.find((a) => a.account_num === dropped.key['account_num'])?.is_consent).toBe('false');
  });

  it('AC22: a replayed code is invalid_grant and the pair issued from it is revoked at once (40101)', async () => {
    const { code } = await freshCode();
    const first = (await exchange(code)).json() as Record<string, string>;
    expect((await world.call(ORG, '은행-001', first['access_token']!)).json()).toMatchObject({ rsp_code: '00000' });
    const replay = await exchange(code);
    expect(replay.statusCode).toBe(400);
    expect(replay.json()).toMatchObject({ error: 'invalid_grant' });
    expect((replay.json() as Record<string, string>)['error_description']).toContain('code');
    expect((await world.call(ORG, '은행-001', first['access_token']!)).json()).toMatchObject({ rsp_code: '40101' });
    const refreshed = await world.post(ORG, 'token', {
      org_code: ORG,
      grant_type: 'refresh_token',
      refresh_token: first['refresh_token']!,
      client_id: CLIENT_ID,
      client_secret: CLIENT_SECRET,
    });
    expect(refreshed.json()).toMatchObject({ error: 'invalid_grant' });
    expect(await livePairs()).toHaveLength(0);
  });

  it('AC23: two token requests racing for one code yield one pair at most, and a raced code leaves none working', async () => {
    const before = (await store.pairs.list(ORG)).length;
    const { code } = await freshCode();
    const [a, b] = await Promise.all([exchange(code), exchange(code)]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 400]);
    expect((await store.pairs.list(ORG)).length - before).toBe(1);
    expect(await livePairs()).toHaveLength(0);
  });

  it.each([
    [
      'a redirect_uri other than the authorization request’s',
      { redirect_uri: 'https://app.hannun.example/other' },
      400,
      'invalid_grant',
      'redirect_uri',
    ],
    ['a wrong client_secret', { client_secret: 'x'.repeat(50) }, 400, 'invalid_client', 'client_secret'],
    [
      'another registered client',
      { client_id: OTHER_CLIENT_ID, client_secret: OTHER_CLIENT_SECRET },
      400,
      'invalid_grant',
      'code',
    ],
    ['an org_code of another institution', { org_code: 'CDNURI0001' }, 400, 'invalid_request', 'org_code'],
    ['a code never issued', { code: 'A'.repeat(86) }, 400, 'invalid_grant', 'code'],
    ['no code', { code: '' }, 400, 'invalid_request', 'code'],
  ])(
    'AC24: %s is refused (%s %s naming %s) and leaves no token behind',
    async (_what, overrides, status, error, field) => {
      const before = (await store.pairs.list(ORG)).length;
      const { code } = await freshCode();
      const response = await exchange(code, overrides);
      expect(response.statusCode).toBe(status);
      expect(response.json()).toMatchObject({ error });
      expect((response.json() as Record<string, string>)['error_description']).toContain(field);
      expect((await store.pairs.list(ORG)).length).toBe(before);
    },
  );

  it('AC25: a code older than its lifetime (≤ 10 minutes) is invalid_grant', async () => {
    const { code } = await freshCode();
    world.clock.advance(5 * 60_000);
    const response = await exchange(code);
    expect(response.json()).toMatchObject({ error: 'invalid_grant', error_description: 'code: 만료된 인가코드' });
  });

  it('AC26: the token endpoint refuses a JSON body, a repeated parameter and an unknown grant_type', async () => {
    const json = await world.engine.inject({
      method: 'POST',
      url: `/${ORG}/oauth/2.0/token`,
      headers: { 'content-type': 'application/json', 'x-api-tran-id': 'MDHANNUN01M00000000000001' },
      payload: '{"grant_type":"authorization_code"}',
    });
    expect(json.json()).toMatchObject({ error: 'invalid_request' });
    const repeated = await world.engine.inject({
      method: 'POST',
      url: `/${ORG}/oauth/2.0/token`,
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-api-tran-id': 'MDHANNUN01M00000000000002' },
      payload: 'grant_type=authorization_code&code=a&code=b',
    });
    expect(repeated.json()).toMatchObject({ error: 'invalid_request', error_description: 'code: 중복 전송되었습니다' });
    const unknown = await world.post(ORG, 'token', { grant_type: 'implicit' });
    expect(unknown.json()).toMatchObject({ error: 'unsupported_grant_type' });
    const get = await world.engine.inject({ method: 'GET', url: `/${ORG}/oauth/2.0/token` });
    expect(get.statusCode).toBe(405);
  });

  it('AC27: tokens, codes, secrets and the CI never reach the log', async () => {
    const { code } = await freshCode();
    const body = (await exchange(code)).json() as Record<string, string>;
    await exchange(code);
    const text = world.logs.text();
    for (const secret of [code, body['access_token']!, body['refresh_token']!, CLIENT_SECRET, KIM_CI.slice(0, 24)]) {
      expect(text).not.toContain(secret);
    }
  });
});
