import { createHmac } from 'node:crypto';
import type { DemoPerson } from '@hannun/cli';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppWorld, checkPage, startAppWorld } from './testing/app-world.ts';
import { screenshot } from './testing/artefacts.ts';

/**
 * Issue #8's remaining flows in `npm start`'s own state (the demo on), as a person clicks them: search over the
 * whole history on the server (and what the app says when a search stopped at its scan limit), a budget and its
 * alert, the sector services, adding a data item to a consent through the CA's approval, and two-step login
 * turned on and used with a code computed here. Every new page is checked with axe-core and screenshotted.
 */
const SUITE = 'person-tools';
let world: AppWorld;

beforeAll(async () => {
  world = await startAppWorld();
}, 180_000);

afterAll(async () => {
  await world?.close();
}, 120_000);

async function logIn(page: Page, p: DemoPerson, code?: () => string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('아이디').fill(p.login!);
  await page.getByLabel('비밀번호', { exact: true }).fill(p.password!);
  await page.getByRole('button', { name: '로그인' }).click();
  if (code) {
    await page.getByLabel(/인증 앱 코드/).fill(code());
    await page.getByRole('button', { name: '로그인' }).click();
  }
  await expect.poll(() => page.url(), { timeout: 15_000 }).toContain('/dashboard');
}

/** RFC 6238 (HMAC-SHA1, 30 s, 6 digits) from the base32 secret, at `ms`: what an authenticator app shows. */
function totpCode(base32: string, ms: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const ch of base32.replace(/[\s=]/g, '').toUpperCase())
    bits += alphabet.indexOf(ch).toString(2).padStart(5, '0');
  const key = Buffer.from(bits.match(/.{8}/g)!.map((b) => Number.parseInt(b, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(ms / 30_000)));
  const mac = createHmac('sha1', key).update(counter).digest();
  const offset = mac[mac.length - 1]! & 0xf;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}

/** A GET of the app's API in the page (its session cookie). */
async function apiGet<T>(page: Page, path: string): Promise<T> {
  return page.evaluate(async (p) => {
    const r = await fetch(p);
    if (!r.ok) throw new Error(`${p}: ${r.status}`);
    return r.json();
  }, path) as Promise<T>;
}

interface Row {
  readonly date: string;
  readonly merchant: string | null;
}

/** Every categorised row of the person, month by month backwards over three years (the test's own view). */
async function history(page: Page, fromMonth: string): Promise<Row[]> {
  const out: Row[] = [];
  let y = Number(fromMonth.slice(0, 4));
  let m = Number(fromMonth.slice(4, 6));
  for (let i = 0; i < 38; i++) {
    const month = `${y}${String(m).padStart(2, '0')}`;
    for (let offset = 0; ; offset += 200) {
      const r = await apiGet<{ transactions: Row[]; nextOffset: number | null }>(
        page,
        `/api/analysis/transactions?month=${month}&limit=200&offset=${offset}`,
      );
      out.push(...r.transactions);
      if (r.nextOffset === null) break;
    }
    m -= 1;
    if (m === 0) {
      m = 12;
      y -= 1;
    }
  }
  return out;
}

