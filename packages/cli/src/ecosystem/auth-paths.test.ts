import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogSink } from '@hannun/infra';
import { clientAgent } from '@hannun/pki';
import {
  apiById,
  apiPath,
  type ConsentDocument,
  encodeConsentDocument,
  INDUSTRY_SCOPES,
  utf8Length,
} from '@hannun/spec';
import { type Agent, fetch } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoFile, DemoPerson } from './demo-file.ts';
import { freePorts } from './services.ts';
import { type Ecosystem, startEcosystem } from './start-ecosystem.ts';

/**
 * Both authentication paths in the ecosystem `hannun up` runs, over mutual TLS 1.3 with real signatures:
 * the test plays the operator (MDHANNUN01, its certificate and credentials from demo.json) and the person
 * (the demo's connected person, enrolled at the CA with their PIN).
 */
const sink = createLogSink();
let dir: string;
let eco: Ecosystem;
let demo: DemoFile;
let person: DemoPerson;
let operator: Agent;
let serial = 0;

const OPERATOR = 'MDHANNUN01';
const tranId = () => `${OPERATOR}M${String(++serial).padStart(14, '0')}`;
const stamp = '20261124120000';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hannun-auth-'));
  eco = await startEcosystem({ env: { ...freePorts(), HANNUN_DATA_DIR: dir }, logDestination: sink });
  demo = JSON.parse(await readFile(eco.demoFile, 'utf8')) as DemoFile;
  person = demo.people.find((p) => p.role === 'connected')!;
  operator = clientAgent(eco.trust.pki.org('mdhannun01'));
}, 120_000);

afterAll(async () => {
  await operator?.close();
  await eco?.stop();
  await rm(dir, { recursive: true, force: true });
});

