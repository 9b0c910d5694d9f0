import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** A logged-in administrator: the CSRF token of every form, and when the session started and was last used. */
export interface AdminSession {
  readonly csrf: string;
  readonly createdMs: number;
  readonly lastMs: number;
}

export interface SessionPolicy {
  /** Ends after this long without a request. Default 30 minutes. */
  readonly idleMs: number;
  /** Ends this long after login whatever happens. Default 8 hours. */
  readonly absoluteMs: number;
  /** At most this many sessions are kept (the oldest go first). Default 100. */
  readonly max: number;
}

export const DEFAULT_SESSION_POLICY: SessionPolicy = { idleMs: 30 * 60_000, absoluteMs: 8 * 3_600_000, max: 100 };

export interface AdminSessions {
  readonly policy: SessionPolicy;
  /** A new session: its id (for the cookie, never stored as such) and the session. */
  create(nowMs: number): { readonly id: string; readonly session: AdminSession };
  /** The live session of a cookie value, touched; undefined when unknown or expired (then forgotten). */
  get(id: string | undefined, nowMs: number): AdminSession | undefined;
  destroy(id: string | undefined): void;
  /** The CSRF token of the login form bound to a pre-login cookie value. */
  loginCsrf(loginId: string): string;
}

const random = () => randomBytes(32).toString('base64url');
const digest = (id: string) => createHash('sha256').update(id).digest('base64url');

/** Same text, compared in constant time. */
export function sameSecret(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/**
 * Administrator sessions in memory (they end with the process; a restart asks for the token again). Only a
 * SHA-256 of each session id is kept, so the map never holds what the cookie carries.
 */
export function createAdminSessions(policy: SessionPolicy = DEFAULT_SESSION_POLICY): AdminSessions {
  const sessions = new Map<string, AdminSession>();
  const loginKey = randomBytes(32);
  return {
    policy,
    create(nowMs) {
      const id = random();
      const session: AdminSession = { csrf: random(), createdMs: nowMs, lastMs: nowMs };
      sessions.set(digest(id), session);
      while (sessions.size > policy.max) sessions.delete(sessions.keys().next().value!);
      return { id, session };
    },
    get(id, nowMs) {
      if (id === undefined || id.length > 100) return undefined;
      const key = digest(id);
      const session = sessions.get(key);
      if (!session) return undefined;
      if (nowMs - session.lastMs > policy.idleMs || nowMs - session.createdMs > policy.absoluteMs) {
        sessions.delete(key);
        return undefined;
      }
      const touched = { ...session, lastMs: nowMs };
      sessions.set(key, touched);
      return touched;
    },
    destroy(id) {
      if (id !== undefined) sessions.delete(digest(id));
    },
    loginCsrf(loginId) {
      return createHmac('sha256', loginKey).update(loginId).digest('base64url');
    },
  };
}

export const newLoginId = random;
