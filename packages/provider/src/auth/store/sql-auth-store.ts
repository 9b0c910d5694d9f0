import type { Logger } from '@hannun/infra';
import { type ColumnSealer, createColumnSealer } from '@hannun/pki';
import {
  type Insertable,
  isConflict,
  type Kysely,
  migrate,
  openStore,
  type Selectable,
  type Store,
  sql,
} from '@hannun/store';
import { Temporal } from 'temporal-polyfill';
import type { ConsentRecord, ConsentStore } from '../../consent/consent.ts';
import type { AuthDatabase } from './auth-database.ts';
import { PROVIDER_MIGRATION_NAMESPACE, providerMigrations } from './auth-migrations.ts';
import type {
  AuthorizationCode,
  AuthRequest,
  AuthStore,
  PairRevocation,
  ProviderLogin,
  TokenPair,
} from './auth-store.ts';

type Db = AuthDatabase;

/** The sealing of each table's columns: row keys as in auth-sealed-migration.ts. */
const CONSENT = 'provider_consent';
const PAIR = 'provider_token_pair';

function consentOf(sealer: ColumnSealer, row: Selectable<Db['provider_consent']>): ConsentRecord {
  const signature = sealer.openOptional(CONSENT, 'sealed_signature', row.id, row.sealed_signature);
  return {
    id: row.id,
    orgCode: row.org_code,
    ci: sealer.open(CONSENT, 'sealed_ci', row.id, row.sealed_ci),
    recipientOrgCode: row.recipient_org_code,
    clientId: row.client_id,
    scopes: JSON.parse(row.scopes) as ConsentRecord['scopes'],
    assets: JSON.parse(sealer.open(CONSENT, 'sealed_assets', row.id, row.sealed_assets)) as ConsentRecord['assets'],
    isScheduled: Boolean(row.is_scheduled),
    fndCycle: row.fnd_cycle,
    addCycle: row.add_cycle,
    endDate: Temporal.PlainDate.from(row.end_date),
    purpose: row.purpose,
    period: row.period,
    flags: JSON.parse(row.flags) as ConsentRecord['flags'],
    createdAt: Number(row.created_at),
    ...(row.revoked_at === null ? {} : { revokedAt: Number(row.revoked_at) }),
    ...(row.auth === 'individual' || row.auth === 'integrated' ? { auth: row.auth } : {}),
    ...(signature === null ? {} : { signature: JSON.parse(signature) as NonNullable<ConsentRecord['signature']> }),
  };
}

/** The live pair of one (org_code × client_id × CI, by its blind index): not revoked, refresh token not expired; the newest. */
function livePairQuery(db: Kysely<Db>, orgCode: string, clientId: string, ciIndex: string, now: number) {
  return db
    .selectFrom('provider_token_pair')
    .selectAll()
    .where('org_code', '=', orgCode)
    .where('client_id', '=', clientId)
    .where('ci_index', '=', ciIndex)
    .where('revoked_at', 'is', null)
    .where('refresh_expires_at', '>', now)
    .orderBy('issued_at', 'desc');
}

const WHY = new Set<PairRevocation>(['replaced', 'withdrawn', 'code-replayed']);

function pairOf(sealer: ColumnSealer, row: Selectable<Db['provider_token_pair']>): TokenPair {
  if (row.auth !== 'individual' && row.auth !== 'integrated')
    throw new Error('provider_token_pair holds an unknown auth');
  const why = row.revoked_why as PairRevocation | null;
  if (why !== null && !WHY.has(why)) throw new Error('provider_token_pair holds an unknown revocation reason');
  return {
    id: row.id,
    orgCode: row.org_code,
    clientId: row.client_id,
    ci: sealer.open(PAIR, 'sealed_ci', row.id, row.sealed_ci),
    consentId: row.consent_id,
    auth: row.auth,
    grant: row.grant_ref,
    accessJti: row.access_jti,
    refreshJti: row.refresh_jti,
    issuedAt: Number(row.issued_at),
    accessExpiresAt: Number(row.access_expires_at),
    refreshExpiresAt: Number(row.refresh_expires_at),
    ...(row.revoked_at === null ? {} : { revokedAt: Number(row.revoked_at) }),
    ...(why === null ? {} : { revokedWhy: why }),
  };
}

