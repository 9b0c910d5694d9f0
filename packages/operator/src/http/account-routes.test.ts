import { describeEachDialect } from '@hannun/store/testing';
import { expect, it } from 'vitest';
import { base32Decode, totp } from '../people/totp.ts';
import { signUpInput } from '../testing/operator-test-kit.ts';
import { openTestApp, PASSWORD } from './testing/app-kit.ts';

describeEachDialect('the app API: people, sessions, CSRF', (open) => {
  it('AC login: a right password sets an HttpOnly SameSite=Lax session cookie (not Secure over http) and gives the CSRF token', async () => {
    const t = await openTestApp(open);
    try {
      const input = signUpInput({ password: PASSWORD });
      await t.d.people.signUp(input);
      const b = t.browser();
      const r = await b.post('/api/login', { loginName: input.loginName, password: PASSWORD });
      expect(r.statusCode).toBe(200);
      const cookie = String(r.headers['set-cookie']);
      expect(cookie).toMatch(/^hannun_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=\d+$/);
      expect(cookie).not.toContain('Secure');
      expect(r.json()).toMatchObject({ authenticated: true, person: { name: '김한눈', loginName: input.loginName } });
      expect(b.csrf).toMatch(/^[A-Za-z0-9_-]{43}$/);
      const s = await b.get('/api/session');
      expect(s.json()).toMatchObject({ authenticated: true, csrfToken: b.csrf });
      expect(s.headers['cache-control']).toBe('no-store');
      expect(JSON.stringify(s.json())).not.toContain(input.ci);
    } finally {
      await t.close();
    }
  });

  it('AC login over https: the cookie is Secure', async () => {
    const t = await openTestApp(open, { secureCookies: true });
    try {
      const input = signUpInput({ password: PASSWORD });
      await t.d.people.signUp(input);
      const r = await t.browser().post('/api/login', { loginName: input.loginName, password: PASSWORD });
      expect(String(r.headers['set-cookie'])).toContain('; Secure');
    } finally {
      await t.close();
    }
  });

  it('AC lockout: a wrong password is 401 without saying which part; the fifth in a row locks (423), even the right one', async () => {
    const t = await openTestApp(open);
    try {
      const input = signUpInput({ password: PASSWORD });
      await t.d.people.signUp(input);
      const b = t.browser();
      const wrong = await b.post('/api/login', { loginName: input.loginName, password: 'not the password' });
      expect(wrong.statusCode).toBe(401);
      expect(wrong.json()).toMatchObject({ code: 'OP_LOGIN_INVALID', ko: '아이디 또는 비밀번호가 맞지 않습니다' });
      const nobody = await b.post('/api/login', { loginName: 'nobody.here', password: PASSWORD });
      expect(nobody.json()).toMatchObject({ code: 'OP_LOGIN_INVALID' });
      for (let i = 0; i < 3; i++) await b.post('/api/login', { loginName: input.loginName, password: 'still wrong!' });
      const fifth = await b.post('/api/login', { loginName: input.loginName, password: 'still wrong!' });
      expect(fifth.statusCode).toBe(423);
      expect(fifth.json()).toMatchObject({ code: 'OP_LOCKED', until: expect.any(Number) });
      const right = await b.post('/api/login', { loginName: input.loginName, password: PASSWORD });
      expect(right.statusCode).toBe(423);
      expect(b.cookies.has('hannun_session')).toBe(false);
      t.d.clock.advance(16 * 60_000);
      expect((await b.post('/api/login', { loginName: input.loginName, password: PASSWORD })).statusCode).toBe(200);
    } finally {
      await t.close();
    }
  });

  it('AC CSRF: a state-changing request needs this session’s token (none or another’s: 403, nothing changes)', async () => {
    const t = await openTestApp(open);
    try {
      const a = signUpInput({ password: PASSWORD });
      const other = signUpInput({ password: PASSWORD });
      await t.d.people.signUp(a);
      await t.d.people.signUp(other);
      const b = t.browser();
      await b.post('/api/login', { loginName: a.loginName, password: PASSWORD });
      const mine = b.csrf!;
      const c = t.browser();
      await c.post('/api/login', { loginName: other.loginName, password: PASSWORD });
      b.csrf = undefined;
      const none = await b.post('/api/consents', { industry: 'bank', authPath: 'integrated' });
      expect(none.statusCode).toBe(403);
      expect(none.json()).toMatchObject({ code: 'OP_CSRF' });
      b.csrf = c.csrf;
      expect((await b.post('/api/logout')).statusCode).toBe(403);
      expect((await b.get('/api/session')).json()).toMatchObject({ authenticated: true });
      expect((await t.d.store.db.selectFrom('op_consent').select('id').execute()).length).toBe(0);
      b.csrf = mine;
      expect((await b.post('/api/logout')).statusCode).toBe(200);
      expect((await b.get('/api/session')).json()).toEqual({ authenticated: false });
      // Without a session at all: 401.
      expect((await b.get('/api/consents')).statusCode).toBe(401);
    } finally {
      await t.close();
    }
  });

  it('AC cross-site: a form post (text/plain, urlencoded) is 415 and another site’s Origin is 403, before anything runs', async () => {
    const t = await openTestApp(open);
    try {
      const input = signUpInput({ password: PASSWORD });
      await t.d.people.signUp(input);
      const form = await t.app.inject({
        method: 'POST',
        url: '/api/login',
        headers: { 'content-type': 'text/plain' },
        payload: JSON.stringify({ loginName: input.loginName, password: PASSWORD }),
      });
      expect(form.statusCode).toBe(415);
      expect(form.headers['set-cookie']).toBeUndefined();
      const evil = await t
        .browser()
        .post(
          '/api/login',
          { loginName: input.loginName, password: PASSWORD },
          { origin: 'https://evil.example', host: 'localhost:80' },
        );
      expect(evil.statusCode).toBe(403);
      expect(evil.json()).toMatchObject({ code: 'OP_CROSS_ORIGIN' });
      const same = await t
        .browser()
        .post(
          '/api/login',
          { loginName: input.loginName, password: PASSWORD },
          { origin: 'http://localhost:80', host: 'localhost:80' },
        );
      expect(same.statusCode).toBe(200);
      // No attempt was counted for the refused ones (only the last login happened).
      const attempts = await t.d.store.db.selectFrom('op_login_attempt').select('ok').execute();
      expect(attempts.map((x) => x.ok)).toEqual([true]);
    } finally {
      await t.close();
    }
  });

  it('AC session rotation: logging in again ends the session the browser had', async () => {
    const t = await openTestApp(open);
    try {
      const input = signUpInput({ password: PASSWORD });
      await t.d.people.signUp(input);
      const b = t.browser();
      await b.post('/api/login', { loginName: input.loginName, password: PASSWORD });
      const first = b.cookies.get('hannun_session')!;
      await b.post('/api/login', { loginName: input.loginName, password: PASSWORD });
      expect(b.cookies.get('hannun_session')).not.toBe(first);
      const old = await t.app.inject({
        method: 'GET',
        url: '/api/session',
        headers: { cookie: `hannun_session=${first}` },
      });
      expect(old.json()).toEqual({ authenticated: false });
    } finally {
      await t.close();
    }
  });

  it('AC second factor: enabling TOTP ends the sessions; then login asks for the code and accepts a right one once', async () => {
    const t = await openTestApp(open);
    try {
      const input = signUpInput({ password: PASSWORD });
      await t.d.people.signUp(input);
      const b = t.browser();
      await b.post('/api/login', { loginName: input.loginName, password: PASSWORD });
      const begun = await b.post('/api/totp/begin');
      expect(begun.json().otpauthUri).toMatch(/^otpauth:\/\/totp\//);
      const secret = base32Decode(begun.json().secret as string);
      const wrong = await b.post('/api/totp/confirm', {
        code: '000000' === totp(secret, t.d.clock.nowMs()) ? '111111' : '000000',
      });
      expect(wrong.json()).toMatchObject({ code: 'OP_INVALID_INPUT', field: 'code' });
      expect((await b.post('/api/totp/confirm', { code: totp(secret, t.d.clock.nowMs()) })).statusCode).toBe(200);
      expect((await b.get('/api/session')).json()).toEqual({ authenticated: false });
      const needs = await b.post('/api/login', { loginName: input.loginName, password: PASSWORD });
      expect(needs.statusCode).toBe(401);
      expect(needs.json()).toMatchObject({ code: 'OP_TOTP_REQUIRED', field: 'totpCode' });
      t.d.clock.advance(30_000);
      const code = totp(secret, t.d.clock.nowMs());
      expect(
        (await b.post('/api/login', { loginName: input.loginName, password: PASSWORD, totpCode: code })).statusCode,
      ).toBe(200);
      const again = await t
        .browser()
        .post('/api/login', { loginName: input.loginName, password: PASSWORD, totpCode: code });
      expect(again.json()).toMatchObject({ code: 'OP_TOTP_INVALID' });
    } finally {
      await t.close();
    }
  });

  it('AC sign-up needs the CA’s confirmed identity: without it 409, and nobody is created; a bad identity field is 400 naming it', async () => {
    const t = await openTestApp(open);
    try {
      const b = t.browser();
      const r = await b.post('/api/signup', { loginName: 'someone.new', password: PASSWORD });
      expect(r.statusCode).toBe(409);
      expect(r.json()).toMatchObject({ code: 'OP_IDENTITY_NOT_CONFIRMED' });
      for (const [field, body] of [
        ['name', { name: '', birthDate: '19900101', phone: '010-1234-5678' }],
        ['birthDate', { name: '김한눈', birthDate: '1990-01-01', phone: '010-1234-5678' }],
        ['phone', { name: '김한눈', birthDate: '19900101', phone: '02-123-4567' }],
      ] as const) {
        const bad = await b.post('/api/signup/identity', body);
        expect(bad.statusCode, field).toBe(400);
        expect(bad.json()).toMatchObject({ code: 'OP_INVALID_INPUT', field });
      }
      // Under 14 (KST, on the clock's day) is refused before the CA is asked.
      const young = await b.post('/api/signup/identity', {
        name: '김어린',
        birthDate: '20121125',
        phone: '010-1234-5678',
      });
      expect(young.json()).toMatchObject({ code: 'OP_TOO_YOUNG', field: 'birthDate' });
      expect(await t.d.store.db.selectFrom('op_person').select('id').execute()).toHaveLength(0);
      expect((await b.get('/api/signup/identity')).statusCode).toBe(404);
    } finally {
      await t.close();
    }
  });
});
