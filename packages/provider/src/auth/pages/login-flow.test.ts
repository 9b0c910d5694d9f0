import { afterAll, describe, expect, it } from 'vitest';
import { KIM_CI, LEE_CI } from '../../testing/fixture-world.ts';
import { demoLoginOf } from '../login/demo-logins.ts';
import { OTP_TTL_MS } from '../login/one-time-code.ts';
import { createAuthWorld, REDIRECT_URI } from '../testing/auth-world.ts';
import { authorize, Browser, hiddenFields, STATE, walkIndividualAuth } from '../testing/person.ts';

const world = createAuthWorld();
afterAll(() => world.close());
const BASE = '/BKNURI0001/auth';

async function openLogin(ci = KIM_CI, lang?: 'en') {
  const browser = new Browser(world);
  const first = await authorize(world, 'BKNURI0001', { ci });
  const url = `${first.headers.location as string}${lang ? `&lang=${lang}` : ''}`;
  const page = await browser.get(url);
  return { browser, page, form: hiddenFields(page.body) };
}

async function logIn(ci = KIM_CI, who = demoLoginOf(ci)) {
  const opened = await openLogin(ci);
  const form = new URLSearchParams(opened.form);
  form.set('login_id', who.loginId);
  form.set('password', who.password);
  const response = await opened.browser.post(`${BASE}/login`, form);
  return { ...opened, response, requestId: opened.form.get('request')! };
}

