import { createLogger, createLogSink } from '@hannun/infra';
import { hashClientSecret } from '@hannun/registry';
import { openStore, type Store } from '@hannun/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRegistryAdmin, type RegistryAdmin } from '../registry/registry-admin.ts';
import type { PortalDatabase } from '../store/portal-database.ts';
import { migratePortalStore } from '../store/portal-migrations.ts';
import { type RegistryRepository, sqlRegistryRepository } from '../store/registry-repository.ts';
import { sqlStatisticsRepository } from '../store/statistics-repository.ts';
import { sqlStatusRepository } from '../store/status-repository.ts';
import { bank, ca, operator, portalOrg, relay, testClock } from '../testing/fixtures.ts';
import { hiddenField, pageBrowser } from '../testing/page-browser.ts';
import { createPortalPages } from './create-portal-pages.ts';
import { createLoginThrottle } from './session/login-throttle.ts';

const TOKEN = 'a'.repeat(64);
let store: Store<PortalDatabase>;
let repo: RegistryRepository;
let admin: RegistryAdmin;

async function pages(opts: { readonly throttle?: ReturnType<typeof createLoginThrottle> } = {}) {
  return createPortalPages({
    admin,
    registry: repo,
    statuses: sqlStatusRepository(store),
    statistics: sqlStatisticsRepository(store),
    adminToken: TOKEN,
    clock: testClock(),
    logger: createLogger({ service: 'portal', destination: createLogSink() }),
    ...(opts.throttle ? { throttle: opts.throttle } : {}),
  });
}

beforeAll(async () => {
  store = await openStore<PortalDatabase>({ url: 'sqlite::memory:' });
  await migratePortalStore(store);
  repo = sqlRegistryRepository(store, testClock());
  admin = createRegistryAdmin(repo, new Uint8Array(32).fill(7));
  for (const org of [portalOrg(), operator(), bank(), relay(), ca()]) await admin.onboardOrg(org);
});
afterAll(async () => {
  await store.close();
});

/** What the registry holds: organisations, services and the length of the change log. */
async function registryState() {
  return {
    orgs: (await repo.orgs()).map((o) => o.org.orgCode),
    services: (await repo.services()).map((s) => s.clientId),
    changes: await repo.changeCount(),
  };
}

/** A complete, valid operator registration as the form sends it. */
const operatorForm = (over: Record<string, string> = {}) => ({
  org_code: '',
  org_type: '03',
  org_name: '새마이데이터',
  org_regno: '2208100555',
  serial_num: '2208100555',
  ip_list: '127.0.0.1\n::1',
  ...over,
});

