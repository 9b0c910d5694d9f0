import { manualClock } from '@hannun/ca';
import {
  BANK,
  type CaHarness,
  type CaWorld,
  createCaWorld,
  OPERATOR,
  PERSON,
  SERVICE_ID,
  signTxIdFor,
  startHarness,
  tranId,
} from '@hannun/ca/testing';
import { clientAgent, type TlsMaterial } from '@hannun/pki';
import { createRegistry } from '@hannun/registry';
import { type ConsentDocument, encodeConsentDocument, utf8Length } from '@hannun/spec';
import { type Agent, fetch } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_NOW, KIM_CI } from '../testing/fixture-world.ts';
import { createHttpCaClient } from './http-ca-client.ts';
import { type AuthWorld, createAuthWorld } from './testing/auth-world.ts';
import { kimConsentDocument, newTxId } from './testing/consent-documents.ts';

/**
 * 통합인증 end to end against the real CA (`@hannun/ca`) over mutual TLS 1.3: the person is enrolled with
 * Kim's CI; the operator asks the CA to sign (102), the person approves on the CA's page (a real form
 * post), the operator collects the signature (103) and brings it to the provider's 통합인증-002; the
 * provider gets its own CA token (101) and has the CA verify (104) with its own certificate; the token then
 * reads an information API.
 */
let world: CaWorld;
let h: CaHarness;
let apiUrl: string;
let pagesUrl: string;
let provider: AuthWorld;
let providerUrl: string;
const agents: Agent[] = [];
const agentOf = (tls: TlsMaterial) => {
  const agent = clientAgent(tls);
  agents.push(agent);
  return agent;
};
const SERVICE_SECRET = 's'.repeat(50);

beforeAll(async () => {
  world = await createCaWorld();
  h = startHarness(world, { requireMtls: true, allowLoopback: false, clock: manualClock(FIXTURE_NOW) });
  await h.ca.controls.enrol({ ...PERSON, ci: KIM_CI });
  apiUrl = await h.ca.api.start({ host: '127.0.0.1', port: 0 });
  pagesUrl = await h.ca.pages.start({ host: '127.0.0.1', port: 0 });
  // The provider's registry: the CA's, with the address the CA answers at.
  const snapshot = world.registry.snapshot;
  const registry = createRegistry({
    ...snapshot,
    orgs: snapshot.orgs.map((o) => (o.caCode ? { ...o, baseUrl: apiUrl } : o)),
  });
  const bankAgent = agentOf(world.orgs[BANK]!.tls);
  provider = createAuthWorld({
    registry,
    auth: {
      caClient: createHttpCaClient({
        dispatcher: (org) => (org === BANK ? bankAgent : agentOf(world.orgs[org]!.tls)),
        credentials: (org) => {
          const o = world.orgs[org];
          return o ? { clientId: o.clientId, clientSecret: o.clientSecret } : undefined;
        },
      }),
    },
  });
  providerUrl = await provider.engine.start({ host: '127.0.0.1', port: 0 });
});

afterAll(async () => {
  await provider?.close();
  await Promise.all(agents.map((a) => a.close()));
  await h.ca.api.stop();
  await h.ca.pages.stop();
});