function codeOf(sealer: ColumnSealer, row: Selectable<Db['provider_auth_code']>): AuthorizationCode {
  return {
    codeHash: row.code_hash,
    orgCode: row.org_code,
    clientId: row.client_id,
    redirectUri: row.redirect_uri,
    ci: sealer.open('provider_auth_code', 'sealed_ci', row.code_hash, row.sealed_ci),
    consentId: row.consent_id,
    issuedAt: Number(row.issued_at),
    expiresAt: Number(row.expires_at),
    ...(row.used_at === null ? {} : { usedAt: Number(row.used_at) }),
  };
}

function loginOf(sealer: ColumnSealer, row: Selectable<Db['provider_login']>): ProviderLogin {
  return {
    orgCode: row.org_code,
    loginId: row.login_id,
    ci: sealer.open('provider_login', 'sealed_ci', [row.org_code, row.login_id], row.sealed_ci),
    passwordHash: row.password_hash,
    phone: sealer.open('provider_login', 'sealed_phone', [row.org_code, row.login_id], row.sealed_phone),
    failures: Number(row.failures),
    ...(row.locked_until === null ? {} : { lockedUntil: Number(row.locked_until) }),
  };
}

function consentRow(sealer: ColumnSealer, c: ConsentRecord): Insertable<Db['provider_consent']> {
  return {
    id: c.id,
    org_code: c.orgCode,
    sealed_ci: sealer.seal(CONSENT, 'sealed_ci', c.id, c.ci),
    ci_index: sealer.index('ci', c.ci),
    recipient_org_code: c.recipientOrgCode,
    client_id: c.clientId,
    scopes: JSON.stringify(c.scopes),
    sealed_assets: sealer.seal(CONSENT, 'sealed_assets', c.id, JSON.stringify(c.assets)),
    is_scheduled: c.isScheduled,
    fnd_cycle: c.fndCycle,
    add_cycle: c.addCycle,
    end_date: c.endDate.toString(),
    purpose: c.purpose,
    period: c.period,
    flags: JSON.stringify(c.flags),
    auth: c.auth ?? null,
    sealed_signature: c.signature ? sealer.seal(CONSENT, 'sealed_signature', c.id, JSON.stringify(c.signature)) : null,
    created_at: c.createdAt,
    revoked_at: c.revokedAt ?? null,
  };
}

function pairRow(sealer: ColumnSealer, p: TokenPair): Insertable<Db['provider_token_pair']> {
  return {
    id: p.id,
    org_code: p.orgCode,
    client_id: p.clientId,
    sealed_ci: sealer.seal(PAIR, 'sealed_ci', p.id, p.ci),
    ci_index: sealer.index('ci', p.ci),
    consent_id: p.consentId,
    auth: p.auth,
    grant_ref: p.grant,
    access_jti: p.accessJti,
    refresh_jti: p.refreshJti,
    issued_at: p.issuedAt,
    access_expires_at: p.accessExpiresAt,
    refresh_expires_at: p.refreshExpiresAt,
    revoked_at: p.revokedAt ?? null,
    revoked_why: p.revokedWhy ?? null,
  };
}

/** Thrown inside a transaction to roll it back: the claim of a 통합인증-002 was taken before (a replay). */
class Replayed extends Error {}

/**
 * The authentication store on a @hannun/store database (SQLite or PostgreSQL; migrations in
 * auth-migrations.ts, namespace `provider`). Consents are written through to `consents`, the engine's
 * in-memory ConsentStore that the check chain reads synchronously; `load()` fills it (and the revoked
 * jtis) from the database at start. The atomic steps (a code's first use, a claimed cert_tx_id) are a
 * conditional update and a primary key. CIs, consented assets, signed consents and 개별인증 requests are
 * sealed under the provider's storage key (`sealer`); a person's pairs are found through the CI's blind index.
 */
