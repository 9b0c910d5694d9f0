import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogSink } from '@hannun/infra';
import { clientAgent, ensureStorageKey } from '@hannun/pki';
import {
  createMemoryConsentStore,
  DEMO_INSTITUTIONS,
  dueInquiryDate,
  kstToEpochMs,
  mintAccessToken,
  openSqlAuthStore,
  weekDays,
} from '@hannun/provider';
import { apiById, apiPath, generateTranId, INDUSTRY_SCOPES } from '@hannun/spec';
import { Temporal } from 'temporal-polyfill';
import { type Agent, fetch } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoFile } from '../ecosystem/demo-file.ts';
import { HANNUN_APP } from '../ecosystem/demo-organisations.ts';
import { demoPeople } from '../ecosystem/demo-people.ts';
import { writeEcosystemCredentials } from '../ecosystem/ecosystem-credentials.ts';
import { type Ecosystem, startEcosystem } from '../ecosystem/start-ecosystem.ts';
import { providerService, STORAGE_KEY_FILE } from '../provider/provider-service.ts';
import { institutionSigningKeys } from '../provider/provider-signing-keys.ts';
import { type PortalAdminClient, portalAdminClient } from './portal-admin-client.ts';
import { portalService } from './portal-service.ts';

/**
 * Statistics flow weekly from real call records (issue #5 "done when"), as `hannun up` runs it: the operator
 * calls 누리은행 over mutual TLS with real tokens during last week (the provider's test clock set back); the
 * portal's administrator asks for that week again (지원-104 over mutual TLS); the engine's host RLHANNUN01 sends
 * 지원-005 for the institution (its 지원-001 token, mutual TLS); the portal validates and stores it, and its
 * statistics page shows the calls. Also: demo.json tells where the pages are and how to log in.
 */
const HOOKS = 'statistics-e2e-hooks-0123456789';
const APP = { clientId: `HANNUNSTATSAPP${'0'.repeat(36)}`, clientSecret: `S${'e'.repeat(49)}` };
const ACCOUNTS = apiPath(apiById('은행-001'), { version: 'v2' });
const inquiryDate = dueInquiryDate(Date.now());
const week = weekDays(inquiryDate);
const wednesday = week[3]!;
const at = (hour: number, minute = 0) =>
  kstToEpochMs(
    Number(wednesday.slice(0, 4)),
    Number(wednesday.slice(4, 6)),
    Number(wednesday.slice(6, 8)),
    hour,
    minute,
  );

let dir: string;
let eco: Ecosystem;
let demo: DemoFile;
let admin: PortalAdminClient;
let operator: Agent;
const providerUrl = () => eco.services.find((s) => s.role === 'provider')!.url;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hannun-stats-'));
  // The app's credential as an earlier run would have left it (the portal keeps it), and a consent the
  // connected person gave 누리은행 for the app twenty days ago, already in the provider's tables.
  await writeEcosystemCredentials(dir, {
    orgs: new Map(),
    services: new Map([[HANNUN_APP.key, APP]]),
    portal: new Map(),
  });
  const person = demoPeople(Temporal.Now.plainDateISO('Asia/Seoul')).find((p) => p.role === 'connected')!;
  const auth = await openSqlAuthStore({
    url: `sqlite:${join(dir, 'hannun.db')}`,
    consents: createMemoryConsentStore(),
    storageKey: (await ensureStorageKey(join(dir, STORAGE_KEY_FILE))).key,
  });
  await auth.consents.insert({
    id: 'stats-e2e-consent',
    orgCode: 'BKNURI0001',
    ci: person.ci,
    recipientOrgCode: 'MDHANNUN01',
    clientId: APP.clientId,
    scopes: [...INDUSTRY_SCOPES.bank],
    assets: [],
    isScheduled: false,
    fndCycle: '1/w',
    addCycle: '1/w',
    endDate: Temporal.Now.plainDateISO('Asia/Seoul').add({ years: 1 }),
    purpose: '자산 통합조회',
    period: '서비스 탈퇴 시까지',
    flags: { transMemo: true, merchantNameRegno: true, transCategory: true },
    createdAt: Date.now() - 20 * 86_400_000,
  });
  await auth.close();
  eco = await startEcosystem({
    env: { PORTAL_PORT: '0', PROVIDER_PORT: '0', HANNUN_DATA_DIR: dir, PROVIDER_TEST_HOOKS_TOKEN: HOOKS },
    services: [portalService, providerService],
    logDestination: createLogSink(),
  });
  demo = JSON.parse(await readFile(eco.demoFile, 'utf8')) as DemoFile;
  admin = (await portalAdminClient(dir))!;
  operator = clientAgent(eco.trust.pki.org('mdhannun01'));
}, 120_000);

afterAll(async () => {
  await operator?.close();
  await eco?.stop();
  await rm(dir, { recursive: true, force: true });
});