describe('개별인증-001 the provider’s login page', () => {
  it('AC10: Korean first, English with ?lang=en, labelled fields, a CSRF token, no script and no external asset', async () => {
    const { page, form } = await openLogin();
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.body).toContain('<html lang="ko">');
    expect(page.body).toContain('<label for="login_id">아이디</label>');
    expect(page.body).toContain('<label for="password">비밀번호</label>');
    expect(form.get('csrf')).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(page.body).not.toMatch(/<script|src=|<link|https?:\/\/(?!app\.hannun)/);
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    expect(page.headers['set-cookie']).toMatch(/HttpOnly; SameSite=Lax/);
    const en = await openLogin(KIM_CI, 'en');
    expect(en.page.body).toContain('<html lang="en">');
    expect(en.page.body).toContain('<label for="login_id">Login ID</label>');
  });

  it('AC11: a wrong password re-shows the form with an error; the fifth in a row locks the login', async () => {
    const kim = demoLoginOf(KIM_CI);
    const { browser, form } = await openLogin();
    const wrong = new URLSearchParams(form);
    wrong.set('login_id', kim.loginId);
    wrong.set('password', 'not-the-password');
    const first = await browser.post(`${BASE}/login`, wrong);
    expect(first.statusCode).toBe(401);
    expect(first.body).toContain('아이디 또는 비밀번호가 올바르지 않습니다');
    for (let i = 0; i < 4; i++) await browser.post(`${BASE}/login`, wrong);
    const right = new URLSearchParams(wrong);
    right.set('password', kim.password);
    const locked = await browser.post(`${BASE}/login`, right);
    expect(locked.statusCode).toBe(401);
    expect(locked.body).toContain('30분 동안 로그인할 수 없습니다');
    world.clock.advance(31 * 60_000);
    const after = await browser.post(`${BASE}/login`, right);
    // The request itself has expired meanwhile (15 minutes): the person goes back to the operator.
    expect(after.statusCode).toBe(302);
    expect(new URL(after.headers.location as string).searchParams.get('error')).toBe('access_denied');
    const fresh = await logIn();
    expect(fresh.response.statusCode).toBe(303);
  });

  it('AC12: a post without the browser’s binding cookie or with a wrong CSRF token is refused (403)', async () => {
    const { browser, form } = await openLogin();
    form.set('login_id', 'x');
    form.set('password', 'y');
    const forged = new URLSearchParams(form);
    forged.set('csrf', 'forged');
    expect((await browser.post(`${BASE}/login`, forged)).statusCode).toBe(403);
    const stranger = new Browser(world);
    expect((await stranger.post(`${BASE}/login`, form)).statusCode).toBe(403);
    expect((await stranger.get(`${BASE}/login?request=${form.get('request')}`)).statusCode).toBe(403);
    expect((await browser.get(`${BASE}/login?request=unknown`)).statusCode).toBe(404);
  });

  it('AC13: a right password sends a 6-digit code to the simulated phone, shown in a 데모 문자 box', async () => {
    const { browser, response, requestId } = await logIn();
    expect(response.statusCode).toBe(303);
    const sms = world.engine.provider.auth.sms.latest(requestId)!;
    expect(sms.code).toMatch(/^\d{6}$/);
    expect(sms.phone).toBe(demoLoginOf(KIM_CI).phone);
    const page = await browser.get(response.headers.location as string);
    expect(page.body).toContain('데모 문자');
    expect(page.body).toContain(sms.code);
    expect(page.body).toContain('<label for="otp">인증번호 6자리</label>');
    expect(page.body).toMatch(/010-\*\*\*\*-\d{4}/);
  });

  it('AC14: wrong codes count down; the fifth kills the code; an expired code is refused; a new one can be sent', async () => {
    const { browser, response, requestId } = await logIn();
    const page = await browser.get(response.headers.location as string);
    const form = hiddenFields(page.body);
    const code = world.engine.provider.auth.sms.latest(requestId)!.code;
    const wrong = new URLSearchParams(form);
    wrong.set('otp', code === '000000' ? '111111' : '000000');
    const first = await browser.post(`${BASE}/otp`, wrong);
    expect(first.statusCode).toBe(401);
    expect(first.body).toContain('4번 더');
    for (let i = 0; i < 4; i++) await browser.post(`${BASE}/otp`, wrong);
    const right = new URLSearchParams(form);
    right.set('otp', code);
    const dead = await browser.post(`${BASE}/otp`, right);
    expect(dead.statusCode).toBe(401);
    expect(dead.body).toContain('입력 횟수를 넘었습니다');
    const resend = new URLSearchParams(form);
    resend.set('action', 'resend');
    expect((await browser.post(`${BASE}/otp`, resend)).statusCode).toBe(200);
    const second = world.engine.provider.auth.sms.latest(requestId)!.code;
    world.clock.advance(OTP_TTL_MS);
    const late = new URLSearchParams(form);
    late.set('otp', second);
    const expired = await browser.post(`${BASE}/otp`, late);
    expect(expired.body).toContain('만료');
    await browser.post(`${BASE}/otp`, resend);
    late.set('otp', world.engine.provider.auth.sms.latest(requestId)!.code);
    const ok = await browser.post(`${BASE}/otp`, late);
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toContain('/auth/consent');
  });

  it('AC15: CI mismatch — the person who logs in is not the one x-user-ci names: back to the callback with unauthorized_user', async () => {
    const { callback } = await walkIndividualAuth(world, 'BKNURI0001', { ci: KIM_CI, loginCi: LEE_CI });
    expect(`${callback.origin}${callback.pathname}`).toBe(REDIRECT_URI);
    expect(callback.searchParams.get('error')).toBe('unauthorized_user');
    expect(callback.searchParams.get('state')).toBe(STATE);
    expect(callback.searchParams.get('code')).toBeNull();
    expect(await world.engine.provider.auth.store.codes.list('BKNURI0001')).toHaveLength(0);
  });

  it('AC16: cancel on the login page goes back with access_denied', async () => {
    const { browser, form } = await openLogin();
    form.set('action', 'cancel');
    const response = await browser.post(`${BASE}/login`, form);
    expect(response.statusCode).toBe(302);
    expect(new URL(response.headers.location as string).searchParams.get('error')).toBe('access_denied');
  });

  it('AC17: the test hooks read the simulated SMS behind their token', async () => {
    const hooked = createAuthWorld({ config: { testHooks: { enabled: true, adminToken: 'a'.repeat(20) } } });
    try {
      const first = await authorize(hooked, 'BKNURI0001');
      const browser = new Browser(hooked);
      const page = await browser.get(first.headers.location as string);
      const form = hiddenFields(page.body);
      const kim = demoLoginOf(KIM_CI);
      form.set('login_id', kim.loginId);
      form.set('password', kim.password);
      await browser.post(`${BASE}/login`, form);
      const denied = await hooked.engine.inject({ method: 'GET', url: '/_test/auth/sms/BKNURI0001' });
      expect(denied.statusCode).toBe(401);
      const read = await hooked.engine.inject({
        method: 'GET',
        url: `/_test/auth/sms/BKNURI0001?request=${form.get('request')}`,
        headers: { authorization: `Bearer ${'a'.repeat(20)}` },
      });
      const { messages } = read.json() as { messages: { code: string }[] };
      expect(messages).toHaveLength(1);
      expect(messages[0]!.code).toBe(hooked.engine.provider.auth.sms.latest(form.get('request')!)!.code);
    } finally {
      await hooked.close();
    }
  });

  it('AC18: passwords, codes and the CI never reach the log', async () => {
    await logIn();
    const text = world.logs.text();
    expect(text).not.toContain(demoLoginOf(KIM_CI).password);
    expect(text).not.toContain(KIM_CI.slice(0, 20));
  });
});
