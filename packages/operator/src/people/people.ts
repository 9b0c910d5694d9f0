import { randomBytes } from 'node:crypto';
import { isConflict, type Store } from '@hannun/store';
import { personCipher } from '../crypto/field-cipher.ts';
import type { OperatorCrypto } from '../crypto/operator-crypto.ts';
import { Secret } from '../crypto/secret.ts';
import type { AuditLog } from '../records/audit-log.ts';
import type { OperatorDatabase } from '../schema/operator-database.ts';
import { invalid, OperatorError } from '../shared/operator-error.ts';
import type { Clock } from '../time/clock.ts';
import {
  AFTER_SUCCESS,
  afterFailure,
  DEFAULT_LOGIN_POLICY,
  isLocked,
  type LockState,
  type LoginPolicy,
} from './login-policy.ts';
import { dummyPasswordHash, hashPassword, needsRehash, passwordMatches } from './password-hash.ts';
import { DEFAULT_SESSION_POLICY, type NewSession, type SessionPolicy, Sessions } from './sessions.ts';
import { checkPassword, checkSignUp, normaliseLoginName, type SignUpInput } from './sign-up-input.ts';
import { base32Decode, matchTotp, newTotpSecret, otpauthUri } from './totp.ts';

const T = 'op_person';

export interface PeopleOptions {
  readonly store: Store<OperatorDatabase>;
  readonly crypto: OperatorCrypto;
  readonly clock: Clock;
  readonly audit: AuditLog;
  readonly loginPolicy?: LoginPolicy;
  readonly sessionPolicy?: SessionPolicy;
}

export interface LoginInput {
  readonly loginName: string;
  readonly password: string;
  /** Where the attempt came from (the client IP): throttled per source; kept only as a blind index. */
  readonly source: string;
  /** The 6-digit code, when the person has a second factor. */
  readonly totpCode?: string;
  /** The session id the browser had before (ended: a new id on every login). */
  readonly previousSessionId?: string;
}

export type LoginResult =
  | { readonly ok: true; readonly personId: string; readonly session: NewSession }
  | {
      readonly ok: false;
      /**
       * invalid: wrong name or password (never which); locked: too many failures (until `until`);
       * throttled: too many failures from this source; totp-required: the password was right, a code is needed;
       * totp-invalid: the code was wrong or already used (counts as a failure).
       */
      readonly reason: 'invalid' | 'locked' | 'throttled' | 'totp-required' | 'totp-invalid';
      readonly until?: number;
    };

/** A person as the operator knows them, opened (for their own pages; never for logs). */
export interface PersonProfile {
  readonly id: string;
  readonly loginName: string;
  readonly ci: string;
  readonly name: string;
  readonly birthDate: string;
  /** Digits; null when the person signed up without one. */
  readonly phone: string | null;
  readonly createdAt: number;
  readonly lastLoginAt: number;
  readonly totpEnabled: boolean;
}

/**
 * people/: sign-up (CI from the CA's identity check, age 14+), login with argon2id passwords, lockout and
 * per-source throttling, an optional TOTP second factor, sessions (sessions.ts) and last-login tracking.
 * Every personal field is sealed with the person's data key; lookups go through blind indexes.
 */
export class People {
  readonly sessions: Sessions;
  readonly #o: PeopleOptions;
  readonly #policy: LoginPolicy;
  readonly #pepper: Buffer;

  constructor(o: PeopleOptions) {
    this.#o = o;
    this.#policy = o.loginPolicy ?? DEFAULT_LOGIN_POLICY;
    this.#pepper = o.crypto.derive('password-pepper');
    this.sessions = new Sessions(o.crypto.derive('csrf'), o.sessionPolicy ?? DEFAULT_SESSION_POLICY);
  }

