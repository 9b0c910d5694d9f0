import { createLogger, createLogSink } from '@hannun/infra';
import { generateSigningKey } from '@hannun/pki';
import { hashClientSecret } from '@hannun/registry';
import { describeEachDialect } from '@hannun/store/testing';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { expect, it } from 'vitest';
import {
  bankDraft,
  newCi,
  OPERATOR_ORG,
  openTestDomain,
  signUpInput,
  testRegistry,
  tokenPair,
} from '../testing/operator-test-kit.ts';
import { createOperatorSupport, type StatisticsResend } from './create-operator-support.ts';
import { SUPPORT_TOKEN_TYPE } from './support-token.ts';

const PORTAL_ID = 'portal'.padEnd(50, 'x');
const PORTAL_SECRET = 'secret'.padEnd(50, 'y');
const tran = () => `PTHANNUN01P${String(Math.floor(Math.random() * 1e14)).padStart(14, '0')}`;

async function world(open: Parameters<typeof openTestDomain>[0], statistics?: StatisticsResend) {
  const d = await openTestDomain(open);
  const signingKey = generateSigningKey();
  const app = createOperatorSupport({
    orgCode: OPERATOR_ORG,
    signingKey,
    registry: testRegistry(),
    domain: d,
    portalCredential: { clientId: PORTAL_ID, clientSecretHash: hashClientSecret(PORTAL_SECRET) },
    logger: createLogger({ service: 'support-test', destination: createLogSink() }),
    version: 'test',
    metrics: false,
    ...(statistics ? { statistics } : {}),
  });
  const token = async (fields: Record<string, string> = {}) =>
    app.inject({
      method: 'POST',
      url: '/mgmts/oauth/2.0/token',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-api-tran-id': tran() },
      payload: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: PORTAL_ID,
        client_secret: PORTAL_SECRET,
        scope: 'manage',
        ...fields,
      }).toString(),
    });
  const bearer = async () => (await token()).json().access_token as string;
  const consents = async (body: unknown, auth?: string, version = 'v2') =>
    app.inject({
      method: 'POST',
      url: `/${version}/mgmts/consents`,
      headers: {
        'content-type': 'application/json',
        'x-api-tran-id': tran(),
        ...(auth === undefined ? {} : { authorization: `Bearer ${auth}` }),
      },
      payload: JSON.stringify(body),
    });
  return { d, app, token, bearer, consents };
}

