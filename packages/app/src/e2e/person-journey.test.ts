import { readFile } from 'node:fs/promises';
import { demoPeople, type DemoFile, type DemoPerson } from '@hannun/cli';
import { clientAgent } from '@hannun/pki';
import { kstDate, systemClock } from '@hannun/provider';
import { fetch as mtlsFetch } from 'undici';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppWorld, checkPage, startAppWorld } from './testing/app-world.ts';
import { screenshot } from './testing/artefacts.ts';

/**
 * Issue #8 end to end in real Chromium, as a person clicks it: a new person signs up (the CA's identity page),
 * connects a sector with 통합인증 (the CA's approval page), watches collection, reads the dashboard and
 * transactions, manages consents (change, withdraw, delete data), downloads their data and leaves. The
 * ecosystem is the one `hannun up` runs (portal, CA, providers, operator over mutual TLS), the operator's demo
 * sign-ups off so the person does it all. Every page is checked with axe-core and screenshotted.
 */
const SUITE = 'person-journey';
const PASSWORD = 'Journey-test-password-1';
/** The provider engine's test hooks (fault injection), on in this run only. */
const HOOKS = 'journey-test-hooks-token-0123456789';
let world: AppWorld;
let demo: DemoFile;
let person: DemoPerson;
let birthDate: string;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  world = await startAppWorld({ OPERATOR_DEMO: 'false', PROVIDER_TEST_HOOKS_TOKEN: HOOKS });
  demo = world.demo;
  person = demo.people.find((p) => p.role === 'connected')!;
  birthDate = demoPeople(kstDate(systemClock.nowMs())).find((p) => p.ci === person.ci)!.birthDate;
  ({ context, page } = await world.newPage({ phone: true }));
}, 180_000);

afterAll(async () => {
  await context?.close().catch(() => undefined);
  await world?.close();
}, 120_000);

/** The CA's page opened by the app in a new window: the person types their PIN and approves. */
async function approveOnCaPage(open: () => Promise<unknown>): Promise<void> {
  const [popup] = await Promise.all([context.waitForEvent('page'), open()]);
  await popup.waitForLoadState();
  await popup.locator('#pin').fill(person.caPin);
  await popup.locator('button[value="approve"]').click();
  await popup.waitForLoadState();
  await popup.close();
}