async function caCall(path: string, body: Record<string, unknown>, bearer?: string) {
  const res = await fetch(`${demo.ca!.apiUrl}${path}`, {
    method: 'POST',
    dispatcher: operator,
    headers: {
      'x-api-tran-id': tranId(),
      ...(bearer
        ? { 'content-type': 'application/json', authorization: `Bearer ${bearer}` }
        : { 'content-type': 'application/x-www-form-urlencoded' }),
    },
    body: bearer ? JSON.stringify(body) : new URLSearchParams(body as Record<string, string>).toString(),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

function consentFor(orgCode: string): ConsentDocument {
  const institution = demo.institutions.find((i) => i.org_code === orgCode)!;
  return {
    org_code: orgCode,
    rcv_org_code: OPERATOR,
    client_id: demo.operator.service!.client_id,
    scope: INDUSTRY_SCOPES[institution.industry].join(' '),
    target: 'all',
    asset_list: [],
    is_scheduled: 'true',
    fnd_cycle: '1/w',
    add_cycle: '1/w',
    end_date: '20271123',
    purpose: '자산 통합조회 및 분석',
    period: '서비스 탈퇴 시까지',
    is_consent_trans_memo: 'true',
    is_consent_merchant_name_regno: 'true',
    is_consent_trans_category: 'true',
    consent_date: stamp,
  };
}

describe('통합인증 in the running ecosystem (CA and providers over mutual TLS)', () => {
  it('one approval at the CA gives a token pair at every institution of the person, and each token reads 공통-002', async () => {
    const own = demo.operator.portalCredentials!;
    const token = await caCall('/oauth/2.0/token', {
      grant_type: 'client_credentials',
      client_id: own.client_id,
      client_secret: own.client_secret,
      scope: 'ca',
    });
    expect(token.status).toBe(200);
    const bearer = token.body.access_token as string;

    const orgs = person.institutions;
    expect(orgs.length).toBeGreaterThanOrEqual(5);
    const list = orgs.map((org) => {
      const text = encodeConsentDocument(consentFor(org));
      return {
        tx_id: `MD_${OPERATOR}_${org}_${org}_${demo.ca!.ca_code}_${stamp}_${String(++serial).padStart(12, '0')}`,
        consent_title: `${org} 전송요구`,
        consent: text,
        consent_len: String(utf8Length(text)),
      };
    });
    const signTxId = `${OPERATOR}_${demo.ca!.ca_code}_${stamp}_${String(++serial).padStart(12, '0')}`;
    const asked = await caCall(
      '/ca/sign_request',
      {
        sign_tx_id: signTxId,
        user_ci: person.ci,
        real_name: person.name,
        phone_num: person.providerLogin.phone,
        request_title: '한눈 마이데이터 연결',
        device_code: 'PC',
        device_browser: 'WB',
        consent_type: '0',
        consent_cnt: String(list.length),
        consent_list: list,
      },
      bearer,
    );
    expect(asked.body.rsp_code).toBe('00000');
    const certTxId = asked.body.cert_tx_id as string;

    // Not signed yet: 40901 (keep asking).
    const early = await caCall('/ca/sign_result', { cert_tx_id: certTxId, sign_tx_id: signTxId }, bearer);
    expect(early.body.rsp_code).toBe('40901');

    // The person reads the page (every provider named) and approves with their PIN: one approval.
    const page = await fetch(`${demo.ca!.pagesUrl}/sign/${certTxId}`);
    const html = await page.text();
    for (const org of orgs) expect(html).toContain(demo.institutions.find((i) => i.org_code === org)!.name);
    const csrf = /name="csrf" value="([^"]+)"/.exec(html)![1]!;
    const approved = await fetch(`${demo.ca!.pagesUrl}/sign/${certTxId}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrf, action: 'approve', pin: person.caPin }).toString(),
    });
    expect(approved.status).toBe(200);

    const result = await caCall('/ca/sign_result', { cert_tx_id: certTxId, sign_tx_id: signTxId }, bearer);
    expect(result.body.rsp_code).toBe('00000');
    const signed = result.body.signed_consent_list as { tx_id: string; signed_consent: string }[];
    expect(signed.map((s) => s.tx_id)).toEqual(list.map((l) => l.tx_id));

    // The operator brings each signature to its provider (통합인증-002), all at once.
    const app = demo.operator.service!;
    const pairs = await Promise.all(
      list.map(async (item, i) => {
        const base = demo.institutions.find((x) => x.org_code === orgs[i])!.baseUrl;
        const res = await fetch(`${base}/oauth/2.0/token`, {
          method: 'POST',
          dispatcher: operator,
          headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-api-tran-id': tranId() },
          body: new URLSearchParams({
            tx_id: item.tx_id,
            org_code: orgs[i]!,
            grant_type: 'password',
            client_id: app.client_id,
            client_secret: app.client_secret,
            ca_code: demo.ca!.ca_code,
            username: person.ci,
            request_type: '1',
            password_len: String(signed[i]!.signed_consent.length),
            password: signed[i]!.signed_consent,
            auth_type: '1',
            consent_type: '0',
            consent_len: item.consent_len,
            consent: item.consent,
            cert_tx_id: certTxId,
          }).toString(),
        });
        return { org: orgs[i]!, base, status: res.status, body: (await res.json()) as Record<string, string> };
      }),
    );
    for (const p of pairs) {
      expect(p.status, `${p.org}: ${JSON.stringify(p.body)}`).toBe(200);
      expect(p.body).toMatchObject({ tx_id: expect.any(String), token_type: 'Bearer' });
    }

    // Every token reads the institution's own record of the consent (공통-002) over mutual TLS.
    for (const p of pairs) {
      const industry = demo.institutions.find((i) => i.org_code === p.org)!.industry;
      const path = apiPath(apiById('공통-002'), { version: 'v2', industry });
      const res = await fetch(`${p.base}${path}?org_code=${p.org}`, {
        dispatcher: operator,
        headers: {
          authorization: `Bearer ${p.body.access_token}`,
          'x-api-tran-id': tranId(),
          'x-api-type': 'user-consent',
        },
      });
      const body = (await res.json()) as Record<string, string>;
      expect(body.rsp_code, `${p.org} 공통-002`).toBe('00000');
      expect(body).toMatchObject({ end_date: '20271123', is_scheduled: 'true' });
    }

    // The signature cannot be brought a second time.
    const replay = await fetch(`${pairs[0]!.base}/oauth/2.0/token`, {
      method: 'POST',
      dispatcher: operator,
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-api-tran-id': tranId() },
      body: new URLSearchParams({
        tx_id: list[0]!.tx_id,
        org_code: orgs[0]!,
        grant_type: 'password',
        client_id: app.client_id,
        client_secret: app.client_secret,
        ca_code: demo.ca!.ca_code,
        username: person.ci,
        request_type: '1',
        password_len: String(signed[0]!.signed_consent.length),
        password: signed[0]!.signed_consent,
        auth_type: '1',
        consent_type: '0',
        consent_len: list[0]!.consent_len,
        consent: list[0]!.consent,
        cert_tx_id: certTxId,
      }).toString(),
    });
    expect(replay.status).toBe(400);
    expect(((await replay.json()) as Record<string, string>).error).toBe('invalid_grant');
  });
});

describe('개별인증 in the running ecosystem', () => {
  it("개별인증-001 over mutual TLS answers 302 to the provider's own login page, which serves in Korean", async () => {
    const bank = demo.institutions.find((i) => person.institutions.includes(i.org_code))!;
    const app = demo.operator.service!;
    const query = new URLSearchParams({
      org_code: bank.org_code,
      response_type: 'code',
      client_id: app.client_id,
      redirect_uri: app.redirect_uri_list[0]!,
      app_scheme: app.app_scheme_list[0]!,
      state: 'state0000000000000001',
    });
    const res = await fetch(`${bank.baseUrl}/oauth/2.0/authorize?${query}`, {
      dispatcher: operator,
      headers: { 'x-user-ci': person.ci, 'x-api-tran-id': tranId() },
      redirect: 'manual',
    });
    expect(res.status).toBe(302);
    const location = res.headers.get('location')!;
    expect(location).toContain(bank.org_code);
    const login = await fetch(new URL(location, bank.baseUrl), { dispatcher: operator });
    expect(login.status).toBe(200);
    const page = await login.text();
    expect(page).toContain('lang="ko"');
    expect(page).toContain('name="login_id"');
  });
});
