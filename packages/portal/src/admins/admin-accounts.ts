import { type Algorithm, hash, verify } from '@node-rs/argon2';
import { isConflict, type Store } from '@hannun/store';
import { RegistryInputError } from '../registry/registry-input-error.ts';
import type { PortalDatabase } from '../store/portal-database.ts';

// Algorithm is a const enum in the binding's types, which isolatedModules cannot read: 2 is Argon2id.
const ARGON2ID = 2 as Algorithm;
/** argon2id at OWASP's floor: 19 MiB, 2 passes, 1 lane (as the operator's people). */
export const ADMIN_PASSWORD_PARAMS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** Failures in a row that lock an account, and for how long. */
export interface AdminLockoutPolicy {
  readonly maxFailures: number;
  readonly lockMs: number;
}
export const DEFAULT_ADMIN_LOCKOUT: AdminLockoutPolicy = { maxFailures: 5, lockMs: 15 * 60_000 };

export type AdminLoginResult =
  | { readonly ok: true; readonly login: string }
  /** Never says whether the name or the password was wrong. */
  | { readonly ok: false; readonly reason: 'invalid' }
  | { readonly ok: false; readonly reason: 'locked'; readonly untilMs: number };

export interface AdminAccount {
  readonly login: string;
  readonly createdMs: number;
  readonly lastLoginMs: number | null;
  readonly lockedUntilMs: number | null;
}

const LOGIN = /^[a-z][a-z0-9._-]{2,39}$/;

/**
 * The pages' administrators (portal_admin): a login name and an argon2id password, checked with a lockout
 * (`maxFailures` in a row lock the account `lockMs`; failures are counted compare-and-set, so two at once both
 * count); an unknown name costs the same work as a known one. The admin token stays for scripts (the JSON admin
 * API) and as the way to the first account.
 */
export class AdminAccounts {
  readonly #store: Store<PortalDatabase>;
  readonly #policy: AdminLockoutPolicy;
  #dummy: Promise<string> | undefined;

  constructor(store: Store<PortalDatabase>, policy: AdminLockoutPolicy = DEFAULT_ADMIN_LOCKOUT) {
    this.#store = store;
    this.#policy = policy;
  }

  /** A new administrator; refused (nothing written) with the field at fault. */
  async add(login: unknown, password: unknown, nowMs: number): Promise<AdminAccount> {
    if (typeof login !== 'string' || !LOGIN.test(login)) {
      throw new RegistryInputError(
        'login',
        'must be 3–40 lower-case letters, digits, ".", "_" or "-", starting with a letter',
        '로그인 이름은 영문 소문자로 시작하는 3~40자(소문자, 숫자, . _ -)여야 합니다',
      );
    }
    if (typeof password !== 'string' || password.length < 12 || password.length > 128) {
      throw new RegistryInputError('password', 'must be 12–128 characters', '비밀번호는 12~128자여야 합니다');
    }
    if (password.toLowerCase().includes(login)) {
      throw new RegistryInputError(
        'password',
        'must not contain the login name',
        '비밀번호에 로그인 이름을 넣을 수 없습니다',
      );
    }
    const passwordHash = await hash(password, ADMIN_PASSWORD_PARAMS);
    try {
      await this.#store.db
        .insertInto('portal_admin')
        .values({
          login,
          password_hash: passwordHash,
          failures: 0,
          locked_until_ms: null,
          created_ms: nowMs,
          last_login_ms: null,
        })
        .execute();
    } catch (error) {
      if (isConflict(error)) throw new RegistryInputError('login', 'is taken', '이미 있는 로그인 이름입니다');
      throw error;
    }
    return { login, createdMs: nowMs, lastLoginMs: null, lockedUntilMs: null };
  }

  async remove(login: string): Promise<boolean> {
    const r = await this.#store.db.deleteFrom('portal_admin').where('login', '=', login).executeTakeFirst();
    return r.numDeletedRows === 1n;
  }

  async list(): Promise<AdminAccount[]> {
    const rows = await this.#store.db.selectFrom('portal_admin').selectAll().orderBy('login').execute();
    return rows.map((r) => ({
      login: r.login,
      createdMs: Number(r.created_ms),
      lastLoginMs: r.last_login_ms === null ? null : Number(r.last_login_ms),
      lockedUntilMs: r.locked_until_ms === null ? null : Number(r.locked_until_ms),
    }));
  }

  /** Whether any administrator exists (the login page offers the token until one does). */
  async any(): Promise<boolean> {
    return (await this.#store.db.selectFrom('portal_admin').select('login').limit(1).executeTakeFirst()) !== undefined;
  }

  async login(login: unknown, password: unknown, nowMs: number): Promise<AdminLoginResult> {
    const name = typeof login === 'string' ? login.trim().toLowerCase() : '';
    const given = typeof password === 'string' && password.length <= 1000 ? password : '';
    const row =
      name === '' || name.length > 40
        ? undefined
        : await this.#store.db.selectFrom('portal_admin').selectAll().where('login', '=', name).executeTakeFirst();
    if (!row) {
      // The same work as for a known name: the answer's timing says nothing.
      this.#dummy ??= hash(`dummy-${Math.random()}`, ADMIN_PASSWORD_PARAMS);
      await verify(await this.#dummy, given).catch(() => false);
      return { ok: false, reason: 'invalid' };
    }
    const lockedUntil = row.locked_until_ms === null ? 0 : Number(row.locked_until_ms);
    if (lockedUntil > nowMs) return { ok: false, reason: 'locked', untilMs: lockedUntil };
    const good = given !== '' && (await verify(row.password_hash, given).catch(() => false));
    if (good) {
      await this.#store.db
        .updateTable('portal_admin')
        .set({ failures: 0, locked_until_ms: null, last_login_ms: nowMs })
        .where('login', '=', name)
        .execute();
      return { ok: true, login: name };
    }
    return this.#countFailure(name, nowMs);
  }

  /**
   * One more failure in a row, compare-and-set on (failures, locked_until_ms) so concurrent failures all count;
   * the one that reaches `maxFailures` locks the account. A lock that ran out starts the count again.
   */
  async #countFailure(name: string, nowMs: number): Promise<AdminLoginResult> {
    for (let i = 0; i < 10; i++) {
      const row = await this.#store.db
        .selectFrom('portal_admin')
        .selectAll()
        .where('login', '=', name)
        .executeTakeFirst();
      if (!row) return { ok: false, reason: 'invalid' };
      const lockedUntil = row.locked_until_ms === null ? 0 : Number(row.locked_until_ms);
      if (lockedUntil > nowMs) return { ok: false, reason: 'locked', untilMs: lockedUntil };
      const failures = Number(row.failures);
      const next = (lockedUntil > 0 ? 0 : failures) + 1;
      const lock = next >= this.#policy.maxFailures ? nowMs + this.#policy.lockMs : null;
      const r = await this.#store.db
        .updateTable('portal_admin')
        .set({ failures: lock === null ? next : 0, locked_until_ms: lock })
        .where('login', '=', name)
        .where('failures', '=', failures)
        .where((eb) =>
          row.locked_until_ms === null ? eb('locked_until_ms', 'is', null) : eb('locked_until_ms', '=', lockedUntil),
        )
        .executeTakeFirst();
      if (r.numUpdatedRows === 1n)
        return lock === null ? { ok: false, reason: 'invalid' } : { ok: false, reason: 'locked', untilMs: lock };
    }
    return { ok: false, reason: 'invalid' };
  }
}