async function setProviderClock(ms: number): Promise<void> {
  const t = new Date(ms + 9 * 3_600_000).toISOString().replace(/[-:T]/g, '').slice(0, 14);
  const res = await fetch(`${providerUrl()}/_test/clock`, {
    method: 'POST',
    dispatcher: operator,
    headers: { authorization: `Bearer ${HOOKS}`, 'content-type': 'application/json' },
    body: JSON.stringify({ set: t }),
  });
  expect(res.status).toBe(200);
}

/** 은행-001 at 누리은행 as the operator at the provider's `ms`, with a token for the consent (or none). */
async function accounts(ms: number, withToken: boolean): Promise<string> {
  await setProviderClock(ms);
  const key = institutionSigningKeys(eco.trust.pki, DEMO_INSTITUTIONS).of('BKNURI0001');
  const iat = Math.floor(ms / 1000);
  const token = await mintAccessToken(key, {
    iss: 'BKNURI0001',
    aud: 'MDHANNUN01',
    sub: 'stats-e2e-consent',
    jti: `stats-${ms}`,
    scope: INDUSTRY_SCOPES.bank.join(' '),
    iat,
    exp: iat + 600,
  });
  const res = await fetch(`${providerUrl()}/BKNURI0001${ACCOUNTS}?org_code=BKNURI0001&limit=10`, {
    dispatcher: operator,
    headers: {
      'x-api-tran-id': generateTranId('MDHANNUN01', 'M'),
      'x-api-type': 'user-search',
      ...(withToken ? { authorization: `Bearer ${token}` } : {}),
    },
  });
  return ((await res.json()) as { rsp_code: string }).rsp_code;
}

describe('issue #5: statistics flow weekly from real call records (지원-005, 지원-104) and the pages show them', () => {
  it('demo.json names the portal’s pages and the admin login; the pages ask for it', async () => {
    expect(demo.portal).toMatchObject({
      org_code: 'PTHANNUN01',
      apiUrl: eco.services.find((s) => s.role === 'portal')!.url,
      pagesUrl: expect.stringMatching(/^http:\/\//) as unknown,
      admin: { login: 'token', token: expect.stringMatching(/^[0-9a-f]{64}$/) as unknown },
    });
    const res = await fetch(`${demo.portal!.pagesUrl}/admin`, { redirect: 'manual' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/login?next=%2Fadmin');
  });

  it('지원-104 → 지원-005: last week’s calls, counted by the engine, reach the portal through the relay and show on the statistics page', async () => {
    expect(await accounts(at(10), true)).toBe('00000');
    expect(await accounts(at(10, 1), true)).toBe('00000');
    expect(await accounts(at(20), true)).toBe('00000');
    expect(await accounts(at(20, 1), false)).toBe('40101'); // no token: no service to name, not in 지원-005
    await setProviderClock(Date.now());

    const answer = await admin.call('POST', '/admin/statistics/resend', {
      org_code: 'BKNURI0001',
      inquiry_date: inquiryDate,
      type: '0',
    });
    expect(answer).toEqual({ accepted: true });
    // The provider answers 지원-104 at once and sends in the background.
    const deadline = Date.now() + 15_000;
    let listed: { subject: string; sender_org_code: string; inquiry_date: string; type: number }[] = [];
    while (Date.now() < deadline) {
      listed = ((await admin.call('GET', '/admin/statistics?kind=provider')).statistics_list as typeof listed).filter(
        (s) => s.subject === 'BKNURI0001' && s.inquiry_date === inquiryDate,
      );
      if (listed.length === 2) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(listed.map((s) => [s.type, s.sender_org_code])).toEqual([
      [1, 'RLHANNUN01'],
      [2, 'RLHANNUN01'],
    ]);

    // The administrator's view: log in with the admin token from demo.json, open 누리은행's week.
    const pages = demo.portal!.pagesUrl;
    const loginForm = await fetch(`${pages}/login`);
    const loginCookie = loginForm.headers.getSetCookie()[0]!.split(';')[0]!;
    const csrf = /name="csrf" value="([^"]+)"/.exec(await loginForm.text())![1]!;
    const login = await fetch(`${pages}/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: loginCookie },
      body: new URLSearchParams({ csrf, next: '/admin', token: demo.portal!.admin.token }).toString(),
    });
    expect(login.status).toBe(303);
    const session = login.headers
      .getSetCookie()
      .find((c) => c.startsWith('hannun_portal_session='))!
      .split(';')[0]!;
    const page = await fetch(`${pages}/admin/statistics/BKNURI0001?week=${inquiryDate}`, {
      headers: { cookie: session },
    });
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain('<title id="chart-calls-title">일별 API 호출 수</title>');
    // Wednesday: three calls of the app, two in the daytime slot and one at night; the call without a token is not there.
    const label = `${Number(wednesday.slice(4, 6))}/${Number(wednesday.slice(6, 8))}(수)`;
    expect(html).toContain(
      `<tr><th scope="row">${label}</th><td class="num">3</td><td class="num">0</td><td class="num">3</td></tr>`,
    );
    expect(html).toMatch(
      /<tr><th scope="row">01 주간 \(06–18시\)<\/th><td class="num">2<\/td><td class="num">0<\/td><\/tr>/,
    );
  });
});
