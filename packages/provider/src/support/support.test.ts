import { createLogger, createLogSink } from '@hannun/infra';
import { createRegistry, hashClientSecret } from '@hannun/registry';
import { generateTranId } from '@hannun/spec';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { afterAll, describe, expect, it } from 'vitest';
import { createCallerRegistry } from '../check-chain/caller-registry.ts';
import { createManualClock } from '../clock/manual-clock.ts';
import { createMemoryConsentStore } from '../consent/memory-consent-store.ts';
import { createProviderEngine } from '../server/create-provider-engine.ts';
import { FIXTURE_NOW, fixtureInstitution } from '../testing/fixture-world.ts';

const PORTAL_SERIAL = '2208100103';
const OPERATOR_SERIAL = '2208100101';
const PORTAL_CREDENTIAL = { clientId: 'p'.repeat(50), clientSecret: 'q'.repeat(50) };
const HOOKS = 'support-hooks-token-0123456789';

const registry = createRegistry({
  takenAt: 0,
  orgs: [
    { orgCode: 'PTHANNUN01', orgType: '07', name: '한눈종합포털', serialNum: PORTAL_SERIAL, ips: [] },
    { orgCode: 'MDHANNUN01', orgType: '03', name: '한눈마이데이터', serialNum: OPERATOR_SERIAL, ips: [] },
  ],
  services: [],
});

const bank = fixtureInstitution('BKNURI0001');
/** What 지원-104 asked the statistics sender for. */
const resends: [string, string, readonly string[]][] = [];
const clock = createManualClock(FIXTURE_NOW); // 2025-03-15 03:00 KST
const engine = createProviderEngine({
  institutions: [bank.institution],
  books: [bank.book],
  consents: createMemoryConsentStore(),
  clock,
  registry,
  support: {
    portalCredentials: new Map([
      [
        'BKNURI0001',
        { clientId: PORTAL_CREDENTIAL.clientId, clientSecretHash: hashClientSecret(PORTAL_CREDENTIAL.clientSecret) },
      ],
    ]),
    statistics: {
      async resend(orgCode, inquiryDate, types) {
        resends.push([orgCode, inquiryDate, types]);
      },
    },
  },
  config: {
    logger: createLogger({ service: 'provider', destination: createLogSink() }),
    requireMtls: true,
    // In-process calls: the "certificate" serial travels in a test header (the real socket path is tested in cli).
    clientCertSerial: (request) => request.headers['x-test-serial'] as string | undefined,
    callers: createCallerRegistry({ registry }),
    testHooks: { enabled: true, adminToken: HOOKS },
    metrics: false,
  },
});
afterAll(() => engine.close());

const form = (over: Record<string, string> = {}) =>
  new URLSearchParams({
    grant_type: 'client_credentials',
    client_id: PORTAL_CREDENTIAL.clientId,
    client_secret: PORTAL_CREDENTIAL.clientSecret,
    scope: 'manage',
    ...over,
  }).toString();

async function token101(serial = PORTAL_SERIAL, body = form()) {
  const response = await engine.inject({
    method: 'POST',
    url: '/BKNURI0001/mgmts/oauth/2.0/token',
    headers: {
      'x-test-serial': serial,
      'x-api-tran-id': generateTranId('PTHANNUN01', 'P'),
      'content-type': 'application/x-www-form-urlencoded',
    },
    payload: body,
  });
  return { status: response.statusCode, body: response.json<Record<string, string>>() };
}