describeEachDialect('the operator’s support APIs for the portal (지원-101, 103, 104)', (open) => {
  it('지원-101 / AC01: the portal credential gives a manage token signed by the operator; anything else is an OAuth error', async () => {
    const w = await world(open);
    const ok = await w.token();
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ token_type: 'Bearer', scope: 'manage', expires_in: '86400' });
    const jwt = ok.json().access_token as string;
    expect(decodeProtectedHeader(jwt)).toMatchObject({ alg: 'ES256', typ: SUPPORT_TOKEN_TYPE });
    expect(decodeJwt(jwt)).toMatchObject({ iss: OPERATOR_ORG, scope: 'manage' });
    expect((await w.token({ client_secret: 'z'.repeat(50) })).json()).toMatchObject({ error: 'invalid_client' });
    expect((await w.token({ scope: 'ca' })).json()).toMatchObject({ error: 'invalid_scope' });
    expect((await w.token({ grant_type: 'password' })).json()).toMatchObject({ error: 'unsupported_grant_type' });
    const noTran = await w.app.inject({
      method: 'POST',
      url: '/mgmts/oauth/2.0/token',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'grant_type=client_credentials',
    });
    expect(noTran.json()).toMatchObject({ error: 'invalid_request' });
    await w.app.stop();
  });

  it('지원-103 / AC02: a member’s currently valid consents at scope level, per service; a non-member is is_member false only', async () => {
    const w = await world(open);
    const input = signUpInput();
    const { personId } = await w.d.people.signUp(input);
    const active = await w.d.consents.propose(personId, bankDraft('BKTESTAA01'));
    await w.d.vault.put(personId, { ...tokenPair('BKTESTAA01'), consentId: active.id });
    await w.d.consents.activate(personId, active.id);
    await w.d.consents.propose(personId, bankDraft('BKTESTBB01')); // pending: not valid, not listed
    const bearer = await w.bearer();
    const r = await w.consents({ org_code: OPERATOR_ORG, user_ci: input.ci }, bearer);
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({
      rsp_code: '00000',
      rsp_msg: '정상처리',
      is_member: 'true',
      service_cnt: '1',
      service_list: [
        {
          client_id: active.recipient.clientId,
          consent_cnt: '1',
          consent_list: [
            {
              org_code: 'BKTESTAA01',
              scope: 'bank.list bank.deposit',
              consent_date: '20261124',
              consent_end_date: '20271124',
            },
          ],
        },
      ],
    });
    expect(JSON.stringify(r.json())).not.toContain('1002123456789');
    const nobody = await w.consents({ org_code: OPERATOR_ORG, user_ci: newCi() }, bearer);
    expect(nobody.json()).toEqual({ rsp_code: '00000', rsp_msg: '정상처리', is_member: 'false' });
    await w.app.stop();
  });

  it('지원-103 / AC03: no token 40101, a forged one 40101, version 40003, another org_code 40303, a malformed CI 40001 naming it', async () => {
    const w = await world(open);
    const bearer = await w.bearer();
    const body = { org_code: OPERATOR_ORG, user_ci: newCi() };
    expect((await w.consents(body)).json()).toMatchObject({ rsp_code: '40101' });
    const forged = `${bearer.slice(0, -4)}AAAA`;
    expect((await w.consents(body, forged)).json()).toMatchObject({ rsp_code: '40101' });
    expect((await w.consents(body, bearer, 'v9')).json()).toMatchObject({ rsp_code: '40003' });
    expect((await w.consents({ ...body, org_code: 'MDOTHERS01' }, bearer)).json()).toMatchObject({ rsp_code: '40303' });
    const bad = (await w.consents({ ...body, user_ci: 'not a CI!' }, bearer)).json();
    expect(bad.rsp_code).toBe('40001');
    expect(bad.rsp_msg).toContain('user_ci');
    const missing = (await w.consents({ org_code: OPERATOR_ORG }, bearer)).json();
    expect(missing.rsp_msg).toContain('user_ci');
    w.d.clock.advance(24 * 3600_000 + 1000);
    expect((await w.consents(body, bearer)).json()).toMatchObject({ rsp_code: '40101' });
    await w.app.stop();
  });

  it('지원-104 / AC04: the statistics of the week before inquiry_date are sent again by the sender; without a sender it says so (50002)', async () => {
    const asked: unknown[] = [];
    const w = await world(open, { resend: async (q) => void asked.push(q) });
    const bearer = await w.bearer();
    const get = (query: string, app = w.app) =>
      app.inject({
        method: 'GET',
        url: `/v2/mgmts/req-statistics?${query}`,
        headers: { 'x-api-tran-id': tran(), authorization: `Bearer ${bearer}` },
      });
    const ok = await get(`org_code=${OPERATOR_ORG}&org_type=01&inquiry_date=20261122&type=0`);
    expect(ok.json()).toMatchObject({ rsp_code: '00000' });
    expect(asked).toEqual([{ inquiryDate: '20261122', type: '0' }]);
    expect((await get(`org_code=${OPERATOR_ORG}&org_type=03&inquiry_date=20261122&type=0`)).json()).toMatchObject({
      rsp_code: '40001',
    });
    const badDate = (await get(`org_code=${OPERATOR_ORG}&org_type=01&inquiry_date=2026-11-22&type=0`)).json();
    expect(badDate.rsp_code).toBe('40001');
    expect(badDate.rsp_msg).toContain('inquiry_date');
    expect(asked).toHaveLength(1);
    await w.app.stop();
    const without = await world(open);
    const t2 = await without.bearer();
    const r = await without.app.inject({
      method: 'GET',
      url: `/v2/mgmts/req-statistics?org_code=${OPERATOR_ORG}&org_type=01&inquiry_date=20261122&type=1`,
      headers: { 'x-api-tran-id': tran(), authorization: `Bearer ${t2}` },
    });
    expect(r.json()).toMatchObject({ rsp_code: '50002' });
    await without.app.stop();
  });
});