describe('#5 admin pages: authentication', () => {
  it('AC01: every admin page needs a login: GET and POST answer 302 to the login form, and nothing changes', async () => {
    const app = await pages();
    const before = await registryState();
    const browser = pageBrowser(app);
    for (const url of ['/admin', '/admin/orgs/new', '/admin/changes', '/admin/statistics', '/admin/orgs/BKNURI0001']) {
      const res = await browser.get(url);
      expect({ url, status: res.status }).toEqual({ url, status: 302 });
      expect(res.location).toBe(`/login?next=${encodeURIComponent(url)}`);
    }
    const post = await browser.post('/admin/orgs', { ...operatorForm(), csrf: 'x' });
    expect(post.status).toBe(302);
    expect(await registryState()).toEqual(before);
    // The login form: the lang attribute, a labelled token field, its CSRF token.
    const login = await browser.get('/login?next=%2Fadmin');
    expect(login.html).toContain('<html lang="ko">');
    expect(login.html).toContain('<label for="token">관리자 토큰</label>');
    expect(hiddenField(login.html)).toMatch(/^[A-Za-z0-9_-]{43}$/);
    await app.close();
  });

  it('AC02: a wrong token is refused (401, no session); the right one opens a session (HttpOnly, SameSite=Strict)', async () => {
    const app = await pages();
    const browser = pageBrowser(app);
    const wrong = await browser.login('b'.repeat(64));
    expect(wrong.status).toBe(401);
    expect(wrong.html).toContain('관리자 토큰이 맞지 않습니다');
    expect(browser.jar.has('hannun_portal_session')).toBe(false);
    expect((await browser.get('/admin')).status).toBe(302);
    const right = await browser.login(TOKEN);
    expect(right.status).toBe(303);
    expect(right.location).toBe('/admin');
    const set = ([] as string[]).concat(right.headers['set-cookie'] as string[]);
    expect(set.find((c) => c.startsWith('hannun_portal_session='))).toMatch(
      /; Path=\/; HttpOnly; SameSite=Strict; Max-Age=\d+$/,
    );
    const list = await browser.get('/admin');
    expect(list.status).toBe(200);
    expect(list.html).toContain('BKNURI0001');
    // Logging out ends the session.
    const out = await browser.post('/logout', { csrf: hiddenField(list.html)! });
    expect(out.html).toContain('로그아웃했습니다');
    expect((await browser.get('/admin')).status).toBe(302);
    await app.close();
  });

  it('AC03: after 5 wrong tokens from one address, even the right token waits (429)', async () => {
    const app = await pages({ throttle: createLoginThrottle(5, 60_000) });
    const browser = pageBrowser(app);
    for (let i = 0; i < 5; i++) expect((await browser.login(`${i}`.repeat(64))).status).toBe(401);
    const blocked = await browser.login(TOKEN);
    expect(blocked.status).toBe(429);
    expect(browser.jar.has('hannun_portal_session')).toBe(false);
    await app.close();
  });

  it('AC04: a form without the session’s CSRF token is refused (403) and changes nothing; so is a login form without its own', async () => {
    const app = await pages();
    const browser = pageBrowser(app);
    await browser.login(TOKEN);
    const before = await registryState();
    const missing = await browser.post('/admin/orgs', operatorForm());
    expect(missing.status).toBe(403);
    expect(missing.html).toContain('보안 토큰(CSRF)');
    const other = pageBrowser(app);
    await other.login(TOKEN);
    const foreign = await browser.post('/admin/orgs', { ...operatorForm(), csrf: await other.csrf() });
    expect(foreign.status).toBe(403);
    const remove = await browser.post('/admin/orgs/BKNURI0001/remove', {});
    expect(remove.status).toBe(403);
    expect(await registryState()).toEqual(before);
    const stranger = pageBrowser(app);
    const login = await stranger.post('/login', { token: TOKEN, next: '/admin' });
    expect(login.status).toBe(403);
    expect(stranger.jar.has('hannun_portal_session')).toBe(false);
    await app.close();
  });
});