async function status102(token: string | undefined, orgCode = 'BKNURI0001', serial = PORTAL_SERIAL) {
  const response = await engine.inject({
    method: 'GET',
    url: `/BKNURI0001/v2/mgmts/status?org_code=${orgCode}`,
    headers: {
      'x-test-serial': serial,
      'x-api-tran-id': generateTranId('PTHANNUN01', 'P'),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
  });
  return { status: response.statusCode, body: response.json<Record<string, string>>() };
}

const setFaults = (faults: unknown) =>
  engine.inject({
    method: 'PUT',
    url: '/_test/faults/BKNURI0001',
    headers: { authorization: `Bearer ${HOOKS}` },
    payload: faults as Record<string, unknown>,
  });

describe('지원-101 (token for the portal) at the provider', () => {
  it('AC01: the portal gets a manage token with the portal credential: the institution’s JWS, aud the portal, no refresh', async () => {
    const { status, body } = await token101();
    expect(status).toBe(200);
    expect(body).toMatchObject({ token_type: 'Bearer', scope: 'manage', expires_in: String(24 * 3600) });
    expect(body).not.toHaveProperty('refresh_token');
    expect(decodeJwt(body.access_token!)).toMatchObject({ iss: 'BKNURI0001', aud: 'PTHANNUN01', scope: 'manage' });
    expect(decodeProtectedHeader(body.access_token!).typ).toBe('manage+jwt');
  });

  it('AC02: a wrong secret is invalid_client; an operator’s certificate is unauthorized_client; bad grant and scope', async () => {
    expect((await token101(PORTAL_SERIAL, form({ client_secret: 'x'.repeat(50) }))).body.error).toBe('invalid_client');
    const operator = await token101(OPERATOR_SERIAL);
    expect(operator.body).toMatchObject({
      error: 'unauthorized_client',
      error_description: '종합포털만 호출할 수 있습니다',
    });
    expect((await token101('9999999999')).body.error).toBe('unauthorized_client');
    expect((await token101(PORTAL_SERIAL, form({ grant_type: 'password' }))).body.error).toBe('unsupported_grant_type');
    expect((await token101(PORTAL_SERIAL, form({ scope: 'bank.list' }))).body.error).toBe('invalid_scope');
  });
});

describe('지원-102 (provider status) at the provider', () => {
  it('AC01: normal (01) with a 지원-101 token', async () => {
    const { access_token } = (await token101()).body;
    expect(await status102(access_token)).toEqual({
      status: 200,
      body: { rsp_code: '00000', rsp_msg: '정상처리', availability: '01' },
    });
  });

  it('AC02: maintenance (03) inside a maintenance window set by the test hooks, normal outside it', async () => {
    const { access_token } = (await token101()).body;
    expect((await setFaults({ maintenance: ['0200:0400'] })).statusCode).toBe(200);
    expect((await status102(access_token)).body.availability).toBe('03');
    clock.set(FIXTURE_NOW + 2 * 3600 * 1000); // 05:00 KST
    expect((await status102(access_token)).body.availability).toBe('01');
    clock.set(FIXTURE_NOW);
  });

  it('AC03: failure (02) while faults are injected for every API; normal again when cleared', async () => {
    const { access_token } = (await token101()).body;
    await setFaults({ rspCode: '50001' });
    expect((await status102(access_token)).body.availability).toBe('02');
    await setFaults({ rspCode: '50001', apis: ['은행-001'] });
    expect((await status102(access_token)).body.availability).toBe('01');
    await engine.inject({
      method: 'DELETE',
      url: '/_test/faults/BKNURI0001',
      headers: { authorization: `Bearer ${HOOKS}` },
    });
    expect((await status102(access_token)).body.availability).toBe('01');
  });

  it('AC04: no token 40101, another institution’s or an information token 40101, another org_code 40303, not the portal 40104', async () => {
    const { access_token } = (await token101()).body;
    expect((await status102(undefined)).body.rsp_code).toBe('40101');
    expect((await status102(`${access_token!.slice(0, -4)}AAAA`)).body.rsp_code).toBe('40101');
    const info = await engine.provider.mintAccessToken({
      iss: 'BKNURI0001',
      aud: 'MDHANNUN01',
      sub: 'consent',
      jti: 'j1',
      scope: 'manage',
      iat: Math.floor(FIXTURE_NOW / 1000),
      exp: Math.floor(FIXTURE_NOW / 1000) + 600,
    } as Parameters<typeof engine.provider.mintAccessToken>[0]);
    expect((await status102(info)).body.rsp_code).toBe('40101');
    expect(await status102(access_token, 'BKGARAM001')).toMatchObject({ status: 403, body: { rsp_code: '40303' } });
    expect((await status102(access_token, 'BKNURI0001', OPERATOR_SERIAL)).body.rsp_code).toBe('40104');
    expect((await status102(access_token, 'BKNURI0001', '9999999999')).body.rsp_code).toBe('40103');
  });
});

async function resend104(token: string | undefined, query: Record<string, string>, serial = PORTAL_SERIAL) {
  const response = await engine.inject({
    method: 'GET',
    url: `/BKNURI0001/v2/mgmts/req-statistics?${new URLSearchParams(query).toString()}`,
    headers: {
      'x-test-serial': serial,
      'x-api-tran-id': generateTranId('PTHANNUN01', 'P'),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
  });
  return { status: response.statusCode, body: response.json<Record<string, string>>() };
}

describe('지원-104 (statistics resend) at the provider', () => {
  const week = { org_code: 'BKNURI0001', org_type: '03', inquiry_date: '20250309', type: '0' };

  it('AC01: the portal asks for a week again: 00000, and the sender is asked for both types (type 0) or the one named', async () => {
    const { access_token } = (await token101()).body;
    resends.length = 0;
    expect(await resend104(access_token, week)).toEqual({
      status: 200,
      body: { rsp_code: '00000', rsp_msg: '정상처리' },
    });
    expect((await resend104(access_token, { ...week, type: '2' })).body.rsp_code).toBe('00000');
    expect(resends).toEqual([
      ['BKNURI0001', '20250309', ['1', '2']],
      ['BKNURI0001', '20250309', ['2']],
    ]);
  });

  it('AC02: a Saturday, a future Sunday, an operator org_type, type 3 or an unknown field are 40001; nothing is resent', async () => {
    const { access_token } = (await token101()).body;
    resends.length = 0;
    const cases: [Record<string, string>, string][] = [
      [{ ...week, inquiry_date: '20250308' }, 'inquiry_date'],
      [{ ...week, inquiry_date: '20250316' }, 'inquiry_date'],
      [{ ...week, org_type: '01' }, 'org_type'],
      [{ ...week, type: '3' }, 'type'],
      [{ ...week, extra: 'x' }, 'extra'],
    ];
    for (const [query, field] of cases) {
      const { status, body } = await resend104(access_token, query);
      expect({ field, status, code: body.rsp_code }).toEqual({ field, status: 400, code: '40001' });
      expect(body.rsp_msg).toContain(field);
    }
    expect(resends).toEqual([]);
  });

  it('AC03: no token 40101, another institution’s org_code 40303, not the portal 40104', async () => {
    const { access_token } = (await token101()).body;
    resends.length = 0;
    expect((await resend104(undefined, week)).body.rsp_code).toBe('40101');
    expect((await resend104(access_token, { ...week, org_code: 'BKGARAM001' })).body.rsp_code).toBe('40303');
    expect((await resend104(access_token, week, OPERATOR_SERIAL)).body.rsp_code).toBe('40104');
    expect(resends).toEqual([]);
  });
});
