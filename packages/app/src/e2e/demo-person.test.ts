import type { DemoPerson } from '@hannun/cli';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppWorld, checkPage, startAppWorld } from './testing/app-world.ts';
import { screenshot } from './testing/artefacts.ts';

/**
 * Issue #8 in `npm start`'s own state (the demo on): the demo's connected person logs in on a desktop browser and
 * reads a full dashboard in both languages; the newcomer connects one institution through 개별인증 (the
 * provider's own login page, its demo SMS code, its consent page) and comes back to the app.
 */
const SUITE = 'demo-person';
let world: AppWorld;

beforeAll(async () => {
  world = await startAppWorld();
}, 180_000);

afterAll(async () => {
  await world?.close();
}, 120_000);

async function logIn(page: Page, p: DemoPerson): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('아이디').fill(p.login!);
  await page.getByLabel('비밀번호').fill(p.password!);
  await page.getByRole('button', { name: '로그인' }).click();
  await expect.poll(() => page.url()).toContain('/dashboard');
}

describe('the demo people in Chromium', () => {
  it('AC6: the connected person’s dashboard on a desktop, with every institution’s data, in Korean and English', async () => {
    const person = world.demo.people.find((p) => p.role === 'connected')!;
    const { context, page } = await world.newPage();
    try {
      await logIn(page, person);
      await page.locator('[data-section="net-worth"]').waitFor({ timeout: 30_000 });
      // Collection of every institution may still be running: the net worth is known once it is done.
      await expect
        .poll(
          async () => {
            await page.reload();
            await page.locator('[data-section="net-worth"]').waitFor({ timeout: 30_000 });
            return page.getByTestId('net-worth').textContent();
          },
          { timeout: 120_000, interval: 3000 },
        )
        .toMatch(/^-?[\d,]+원$/);
      await expect.poll(() => page.locator('.chart svg').count(), { timeout: 20_000 }).toBeGreaterThanOrEqual(5);
      // Payments far above the person's usual, as the operator judged them this month: at most three listed,
      // each with its reason in the person's numbers, the rest counted.
      const flagged = await page.evaluate(async () => {
        const r = await fetch('/api/analysis/spending');
        return ((await r.json()) as { unusualTransactions?: unknown[] }).unusualTransactions?.length ?? 0;
      });
      const unusual = page.locator('[data-section="unusual-payments"] tbody tr');
      expect(await unusual.count()).toBe(Math.min(3, flagged));
      if (flagged > 0) expect(await unusual.first().textContent()).toMatch(/평소|중간값/);
      await checkPage(page, SUITE, 'dashboard-desktop-ko');
      await screenshot(page, SUITE, 'view-dashboard-ko', { fullPage: false });
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('heading', { name: 'Net worth', exact: true }).waitFor();
      await expect.poll(() => page.locator('.chart svg').count()).toBeGreaterThanOrEqual(5);
      await checkPage(page, SUITE, 'dashboard-desktop-en');
      await screenshot(page, SUITE, 'view-dashboard-en', { fullPage: false });
      await page.getByRole('button', { name: '한국어' }).click();
      for (const [link, name] of [
        ['거래내역', 'transactions-desktop'],
        ['신용·추천', 'credit-desktop'],
        ['전송요구', 'consents-desktop'],
        ['내 데이터 이동', 'journey-desktop'],
      ] as const) {
        await page.getByRole('navigation').getByRole('link', { name: link }).click();
        await page.locator('main h1').waitFor();
        await page.waitForLoadState('networkidle');
        await checkPage(page, SUITE, name);
        await screenshot(page, SUITE, `view-${name}`, { fullPage: false });
      }
    } finally {
      await context.close();
    }
  }, 240_000);

  it('AC4: 개별인증 — the newcomer logs in at the institution’s own page and comes back connected', async () => {
    const person = world.demo.people.find((p) => p.role === 'newcomer')!;
    const org = person.institutions[0]!;
    const name = world.demo.institutions.find((i) => i.org_code === org)!.name;
    const { context, page } = await world.newPage({ phone: true });
    try {
      // The provider returns to the app's registered redirect URI (port 3000); this run's operator has its own port.
      await context.route(/^http:\/\/(127\.0\.0\.1|localhost):3000\/callback/, (route) =>
        route.fulfill({
          status: 302,
          headers: { location: `${world.appUrl}/callback${new URL(route.request().url()).search}` },
        }),
      );
      await logIn(page, person);
      await page.getByRole('navigation').getByRole('link', { name: '연결하기' }).click();
      await page.getByLabel(name, { exact: true }).check();
      await page.getByLabel(/개별인증/).check();
      await page.getByRole('button', { name: '전송요구 내용 확인' }).click();
      await page.getByRole('button', { name: '동의하고 인증하기' }).click();
      // The institution's own pages: login, the demo SMS code, its consent page.
      await page.locator('input[name="login_id"]').waitFor({ timeout: 15_000 });
      await screenshot(page, SUITE, 'individual-provider-login', { fullPage: false });
      await page.locator('input[name="login_id"]').fill(person.providerLogin.loginId);
      await page.locator('input[name="password"]').fill(person.providerLogin.password);
      await page.locator('button[value="login"]').click();
      const sms = await page.locator('.demo-sms').textContent();
      await page.locator('input[name="otp"]').fill(/(\d{6})/.exec(sms ?? '')![1]!);
      await page.locator('button[value="verify"]').click();
      await page.locator('button[value="agree"]').click();
      await expect.poll(() => page.url(), { timeout: 20_000 }).toContain(`/progress?connected=${org}`);
      await page.getByText(`${name} 연결을 마쳤습니다.`).waitFor();
      await page.locator(`li.progress-item[data-org="${org}"]`).waitFor();
      await checkPage(page, SUITE, 'individual-returned');
      await page.getByRole('navigation').getByRole('link', { name: '전송요구' }).click();
      await page.locator(`li.card[data-org="${org}"][data-status="active"]`).waitFor({ timeout: 15_000 });
    } finally {
      await context.close();
    }
  }, 120_000);
});