describe('#5 admin pages: onboarding, editing, removing (issue #5 item 6)', () => {
  it('AC05: onboarding a bad org_code shows the error next to the field, keeps what was typed, and changes nothing', async () => {
    const app = await pages();
    const browser = pageBrowser(app);
    await browser.login(TOKEN);
    const before = await registryState();
    const res = await browser.post('/admin/orgs', {
      ...operatorForm({ org_code: 'bad-code' }),
      csrf: await browser.csrf(),
    });
    expect(res.status).toBe(400);
    expect(res.html).toMatch(
      /<input type="text" id="f-org_code" name="org_code" value="bad-code" autocomplete="off" aria-describedby="f-org_code-hint f-org_code-error" aria-invalid="true">/,
    );
    expect(res.html).toContain(
      '<p class="field-error" id="f-org_code-error">&#39;bad-code&#39;은(는) 영문 대문자·숫자 10자리여야 합니다 (예: BKNURI0001)</p>',
    );
    expect(res.html).toContain('<a href="#f-org_code">기관코드:');
    expect(res.html).toContain('value="새마이데이터"');
    expect(await registryState()).toEqual(before);
    await app.close();
  });

  it('AC06: the same rules as the registry: overlapping np_time windows and a duplicate serial, each next to its field', async () => {
    const app = await pages();
    const browser = pageBrowser(app);
    await browser.login(TOKEN);
    const before = await registryState();
    const csrf = await browser.csrf();
    const overlap = await browser.post('/admin/orgs', {
      csrf,
      org_type: '01',
      industry: 'bank',
      org_name: '새은행',
      serial_num: '1018100777',
      np_time_list: '0000:0400\n0300:0700',
    });
    expect(overlap.status).toBe(400);
    expect(overlap.html).toContain('id="f-np_time_list-error"');
    const duplicate = await browser.post('/admin/orgs', { ...operatorForm({ serial_num: '1018100001' }), csrf });
    expect(duplicate.html).toContain(
      '<p class="field-error" id="f-serial_num-error">다른 기관에 이미 등록된 인증서 SERIALNUMBER입니다</p>',
    );
    const missingName = await browser.post('/admin/orgs', { ...operatorForm({ org_name: '' }), csrf });
    expect(missingName.html).toContain('id="f-org_name-error">필수 항목입니다</p>');
    expect(await registryState()).toEqual(before);
    await app.close();
  });

  it('AC07: a good onboarding shows the issued credentials once (never cached, never shown again)', async () => {
    const app = await pages();
    const browser = pageBrowser(app);
    await browser.login(TOKEN);
    const before = await registryState();
    const res = await browser.post('/admin/orgs', { ...operatorForm(), csrf: await browser.csrf() });
    expect(res.status).toBe(201);
    expect(res.headers['cache-control']).toBe('no-store');
    const after = await registryState();
    const orgCode = after.orgs.find((o) => !before.orgs.includes(o))!;
    expect(orgCode).toMatch(/^MD[A-Z0-9]{8}$/);
    expect(after.changes).toBe(before.changes + 1);
    expect(res.html).toContain(`새마이데이터(${orgCode})을(를) 등록했습니다.`);
    const secrets = [...res.html.matchAll(/<dt>client_secret<\/dt><dd><code>([A-Za-z0-9]{50})<\/code><\/dd>/g)].map(
      (m) => m[1]!,
    );
    expect(secrets).toHaveLength(2);
    const stored = await repo.org(orgCode);
    expect(stored?.credential.clientSecretHash).toBe(hashClientSecret(secrets[0]!));
    for (const url of [`/admin/orgs/${orgCode}`, '/admin', '/admin/changes']) {
      const page = await browser.get(url);
      for (const secret of secrets) expect(page.html).not.toContain(secret);
    }
    await app.close();
  });

  it('AC08: a service: 5 callback URLs are refused next to the field; a good one shows its secret once; edit and remove', async () => {
    const app = await pages();
    const browser = pageBrowser(app);
    await browser.login(TOKEN);
    const csrf = await browser.csrf();
    const before = await registryState();
    const five = Array.from({ length: 5 }, (_, i) => `https://app.example/cb${i}`).join('\n');
    const refused = await browser.post('/admin/services', {
      csrf,
      org_code: 'MDHANNUN01',
      service_name: '가계부',
      redirect_uri_list: five,
    });
    expect(refused.status).toBe(400);
    expect(refused.html).toContain('id="f-redirect_uri_list-error">Callback URL은 최대 4개까지 등록할 수 있습니다</p>');
    expect(await registryState()).toEqual(before);
    const added = await browser.post('/admin/services', {
      csrf,
      org_code: 'MDHANNUN01',
      service_name: '가계부',
      redirect_uri_list: 'https://app.example/cb',
      app_scheme_list: 'gagyebu://mydata',
    });
    expect(added.status).toBe(201);
    const clientId = /<dt>client_id<\/dt><dd><code>([A-Za-z0-9]{50})<\/code>/.exec(added.html)![1]!;
    const secret = /<dt>client_secret<\/dt><dd><code>([A-Za-z0-9]{50})<\/code>/.exec(added.html)![1]!;
    expect((await repo.service(clientId))?.clientSecretHash).toBe(hashClientSecret(secret));
    const edited = await browser.post(`/admin/services/${clientId}`, {
      csrf,
      service_name: '가계부 플러스',
      redirect_uri_list: 'https://app.example/cb\nhttps://app.example/cb2',
      app_scheme_list: '',
    });
    expect(edited.status).toBe(200);
    expect(edited.html).toContain('저장했습니다.');
    expect((await repo.service(clientId))?.redirectUris).toHaveLength(2);
    expect(edited.html).not.toContain(secret);
    const confirm = await browser.get(`/admin/services/${clientId}/remove`);
    expect(confirm.html).toContain('서비스 가계부 플러스');
    const removed = await browser.post(`/admin/services/${clientId}/remove`, { csrf });
    expect(removed.status).toBe(303);
    expect(await repo.service(clientId)).toBeUndefined();
    const log = await repo.recentChanges(3);
    expect(log.map((c) => [c.entity, c.op, c.key])).toEqual([
      ['service', 'D', clientId],
      ['service', 'M', clientId],
      ['service', 'I', clientId],
    ]);
    await app.close();
  });

  it('AC09: editing an organisation saves the change (M in the change log); removing it asks first, then removes (D)', async () => {
    const app = await pages();
    const browser = pageBrowser(app);
    await browser.login(TOKEN);
    const csrf = await browser.csrf();
    await admin.onboardOrg({ orgCode: 'MDREMOVE01', orgType: '03', name: '지울사업자', serialNum: '2208100666' });
    const form = await browser.get('/admin/orgs/MDREMOVE01');
    expect(form.html).toContain('value="지울사업자"');
    const bad = await browser.post('/admin/orgs/MDREMOVE01', {
      csrf,
      org_name: '지울사업자',
      serial_num: '2208100666',
      ip_list: '999.1.1.1',
    });
    expect(bad.status).toBe(400);
    expect(bad.html).toContain('id="f-ip_list-error">1번째 줄: ');
    const saved = await browser.post('/admin/orgs/MDREMOVE01', {
      csrf,
      org_name: '지울사업자',
      serial_num: '2208100666',
      address: '서울특별시 중구',
    });
    expect(saved.html).toContain('저장했습니다.');
    expect((await repo.org('MDREMOVE01'))?.org.address).toBe('서울특별시 중구');
    const confirm = await browser.get('/admin/orgs/MDREMOVE01/remove');
    expect(confirm.html).toContain('지울사업자(MDREMOVE01)을(를) 삭제합니다');
    expect(await repo.org('MDREMOVE01')).toBeDefined();
    const removed = await browser.post('/admin/orgs/MDREMOVE01/remove', { csrf });
    expect(removed.status).toBe(303);
    expect(removed.location).toBe('/admin?removed=MDREMOVE01');
    expect(await repo.org('MDREMOVE01')).toBeUndefined();
    const changes = await browser.get('/admin/changes');
    const rows = [...changes.html.matchAll(/<td class="mono">MDREMOVE01<\/td><td>([^<]+)<\/td>/g)].map((m) => m[1]);
    expect(rows).toEqual(['삭제(D)', '수정(M)', '등록(I)']);
    expect(changes.html).not.toMatch(/[0-9a-f]{64}/); // no secret hash on the page
    await app.close();
  });
});