export function sqlAuthStore(
  store: Store<Db>,
  consents: ConsentStore,
  sealer: ColumnSealer,
): AuthStore & { load(): Promise<void> } {
  const { db } = store;
  const pairOfRow = (row: Selectable<Db['provider_token_pair']>) => pairOf(sealer, row);
  const codeOfRow = (row: Selectable<Db['provider_auth_code']>) => codeOf(sealer, row);
  let revoked: { jti: string; at: number }[] = [];
  return {
    async load() {
      for (const row of await db.selectFrom('provider_consent').selectAll().execute())
        consents.put(consentOf(sealer, row));
      revoked = (await db.selectFrom('provider_revoked_jti').selectAll().execute()).map((r) => ({
        jti: r.jti,
        at: Number(r.revoked_at),
      }));
    },
    consents: {
      get: (id) => consents.get(id),
      async insert(c) {
        await db.insertInto('provider_consent').values(consentRow(sealer, c)).execute();
        consents.put(c);
      },
      async revoke(id, at) {
        await db
          .updateTable('provider_consent')
          .set({ revoked_at: at })
          .where('id', '=', id)
          .where((eb) => eb.or([eb('revoked_at', 'is', null), eb('revoked_at', '>', at)]))
          .execute();
        consents.revoke(id, at);
      },
    },
    pairs: {
      async issue({ claim, consent, pair }, at) {
        let replaced: TokenPair | undefined;
        try {
          // One transaction, one commit: the claim, the consent (before the pair: its foreign key), the
          // pair it replaces ended with its jtis, the new pair. A claim taken before rolls it all back.
          replaced = await store.transaction(async (trx) => {
            if (claim) {
              try {
                await trx
                  .insertInto('provider_cert_tx')
                  .values([
                    { org_code: pair.orgCode, kind: 'cert', value: claim.certTxId, claimed_at: at },
                    { org_code: pair.orgCode, kind: 'tx', value: claim.txId, claimed_at: at },
                  ])
                  .execute();
              } catch (error) {
                if (isConflict(error)) throw new Replayed();
                throw error;
              }
            }
            if (consent) await trx.insertInto('provider_consent').values(consentRow(sealer, consent)).execute();
            const ciIndex = sealer.index('ci', pair.ci);
            const oldRow = await livePairQuery(trx, pair.orgCode, pair.clientId, ciIndex, at).executeTakeFirst();
            const old = oldRow && pairOfRow(oldRow);
            if (old) {
              await trx
                .updateTable('provider_token_pair')
                .set({ revoked_at: at, revoked_why: 'replaced' })
                .where('id', '=', old.id)
                .execute();
              await trx
                .insertInto('provider_revoked_jti')
                .values([
                  { org_code: old.orgCode, jti: old.accessJti, revoked_at: at },
                  { org_code: old.orgCode, jti: old.refreshJti, revoked_at: at },
                ])
                .onConflict((oc) => oc.columns(['org_code', 'jti']).doNothing())
                .execute();
              if (old.consentId !== pair.consentId) {
                await trx
                  .updateTable('provider_consent')
                  .set({ revoked_at: at })
                  .where('id', '=', old.consentId)
                  .where((eb) => eb.or([eb('revoked_at', 'is', null), eb('revoked_at', '>', at)]))
                  .execute();
              }
            }
            await trx.insertInto('provider_token_pair').values(pairRow(sealer, pair)).execute();
            return old;
          });
        } catch (error) {
          if (error instanceof Replayed) return { ok: false, reason: 'replayed' };
          throw error;
        }
        // Committed: now the check chain's index.
        if (consent) consents.put(consent);
        if (replaced && replaced.consentId !== pair.consentId) consents.revoke(replaced.consentId, at);
        return { ok: true, replaced };
      },
      async live(orgCode, clientId, ci, now) {
        const row = await livePairQuery(db, orgCode, clientId, sealer.index('ci', ci), now).executeTakeFirst();
        return row && pairOfRow(row);
      },
      async byJti(orgCode, jti) {
        const row = await db
          .selectFrom('provider_token_pair')
          .selectAll()
          .where('org_code', '=', orgCode)
          .where((eb) => eb.or([eb('access_jti', '=', jti), eb('refresh_jti', '=', jti)]))
          .executeTakeFirst();
        return row && pairOfRow(row);
      },
      async byGrant(orgCode, grant) {
        const row = await db
          .selectFrom('provider_token_pair')
          .selectAll()
          .where('org_code', '=', orgCode)
          .where('grant_ref', '=', grant)
          .executeTakeFirst();
        return row && pairOfRow(row);
      },
      async insert(p) {
        await db.insertInto('provider_token_pair').values(pairRow(sealer, p)).execute();
      },
      async revoke(id, at, why) {
        await db
          .updateTable('provider_token_pair')
          .set({ revoked_at: at, revoked_why: why })
          .where('id', '=', id)
          .where('revoked_at', 'is', null)
          .execute();
      },
      async replaceAccess(id, accessJti, accessExpiresAt) {
        await db
          .updateTable('provider_token_pair')
          .set({ access_jti: accessJti, access_expires_at: accessExpiresAt })
          .where('id', '=', id)
          .execute();
      },
      list: async (orgCode) =>
        (
          await db
            .selectFrom('provider_token_pair')
            .selectAll()
            .where('org_code', '=', orgCode)
            .orderBy('issued_at')
            .execute()
        ).map(pairOfRow),
    },
    codes: {
      async insert(c) {
        await db
          .insertInto('provider_auth_code')
          .values({
            code_hash: c.codeHash,
            org_code: c.orgCode,
            client_id: c.clientId,
            redirect_uri: c.redirectUri,
            sealed_ci: sealer.seal('provider_auth_code', 'sealed_ci', c.codeHash, c.ci),
            consent_id: c.consentId,
            issued_at: c.issuedAt,
            expires_at: c.expiresAt,
            used_at: c.usedAt ?? null,
          })
          .execute();
      },
      async consume(codeHash, at) {
        const row = await db
          .selectFrom('provider_auth_code')
          .selectAll()
          .where('code_hash', '=', codeHash)
          .executeTakeFirst();
        if (!row) return undefined;
        const result = await db
          .updateTable('provider_auth_code')
          .set({ used_at: at })
          .where('code_hash', '=', codeHash)
          .where('used_at', 'is', null)
          .executeTakeFirst();
        const first = result.numUpdatedRows > 0n;
        return { code: codeOfRow(first ? { ...row, used_at: null } : row), first };
      },
      list: async (orgCode) =>
        (
          await db
            .selectFrom('provider_auth_code')
            .selectAll()
            .where('org_code', '=', orgCode)
            .orderBy('issued_at')
            .execute()
        ).map(codeOfRow),
    },
    certTxs: {
      async claimed(orgCode, certTxId, txId) {
        const row = await db
          .selectFrom('provider_cert_tx')
          .select('kind')
          .where('org_code', '=', orgCode)
          .where((eb) =>
            eb.or([
              eb.and([eb('kind', '=', 'cert'), eb('value', '=', certTxId)]),
              eb.and([eb('kind', '=', 'tx'), eb('value', '=', txId)]),
            ]),
          )
          .executeTakeFirst();
        return row !== undefined;
      },
      async claim(orgCode, certTxId, txId, at) {
        try {
          await store.transaction(async (trx) => {
            await trx
              .insertInto('provider_cert_tx')
              .values([
                { org_code: orgCode, kind: 'cert', value: certTxId, claimed_at: at },
                { org_code: orgCode, kind: 'tx', value: txId, claimed_at: at },
              ])
              .execute();
          });
          return true;
        } catch (error) {
          if (isConflict(error)) return false;
          throw error;
        }
      },
      async release(orgCode, certTxId, txId) {
        await db
          .deleteFrom('provider_cert_tx')
          .where('org_code', '=', orgCode)
          .where((eb) =>
            eb.or([
              eb.and([eb('kind', '=', 'cert'), eb('value', '=', certTxId)]),
              eb.and([eb('kind', '=', 'tx'), eb('value', '=', txId)]),
            ]),
          )
          .execute();
      },
    },
    logins: {
      async find(orgCode, loginId) {
        const row = await db
          .selectFrom('provider_login')
          .selectAll()
          .where('org_code', '=', orgCode)
          .where('login_id', '=', loginId)
          .executeTakeFirst();
        return row && loginOf(sealer, row);
      },
      async put(l) {
        const values = {
          org_code: l.orgCode,
          login_id: l.loginId,
          sealed_ci: sealer.seal('provider_login', 'sealed_ci', [l.orgCode, l.loginId], l.ci),
          password_hash: l.passwordHash,
          sealed_phone: sealer.seal('provider_login', 'sealed_phone', [l.orgCode, l.loginId], l.phone),
          failures: l.failures,
          locked_until: l.lockedUntil ?? null,
        };
        await db
          .insertInto('provider_login')
          .values(values)
          .onConflict((oc) =>
            oc.columns(['org_code', 'login_id']).doUpdateSet({
              sealed_ci: values.sealed_ci,
              password_hash: values.password_hash,
              sealed_phone: values.sealed_phone,
              failures: values.failures,
              locked_until: values.locked_until,
            }),
          )
          .execute();
      },
    },
    requests: {
      async get(id) {
        const row = await db.selectFrom('provider_auth_request').selectAll().where('id', '=', id).executeTakeFirst();
        return (
          row &&
          (JSON.parse(sealer.open('provider_auth_request', 'sealed_body', row.id, row.sealed_body)) as AuthRequest)
        );
      },
      async put(r) {
        const sealed = sealer.seal('provider_auth_request', 'sealed_body', r.id, JSON.stringify(r));
        await db
          .insertInto('provider_auth_request')
          .values({ id: r.id, org_code: r.orgCode, sealed_body: sealed, expires_at: r.expiresAt })
          .onConflict((oc) => oc.column('id').doUpdateSet({ sealed_body: sealed, expires_at: r.expiresAt }))
          .execute();
        // Requests live minutes: the expired ones go as new ones come.
        await db
          .deleteFrom('provider_auth_request')
          .where('expires_at', '<', r.createdAt - 3_600_000)
          .execute();
      },
      async delete(id) {
        await db.deleteFrom('provider_auth_request').where('id', '=', id).execute();
      },
    },
    revokedJtis: {
      async revoke(orgCode, jti, at) {
        await db
          .insertInto('provider_revoked_jti')
          .values({ org_code: orgCode, jti, revoked_at: at })
          .onConflict((oc) => oc.columns(['org_code', 'jti']).doNothing())
          .execute();
      },
      loaded: () => revoked,
    },
  };
}

