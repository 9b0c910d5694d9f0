import { createLogger, createLogSink } from '@hannun/infra';
import type { Store } from '@hannun/store';
import { describeEachDialect } from '@hannun/store/testing';
import { expect, it } from 'vitest';
import { createAdminApi } from '../admin/create-admin-api.ts';
import { createPortalPages } from '../pages/create-portal-pages.ts';
import { createRegistryAdmin } from '../registry/registry-admin.ts';
import type { PortalDatabase } from '../store/portal-database.ts';
import { migratePortalStore } from '../store/portal-migrations.ts';
import { sqlRegistryRepository } from '../store/registry-repository.ts';
import { sqlStatisticsRepository } from '../store/statistics-repository.ts';
import { sqlStatusRepository } from '../store/status-repository.ts';
import { testClock } from '../testing/fixtures.ts';
import { hiddenField, pageBrowser } from '../testing/page-browser.ts';
import { AdminAccounts } from './admin-accounts.ts';

const TOKEN = 'b'.repeat(64);
const PASSWORD = 'a long admin passphrase';
const MINUTE = 60_000;

async function world(open: () => Promise<Store<PortalDatabase>>) {
  const store = await open();
  await migratePortalStore(store);
  const clock = testClock();
  const accounts = new AdminAccounts(store);
  const logger = createLogger({ service: 'portal', destination: createLogSink() });
  const registry = sqlRegistryRepository(store, clock);
  const common = {
    admin: createRegistryAdmin(registry, new Uint8Array(32).fill(7)),
    registry,
    statuses: sqlStatusRepository(store),
    statistics: sqlStatisticsRepository(store),
    adminToken: TOKEN,
    accounts,
    logger,
  };
  const pages = createPortalPages({ ...common, clock });
  const api = createAdminApi({ ...common, nowMs: () => clock.nowMs() });
  const call = async (method: 'GET' | 'POST' | 'DELETE', url: string, body?: unknown) => {
    const res = await api.inject({
      method,
      url,
      headers: { authorization: `Bearer ${TOKEN}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { payload: JSON.stringify(body) } : {}),
    });
    return { status: res.statusCode, body: res.json() as Record<string, unknown> };
  };
  return { store, clock, accounts, pages, api, call };
}

/** Logs in through the form with a login name and password. */
async function passwordLogin(browser: ReturnType<typeof pageBrowser>, login: string, password: string) {
  const form = await browser.get('/login?next=%2Fadmin');
  return browser.post('/login', { csrf: hiddenField(form.html) ?? '', next: '/admin', login, password });
}

describeEachDialect('#5 portal: administrator login by password', (open) => {
  it('AC: accounts are made with the admin token (scripts), hashed with argon2id; bad input names its field and writes nothing', async () => {
    const w = await world(open as () => Promise<Store<PortalDatabase>>);
    expect((await w.call('POST', '/admin/admins', { login: 'kim.admin', password: PASSWORD })).status).toBe(201);
    const row = await w.store.db.selectFrom('portal_admin').selectAll().executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(JSON.stringify(row)).not.toContain(PASSWORD);
    for (const [body, field] of [
      [{ login: 'kim.admin', password: PASSWORD }, 'login'],
      [{ login: 'K', password: PASSWORD }, 'login'],
      [{ login: 'lee', password: 'short' }, 'password'],
      [{ login: 'lee.admin', password: 'x lee.admin password' }, 'password'],
    ] as const) {
      const r = await w.call('POST', '/admin/admins', body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.body).toMatchObject({ field });
    }
    expect((await w.call('GET', '/admin/admins')).body).toMatchObject({ admin_list: [{ login: 'kim.admin' }] });
    expect((await w.api.inject({ method: 'GET', url: '/admin/admins' })).statusCode).toBe(401);
    expect((await w.call('DELETE', '/admin/admins/nobody')).status).toBe(404);
  });

  it('AC: the pages log in by name and password into a new session with its CSRF token; the token still works', async () => {
    const w = await world(open as () => Promise<Store<PortalDatabase>>);
    // Before any account: the token form only.
    expect((await pageBrowser(w.pages).get('/login')).html).not.toContain('name="password"');
    await w.accounts.add('kim.admin', PASSWORD, w.clock.nowMs());
    const browser = pageBrowser(w.pages);
    const form = await browser.get('/login');
    expect(form.html).toContain('name="login"');
    expect(form.html).toContain('autocomplete="current-password"');
    const ok = await passwordLogin(browser, 'Kim.Admin', PASSWORD);
    expect(ok.status).toBe(303);
    expect(ok.location).toBe('/admin');
    const session = browser.jar.get('hannun_portal_session')!;
    expect(String(ok.headers['set-cookie'])).toContain('HttpOnly; SameSite=Strict');
    const admin = await browser.get('/admin');
    expect(admin.status).toBe(200);
    // A form without the session's CSRF token does nothing.
    expect((await browser.post('/logout', { csrf: 'forged' })).status).toBe(403);
    // Logging in again rotates the session.
    await passwordLogin(browser, 'kim.admin', PASSWORD);
    expect(browser.jar.get('hannun_portal_session')).not.toBe(session);
    // The token (scripts, first set-up) still logs in.
    expect((await pageBrowser(w.pages).login(TOKEN)).status).toBe(303);
    expect((await w.accounts.list())[0]!.lastLoginMs).toBe(w.clock.nowMs());
  });

  it('AC: 5 wrong passwords in a row lock the account 15 minutes (even the right one is refused), never saying which part was wrong', async () => {
    const w = await world(open as () => Promise<Store<PortalDatabase>>);
    await w.accounts.add('kim.admin', PASSWORD, w.clock.nowMs());
    expect(await w.accounts.login('nobody', PASSWORD, w.clock.nowMs())).toEqual({ ok: false, reason: 'invalid' });
    // Four at once, from two processes' worth of concurrency: every failure counts.
    const four = await Promise.all(
      [1, 2, 3, 4].map(() => w.accounts.login('kim.admin', 'wrong password!!', w.clock.nowMs())),
    );
    expect(four.every((r) => !r.ok && r.reason === 'invalid')).toBe(true);
    const fifth = await w.accounts.login('kim.admin', 'wrong password!!', w.clock.nowMs());
    expect(fifth).toEqual({ ok: false, reason: 'locked', untilMs: w.clock.nowMs() + 15 * MINUTE });
    expect(await w.accounts.login('kim.admin', PASSWORD, w.clock.nowMs())).toMatchObject({ reason: 'locked' });
    // Through the pages: 423 with the locked message (a new address, so the per-address throttle is not what answers).
    const locked = await passwordLogin(pageBrowser(w.pages), 'kim.admin', PASSWORD);
    expect(locked.status).toBe(423);
    expect(locked.html).toContain('계정이 잠겼습니다');
    w.clock.advance(15 * MINUTE + 1);
    expect(await w.accounts.login('kim.admin', PASSWORD, w.clock.nowMs())).toEqual({ ok: true, login: 'kim.admin' });
    const wrong = await passwordLogin(pageBrowser(w.pages), 'kim.admin', 'not it at all');
    expect(wrong.status).toBe(401);
    expect(wrong.html).toContain('로그인 이름 또는 비밀번호가 맞지 않습니다');
  });
});