describe('#5 admin pages: what every page is made of', () => {
  it('AC10: Korean by default and English with ?lang=en; CSP without scripts; every field has a label', async () => {
    const app = await pages();
    const browser = pageBrowser(app);
    await browser.login(TOKEN);
    const ko = await browser.get('/admin/orgs/new');
    expect(ko.html).toContain('<html lang="ko">');
    expect(ko.html).toContain('<h1>기관 등록</h1>');
    expect(ko.headers['content-security-policy']).toBe(
      "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    );
    expect(ko.html).not.toContain('<script');
    expect(ko.html).not.toMatch(/ style="/);
    const ids = [
      ...ko.html.matchAll(/<(?:input|select|textarea) (?:type="(?:text|checkbox|password)" )?id="([^"]+)"/g),
    ].map((m) => m[1]!);
    expect(ids.length).toBeGreaterThan(15);
    for (const id of ids) expect(ko.html).toContain(`for="${id}"`);
    const en = await browser.get('/admin/orgs/new?lang=en');
    expect(en.html).toContain('<html lang="en">');
    expect(en.html).toContain('<h1>Register an organisation</h1>');
    expect(en.html).toContain('action="/admin/orgs?lang=en"');
    expect(en.html).toContain('<a href="/admin/orgs/new" hreflang="ko" lang="ko">한국어</a>');
    const css = await app.inject({ method: 'GET', url: '/assets/portal.css' });
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(css.body).toContain(':focus-visible');
    await app.close();
  });
});