export interface OpenSqlAuthStoreOptions {
  /** `sqlite:<path>` or `postgres://…` (openStore). */
  readonly url: string;
  /** PostgreSQL schema (default: the connection's). */
  readonly schema?: string;
  /** The engine's consent store, filled from the database and written through. */
  readonly consents: ConsentStore;
  /** The provider's storage key (32 bytes, kept in the data directory): seals CIs, assets, signed consents, phones. */
  readonly storageKey: Buffer;
  readonly logger?: Logger;
}

/** Open the database, bring its schema up to date (namespace `provider`), load consents and revoked jtis. */
export async function openSqlAuthStore(opts: OpenSqlAuthStoreOptions): Promise<AuthStore & { close(): Promise<void> }> {
  const store = await openStore<Db>({
    url: opts.url,
    ...(opts.schema ? { schema: opts.schema } : {}),
    ...(opts.logger ? { logger: opts.logger } : {}),
  });
  try {
    return await sqlAuthStoreOn(store, opts.consents, createColumnSealer(opts.storageKey));
  } catch (error) {
    await store.close();
    throw error;
  }
}

/**
 * The same on a store already open (tests, a service sharing its database): migrate, load, go. On SQLite,
 * with `secure_delete` (a rewritten or deleted cell is zeroed, not left in a free page), and after 0002/0003 sealed
 * a database in place, a checkpoint that moves the new pages into the file and empties the WAL.
 */
export async function sqlAuthStoreOn(
  store: Store<Db>,
  consents: ConsentStore,
  sealer: ColumnSealer,
): Promise<AuthStore & { close(): Promise<void> }> {
  if (store.dialect === 'sqlite') await sql`pragma secure_delete = on`.execute(store.db);
  const applied = await migrate(store, {
    namespace: PROVIDER_MIGRATION_NAMESPACE,
    migrations: providerMigrations(sealer),
  });
  const sealedNow = applied.some((m) => m === '0002_provider_sealed' || m === '0003_provider_phone_sealed');
  if (store.dialect === 'sqlite' && sealedNow) {
    await sql`pragma wal_checkpoint(TRUNCATE)`.execute(store.db).catch(() => undefined);
  }
  const auth = sqlAuthStore(store, consents, sealer);
  await auth.load();
  return { ...auth, close: () => store.close() };
}