  #loginIndex(loginName: string): string {
    return this.#o.crypto.index.index('op_person.login', normaliseLoginName(loginName));
  }

  #ciIndex(ci: string): string {
    return this.#o.crypto.index.index('op_person.ci', ci);
  }

  /**
   * Registers a person. Refuses, writing nothing: a malformed field (OP_INVALID_INPUT naming it), under 14
   * (OP_TOO_YOUNG), a CI already a member (OP_ALREADY_REGISTERED), a login name in use (OP_LOGIN_NAME_TAKEN).
   */
  async signUp(input: SignUpInput): Promise<{ personId: string }> {
    const now = this.#o.clock.nowMs();
    const { loginName } = checkSignUp(input, now);
    const passwordHash = await hashPassword(input.password, this.#pepper);
    const id = `p_${randomBytes(16).toString('base64url')}`;
    try {
      await this.#o.store.transaction(async (trx) => {
        const keys = await this.#o.crypto.keys.create(trx, id);
        const c = personCipher(keys);
        await trx
          .insertInto('op_person')
          .values({
            id,
            login_bidx: this.#loginIndex(loginName),
            login_sealed: c.seal(T, 'login', id, loginName),
            ci_bidx: this.#ciIndex(input.ci),
            ci_sealed: c.seal(T, 'ci', id, input.ci),
            name_sealed: c.seal(T, 'name', id, input.name.trim()),
            birth_date_sealed: c.seal(T, 'birth_date', id, input.birthDate),
            phone_sealed: input.phone === undefined ? null : c.seal(T, 'phone', id, input.phone),
            password_hash: passwordHash,
            failed_logins: 0,
            locked_until: null,
            totp_sealed: null,
            totp_enabled: false,
            totp_last_step: null,
            created_at: now,
            last_login_at: now,
          })
          .execute();
        await this.#o.audit.append(trx, { actor: `person:${id}`, action: 'person.signup', subject: id });
      });
    } catch (e) {
      if (isConflict(e, { table: 'op_person' }) || isConflict(e)) {
        const columns = (e as { columns: readonly string[] }).columns;
        const constraint = (e as { constraint?: string }).constraint ?? '';
        if (columns.includes('ci_bidx') || constraint.includes('ci_bidx')) {
          throw new OperatorError(
            'OP_ALREADY_REGISTERED',
            'this person is already a member',
            '이미 가입한 회원입니다',
            'ci',
          );
        }
        if (columns.includes('login_bidx') || constraint.includes('login_bidx')) {
          throw new OperatorError(
            'OP_LOGIN_NAME_TAKEN',
            'is already in use',
            '이미 사용 중인 아이디입니다',
            'loginName',
          );
        }
      }
      throw e;
    }
    return { personId: id };
  }

  /** The member with this CI, if any (after the CA's identity check: "already a member?"). */
  async personIdByCi(ci: string): Promise<string | undefined> {
    const row = await this.#o.store.db
      .selectFrom('op_person')
      .select('id')
      .where('ci_bidx', '=', this.#ciIndex(ci))
      .executeTakeFirst();
    return row?.id;
  }

  async profile(personId: string): Promise<PersonProfile | undefined> {
    const { db } = this.#o.store;
    const row = await db.selectFrom('op_person').selectAll().where('id', '=', personId).executeTakeFirst();
    if (!row) return undefined;
    const c = await this.#o.crypto.cipherFor(db, personId);
    return {
      id: row.id,
      loginName: c.open(T, 'login', row.id, row.login_sealed),
      ci: c.open(T, 'ci', row.id, row.ci_sealed),
      name: c.open(T, 'name', row.id, row.name_sealed),
      birthDate: c.open(T, 'birth_date', row.id, row.birth_date_sealed),
      phone: row.phone_sealed === null ? null : c.open(T, 'phone', row.id, row.phone_sealed),
      createdAt: Number(row.created_at),
      lastLoginAt: Number(row.last_login_at),
      totpEnabled: row.totp_enabled,
    };
  }

  /**
   * Logs in: throttled per source, locked per person after `maxFailures`, TOTP when enabled (each code once),
   * a new session (the previous one ended), last login recorded. Unknown names cost the same argon2 work.
   */
  async login(input: LoginInput): Promise<LoginResult> {
    const { store, crypto, clock } = this.#o;
    const now = clock.nowMs();
    const sourceBidx = crypto.index.index('op_login_attempt.source', String(input.source));
    const loginBidx = this.#loginIndex(String(input.loginName ?? ''));
    const recent = await store.db
      .selectFrom('op_login_attempt')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('source_bidx', '=', sourceBidx)
      .where('ok', '=', false)
      .where('at', '>', now - this.#policy.sourceWindowMs)
      .executeTakeFirstOrThrow();
    if (Number(recent.n) >= this.#policy.maxSourceFailures) return { ok: false, reason: 'throttled' };

    const row = await store.db
      .selectFrom('op_person')
      .selectAll()
      .where('login_bidx', '=', loginBidx)
      .executeTakeFirst();
    const attempt = (ok: boolean, personId: string | null, db: typeof store.db = store.db) =>
      db
        .insertInto('op_login_attempt')
        .values({
          id: randomBytes(12).toString('base64url'),
          source_bidx: sourceBidx,
          login_bidx: loginBidx,
          person_id: personId,
          at: now,
          ok,
        })
        .execute();
    if (!row) {
      await passwordMatches(await dummyPasswordHash(this.#pepper), String(input.password ?? ''), this.#pepper);
      await attempt(false, null);
      return { ok: false, reason: 'invalid' };
    }
    const state: LockState = {
      failedLogins: Number(row.failed_logins),
      lockedUntil: row.locked_until === null ? null : Number(row.locked_until),
    };
    if (isLocked(state, now)) return { ok: false, reason: 'locked', until: state.lockedUntil ?? now };

    const fail = async (reason: 'invalid' | 'totp-invalid'): Promise<LoginResult> => {
      const next = await this.#recordFailure(row.id, now);
      await attempt(false, row.id);
      return isLocked(next, now)
        ? { ok: false, reason: 'locked', until: next.lockedUntil ?? now }
        : { ok: false, reason };
    };
    if (!(await passwordMatches(row.password_hash, String(input.password ?? ''), this.#pepper))) return fail('invalid');

    let totpStep: number | null = row.totp_last_step === null ? null : Number(row.totp_last_step);
    if (row.totp_enabled && row.totp_sealed !== null) {
      if (input.totpCode === undefined || input.totpCode === '') return { ok: false, reason: 'totp-required' };
      const c = await crypto.cipherFor(store.db, row.id);
      const secret = base32Decode(c.open(T, 'totp', row.id, row.totp_sealed));
      const step = matchTotp(secret, input.totpCode, now);
      if (step === undefined || (totpStep !== null && step <= totpStep)) return fail('totp-invalid');
      totpStep = step;
    }

    const rehash = needsRehash(row.password_hash) ? await hashPassword(input.password, this.#pepper) : undefined;
    const session = await store.transaction(async (trx) => {
      await trx
        .updateTable('op_person')
        .set({
          ...AFTER_SUCCESS_COLUMNS,
          last_login_at: now,
          totp_last_step: totpStep,
          ...(rehash ? { password_hash: rehash } : {}),
        })
        .where('id', '=', row.id)
        .execute();
      await attempt(true, row.id, trx);
      const s = await this.sessions.create(trx, row.id, now, input.previousSessionId);
      await this.#o.audit.append(trx, { actor: `person:${row.id}`, action: 'person.login', subject: row.id });
      return s;
    });
    return { ok: true, personId: row.id, session };
  }

  /** Compare-and-set on the person's failure state (two concurrent wrong passwords both count). */
  async #recordFailure(personId: string, now: number): Promise<LockState> {
    const { db } = this.#o.store;
    for (let i = 0; i < 5; i++) {
      const row = await db
        .selectFrom('op_person')
        .select(['failed_logins', 'locked_until'])
        .where('id', '=', personId)
        .executeTakeFirstOrThrow();
      const state = {
        failedLogins: Number(row.failed_logins),
        lockedUntil: row.locked_until === null ? null : Number(row.locked_until),
      };
      const next = afterFailure(state, this.#policy, now);
      const r = await db
        .updateTable('op_person')
        .set({ failed_logins: next.failedLogins, locked_until: next.lockedUntil })
        .where('id', '=', personId)
        .where('failed_logins', '=', state.failedLogins)
        .where((eb) =>
          state.lockedUntil === null ? eb('locked_until', 'is', null) : eb('locked_until', '=', state.lockedUntil),
        )
        .executeTakeFirst();
      if (r.numUpdatedRows > 0n) return next;
    }
    throw new Error(`login failure count of ${personId} kept changing under us`);
  }

  /** Starts TOTP enrolment: a new secret (sealed, not yet enabled) and the otpauth URI to show as a QR code. */
  async beginTotp(personId: string): Promise<{ secret: Secret; uri: Secret }> {
    const { store, crypto } = this.#o;
    const profile = await this.profile(personId);
    if (!profile) throw new OperatorError('OP_NOT_FOUND', 'no such person', '회원이 없습니다', 'personId');
    const secret = newTotpSecret();
    const c = await crypto.cipherFor(store.db, personId);
    await store.db
      .updateTable('op_person')
      .set({ totp_sealed: c.seal(T, 'totp', personId, secret), totp_enabled: false, totp_last_step: null })
      .where('id', '=', personId)
      .execute();
    return { secret: new Secret(secret), uri: new Secret(otpauthUri(secret, profile.loginName)) };
  }

  /** Enables TOTP when `code` is right for the pending secret; ends the person's other sessions. */
  async confirmTotp(personId: string, code: string): Promise<boolean> {
    return this.#withTotp(personId, code, true);
  }

  /** Turns TOTP off, given a current code. */
  async disableTotp(personId: string, code: string): Promise<boolean> {
    return this.#withTotp(personId, code, false);
  }

  async #withTotp(personId: string, code: string, enable: boolean): Promise<boolean> {
    const { store, crypto, clock } = this.#o;
    const now = clock.nowMs();
    const row = await store.db.selectFrom('op_person').selectAll().where('id', '=', personId).executeTakeFirst();
    if (!row || row.totp_sealed === null || row.totp_enabled === enable) {
      throw new OperatorError(
        'OP_TOTP',
        enable ? 'no pending second factor' : 'no second factor',
        '2단계 인증 상태 오류',
      );
    }
    const c = await crypto.cipherFor(store.db, personId);
    const step = matchTotp(base32Decode(c.open(T, 'totp', personId, row.totp_sealed)), String(code), now);
    const last = row.totp_last_step === null ? null : Number(row.totp_last_step);
    if (step === undefined || (last !== null && step <= last)) return false;
    await store.transaction(async (trx) => {
      await trx
        .updateTable('op_person')
        .set(
          enable
            ? { totp_enabled: true, totp_last_step: step }
            : { totp_enabled: false, totp_sealed: null, totp_last_step: null },
        )
        .where('id', '=', personId)
        .execute();
      await this.sessions.endAll(trx, personId);
      await this.#o.audit.append(trx, {
        actor: `person:${personId}`,
        action: enable ? 'person.totp.enable' : 'person.totp.disable',
        subject: personId,
      });
    });
    return true;
  }

  /** Changes the password given the current one; every session ends (the person logs in again). */
  async changePassword(personId: string, current: string, next: string): Promise<void> {
    const { store } = this.#o;
    const row = await store.db
      .selectFrom('op_person')
      .select(['password_hash'])
      .where('id', '=', personId)
      .executeTakeFirst();
    if (!row) throw new OperatorError('OP_NOT_FOUND', 'no such person', '회원이 없습니다', 'personId');
    if (!(await passwordMatches(row.password_hash, current, this.#pepper))) {
      throw invalid('currentPassword', 'is not the current password', '현재 비밀번호가 맞지 않습니다');
    }
    const profile = await this.profile(personId);
    checkPassword(next, profile?.loginName ?? '', 'newPassword');
    const hash = await hashPassword(next, this.#pepper);
    await store.transaction(async (trx) => {
      await trx.updateTable('op_person').set({ password_hash: hash }).where('id', '=', personId).execute();
      await this.sessions.endAll(trx, personId);
      await this.#o.audit.append(trx, {
        actor: `person:${personId}`,
        action: 'person.password.change',
        subject: personId,
      });
    });
  }

  /** People whose last login is before `cutoffMs` (the inactivity sweeps), oldest first. */
  async lastLogins(opts: { before: number; limit?: number }): Promise<{ personId: string; lastLoginAt: number }[]> {
    const rows = await this.#o.store.db
      .selectFrom('op_person')
      .select(['id', 'last_login_at'])
      .where('last_login_at', '<', opts.before)
      .orderBy('last_login_at')
      .limit(opts.limit ?? 1000)
      .execute();
    return rows.map((r) => ({ personId: r.id, lastLoginAt: Number(r.last_login_at) }));
  }

  /** Deletes login attempts older than `olderThanMs` before now (default 30 days). */
  async sweepAttempts(olderThanMs = 30 * 24 * 60 * 60_000): Promise<number> {
    const r = await this.#o.store.db
      .deleteFrom('op_login_attempt')
      .where('at', '<', this.#o.clock.nowMs() - olderThanMs)
      .executeTakeFirst();
    return Number(r.numDeletedRows);
  }
}

const AFTER_SUCCESS_COLUMNS = { failed_logins: AFTER_SUCCESS.failedLogins, locked_until: AFTER_SUCCESS.lockedUntil };