/** Sets (or clears, with null) an institution's faults at the provider engine, over mutual TLS as the operator. */
async function faults(org: string, body: object | null): Promise<void> {
  const agent = clientAgent(world.eco.trust.pki.org('mdhannun01'));
  const provider = world.eco.services.find((s) => s.role === 'provider')!.url;
  try {
    const res = await mtlsFetch(`${provider}/_test/faults/${org}`, {
      method: body ? 'PUT' : 'DELETE',
      dispatcher: agent,
      headers: { authorization: `Bearer ${HOOKS}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    expect(res.status, await res.text()).toBe(200);
  } finally {
    await agent.close();
  }
}

describe('the person’s app in Chromium', () => {
  it('serves the built app: index.html with a CSP, hashed assets cached immutable, SPA paths, API 404s as JSON', async () => {
    const index = await fetch(`${world.appUrl}/`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(index.headers.get('cache-control')).toBe('no-cache');
    const html = await index.text();
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(html)![1]!;
    const js = await fetch(`${world.appUrl}${asset}`);
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await fetch(`${world.appUrl}/transactions?x=1`)).headers.get('content-type')).toMatch(/^text\/html/);
    const api = await fetch(`${world.appUrl}/api/nothing-here`);
    expect(api.status).toBe(404);
    expect(await api.json()).toMatchObject({ code: 'OP_NOT_FOUND' });
    expect((await fetch(`${world.appUrl}/assets/..%2f..%2fpackage.json`)).status).toBe(404);
  });

  it('AC1: sign-up with identity verification at the CA, in Korean by default', async () => {
    await page.goto('/');
    await expect.poll(() => page.url()).toContain('/login');
    expect(await page.locator('html').getAttribute('lang')).toBe('ko');
    await checkPage(page, SUITE, '01-login');
    await page.getByRole('link', { name: '회원가입' }).click();
    await page.getByLabel('이름').fill(person.name);
    await page.getByLabel(/생년월일/).fill(birthDate);
    await page.getByLabel(/휴대폰/).fill(person.providerLogin.phone);
    await page.getByRole('button', { name: '본인확인 시작' }).click();
    await page.getByRole('link', { name: '인증기관 화면 열기' }).waitFor();
    await checkPage(page, SUITE, '02-signup-identity');
    await approveOnCaPage(() => page.getByRole('link', { name: '인증기관 화면 열기' }).click());
    await page.getByText('본인확인이 끝났습니다.').waitFor({ timeout: 15_000 });
    await page.getByLabel(/아이디/).fill('journey.person');
    await page.getByLabel(/비밀번호/).fill(PASSWORD);
    await checkPage(page, SUITE, '03-signup-login');
    await page.getByRole('button', { name: '가입하기' }).click();
    await expect.poll(() => page.url()).toContain('/connect');
    await checkPage(page, SUITE, '04-connect');
  }, 60_000);

  it('AC2–AC5: picks institutions (a whole sector or single ones), reads the seven items, approves once at the CA, watches collection live', async () => {
    const orgs = person.institutions.slice(0, 3);
    const names = orgs.map((o) => demo.institutions.find((i) => i.org_code === o)!.name);
    // A whole sector ticks every institution of it; untick it again.
    const bank = page.locator('fieldset[data-industry="bank"]');
    await bank.getByLabel('은행 전체 선택').check();
    const boxes = bank.locator('input[name="org"]');
    for (const box of await boxes.all()) expect(await box.isChecked()).toBe(true);
    await bank.getByLabel('은행 전체 선택').uncheck();
    await page.getByText('0개 기관 선택').waitFor();
    for (const name of names) await page.getByLabel(name, { exact: true }).check();
    await page.getByText(`${orgs.length}개 기관 선택`).waitFor();
    await page.getByRole('button', { name: '전송요구 내용 확인' }).click();

    await page.getByRole('heading', { name: '전송요구 내용' }).waitFor();
    for (const name of names) {
      const card = page.locator('article.consent', { has: page.getByRole('heading', { name }) });
      for (const item of [
        '① 정보를 보내는 곳',
        '② 정보를 받는 곳',
        '③ 보내는 정보',
        '④ 정기적 전송',
        '⑤ 전송요구 종료일',
        '⑥ 이용 목적',
        '⑦ 보유 기간',
      ]) {
        await expect.poll(() => card.getByText(item).count()).toBe(1);
      }
      expect(await card.locator('input[type="checkbox"]:checked').count()).toBeGreaterThan(0);
    }
    // The optional details (memos, merchants, categories) make the spending analysis richer.
    for (const extra of ['거래 메모', '가맹점 이름과 사업자번호', '거래 분류']) await page.getByLabel(extra).check();
    await checkPage(page, SUITE, '05-consent');
    await screenshot(page, SUITE, 'view-consent', { fullPage: false });
    await page.getByRole('button', { name: '동의하고 인증하기' }).click();
    const caLink = page.getByRole('link', { name: '인증기관 화면에서 승인하기' });
    await caLink.waitFor();
    await checkPage(page, SUITE, '06-authenticate');
    await approveOnCaPage(() => caLink.click());
    await page.getByText('연결을 마쳤습니다.').waitFor({ timeout: 30_000 });
    for (const org of orgs) {
      await page.locator(`li.progress-item[data-org="${org}"][data-state="ok"]`).waitFor({ timeout: 90_000 });
    }
    await checkPage(page, SUITE, '07-progress');
    await screenshot(page, SUITE, 'view-progress', { fullPage: false });
  }, 150_000);

  it('AC5: a failure at one institution is explained in words, and its retry fetches it again', async () => {
    const org = person.institutions[2]!;
    const item = page.locator(`li.progress-item[data-org="${org}"]`);
    await page.goto('/progress');
    await item.waitFor();
    await faults(org, { malformed: 'invalid-json' });
    try {
      await page.getByRole('button', { name: '모두 지금 다시 가져오기' }).click();
      await page.locator(`li.progress-item[data-org="${org}"][data-state="error"]`).waitFor({ timeout: 60_000 });
      expect(await item.textContent()).toMatch(/가져오지 못했습니다|실패/);
      await checkPage(page, SUITE, '07b-failure');
    } finally {
      await faults(org, null);
    }
    await item.getByRole('button', { name: '다시 가져오기' }).click();
    await page.locator(`li.progress-item[data-org="${org}"][data-state="ok"]`).waitFor({ timeout: 60_000 });
  }, 150_000);

  it('AC6: the dashboard shows the whole picture: net worth, trend, allocation, cash flow, spending, recurring, bills, assets by kind', async () => {
    await page.getByRole('navigation').getByRole('link', { name: '한눈에' }).click();
    await page.getByRole('heading', { name: '순자산', exact: true }).waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('net-worth').textContent()).toMatch(/원|알 수 없음/);
    for (const section of ['trend', 'allocation', 'cash-flow', 'categories', 'trends', 'recurring', 'bills']) {
      await page.locator(`[data-section="${section}"]`).waitFor();
    }
    await expect.poll(() => page.locator('.chart svg').count()).toBeGreaterThanOrEqual(5);
    const institution = demo.institutions.find((i) => i.org_code === person.institutions[0])!.name;
    await expect.poll(() => page.getByRole('cell', { name: institution }).count()).toBeGreaterThan(0);
    await checkPage(page, SUITE, '08-dashboard');
  }, 40_000);

  it('AC7: transactions scroll virtualised (only visible rows in the page), search, filter, re-categorise and make a rule', async () => {
    await page.getByRole('navigation').getByRole('link', { name: '거래내역' }).click();
    await expect.poll(() => page.locator('.tx-row').count(), { timeout: 20_000 }).toBeGreaterThan(5);
    const total = async () => Number((await page.getByText(/^\d+건/).textContent())!.replace(/\D/g, ''));
    await expect.poll(total, { timeout: 20_000 }).toBeGreaterThan(50);
    expect(await page.locator('.tx-row').count()).toBeLessThan(await total());
    await page.locator('.tx-list').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await page.getByLabel('구분').selectOption('in');
    await expect.poll(async () => (await page.locator('.tx-amount.out').count()) === 0).toBe(true);
    await page.getByLabel('구분').selectOption('all');
    await page.locator('.tx-list').evaluate((el) => el.scrollTo(0, 0));
    const merchant = (await page.locator('.tx-merchant').filter({ hasNotText: '—' }).first().textContent())!.trim();
    const word = merchant.slice(0, 3);
    await page.getByLabel(/검색/).fill(word);
    // The search goes to the server (the whole history) once typing pauses.
    await page.getByText(/전체 기간에서 찾음/).waitFor();
    await expect
      .poll(async () => {
        const found = await page.locator('.tx-merchant').allTextContents();
        return found.length > 0 && found.every((x) => x.includes(word));
      })
      .toBe(true);
    await checkPage(page, SUITE, '09-transactions');
    await screenshot(page, SUITE, 'view-transactions', { fullPage: false });
    const row = page.locator('.tx-row').first();
    await row.locator('button.chip').click();
    const form = page.locator('form.recategorise');
    await form.locator('select[name="category"]').selectOption({ index: 3 });
    const chosen = (await form.locator('select[name="category"]').locator('option:checked').textContent())!;
    await form.getByLabel('같은 내용은 항상 이 분류로').check();
    await checkPage(page, SUITE, '09b-recategorise');
    await form.getByRole('button', { name: '저장' }).click();
    await page.getByText('규칙을 만들었습니다').waitFor();
    expect(await page.locator('.tx-row').first().locator('button.chip').textContent()).toBe(chosen);
  }, 60_000);

  it('AC8: credit, the alternative (thin-file) view and recommendations, each with its reasons', async () => {
    await page.getByRole('navigation').getByRole('link', { name: '신용·추천' }).click();
    await page.getByRole('heading', { name: '신용과 추천' }).waitFor();
    await page.locator('[data-section="credit"]').waitFor({ timeout: 20_000 });
    await page.locator('[data-section="thin-file"]').waitFor();
    await page.locator('[data-section="recommendations"]').waitFor();
    expect(await page.locator('[data-section="thin-file"] tbody tr').count()).toBeGreaterThan(0);
    for (const rec of await page.locator('li.rec').all()) expect(await rec.textContent()).toContain('이유');
    await checkPage(page, SUITE, '10-credit');
  });

  it('AC11: my data’s journey lists every transmission (institution, items, time, purpose, x-api-type, result)', async () => {
    await page.getByRole('navigation').getByRole('link', { name: '내 데이터 이동' }).click();
    await expect.poll(() => page.locator('tr.transmission').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const first = await page.locator('tr.transmission').first().textContent();
    expect(first).toMatch(/user-consent|user-refresh|scheduled/);
    expect(first).toContain('자산 통합조회 및 분석');
    await checkPage(page, SUITE, '11-journey');
  });

  it('AC9: consents: change the data items, withdraw in one click, delete what came from the institution', async () => {
    page.on('dialog', (d) => void d.accept());
    await page.getByRole('navigation').getByRole('link', { name: '전송요구' }).click();
    const [first, second] = person.institutions;
    const card = page.locator(`li.card[data-org="${first}"]`).first();
    await card.waitFor();
    await checkPage(page, SUITE, '12-consents');
    await screenshot(page, SUITE, 'view-consents', { fullPage: false });
    await card.getByRole('button', { name: '바꾸기' }).click();
    await card.locator('input[type="checkbox"]').first().uncheck();
    await card.getByRole('button', { name: '저장' }).click();
    await page.getByText('변경한 전송요구를 인증하면 적용됩니다.').waitFor();
    const other = page.locator(`li.card[data-org="${second}"][data-status="active"]`);
    await other.getByRole('button', { name: '철회' }).click();
    await page.getByText(/전송요구를 철회했습니다/).waitFor();
    const offer = page.locator('.offer').first();
    await offer.getByRole('button', { name: '지우기' }).click();
    await page.getByText(/개 항목을 지웠습니다/).waitFor();
    expect(await page.locator(`li.card[data-org="${second}"]`).count()).toBe(0);
  }, 60_000);

  it('English switch, kept after a reload', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Your consents' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.reload();
    await page.getByRole('heading', { name: 'Your consents' }).waitFor();
    await checkPage(page, SUITE, '13-consents-en');
    await page.getByRole('button', { name: '한국어' }).click();
    await page.getByRole('heading', { name: '전송요구 관리' }).waitFor();
  });

  it('AC10: download my data as JSON and as CSV', async () => {
    await page.getByRole('navigation').getByRole('link', { name: '내 정보' }).click();
    await checkPage(page, SUITE, '14-account');
    const [json] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'JSON으로 내려받기' }).click(),
    ]);
    const doc = JSON.parse(await readFile((await json.path())!, 'utf8')) as {
      consents: unknown[];
      assets: unknown[];
      data: Record<string, unknown[]>;
    };
    expect(json.suggestedFilename()).toMatch(/^hannun-my-data-\d{8}\.json$/);
    expect(doc.consents.length).toBeGreaterThan(0);
    expect(Object.keys(doc.data).length).toBeGreaterThan(0);
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'CSV로 내려받기' }).click(),
    ]);
    const text = await readFile((await csv.path())!, 'utf8');
    expect(text.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe(
      'table,row_id,org_code,institution,asset_id,api_id,api_type,collected_at,field,value',
    );
    expect(text.split('\r\n').length).toBeGreaterThan(10);
  });

  it('AC9: leaving the service: password again, everything deleted, the login no longer works', async () => {
    await page.getByLabel('비밀번호 확인').fill('wrong-password-123');
    await page.getByRole('button', { name: '탈퇴하기' }).click();
    await page.getByText('비밀번호 또는 인증 코드가 맞지 않습니다').waitFor();
    await page.getByLabel('비밀번호 확인').fill(PASSWORD);
    await page.getByRole('button', { name: '탈퇴하기' }).click();
    await page.getByText(/탈퇴했습니다/).waitFor();
    await checkPage(page, SUITE, '15-left');
    const res = await fetch(`${world.appUrl}/api/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ loginName: 'journey.person', password: PASSWORD }),
    });
    expect(res.status).toBe(401);
    expect(page.url()).toContain('/login');
  }, 30_000);
});