describe('the person’s tools in Chromium', () => {
  it('AC7: search goes to the server over the whole history (a row from a month never loaded), and says when it stopped at its scan limit', async () => {
    const person = world.demo.people.find((p) => p.role === 'connected')!;
    const { context, page } = await world.newPage();
    try {
      await logIn(page, person);
      // Collection may still be running: wait until the history is there.
      const thisMonth = new Date(Date.now() + 9 * 3_600_000).toISOString().slice(0, 7).replace('-', '');
      let rows: Row[] = [];
      await expect
        .poll(
          async () => {
            rows = await history(page, thisMonth);
            return new Set(rows.map((r) => r.date.slice(0, 6))).size;
          },
          { timeout: 120_000, interval: 3000 },
        )
        .toBeGreaterThan(12);
      // A merchant whose latest row is the oldest: its month is far behind what the list loads first.
      const latest = new Map<string, string>();
      for (const r of rows) if (r.merchant && (latest.get(r.merchant) ?? '') < r.date) latest.set(r.merchant, r.date);
      const [merchant, date] = [...latest].sort((a, b) => a[1].localeCompare(b[1]))[0]!;

      const months: string[] = [];
      const searches: string[] = [];
      page.on('request', (r) => {
        const u = new URL(r.url());
        if (u.pathname !== '/api/analysis/transactions') return;
        if (u.searchParams.has('month')) months.push(u.searchParams.get('month')!);
        if (u.searchParams.has('q')) searches.push(u.searchParams.get('q')!);
      });
      await page.getByRole('navigation').getByRole('link', { name: '거래내역' }).click();
      await expect.poll(() => page.locator('.tx-row').count(), { timeout: 20_000 }).toBeGreaterThan(5);
      expect(months).not.toContain(date.slice(0, 6));
      await page.getByLabel(/검색/).fill(merchant);
      await expect.poll(() => searches).toContain(merchant);
      // Far back, the search may stop at its 5,000 movements read: the person goes on, as the app offers.
      const goOn = page.getByRole('button', { name: '이어서 찾기' });
      let goneOn = 0;
      await expect
        .poll(
          async () => {
            if ((await page.locator('.tx-row').count()) > 0)
              return page.locator('.tx-row .tx-date').first().textContent();
            if (await goOn.isVisible()) {
              await page.getByText('더 찾으려면 기간을 좁혀 주세요').waitFor();
              goneOn += 1;
              await goOn.click();
            }
            return null;
          },
          { timeout: 90_000, interval: 500 },
        )
        .toBe(`${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}`);
      expect(goneOn).toBeLessThan(40);
      expect(months).not.toContain(date.slice(0, 6));
      expect((await page.locator('.tx-merchant').allTextContents()).every((x) => x === merchant)).toBe(true);
      await page.getByText('전체 기간에서 찾음', { exact: false }).waitFor();
      await checkPage(page, SUITE, '01-transactions-search');

      // In and out are filtered on the server too.
      await page.getByLabel(/검색/).fill('');
      await page.getByLabel('구분').selectOption('in');
      await expect.poll(() => page.locator('.tx-row').count(), { timeout: 20_000 }).toBeGreaterThan(0);
      expect(await page.locator('.tx-amount.out').count()).toBe(0);
      await page.getByLabel('구분').selectOption('all');

      // A search that read its 5,000 movements without finding enough: the app says so and offers to go on.
      let calls = 0;
      await context.route(/\/api\/analysis\/transactions\?.*q=/, async (route) => {
        calls += 1;
        const cursor = new URL(route.request().url()).searchParams.get('cursor');
        await route.fulfill({
          contentType: 'application/json',
          body: JSON.stringify(
            cursor === null
              ? { transactions: [], nextCursor: 'next-part', scanned: 5000, scanLimited: true }
              : { transactions: [], nextCursor: null, scanned: 12, scanLimited: false },
          ),
        });
      });
      await page.getByLabel(/검색/).fill('없는가맹점');
      await page.getByText('더 찾으려면 기간을 좁혀 주세요').waitFor({ timeout: 10_000 });
      expect(calls).toBe(1);
      await checkPage(page, SUITE, '02-transactions-scan-limit');
      await screenshot(page, SUITE, 'view-transactions-scan-limit', { fullPage: false });
      await page.getByRole('button', { name: '이어서 찾기' }).click();
      await page.getByText('찾는 거래가 없습니다.').waitFor();
      expect(calls).toBe(2);
      await context.unroute(/\/api\/analysis\/transactions\?.*q=/);
    } finally {
      await context.close();
    }
  }, 240_000);

  it('budgets: set one per category and see its alert; the sector services with their numbers and reasons', async () => {
    const person = world.demo.people.find((p) => p.role === 'connected')!;
    const { context, page } = await world.newPage({ phone: true });
    try {
      await logIn(page, person);
      const spending = await apiGet<{ spending: { categories: { category: string; ko: string; amount: number }[] } }>(
        page,
        '/api/analysis/spending',
      );
      const spent = spending.spending.categories.find((c) => c.amount > 1_000);
      await page.getByRole('navigation').getByRole('link', { name: '예산' }).click();
      await page.getByRole('heading', { name: '예산', level: 1 }).waitFor();
      await page.getByText('아직 정한 예산이 없습니다.').waitFor();
      await checkPage(page, SUITE, '03-budgets-empty');
      const category = spent?.category ?? 'cafe';
      await page.getByLabel('분류').selectOption(category);
      await page.getByLabel('한 달 예산 (원)').fill('1,000');
      await page.getByRole('button', { name: '저장' }).click();
      await page.getByText(/예산을 저장했습니다/).waitFor();
      const card = page.locator(`li.budget[data-category="${category}"]`);
      await card.waitFor();
      if (spent) {
        // Spent this month beyond the budget: an alert above the list, in words.
        expect(await card.getAttribute('data-alert')).toBe('over');
        await page
          .locator('.budget-alerts li[data-alert="over"]')
          .getByText(/예산을 .*원 넘었습니다/)
          .waitFor();
      } else {
        expect(await card.getAttribute('data-alert')).toBe('ok');
      }
      await checkPage(page, SUITE, '04-budgets-alert');
      await screenshot(page, SUITE, 'view-budgets', { fullPage: false });
      await card.getByRole('button', { name: /예산 지우기/ }).click();
      await page.getByText('아직 정한 예산이 없습니다.').waitFor();

      await page.getByRole('navigation').getByRole('link', { name: '맞춤 서비스' }).click();
      await page.getByRole('heading', { name: '맞춤 서비스', level: 1 }).waitFor();
      for (const section of ['savings', 'retirement', 'retirement-numbers', 'habits', 'investment', 'car-insurance'])
        await page.locator(`[data-section="${section}"]`).waitFor({ timeout: 20_000 });
      expect(await page.locator('[data-section="savings"] .steps li').count()).toBeGreaterThan(0);
      await page.getByLabel('목표 금액 (원)').fill('10,000,000');
      await page.getByLabel('기간 (개월)').fill('24');
      await page.getByRole('button', { name: '계산하기' }).click();
      await page
        .locator('[data-goal]')
        .getByText(/매달 416,667원이 필요합니다/)
        .waitFor();
      await expect.poll(() => page.locator('.chart svg').count(), { timeout: 20_000 }).toBeGreaterThanOrEqual(3);
      await checkPage(page, SUITE, '05-services');
      await screenshot(page, SUITE, 'view-services', { fullPage: false });
    } finally {
      await context.close();
    }
  }, 120_000);

  it('AC9: a consent change that adds a data item goes through the CA’s approval, like connecting', async () => {
    const person = world.demo.people.find((p) => p.role === 'newcomer')!;
    const org = person.institutions[0]!;
    const name = world.demo.institutions.find((i) => i.org_code === org)!.name;
    const { context, page } = await world.newPage({ phone: true });
    const approve = async (open: () => Promise<unknown>) => {
      const [popup] = await Promise.all([context.waitForEvent('page'), open()]);
      await popup.waitForLoadState();
      await popup.locator('#pin').fill(person.caPin);
      await popup.locator('button[value="approve"]').click();
      await popup.waitForLoadState();
      await popup.close();
    };
    try {
      await logIn(page, person);
      await page.getByRole('navigation').getByRole('link', { name: '연결하기' }).click();
      await page.getByLabel(name, { exact: true }).check();
      await page.getByRole('button', { name: '전송요구 내용 확인' }).click();
      const items = page.locator('article.consent input[type="checkbox"]');
      await items.first().waitFor();
      expect(await items.count()).toBeGreaterThan(1);
      // Connect without the last data item.
      const left = (await page.locator('article.consent li').last().textContent())!.trim();
      await items.last().uncheck();
      await page.getByRole('button', { name: '동의하고 인증하기' }).click();
      await approve(() => page.getByRole('link', { name: '인증기관 화면에서 승인하기' }).click());
      await page.getByText('연결을 마쳤습니다.').waitFor({ timeout: 30_000 });

      await page.getByRole('navigation').getByRole('link', { name: '전송요구' }).click();
      const card = page.locator(`li.card[data-org="${org}"][data-status="active"]`);
      await card.waitFor({ timeout: 15_000 });
      expect(await card.locator('ul.items').textContent()).not.toContain(left);
      await card.getByRole('button', { name: '바꾸기' }).click();
      const addable = card.locator('fieldset.addable');
      await addable.getByText(/새 전송요구가 됩니다/).waitFor();
      await addable.getByLabel(left).check();
      await card.getByText(/저장하면 인증 화면으로 이동합니다/).waitFor();
      await checkPage(page, SUITE, '06-consent-add-item');
      await screenshot(page, SUITE, 'view-consent-add-item', { fullPage: false });
      await card.getByRole('button', { name: '저장하고 인증하기' }).click();

      // The approval screen: the consent's items, the added one marked; then the CA's page as when connecting.
      await page.getByRole('heading', { name: '전송요구 내용' }).waitFor();
      await page.locator('article.consent li', { hasText: left }).locator('.badge.added').waitFor();
      await checkPage(page, SUITE, '07-consent-add-approve');
      await page.getByRole('button', { name: '동의하고 인증하기' }).click();
      await approve(() => page.getByRole('link', { name: '인증기관 화면에서 승인하기' }).click());
      await page.getByText('연결을 마쳤습니다.').waitFor({ timeout: 30_000 });

      await page.getByRole('navigation').getByRole('link', { name: '전송요구' }).click();
      await expect
        .poll(async () => {
          const active = page.locator(`li.card[data-org="${org}"][data-status="active"]`);
          return (await active.count()) === 1 ? active.locator('ul.items').textContent() : '';
        })
        .toContain(left);
      expect(await page.locator(`li.card[data-org="${org}"][data-status="pending"]`).count()).toBe(0);
    } finally {
      await context.close();
    }
  }, 150_000);

  it('two-step login: turned on with the secret shown (and its otpauth address), then the login asks for the code', async () => {
    const person = world.demo.people.find((p) => p.role === 'connected')!;
    const { context, page } = await world.newPage();
    try {
      await logIn(page, person);
      await page.getByRole('navigation').getByRole('link', { name: '내 정보' }).click();
      await page.getByRole('button', { name: '2단계 인증 켜기' }).click();
      const secret = (await page.getByTestId('totp-secret').textContent())!.replace(/\s/g, '');
      expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
      expect(await page.getByTestId('totp-uri').textContent()).toMatch(/^otpauth:\/\/totp\/.*secret=/);
      // The QR code an authenticator scans: an image with its name, the matrix of a URI this long (version ≥ 3).
      const qr = page.getByRole('img', { name: /QR 코드/ });
      expect(Number(await qr.getAttribute('data-modules'))).toBeGreaterThanOrEqual(29);
      expect((await qr.locator('path').getAttribute('d'))?.length ?? 0).toBeGreaterThan(1000);
      await checkPage(page, SUITE, '08-totp-setup');
      await screenshot(page, SUITE, 'view-totp-setup', { fullPage: false });
      await page.getByLabel(/인증 앱 코드/).fill('000000' === totpCode(secret, Date.now()) ? '111111' : '000000');
      await page.getByRole('button', { name: '확인하고 켜기' }).click();
      await page.getByText('코드가 맞지 않습니다').waitFor();
      await page.getByLabel(/인증 앱 코드/).fill(totpCode(secret, Date.now()));
      await page.getByRole('button', { name: '확인하고 켜기' }).click();
      await expect.poll(() => page.url()).toContain('/login');
      await page.getByText('2단계 인증을 켰습니다').waitFor();
      // A code is used once: the login takes the next step's (within the accepted drift of one step).
      await logIn(page, person, () => totpCode(secret, Date.now() + 30_000));
      await page.getByRole('navigation').getByRole('link', { name: '내 정보' }).click();
      await page.locator('.two-factor[data-totp="on"]').waitFor();
      await checkPage(page, SUITE, '09-totp-on');
    } finally {
      await context.close();
    }
  }, 90_000);
});
