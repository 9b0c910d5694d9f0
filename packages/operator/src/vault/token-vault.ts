import { randomBytes } from 'node:crypto';
import { type Kysely, type Store, sql, type Transaction } from '@hannun/store';
import { personCipher } from '../crypto/field-cipher.ts';
import type { OperatorCrypto } from '../crypto/operator-crypto.ts';
import { Secret } from '../crypto/secret.ts';
import type { AuditLog } from '../records/audit-log.ts';
import type { OperatorDatabase } from '../schema/operator-database.ts';
import { invalid } from '../shared/operator-error.ts';
import type { Clock } from '../time/clock.ts';
import { fingerprints, type TokenFingerprints } from './token-fingerprint.ts';

const T = 'op_token';
type Db = Kysely<OperatorDatabase>;

/** A token pair as the provider issued it (개별인증-002, 통합인증-002; refresh grant: access only). */
export interface TokenPairInput {
  readonly clientId: string;
  readonly orgCode: string;
  readonly consentId?: string | null;
  readonly accessToken: string | Secret;
  readonly refreshToken?: string | Secret | null;
  readonly accessExpiresAt: number;
  readonly refreshExpiresAt?: number | null;
  readonly scope: string;
}

/** The stored pair, opened: tokens as Secret (printing them shows [REDACTED]). */
export interface StoredTokens {
  readonly id: string;
  readonly personId: string;
  readonly clientId: string;
  readonly orgCode: string;
  readonly consentId: string | null;
  readonly accessToken: Secret;
  readonly refreshToken: Secret | null;
  readonly scope: string;
  readonly accessExpiresAt: number;
  readonly refreshExpiresAt: number | null;
  readonly status: 'active' | 'duplicate';
}

/** A pair due for refresh: no tokens, just what the engine needs to schedule the refresh grant. */
export interface RefreshDue {
  readonly id: string;
  readonly personId: string;
  readonly clientId: string;
  readonly orgCode: string;
  readonly accessExpiresAt: number;
}

export interface DuplicateReport {
  /** Every row sharing a token or jti with another row; all of them are now `duplicate`. */
  readonly rows: readonly { readonly id: string; readonly personId: string; readonly orgCode: string }[];
}

const reveal = (t: string | Secret) => (typeof t === 'string' ? t : t.reveal());
const ORG_CODE = /^[A-Za-z0-9]{10}$/;
const CLIENT_ID = /^[A-Za-z0-9]{1,50}$/;

/** Expiry instants from a token response's `expires_in` / `refresh_token_expires_in` (seconds, N9). */
export function expiriesFrom(
  issuedAt: number,
  body: { readonly expires_in: number | string; readonly refresh_token_expires_in?: number | string | null },
): { accessExpiresAt: number; refreshExpiresAt: number | null } {
  const seconds = (v: number | string, field: string) => {
    const n = typeof v === 'number' ? v : /^\d{1,9}$/.test(v) ? Number(v) : Number.NaN;
    if (!Number.isSafeInteger(n) || n < 0)
      throw invalid(field, 'must be whole seconds (N9)', '초 단위 정수여야 합니다');
    return issuedAt + n * 1000;
  };
  const r = body.refresh_token_expires_in;
  return {
    accessExpiresAt: seconds(body.expires_in, 'expires_in'),
    refreshExpiresAt: r === undefined || r === null || r === '' ? null : seconds(r, 'refresh_token_expires_in'),
  };
}

/**
 * The token vault: one pair per person × service × provider (unique key), sealed with the person's data key
 * (AAD bound to the row), expiry in clear for the refresh scheduler, blind indexes for the duplicate check.
 * Replace-on-change keeps the row (and its id) and swaps the tokens. Tokens are never in a message, a log or
 * an error: only row ids and org_codes are.
 */
export class TokenVault {
  readonly #store: Store<OperatorDatabase>;
  readonly #crypto: OperatorCrypto;
  readonly #clock: Clock;
  readonly #audit: AuditLog;

