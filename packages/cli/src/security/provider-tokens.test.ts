import { randomBytes, randomUUID } from 'node:crypto';
import { peekClaims } from '@hannun/examiner';
import { EXAMINER_CLIENT } from '@hannun/examiner/testing';
import { mintRefreshToken } from '@hannun/provider';
import { apiById, apiPath } from '@hannun/spec';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Answer, apiHeaders, type ProviderWorld, send, startProviderWorld } from './provider-world.ts';

/**
 * Security suite (issue #9 item 4) at the provider, over mutual TLS: a token pair belongs to the operator it
 * was issued to and to nothing wider than its consent. The examiner's certificate and client credentials play
 * operator Y; operator X (MDOTHERS01) has tokens of the same person minted by the institution for it.
 * Replay after revocation is conformance CRD-06/CRD-07; a token without the API's scope SCO-01/02; an asset
 * not in the consent AST-1x (40105); another institution's org_code ORG-01 (40303); an unknown client
 * CRD-03/CRD-05 (invalid_client).
 */
const BANK = 'BKNURI0001';
const CARD = 'CDNURI0001';
const OTHER_OPERATOR = 'MDOTHERS01';
const OTHER_CLIENT = 'otheroperatorclient000000000000000000000000000001';
const TOKEN_PATH = apiPath(apiById('개별인증-003'), { version: 'v2' });
const REVOKE_PATH = apiPath(apiById('개별인증-004'), { version: 'v2' });

let world: ProviderWorld;
beforeAll(async () => {
  world = await startProviderWorld([BANK, CARD]);
}, 120_000);
afterAll(async () => {
  await world?.close();
});

const targetOf = (org: string, label?: string) =>
  world.providers.targets.find((t) => t.orgCode === org && t.label === label)!;
const basePath = (org: string) => new URL(targetOf(org).baseUrl).pathname;
const engine = () => world.providers.engine.provider;

async function accounts(org: string, token: string, atOrg = org): Promise<Answer> {
  return send(world.origin, world.providers.agent, {
    method: 'GET',
    path: `${basePath(atOrg)}/v2/bank/accounts?org_code=${org}&search_timestamp=0&limit=500`,
    headers: apiHeaders('MDHANNUN01', token),
  });
}

async function mintFor(org: string, over: { aud?: string; scope?: string; sub?: string }): Promise<string> {
  const usual = peekClaims(targetOf(org).tokens!.usual!)!;
  const secs = Math.floor(Date.now() / 1000);
  return engine().mintAccessToken({
    iss: org,
    aud: over.aud ?? String(usual.aud),
    sub: over.sub ?? String(usual.sub),
    jti: randomUUID(),
    scope: over.scope ?? String(usual.scope),
    iat: secs - 60,
    exp: secs + 3600,
  });
}

/** A pair of operator X's client for the bank's first person, stored as 통합인증-002 would; its refresh token. */
async function pairOfOtherOperator(): Promise<{ refresh: string; refreshJti: string }> {
  const usual = peekClaims(targetOf(BANK).tokens!.usual!)!;
  const consent = engine().consents.get(String(usual.sub))!;
  const now = Date.now();
  const iat = Math.floor(now / 1000);
  const refreshJti = randomBytes(12).toString('base64url');
  const claims = { iss: BANK, aud: OTHER_OPERATOR, sub: consent.id, scope: String(usual.scope), iat };
  const refresh = await mintRefreshToken(engine().signingKeys.of(BANK), {
    ...claims,
    jti: refreshJti,
    exp: iat + 86_400,
  });
  await engine().auth.store.pairs.insert({
    id: randomUUID(),
    orgCode: BANK,
    clientId: OTHER_CLIENT,
    ci: consent.ci,
    consentId: consent.id,
    auth: 'integrated',
    grant: `cert:security-${randomUUID()}`,
    accessJti: randomBytes(12).toString('base64url'),
    refreshJti,
    issuedAt: now,
    accessExpiresAt: now + 3_600_000,
    refreshExpiresAt: (iat + 86_400) * 1000,
  });
  return { refresh, refreshJti };
}

async function form(path: string, fields: Record<string, string>): Promise<Answer> {
  return send(world.origin, world.providers.agent, {
    method: 'POST',
    path: `${basePath(BANK)}${path}`,
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-api-tran-id': randomTranId() },
    body: new URLSearchParams(fields).toString(),
  });
}
const randomTranId = () => apiHeaders('MDHANNUN01', 'x')['x-api-tran-id']!;