async function operatorCall(path: string, body: unknown, bearer?: string) {
  const res = await fetch(`${apiUrl}${path}`, {
    method: 'POST',
    dispatcher: agentOf(world.orgs[OPERATOR]!.tls),
    headers: {
      'x-api-tran-id': tranId(OPERATOR),
      ...(bearer
        ? { 'content-type': 'application/json', authorization: `Bearer ${bearer}` }
        : { 'content-type': 'application/x-www-form-urlencoded' }),
    },
    body: bearer ? JSON.stringify(body) : new URLSearchParams(body as Record<string, string>).toString(),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** The operator's and the person's part: sign consents at the CA, approved on the page with the PIN. */
async function signAtCa(consents: readonly ConsentDocument[]) {
  const o = world.orgs[OPERATOR]!;
  const token = await operatorCall('/oauth/2.0/token', {
    grant_type: 'client_credentials',
    client_id: o.clientId,
    client_secret: o.clientSecret,
    scope: 'ca',
  });
  expect(token.status).toBe(200);
  const bearer = token.body['access_token'] as string;
  const list = consents.map((c) => {
    const text = encodeConsentDocument(c);
    return {
      tx_id: newTxId(c.org_code),
      consent_title: '전송요구',
      consent: text,
      consent_len: String(utf8Length(text)),
    };
  });
  const signTxId = signTxIdFor();
  const asked = await operatorCall(
    '/ca/sign_request',
    {
      sign_tx_id: signTxId,
      user_ci: KIM_CI,
      real_name: PERSON.name,
      phone_num: '+821012345678',
      request_title: '마이데이터 서비스 가입',
      device_code: 'PC',
      device_browser: 'WB',
      consent_type: '0',
      consent_cnt: String(list.length),
      consent_list: list,
    },
    bearer,
  );
  expect(asked.body['rsp_code']).toBe('00000');
  const certTxId = asked.body['cert_tx_id'] as string;
  // The person: the CA's page, read, PIN, 동의 (a real form post).
  const page = await fetch(`${pagesUrl}/sign/${certTxId}`);
  const html = await page.text();
  const csrf = /name="csrf" value="([^"]+)"/.exec(html)![1]!;
  const approved = await fetch(`${pagesUrl}/sign/${certTxId}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ csrf, action: 'approve', pin: PERSON.pin }).toString(),
  });
  expect(approved.status).toBe(200);
  const result = await operatorCall('/ca/sign_result', { cert_tx_id: certTxId, sign_tx_id: signTxId }, bearer);
  expect(result.body['rsp_code']).toBe('00000');
  const signed = result.body['signed_consent_list'] as { tx_id: string; signed_consent: string }[];
  return list.map((item, i) => ({
    certTxId,
    txId: item.tx_id,
    consent: item.consent,
    signed: signed[i]!.signed_consent,
  }));
}

function passwordGrant(s: { certTxId: string; txId: string; consent: string; signed: string }, consent = s.consent) {
  return fetch(`${providerUrl}/${BANK}/oauth/2.0/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-api-tran-id': tranId(OPERATOR) },
    body: new URLSearchParams({
      tx_id: s.txId,
      org_code: BANK,
      grant_type: 'password',
      client_id: SERVICE_ID,
      client_secret: SERVICE_SECRET,
      ca_code: 'HNCA000001',
      username: KIM_CI,
      request_type: '1',
      password_len: String(s.signed.length),
      password: s.signed,
      auth_type: '1',
      consent_type: '0',
      consent_len: String(utf8Length(consent)),
      consent,
      cert_tx_id: s.certTxId,
    }).toString(),
  });
}

const consentForBank = () =>
  kimConsentDocument(provider, BANK, {
    client_id: SERVICE_ID,
    rcv_org_code: OPERATOR,
    end_date: '20260314',
    consent_date: '20250315030000',
  });

describe('통합인증-002 with the real CA (통합인증-101…104 over mutual TLS)', () => {
  it('AC80: sign once at the CA, approve on its page, 통합인증-002 → token pair → 은행-001 answers 00000', async () => {
    const [signed] = await signAtCa([consentForBank()]);
    const response = await passwordGrant(signed!);
    const body = (await response.json()) as Record<string, string>;
    expect(response.status).toBe(200);
    expect(body).toMatchObject({ tx_id: signed!.txId, token_type: 'Bearer' });
    const list = await provider.call(BANK, '은행-001', body['access_token']!);
    expect(list.json()).toMatchObject({ rsp_code: '00000' });
    const pair = (await provider.engine.provider.auth.store.pairs.list(BANK)).at(-1)!;
    expect(pair).toMatchObject({ auth: 'integrated', ci: KIM_CI, clientId: SERVICE_ID });
  });

  it('AC81: the same signed consent brought twice is refused (cert_tx_id replay), no second pair', async () => {
    const [signed] = await signAtCa([consentForBank()]);
    expect((await passwordGrant(signed!)).status).toBe(200);
    const before = (await provider.engine.provider.auth.store.pairs.list(BANK)).length;
    const again = await passwordGrant(signed!);
    expect(await again.json()).toMatchObject({ error: 'invalid_grant' });
    expect((await provider.engine.provider.auth.store.pairs.list(BANK)).length).toBe(before);
  });

  it('AC82: a signed consent altered by one byte: the real CA answers result false → invalid_grant, no token', async () => {
    const [signed] = await signAtCa([consentForBank()]);
    const altered = signed!.consent.replace('"end_date":"20260314"', '"end_date":"20260313"');
    expect(utf8Length(altered)).toBe(utf8Length(signed!.consent));
    expect([...altered].filter((ch, i) => ch !== signed!.consent[i])).toHaveLength(1);
    const before = (await provider.engine.provider.auth.store.pairs.list(BANK)).length;
    const response = await passwordGrant(signed!, altered);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      error: 'invalid_grant',
      error_description: 'password: 전자서명 검증 실패',
    });
    expect((await provider.engine.provider.auth.store.pairs.list(BANK)).length).toBe(before);
  });
});
