import { clientSecretMatches, secretHashFromWire } from '@hannun/registry';
import { describeEachDialect } from '@hannun/store/testing';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { bank } from '../testing/fixtures.ts';
import { type PortalWorld, startPortalWorld } from '../testing/portal-world.ts';
import { manageToken, supportCall } from '../testing/support-call.ts';
import { kstTimestamp } from '../time/kst.ts';
import { TIMESTAMP_OVERLAP_MS } from './registry-delta.ts';

const TOKEN = '/mgmts/oauth/2.0/token';
const ORGS = '/v2/mgmts/orgs';
const SERVICES = '/v2/mgmts/services';
const ORGS_FOR_CA = '/v2/mgmts/orgs_for_ca';

type Rec = Record<string, unknown>;
const list = (body: Rec, name = 'org_list') => body[name] as Rec[];

describeEachDialect('support APIs over mutual TLS', (open) => {
  let world: PortalWorld;
  let appSecret: string;
  let appClientId: string;

  beforeAll(async () => {
    world = await startPortalWorld(open);
    const app = await world.admin.addService({
      orgCode: 'MDHANNUN01',
      name: '한눈 앱',
      redirectUris: ['http://127.0.0.1:3000/callback'],
      appSchemes: ['hannun://mydata'],
    });
    appSecret = app.credential.clientSecret;
    appClientId = app.credential.clientId;
  });
  afterAll(async () => {
    await world.stop();
  });

  const tokenForm = (orgCode: string, extra: Record<string, string> = {}) => ({
    grant_type: 'client_credentials',
    client_id: world.credentials.get(orgCode)!.clientId,
    client_secret: world.credentials.get(orgCode)!.clientSecret,
    scope: 'manage',
    ...extra,
  });

  it('지원-001 / AC01: an organisation gets a manage token with its own credential: JWS of the portal, ≤ 1 year, no refresh', async () => {
    const { status, body } = await supportCall(world, 'mdhannun01', 'POST', TOKEN, { form: tokenForm('MDHANNUN01') });
    expect(status).toBe(200);
    expect(body).toMatchObject({ token_type: 'Bearer', scope: 'manage', expires_in: String(90 * 24 * 3600) });
    expect(body).not.toHaveProperty('refresh_token');
    const claims = decodeJwt(body.access_token as string);
    expect(claims).toMatchObject({ iss: 'PTHANNUN01', aud: 'MDHANNUN01', scope: 'manage' });
    expect(claims.exp! - claims.iat!).toBeLessThanOrEqual(365 * 24 * 3600);
    expect(decodeProtectedHeader(body.access_token as string)).toMatchObject({
      alg: 'ES256',
      kid: world.pki.org('pthannun01').signing!.kid,
    });
  });

  it('지원-001 / AC02: a wrong secret or unknown client is invalid_client; another org’s credential is unauthorized_client', async () => {
    const wrong = await supportCall(world, 'mdhannun01', 'POST', TOKEN, {
      form: tokenForm('MDHANNUN01', { client_secret: 'x'.repeat(50) }),
    });
    expect(wrong).toMatchObject({ status: 400, body: { error: 'invalid_client' } });
    const unknown = await supportCall(world, 'mdhannun01', 'POST', TOKEN, {
      form: tokenForm('MDHANNUN01', { client_id: 'y'.repeat(50) }),
    });
    expect(unknown.body.error).toBe('invalid_client');
    const borrowed = await supportCall(world, 'mdhannun01', 'POST', TOKEN, { form: tokenForm('BKNURI0001') });
    expect(borrowed).toMatchObject({ status: 400, body: { error: 'unauthorized_client' } });
    expect(borrowed.body.error_description).toContain('인증서의 기관과 클라이언트의 기관이 다릅니다');
  });

  it('지원-001 / AC03: a root-issued certificate of an unregistered organisation is refused (unauthorized_client)', async () => {
    const { body } = await supportCall(world, 'stranger', 'POST', TOKEN, { form: tokenForm('MDHANNUN01') });
    expect(body).toMatchObject({ error: 'unauthorized_client', error_description: '인증서(SERIALNUMBER) 검증 실패' });
  });

  it('지원-001 / AC04: a wrong grant_type, scope, missing tran id or non-form body is refused with the OAuth code', async () => {
    const grant = await supportCall(world, 'mdhannun01', 'POST', TOKEN, {
      form: tokenForm('MDHANNUN01', { grant_type: 'password' }),
    });
    expect(grant.body.error).toBe('unsupported_grant_type');
    const scope = await supportCall(world, 'mdhannun01', 'POST', TOKEN, {
      form: tokenForm('MDHANNUN01', { scope: 'ca' }),
    });
    expect(scope.body.error).toBe('invalid_scope');
    const noTran = await supportCall(world, 'mdhannun01', 'POST', TOKEN, {
      form: tokenForm('MDHANNUN01'),
      tranId: null,
    });
    expect(noTran.body).toMatchObject({ error: 'invalid_request' });
    expect(noTran.body.error_description).toContain('x-api-tran-id');
    const json = await supportCall(world, 'mdhannun01', 'POST', TOKEN, { json: tokenForm('MDHANNUN01') });
    expect(json.body.error).toBe('invalid_request');
    const get = await supportCall(world, 'mdhannun01', 'GET', TOKEN);
    expect(get).toMatchObject({ status: 405, body: { error: 'method_not_allowed' } });
  });

  it('지원-002 / AC01: search_timestamp=0 answers every organisation as I, with the fields of its org_type and no secrets', async () => {
    const token = await manageToken(world, 'BKNURI0001');
    const { status, body } = await supportCall(world, 'bknuri0001', 'GET', `${ORGS}?search_timestamp=0`, { token });
    expect(status).toBe(200);
    expect(body).toMatchObject({ rsp_code: '00000', org_cnt: '5' });
    expect(body.search_timestamp).toBe(kstTimestamp(world.clock.nowMs() - TIMESTAMP_OVERLAP_MS));
    const orgs = list(body);
    expect(orgs.map((o) => `${o.op_type} ${o.org_code} ${o.org_type}`).sort()).toEqual([
      'I BKNURI0001 01',
      'I CAHANNUN01 06',
      'I MDHANNUN01 03',
      'I PTHANNUN01 07',
      'I RLHANNUN01 04',
    ]);
    expect(orgs.find((o) => o.org_code === 'BKNURI0001')).toEqual({
      op_type: 'I',
      org_code: 'BKNURI0001',
      org_type: '01',
      is_rcv_org: 'false',
      org_name: '누리은행',
      org_regno: '1018100001',
      serial_num: '1018100001',
      domain: 'https://127.0.0.1:4100/BKNURI0001',
      domain_ip_cnt: '1',
      domain_ip_list: [{ domain_ip: '127.0.0.1' }],
      industry: 'bank',
      auth_type: '03',
      ip_cnt: '2',
      ip_list: [{ ip: '127.0.0.1' }, { ip: '::1' }],
      np_time_cnt: '1',
      np_time_list: [{ np_time: '0000:0700' }],
    });
    const operator = orgs.find((o) => o.org_code === 'MDHANNUN01')!;
    expect(operator).not.toHaveProperty('industry');
    expect(operator).not.toHaveProperty('np_time_list');
    expect(orgs.find((o) => o.org_code === 'CAHANNUN01')).toMatchObject({ cert_issuer_dn: 'HNCA01' });
    expect(JSON.stringify(body)).not.toContain(world.credentials.get('BKNURI0001')!.clientId);
  });

  it('지원-002 / AC02: a later call answers only what changed since its search_timestamp (M, D with keys only); then 00001', async () => {
    world.clock.advance(10_000); // the world's registrations are older than the first call
    const token = await manageToken(world, 'MDHANNUN01');
    const first = await supportCall(world, 'mdhannun01', 'GET', `${ORGS}?search_timestamp=0`, { token });
    const since = first.body.search_timestamp as string;
    world.clock.advance(10_000);
    await world.admin.updateOrg('BKNURI0001', { ips: ['127.0.0.1', '10.1.2.3'] });
    await world.admin.onboardOrg({ ...bank('BKGARAM001', '1018100002'), name: '가람은행' });
    await world.admin.removeOrg('BKGARAM001');
    await world.admin.onboardOrg({ ...bank('BKDAON0001', '1018100003'), name: '다온은행' });
    world.clock.advance(10_000); // more than the 2 s overlap: the next answer's timestamp is past these changes
    const delta = await supportCall(world, 'mdhannun01', 'GET', `${ORGS}?search_timestamp=${since}`, { token });
    expect(delta.body.rsp_code).toBe('00000');
    expect(list(delta.body).map((o) => `${o.op_type} ${o.org_code}`)).toEqual([
      'M BKNURI0001',
      'D BKGARAM001',
      'I BKDAON0001',
    ]);
    expect(list(delta.body)[0]).toMatchObject({ ip_list: [{ ip: '127.0.0.1' }, { ip: '10.1.2.3' }] });
    expect(list(delta.body)[1]).toEqual({ op_type: 'D', org_code: 'BKGARAM001', org_type: '01' });

    const next = delta.body.search_timestamp as string;
    world.clock.advance(10_000);
    const none = await supportCall(world, 'mdhannun01', 'GET', `${ORGS}?search_timestamp=${next}`, { token });
    expect(none.body).toMatchObject({ rsp_code: '00001', org_cnt: '0', org_list: [] });
    await world.admin.removeOrg('BKDAON0001');
  });

  it('지원-002 / AC03: callers without a valid token, certificate, header, version or parameter get the standard code', async () => {
    const token = await manageToken(world, 'MDHANNUN01');
    const otherToken = await manageToken(world, 'BKNURI0001');
    const cases: [string, Promise<{ status: number; body: Rec }>, string, number][] = [
      ['no token', supportCall(world, 'mdhannun01', 'GET', `${ORGS}?search_timestamp=0`), '40101', 401],
      [
        'a forged token',
        supportCall(world, 'mdhannun01', 'GET', `${ORGS}?search_timestamp=0`, { token: `${token.slice(0, -4)}AAAA` }),
        '40101',
        401,
      ],
      [
        'another org’s token',
        supportCall(world, 'mdhannun01', 'GET', `${ORGS}?search_timestamp=0`, { token: otherToken }),
        '40101',
        401,
      ],
      [
        'an unregistered certificate',
        supportCall(world, 'stranger', 'GET', `${ORGS}?search_timestamp=0`, { token }),
        '40103',
        401,
      ],
      [
        'no tran id',
        supportCall(world, 'mdhannun01', 'GET', `${ORGS}?search_timestamp=0`, { token, tranId: null }),
        '40002',
        400,
      ],
      [
        'version v3',
        supportCall(world, 'mdhannun01', 'GET', '/v3/mgmts/orgs?search_timestamp=0', { token }),
        '40003',
        400,
      ],
      ['no search_timestamp', supportCall(world, 'mdhannun01', 'GET', ORGS, { token }), '40001', 400],
      [
        'an impossible time',
        supportCall(world, 'mdhannun01', 'GET', `${ORGS}?search_timestamp=20261340250000`, { token }),
        '40001',
        400,
      ],
      ['POST', supportCall(world, 'mdhannun01', 'POST', `${ORGS}?search_timestamp=0`, { token }), '40501', 405],
      ['an unknown path', supportCall(world, 'mdhannun01', 'GET', '/v2/mgmts/nothing', { token }), '40401', 404],
    ];
    for (const [what, call, code, status] of cases) {
      const answer = await call;
      expect({ what, code: answer.body.rsp_code, status: answer.status }).toEqual({ what, code, status });
      expect(typeof answer.body.rsp_msg).toBe('string');
    }
    const missing = await supportCall(world, 'mdhannun01', 'GET', ORGS, { token });
    expect(missing.body.rsp_msg).toContain('search_timestamp');
  });

  it('지원-002 / AC04: the organisation’s address must be registered (40102) unless loopback is allowed', async () => {
    const strict = await startPortalWorld(open, { allowLoopback: false });
    try {
      await strict.admin.updateOrg('MDHANNUN01', { ips: ['10.9.9.9'] });
      const { body } = await supportCall(strict, 'mdhannun01', 'GET', `${ORGS}?search_timestamp=0`);
      expect(body.rsp_code).toBe('40102');
      await strict.admin.updateOrg('MDHANNUN01', { ips: ['127.0.0.1', '::1'] });
      const token = await manageToken(strict, 'MDHANNUN01');
      expect(
        (await supportCall(strict, 'mdhannun01', 'GET', `${ORGS}?search_timestamp=0`, { token })).body.rsp_code,
      ).toBe('00000');
    } finally {
      await strict.stop();
    }
  });

  it('지원-003 / AC01: a provider gets the services with the secret as a verifier, then a removed one as D with its name', async () => {
    const token = await manageToken(world, 'BKNURI0001');
    const first = await supportCall(world, 'bknuri0001', 'GET', `${SERVICES}?search_timestamp=0`, { token });
    expect(first.body).toMatchObject({ rsp_code: '00000', org_cnt: '1' });
    const [operator] = list(first.body);
    expect(operator).toMatchObject({ org_code: 'MDHANNUN01', service_cnt: '1' });
    const [service] = list(operator!, 'service_list');
    expect(service).toMatchObject({
      service_name: '한눈 앱',
      op_type: 'I',
      client_id: appClientId,
      redirect_uri_cnt: '1',
      redirect_uri_list: [{ redirect_uri: 'http://127.0.0.1:3000/callback' }],
      app_scheme_list: [{ app_scheme: 'hannun://mydata' }],
    });
    const verifier = service!.client_secret as string;
    expect(verifier).not.toBe(appSecret);
    expect(verifier).toMatch(/^S256[A-Za-z0-9]{43}$/);
    expect(clientSecretMatches(appSecret, secretHashFromWire(verifier)!)).toBe(true);

    const since = first.body.search_timestamp as string;
    world.clock.advance(5_000);
    const extra = await world.admin.addService({ orgCode: 'MDHANNUN01', name: '한눈 가계부' });
    await world.admin.removeService(extra.service.clientId);
    const delta = await supportCall(world, 'bknuri0001', 'GET', `${SERVICES}?search_timestamp=${since}`, { token });
    expect(list(list(delta.body)[0]!, 'service_list')).toEqual([
      { service_name: '한눈 가계부', op_type: 'D', client_id: extra.service.clientId },
    ]);
  });

  it('지원-003 / AC02: an operator may not read the services (40104)', async () => {
    const token = await manageToken(world, 'MDHANNUN01');
    const { status, body } = await supportCall(world, 'mdhannun01', 'GET', `${SERVICES}?search_timestamp=0`, { token });
    expect({ status, code: body.rsp_code }).toEqual({ status: 401, code: '40104' });
  });

  it('지원-006 / AC01: the CA gets providers, operators and relays only, with the fields of each type', async () => {
    const token = await manageToken(world, 'CAHANNUN01');
    const { body } = await supportCall(world, 'cahannun01', 'GET', `${ORGS_FOR_CA}?search_timestamp=0`, { token });
    expect(body.rsp_code).toBe('00000');
    const orgs = list(body);
    expect(orgs.map((o) => o.org_code).sort()).toEqual(['BKNURI0001', 'MDHANNUN01', 'RLHANNUN01']);
    expect(orgs.find((o) => o.org_code === 'BKNURI0001')).toMatchObject({
      org_type: '01',
      org_name: '누리은행',
      domain: 'https://127.0.0.1:4100/BKNURI0001',
      ip_cnt: '2',
    });
    expect(orgs.find((o) => o.org_code === 'MDHANNUN01')).not.toHaveProperty('ip_list');
    const bankToken = await manageToken(world, 'BKNURI0001');
    const refused = await supportCall(world, 'bknuri0001', 'GET', `${ORGS_FOR_CA}?search_timestamp=0`, {
      token: bankToken,
    });
    expect(refused.body.rsp_code).toBe('40104');
  });
});
