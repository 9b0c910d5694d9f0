import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Kysely } from '@hannun/store';
import { Secret } from '../crypto/secret.ts';
import type { OperatorDatabase } from '../schema/operator-database.ts';

/** How long a session lives: idle (no request) and absolute (since login). */
export interface SessionPolicy {
  readonly idleMs: number;
  readonly absoluteMs: number;
  /** last_seen_at is written at most this often (a read-mostly app should not write on every request). */
  readonly touchEveryMs: number;
}

export const DEFAULT_SESSION_POLICY: SessionPolicy = {
  idleMs: 30 * 60_000,
  absoluteMs: 12 * 60 * 60_000,
  touchEveryMs: 60_000,
};

/** What the HTTP layer puts in the cookie (id: HttpOnly, Secure, SameSite=Lax) and in pages (csrfToken). */
export interface NewSession {
  readonly id: Secret;
  readonly csrfToken: Secret;
  readonly idleExpiresAt: number;
  readonly absoluteExpiresAt: number;
}

export interface ActiveSession {
  readonly personId: string;
  /** The stored hash: names the session in logs and audit without being usable as a cookie. */
  readonly ref: string;
  readonly csrfToken: Secret;
  readonly idleExpiresAt: number;
  readonly absoluteExpiresAt: number;
}

type Db = Kysely<OperatorDatabase>;

/** SHA-256 of the id: ids are 256 random bits, so a fast hash suffices and a stolen table gives no cookie. */
export function sessionRef(id: string): string {
  return createHash('sha256').update(id, 'utf8').digest('base64url');
}

/**
 * Sessions: random opaque ids (256 bits, base64url) stored only as their hash, idle and absolute expiry, a
 * new id on every login (rotation: the session the person had before logging in is ended).
 *
 * CSRF: the **synchroniser token** pattern. Each session has its own token, derived on the server as
 * HMAC-SHA256(csrf key, session hash | random per-session nonce): never stored, recomputed from the session,
 * changed with the session id. The HTTP layer puts it in forms or a header and compares with `checkCsrf`
 * on every state-changing request; no cookie carries it (so this is not double-submit).
 */
export class Sessions {
  readonly #csrfKey: Buffer;
  readonly #policy: SessionPolicy;

  constructor(csrfKey: Buffer, policy: SessionPolicy = DEFAULT_SESSION_POLICY) {
    this.#csrfKey = csrfKey;
    this.#policy = policy;
  }

  #csrf(ref: string, nonce: string): Secret {
    return new Secret(createHmac('sha256', this.#csrfKey).update(`${ref}|${nonce}`, 'utf8').digest('base64url'));
  }

  /** A new session for the person; ends `previousId` first when given (rotation on login). */
  async create(db: Db, personId: string, now: number, previousId?: string): Promise<NewSession> {
    if (previousId !== undefined) await this.end(db, previousId);
    const id = randomBytes(32).toString('base64url');
    const ref = sessionRef(id);
    const nonce = randomBytes(16).toString('base64url');
    const idleExpiresAt = now + this.#policy.idleMs;
    const absoluteExpiresAt = now + this.#policy.absoluteMs;
    await db
      .insertInto('op_session')
      .values({
        id_hash: ref,
        person_id: personId,
        created_at: now,
        last_seen_at: now,
        idle_expires_at: Math.min(idleExpiresAt, absoluteExpiresAt),
        absolute_expires_at: absoluteExpiresAt,
        csrf_nonce: nonce,
      })
      .execute();
    return { id: new Secret(id), csrfToken: this.#csrf(ref, nonce), idleExpiresAt, absoluteExpiresAt };
  }

  /**
   * The live session of this id at `now`, extending its idle expiry (written at most once per
   * `touchEveryMs`); undefined when unknown or expired (an expired one is deleted).
   */
  async resolve(db: Db, id: string, now: number): Promise<ActiveSession | undefined> {
    if (typeof id !== 'string' || !/^[A-Za-z0-9_-]{43}$/.test(id)) return undefined;
    const ref = sessionRef(id);
    const row = await db.selectFrom('op_session').selectAll().where('id_hash', '=', ref).executeTakeFirst();
    if (!row) return undefined;
    const absolute = Number(row.absolute_expires_at);
    if (now >= Number(row.idle_expires_at) || now >= absolute) {
      await db.deleteFrom('op_session').where('id_hash', '=', ref).execute();
      return undefined;
    }
    let idle = Number(row.idle_expires_at);
    if (now - Number(row.last_seen_at) >= this.#policy.touchEveryMs) {
      idle = Math.min(now + this.#policy.idleMs, absolute);
      await db
        .updateTable('op_session')
        .set({ last_seen_at: now, idle_expires_at: idle })
        .where('id_hash', '=', ref)
        .execute();
    }
    return {
      personId: row.person_id,
      ref,
      csrfToken: this.#csrf(ref, row.csrf_nonce),
      idleExpiresAt: idle,
      absoluteExpiresAt: absolute,
    };
  }

  /** Whether `presented` is the session's CSRF token (constant time). */
  checkCsrf(session: ActiveSession, presented: string | undefined): boolean {
    if (typeof presented !== 'string') return false;
    const a = Buffer.from(session.csrfToken.reveal(), 'utf8');
    const b = Buffer.from(presented, 'utf8');
    return a.length === b.length && timingSafeEqual(a, b);
  }

  async end(db: Db, id: string): Promise<void> {
    await db.deleteFrom('op_session').where('id_hash', '=', sessionRef(id)).execute();
  }

  /** Ends every session of the person (password change, TOTP change, leaving). */
  async endAll(db: Db, personId: string): Promise<number> {
    const r = await db.deleteFrom('op_session').where('person_id', '=', personId).executeTakeFirst();
    return Number(r.numDeletedRows);
  }

  /** Deletes expired sessions (a periodic sweep). */
  async sweep(db: Db, now: number): Promise<number> {
    const r = await db
      .deleteFrom('op_session')
      .where((eb) => eb.or([eb('idle_expires_at', '<=', now), eb('absolute_expires_at', '<=', now)]))
      .executeTakeFirst();
    return Number(r.numDeletedRows);
  }
}
