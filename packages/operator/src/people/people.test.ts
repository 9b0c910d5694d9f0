import { inspect } from 'node:util';
import { describeEachDialect } from '@hannun/store/testing';
import { expect, it } from 'vitest';
import { DAY, newCi, openTestDomain, signUpInput, T0 } from '../testing/operator-test-kit.ts';
import { DEFAULT_LOGIN_POLICY } from './login-policy.ts';
import { DEFAULT_SESSION_POLICY } from './sessions.ts';
import { base32Decode, totp } from './totp.ts';

const MIN = 60_000;

describeEachDialect('people: sign-up, login, second factor, sessions', (open) => {
  it('AC: sign-up keeps the CI, name and birth date sealed and finds the person by CI', async () => {
    const d = await openTestDomain(open);
    const input = signUpInput();
    const { personId } = await d.people.signUp(input);
    expect(await d.people.personIdByCi(input.ci)).toBe(personId);
    expect(await d.people.personIdByCi(newCi())).toBeUndefined();
    const row = await d.store.db
      .selectFrom('op_person')
      .selectAll()
      .where('id', '=', personId)
      .executeTakeFirstOrThrow();
    const all = JSON.stringify(row);
    for (const s of [input.ci, input.name, input.birthDate, input.loginName, input.password])
      expect(all).not.toContain(s);
    expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await d.people.profile(personId)).toMatchObject({
      ci: input.ci,
      name: '김한눈',
      birthDate: '19900101',
      lastLoginAt: T0,
    });
  });

  it('AC (MyData 2.0): a person under 14 cannot sign up; 14 today can; the birth date is required', async () => {
    const d = await openTestDomain(open);
    // T0 is 2026-11-24 (KST).
    await expect(d.people.signUp(signUpInput({ birthDate: '20121125' }))).rejects.toMatchObject({
      code: 'OP_TOO_YOUNG',
      field: 'birthDate',
    });
    await expect(d.people.signUp(signUpInput({ birthDate: '20121124' }))).resolves.toHaveProperty('personId');
    await expect(d.people.signUp(signUpInput({ birthDate: '' }))).rejects.toMatchObject({
      code: 'OP_INVALID_INPUT',
      field: 'birthDate',
    });
    await expect(d.people.signUp(signUpInput({ birthDate: '20260230' }))).rejects.toMatchObject({ field: 'birthDate' });
    expect(await d.store.db.selectFrom('op_person').select('id').execute()).toHaveLength(1);
  });

  it.each([
    ['ci', { ci: 'not a ci!' }],
    ['name', { name: '' }],
    ['loginName', { loginName: 'a b' }],
    ['password', { password: 'short' }],
  ])('bad input names %s and writes nothing', async (field, change) => {
    const d = await openTestDomain(open);
    await expect(d.people.signUp(signUpInput(change))).rejects.toMatchObject({ code: 'OP_INVALID_INPUT', field });
    expect(await d.store.db.selectFrom('op_person').select('id').execute()).toHaveLength(0);
    expect(await d.store.db.selectFrom('op_person_key').select('person_id').execute()).toHaveLength(0);
  });

  it('one membership per CI, one person per login name (case-insensitive)', async () => {
    const d = await openTestDomain(open);
    const first = signUpInput({ loginName: 'Hannun.Kim' });
    await d.people.signUp(first);
    await expect(d.people.signUp(signUpInput({ ci: first.ci }))).rejects.toMatchObject({
      code: 'OP_ALREADY_REGISTERED',
      field: 'ci',
    });
    await expect(d.people.signUp(signUpInput({ loginName: 'hannun.kim' }))).rejects.toMatchObject({
      code: 'OP_LOGIN_NAME_TAKEN',
      field: 'loginName',
    });
    expect(await d.store.db.selectFrom('op_person_key').select('person_id').execute()).toHaveLength(1);
  });

  it('AC: login with the right password opens a session and records the last login; wrong ones do not say which part was wrong', async () => {
    const d = await openTestDomain(open);
    const input = signUpInput();
    const { personId } = await d.people.signUp(input);
    expect(
      await d.people.login({ loginName: input.loginName, password: 'wrong password!', source: '10.0.0.1' }),
    ).toEqual({ ok: false, reason: 'invalid' });
    expect(await d.people.login({ loginName: 'nobody-here', password: input.password, source: '10.0.0.1' })).toEqual({
      ok: false,
      reason: 'invalid',
    });
    d.clock.advance(DAY);
    const ok = await d.people.login({
      loginName: input.loginName.toUpperCase(),
      password: input.password,
      source: '10.0.0.1',
    });
    expect(ok.ok).toBe(true);
    expect((await d.people.profile(personId))?.lastLoginAt).toBe(T0 + DAY);
    if (!ok.ok) return;
    expect(inspect(ok)).not.toContain(ok.session.id.reveal());
    const s = await d.people.sessions.resolve(d.store.db, ok.session.id.reveal(), d.clock.nowMs());
    expect(s?.personId).toBe(personId);
    // The database holds only the hash of the id.
    const rows = await d.store.db.selectFrom('op_session').selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain(ok.session.id.reveal());
  });

  it('AC: five wrong passwords lock the account for 15 minutes (even the right one is refused), then it opens', async () => {
    const d = await openTestDomain(open);
    const input = signUpInput();
    await d.people.signUp(input);
    const wrong = () =>
      d.people.login({ loginName: input.loginName, password: 'wrong password!', source: `10.0.0.${Math.random()}` });
    for (let i = 0; i < DEFAULT_LOGIN_POLICY.maxFailures - 1; i++) expect((await wrong()).ok).toBe(false);
    expect(await wrong()).toEqual({ ok: false, reason: 'locked', until: T0 + DEFAULT_LOGIN_POLICY.lockMs });
    expect(
      await d.people.login({ loginName: input.loginName, password: input.password, source: '10.0.0.9' }),
    ).toMatchObject({ reason: 'locked' });
    d.clock.advance(DEFAULT_LOGIN_POLICY.lockMs);
    expect(
      (await d.people.login({ loginName: input.loginName, password: input.password, source: '10.0.0.9' })).ok,
    ).toBe(true);
  });

  it('AC: one source is throttled after 20 failures in 15 minutes, whichever names it tries', async () => {
    const d = await openTestDomain(open);
    const input = signUpInput();
    await d.people.signUp(input);
    for (let i = 0; i < DEFAULT_LOGIN_POLICY.maxSourceFailures; i++) {
      await d.people.login({ loginName: `nobody${i}`, password: 'x'.repeat(10), source: '203.0.113.7' });
    }
    expect(
      await d.people.login({ loginName: input.loginName, password: input.password, source: '203.0.113.7' }),
    ).toEqual({ ok: false, reason: 'throttled' });
    expect(
      (await d.people.login({ loginName: input.loginName, password: input.password, source: '203.0.113.8' })).ok,
    ).toBe(true);
    d.clock.advance(DEFAULT_LOGIN_POLICY.sourceWindowMs + 1);
    expect(
      (await d.people.login({ loginName: input.loginName, password: input.password, source: '203.0.113.7' })).ok,
    ).toBe(true);
    // The source is kept only as a blind index.
    expect(JSON.stringify(await d.store.db.selectFrom('op_login_attempt').selectAll().execute())).not.toContain(
      '203.0.113',
    );
  });

  it('AC: optional TOTP second factor: enrol, confirm, then every login needs a fresh code (never the same twice)', async () => {
    const d = await openTestDomain(open);
    const input = signUpInput();
    const { personId } = await d.people.signUp(input);
    const { secret, uri } = await d.people.beginTotp(personId);
    expect(String(uri)).toBe('[REDACTED]');
    const key = base32Decode(secret.reveal());
    const right = totp(key, d.clock.nowMs());
    const wrong = String((Number(right) + 1) % 1_000_000).padStart(6, '0');
    expect(await d.people.confirmTotp(personId, wrong)).toBe(false);
    expect(
      (await d.store.db.selectFrom('op_person').select('totp_enabled').executeTakeFirstOrThrow()).totp_enabled,
    ).toBe(false);
    expect(await d.people.confirmTotp(personId, right)).toBe(true);
    const row = await d.store.db
      .selectFrom('op_person')
      .selectAll()
      .where('id', '=', personId)
      .executeTakeFirstOrThrow();
    expect(row.totp_enabled).toBe(true);
    expect(row.totp_sealed).not.toContain(secret.reveal());
    d.clock.advance(MIN);
    const base = { loginName: input.loginName, password: input.password, source: '10.0.0.1' };
    expect(await d.people.login(base)).toEqual({ ok: false, reason: 'totp-required' });
    const code = totp(key, d.clock.nowMs());
    expect((await d.people.login({ ...base, totpCode: code })).ok).toBe(true);
    expect(await d.people.login({ ...base, totpCode: code })).toEqual({ ok: false, reason: 'totp-invalid' });
    d.clock.advance(MIN);
    expect((await d.people.login({ ...base, totpCode: totp(key, d.clock.nowMs()) })).ok).toBe(true);
  });

  it('AC: sessions expire when idle (30 min) and absolutely (12 h); activity extends the idle time', async () => {
    const d = await openTestDomain(open);
    const input = signUpInput();
    await d.people.signUp(input);
    const login = await d.people.login({ loginName: input.loginName, password: input.password, source: 'a' });
    if (!login.ok) throw new Error('login failed');
    const id = login.session.id.reveal();
    const at = (ms: number) => d.people.sessions.resolve(d.store.db, id, ms);
    // Keep it busy every 20 minutes for 11 h 40 min: alive.
    let t = T0;
    while (t + 20 * MIN < T0 + DEFAULT_SESSION_POLICY.absoluteMs) {
      t += 20 * MIN;
      expect(await at(t)).toBeDefined();
    }
    expect(await at(T0 + DEFAULT_SESSION_POLICY.absoluteMs)).toBeUndefined();
    // And idle: a new session, untouched for 30 minutes.
    d.clock.set(T0 + DAY);
    const l2 = await d.people.login({ loginName: input.loginName, password: input.password, source: 'a' });
    if (!l2.ok) throw new Error('login failed');
    expect(await d.people.sessions.resolve(d.store.db, l2.session.id.reveal(), T0 + DAY + 29 * MIN)).toBeDefined();
    expect(
      await d.people.sessions.resolve(d.store.db, l2.session.id.reveal(), T0 + DAY + 29 * MIN + 30 * MIN),
    ).toBeUndefined();
  });

  it('AC: a login rotates the session id (the one before login is ended) and each session has its own CSRF token', async () => {
    const d = await openTestDomain(open);
    const input = signUpInput();
    await d.people.signUp(input);
    const base = { loginName: input.loginName, password: input.password, source: 'a' };
    const first = await d.people.login(base);
    if (!first.ok) throw new Error('login failed');
    const second = await d.people.login({ ...base, previousSessionId: first.session.id.reveal() });
    if (!second.ok) throw new Error('login failed');
    expect(await d.people.sessions.resolve(d.store.db, first.session.id.reveal(), T0)).toBeUndefined();
    const s = await d.people.sessions.resolve(d.store.db, second.session.id.reveal(), T0);
    if (!s) throw new Error('no session');
    expect(d.people.sessions.checkCsrf(s, second.session.csrfToken.reveal())).toBe(true);
    expect(d.people.sessions.checkCsrf(s, first.session.csrfToken.reveal())).toBe(false);
    expect(d.people.sessions.checkCsrf(s, undefined)).toBe(false);
    expect(second.session.csrfToken.reveal()).not.toBe(first.session.csrfToken.reveal());
  });

  it('changing the password ends every session', async () => {
    const d = await openTestDomain(open);
    const input = signUpInput();
    const { personId } = await d.people.signUp(input);
    const l = await d.people.login({ loginName: input.loginName, password: input.password, source: 'a' });
    if (!l.ok) throw new Error('login failed');
    await expect(d.people.changePassword(personId, 'not the password', 'another long password')).rejects.toMatchObject({
      field: 'currentPassword',
    });
    await d.people.changePassword(personId, input.password, 'another long password');
    expect(await d.people.sessions.resolve(d.store.db, l.session.id.reveal(), T0)).toBeUndefined();
    expect(
      (await d.people.login({ loginName: input.loginName, password: 'another long password', source: 'a' })).ok,
    ).toBe(true);
  });
});
