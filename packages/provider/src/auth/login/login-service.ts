import type { InstitutionBook } from '../../ledger/ledger.ts';
import { createKeyedLock } from '../keyed-lock.ts';
import type { LoginRepository, ProviderLogin } from '../store/auth-store.ts';
import { demoLoginOf } from './demo-logins.ts';
import { DEFAULT_HASH_COST, type HashCost, hashPassword, passwordMatches } from './password-hash.ts';

/** Wrong passwords in a row before a login is locked, and for how long (PROVISIONAL: the standard leaves it to providers). */
export const LOGIN_MAX_FAILURES = 5;
export const LOGIN_LOCK_MS = 30 * 60_000;

export type LoginCheck =
  | { readonly ok: true; readonly login: ProviderLogin }
  | { readonly ok: false; readonly why: 'wrong' | 'locked'; readonly failures?: number };

/** The provider's own login (ID and password), the first factor of 개별인증. */
export interface LoginService {
  check(orgCode: string, book: InstitutionBook, loginId: string, password: string, now: number): Promise<LoginCheck>;
}

export interface LoginServiceOptions {
  readonly logins: LoginRepository;
  readonly demoSeed: string;
  readonly cost?: HashCost;
}

/**
 * Logins checked against argon2id hashes in the repository. Demo customers' logins are provisioned on
 * first use: a login ID unknown to the repository but belonging to a customer of the institution
 * (demo-logins.ts) is stored with the hash of its demo password, then checked like any other. Unknown IDs
 * cost one hash too, so timing does not tell which IDs exist; five wrong passwords lock a login 30 minutes.
 */
export function createLoginService(opts: LoginServiceOptions): LoginService {
  const cost = opts.cost ?? DEFAULT_HASH_COST;
  const indexes = new Map<string, Map<string, string>>();
  let dummy: Promise<string> | undefined;
  // One check at a time per login, so parallel guesses cannot lose a failure count.
  const lock = createKeyedLock();

  const demoIndex = (orgCode: string, book: InstitutionBook) => {
    let index = indexes.get(orgCode);
    if (!index) {
      index = new Map();
      for (const ci of book.customers()) index.set(demoLoginOf(ci, opts.demoSeed).loginId, ci);
      indexes.set(orgCode, index);
    }
    return index;
  };

  const find = async (orgCode: string, book: InstitutionBook, loginId: string) => {
    const stored = await opts.logins.find(orgCode, loginId);
    if (stored) return stored;
    const ci = demoIndex(orgCode, book).get(loginId);
    if (ci === undefined) return undefined;
    const demo = demoLoginOf(ci, opts.demoSeed);
    const login: ProviderLogin = {
      orgCode,
      loginId,
      ci,
      passwordHash: await hashPassword(demo.password, cost),
      phone: demo.phone,
      failures: 0,
    };
    await opts.logins.put(login);
    return login;
  };

  return {
    check: (orgCode, book, loginId, password, now) =>
      lock.run(`${orgCode}\u0001${loginId}`, async (): Promise<LoginCheck> => {
        const login = await find(orgCode, book, loginId);
        if (!login) {
          dummy ??= hashPassword('no such login', cost);
          await passwordMatches(await dummy, password);
          return { ok: false, why: 'wrong' };
        }
        if (login.lockedUntil !== undefined && login.lockedUntil > now) return { ok: false, why: 'locked' };
        if (await passwordMatches(login.passwordHash, password)) {
          const fresh: ProviderLogin = { ...login, failures: 0, lockedUntil: undefined };
          if (login.failures !== 0 || login.lockedUntil !== undefined) await opts.logins.put(fresh);
          return { ok: true, login: fresh };
        }
        const failures = (login.lockedUntil !== undefined && login.lockedUntil <= now ? 0 : login.failures) + 1;
        const locked = failures >= LOGIN_MAX_FAILURES;
        await opts.logins.put({
          ...login,
          failures: locked ? 0 : failures,
          lockedUntil: locked ? now + LOGIN_LOCK_MS : undefined,
        });
        return locked ? { ok: false, why: 'locked' } : { ok: false, why: 'wrong', failures };
      }),
  };
}