describe('security: cross-operator tokens at the provider', () => {
  it('the usual token of the calling operator answers 00000 (the cases below can fail)', async () => {
    const r = await accounts(BANK, targetOf(BANK).tokens!.usual!);
    expect(r.status).toBe(200);
    expect(r.json?.rsp_code).toBe('00000');
  });

  it('a token issued to operator X, presented over operator Y’s certificate: 401, 40101, no data', async () => {
    const r = await accounts(BANK, await mintFor(BANK, { aud: OTHER_OPERATOR }));
    expect(r.status).toBe(401);
    expect(r.json?.rsp_code).toBe('40101');
    expect(r.json).not.toHaveProperty('account_list');
  });

  it('Y refreshing X’s refresh token with Y’s client credentials: invalid_grant, and no token', async () => {
    const { refresh } = await pairOfOtherOperator();
    const r = await form(TOKEN_PATH, {
      org_code: BANK,
      grant_type: 'refresh_token',
      refresh_token: refresh,
      client_id: EXAMINER_CLIENT.clientId,
      client_secret: EXAMINER_CLIENT.clientSecret,
    });
    expect(r.status).toBe(400);
    expect(r.json?.error).toBe('invalid_grant');
    expect(r.json).not.toHaveProperty('access_token');
  });

  it('Y revoking X’s refresh token: 99999 (not a token of this client), and X’s pair stays live', async () => {
    const { refresh, refreshJti } = await pairOfOtherOperator();
    const r = await form(REVOKE_PATH, {
      org_code: BANK,
      token: refresh,
      token_type_hint: 'refresh_token',
      client_id: EXAMINER_CLIENT.clientId,
      client_secret: EXAMINER_CLIENT.clientSecret,
    });
    expect(r.json?.rsp_code).toBe('99999');
    const pair = await engine().auth.store.pairs.byJti(BANK, refreshJti);
    expect(pair?.revokedAt).toBeUndefined();
  });
});

describe('security: scope escalation at the provider', () => {
  it('a bank token used at the card company’s base path: 40101 (another institution’s token), no data', async () => {
    const r = await send(world.origin, world.providers.agent, {
      method: 'GET',
      path: `${basePath(CARD)}/v2/card/cards?org_code=${CARD}&search_timestamp=0&limit=500`,
      headers: apiHeaders('MDHANNUN01', targetOf(BANK).tokens!.usual!),
    });
    expect(r.status).toBe(401);
    expect(r.json?.rsp_code).toBe('40101');
    expect(r.json).not.toHaveProperty('card_list');
  });

  it('a token whose scopes are another industry’s (card.list card.card) at a bank API: 40104', async () => {
    const r = await accounts(BANK, await mintFor(BANK, { scope: 'card.list card.card' }));
    expect(r.status).toBe(401);
    expect(r.json?.rsp_code).toBe('40104');
  });

  it('a bank.list-only token asking bank.invest (은행-006): 40104', async () => {
    const r = await send(world.origin, world.providers.agent, {
      method: 'POST',
      path: `${basePath(BANK)}/v2/bank/accounts/invest/detail`,
      headers: {
        ...apiHeaders('MDHANNUN01', await mintFor(BANK, { scope: 'bank.list' })),
        'content-type': 'application/json',
      },
      body: JSON.stringify({ org_code: BANK, account_num: '1234567890', seqno: '', search_timestamp: '0' }),
    });
    expect(r.status).toBe(401);
    expect(r.json?.rsp_code).toBe('40104');
  });

  it('person A’s token asking person B’s account at the same bank: refused (404xx/403xx), none of B’s values', async () => {
    const b = world.providers.targets.find((t) => t.orgCode === BANK && t.label !== undefined);
    expect(b, 'the harness chose a second person at the bank').toBeDefined();
    const listed = await accounts(BANK, b!.tokens!.usual!);
    const theirs = (listed.json?.account_list as { account_num: string; seqno?: string }[] | undefined) ?? [];
    const mine = new Set(
      (
        (await accounts(BANK, targetOf(BANK).tokens!.usual!)).json?.account_list as
          | { account_num: string }[]
          | undefined
      )?.map((a) => a.account_num) ?? [],
    );
    const foreign = theirs.filter((a) => !mine.has(a.account_num));
    expect(foreign.length).toBeGreaterThan(0);
    for (const a of foreign) {
      const r = await send(world.origin, world.providers.agent, {
        method: 'POST',
        path: `${basePath(BANK)}/v2/bank/accounts/deposit/basic`,
        headers: { ...apiHeaders('MDHANNUN01', targetOf(BANK).tokens!.usual!), 'content-type': 'application/json' },
        body: JSON.stringify({ org_code: BANK, account_num: a.account_num, ...(a.seqno ? { seqno: a.seqno } : {}) }),
      });
      expect(r.status, r.text).toBeGreaterThanOrEqual(400);
      expect(String(r.json?.rsp_code)).toMatch(/^40[34]\d\d$/);
      expect(r.text).not.toContain(a.account_num);
    }
  });
});