  constructor(o: { store: Store<OperatorDatabase>; crypto: OperatorCrypto; clock: Clock; audit: AuditLog }) {
    this.#store = o.store;
    this.#crypto = o.crypto;
    this.#clock = o.clock;
    this.#audit = o.audit;
  }

  /**
   * Stores (or replaces) the person's pair for a service and provider. When a token or jti is already in
   * another row (a duplicate issuance), both rows are marked `duplicate` and not used again; the answer says so.
   */
  async put(personId: string, p: TokenPairInput): Promise<{ id: string; duplicate: boolean }> {
    if (!ORG_CODE.test(p.orgCode)) throw invalid('orgCode', 'must be an org_code aN(10)', '기관코드 형식 오류');
    if (!CLIENT_ID.test(p.clientId)) throw invalid('clientId', 'must be a client_id aN(50)', 'client_id 형식 오류');
    const access = reveal(p.accessToken);
    const refresh = p.refreshToken === undefined || p.refreshToken === null ? null : reveal(p.refreshToken);
    if (access.length === 0 || access.length > 1500)
      throw invalid('accessToken', 'must be 1–1500 characters (aNS 1500)', '접근토큰 길이 오류');
    if (refresh !== null && (refresh.length === 0 || refresh.length > 1500)) {
      throw invalid('refreshToken', 'must be 1–1500 characters (aNS 1500)', '리프레시토큰 길이 오류');
    }
    if (!Number.isSafeInteger(p.accessExpiresAt))
      throw invalid('accessExpiresAt', 'must be epoch milliseconds', '만료시각 오류');
    const fp = fingerprints(this.#crypto.index, p.orgCode, access, refresh);
    const now = this.#clock.nowMs();
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.#store.transaction(async (trx) => {
          const existing = await trx
            .selectFrom('op_token')
            .select('id')
            .where('person_id', '=', personId)
            .where('client_id', '=', p.clientId)
            .where('org_code', '=', p.orgCode)
            .executeTakeFirst();
          const id = existing?.id ?? `t_${randomBytes(16).toString('base64url')}`;
          const c = personCipher(await this.#crypto.keys.load(trx, personId));
          const others = await this.#sharing(trx, fp, id);
          const status = others.length > 0 ? 'duplicate' : 'active';
          const values = {
            consent_id: p.consentId ?? null,
            access_sealed: c.seal(T, 'access', id, access),
            refresh_sealed: c.sealOptional(T, 'refresh', id, refresh),
            access_bidx: fp.access,
            refresh_bidx: fp.refresh,
            access_jti_bidx: fp.accessJti,
            refresh_jti_bidx: fp.refreshJti,
            scope: p.scope,
            access_expires_at: p.accessExpiresAt,
            refresh_expires_at: p.refreshExpiresAt ?? null,
            status,
            updated_at: now,
          };
          if (existing) {
            await trx.updateTable('op_token').set(values).where('id', '=', id).execute();
          } else {
            await trx
              .insertInto('op_token')
              .values({
                id,
                person_id: personId,
                client_id: p.clientId,
                org_code: p.orgCode,
                issued_at: now,
                ...values,
              })
              .execute();
          }
          if (others.length > 0) await this.#markDuplicates(trx, [...others, { id, personId, orgCode: p.orgCode }]);
          return { id, duplicate: others.length > 0 };
        });
      } catch (e) {
        // Two puts of a new pair at once: the loser finds the winner's row and replaces it.
        if (attempt === 0 && (e as { code?: string }).code === 'STORE_CONFLICT') continue;
        throw e;
      }
    }
  }

  /** Rows other than `ownId` sharing any of these fingerprints. */
  async #sharing(db: Db, fp: TokenFingerprints, ownId: string) {
    const values = [fp.access, fp.refresh, fp.accessJti, fp.refreshJti].filter((v): v is string => v !== null);
    const tokenValues = [fp.access, fp.refresh].filter((v): v is string => v !== null);
    const jtiValues = [fp.accessJti, fp.refreshJti].filter((v): v is string => v !== null);
    if (values.length === 0) return [];
    const rows = await db
      .selectFrom('op_token')
      .select(['id', 'person_id', 'org_code'])
      .where('id', '<>', ownId)
      .where((eb) =>
        eb.or([
          eb('access_bidx', 'in', tokenValues),
          eb('refresh_bidx', 'in', tokenValues),
          ...(jtiValues.length > 0
            ? [eb('access_jti_bidx', 'in', jtiValues), eb('refresh_jti_bidx', 'in', jtiValues)]
            : []),
        ]),
      )
      .execute();
    return rows.map((r) => ({ id: r.id, personId: r.person_id, orgCode: r.org_code }));
  }

  async #markDuplicates(trx: Transaction<OperatorDatabase>, rows: DuplicateReport['rows']): Promise<void> {
    const ids = [...new Set(rows.map((r) => r.id))];
    await trx
      .updateTable('op_token')
      .set({ status: 'duplicate', updated_at: this.#clock.nowMs() })
      .where('id', 'in', ids)
      .execute();
    await this.#audit.append(trx, {
      actor: 'system',
      action: 'token.duplicate',
      details: { rows: rows.map((r) => ({ id: r.id, org_code: r.orgCode })) },
    });
  }

  /** The pair, opened; undefined when there is none. Check `status` (or use `usable`). */
  async get(personId: string, clientId: string, orgCode: string): Promise<StoredTokens | undefined> {
    const { db } = this.#store;
    const row = await db
      .selectFrom('op_token')
      .selectAll()
      .where('person_id', '=', personId)
      .where('client_id', '=', clientId)
      .where('org_code', '=', orgCode)
      .executeTakeFirst();
    if (!row) return undefined;
    const c = await this.#crypto.cipherFor(db, personId);
    return {
      id: row.id,
      personId,
      clientId,
      orgCode,
      consentId: row.consent_id,
      accessToken: new Secret(c.open(T, 'access', row.id, row.access_sealed)),
      refreshToken: row.refresh_sealed === null ? null : new Secret(c.open(T, 'refresh', row.id, row.refresh_sealed)),
      scope: row.scope,
      accessExpiresAt: Number(row.access_expires_at),
      refreshExpiresAt: row.refresh_expires_at === null ? null : Number(row.refresh_expires_at),
      status: row.status === 'duplicate' ? 'duplicate' : 'active',
    };
  }

  /** The pair when it may be used now: not a duplicate and the access token not expired. */
  async usable(personId: string, clientId: string, orgCode: string): Promise<StoredTokens | undefined> {
    const t = await this.get(personId, clientId, orgCode);
    if (t?.status !== 'active' || t.accessExpiresAt <= this.#clock.nowMs()) return undefined;
    return t;
  }

  /** Pairs whose access token expires within `marginMs` of `now` and whose refresh token is still valid. */
  async dueForRefresh(now: number, marginMs: number, limit = 500): Promise<RefreshDue[]> {
    const rows = await this.#store.db
      .selectFrom('op_token')
      .select(['id', 'person_id', 'client_id', 'org_code', 'access_expires_at'])
      .where('status', '=', 'active')
      .where('access_expires_at', '<=', now + marginMs)
      .where('refresh_sealed', 'is not', null)
      .where((eb) => eb.or([eb('refresh_expires_at', 'is', null), eb('refresh_expires_at', '>', now)]))
      .orderBy('access_expires_at')
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      id: r.id,
      personId: r.person_id,
      clientId: r.client_id,
      orgCode: r.org_code,
      accessExpiresAt: Number(r.access_expires_at),
    }));
  }

  /**
   * The daily duplicate check (GUIDE §3.1, 5.2.6): every token string or `iss|jti` found in more than one
   * row. All of those rows become `duplicate` (never used again until replaced) and the audit log says
   * which rows (ids and org_codes only).
   */
  async duplicateCheck(): Promise<DuplicateReport> {
    return this.#store.transaction(async (trx) => {
      const all = sql`
        select access_bidx as v, id from op_token
        union all select refresh_bidx as v, id from op_token where refresh_bidx is not null
        union all select access_jti_bidx as v, id from op_token where access_jti_bidx is not null
        union all select refresh_jti_bidx as v, id from op_token where refresh_jti_bidx is not null`;
      const found = await sql<{ id: string }>`
        select distinct t.id as id from (${all}) t
        where t.v in (select u.v from (${all}) u group by u.v having count(distinct u.id) > 1)`.execute(trx);
      const ids = found.rows.map((r) => r.id);
      if (ids.length === 0) return { rows: [] };
      const rows = await trx
        .selectFrom('op_token')
        .select(['id', 'person_id', 'org_code'])
        .where('id', 'in', ids)
        .orderBy('id')
        .execute();
      const report = rows.map((r) => ({ id: r.id, personId: r.person_id, orgCode: r.org_code }));
      await this.#markDuplicates(trx, report);
      return { rows: report };
    });
  }

  /** After a refresh grant: the new access token (and refresh token, if one came) of a row. */
  async refreshed(
    personId: string,
    id: string,
    p: {
      accessToken: string | Secret;
      accessExpiresAt: number;
      refreshToken?: string | Secret;
      refreshExpiresAt?: number | null;
    },
  ): Promise<void> {
    const row = await this.#store.db
      .selectFrom('op_token')
      .select(['client_id', 'org_code', 'scope', 'consent_id', 'refresh_sealed', 'refresh_expires_at'])
      .where('id', '=', id)
      .where('person_id', '=', personId)
      .executeTakeFirst();
    if (!row) throw invalid('id', 'no such token pair', '토큰이 없습니다');
    const current = p.refreshToken === undefined ? await this.get(personId, row.client_id, row.org_code) : undefined;
    await this.put(personId, {
      clientId: row.client_id,
      orgCode: row.org_code,
      consentId: row.consent_id,
      scope: row.scope,
      accessToken: p.accessToken,
      accessExpiresAt: p.accessExpiresAt,
      refreshToken: p.refreshToken ?? current?.refreshToken ?? null,
      refreshExpiresAt:
        p.refreshToken === undefined
          ? row.refresh_expires_at === null
            ? null
            : Number(row.refresh_expires_at)
          : (p.refreshExpiresAt ?? null),
    });
  }

  /**
   * Removes the pair and gives its tokens back (inside the caller's transaction): for withdrawal, where they
   * move to the revocation outbox, and expiry, where the provider discards them. `onlyForConsent`: only when
   * the pair was stored for that consent (a pending change must not take the live version's pair).
   */
  async take(
    trx: Transaction<OperatorDatabase>,
    personId: string,
    clientId: string,
    orgCode: string,
    opts: { readonly onlyForConsent?: string } = {},
  ): Promise<{ accessToken: Secret; refreshToken: Secret | null } | undefined> {
    let q = trx
      .selectFrom('op_token')
      .selectAll()
      .where('person_id', '=', personId)
      .where('client_id', '=', clientId)
      .where('org_code', '=', orgCode);
    if (opts.onlyForConsent !== undefined) q = q.where('consent_id', '=', opts.onlyForConsent);
    const row = await q.executeTakeFirst();
    if (!row) return undefined;
    const c = personCipher(await this.#crypto.keys.load(trx, personId));
    const tokens = {
      accessToken: new Secret(c.open(T, 'access', row.id, row.access_sealed)),
      refreshToken: row.refresh_sealed === null ? null : new Secret(c.open(T, 'refresh', row.id, row.refresh_sealed)),
    };
    await trx.deleteFrom('op_token').where('id', '=', row.id).execute();
    return tokens;
  }
}
