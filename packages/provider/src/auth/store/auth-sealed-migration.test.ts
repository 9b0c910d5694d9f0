import { readFile } from 'node:fs/promises';
import { createColumnSealer, generateStorageKey } from '@hannun/pki';
import { type Kysely, migrate, type Store, sql } from '@hannun/store';
import { describeEachDialect } from '@hannun/store/testing';
import { Temporal } from 'temporal-polyfill';
import { expect, it } from 'vitest';
import type { ConsentRecord } from '../../consent/consent.ts';
import { createMemoryConsentStore } from '../../consent/memory-consent-store.ts';
import type { AuthDatabase } from './auth-database.ts';
import { PROVIDER_MIGRATION_NAMESPACE, providerMigrations } from './auth-migrations.ts';
import type { AuthRequest } from './auth-store.ts';
import { sqlAuthStoreOn } from './sql-auth-store.ts';

const sealer = createColumnSealer(generateStorageKey());
const T = 1_750_000_000_000;
const CI = `CIsealed${'Z'.repeat(78)}==`;
const ACCOUNT = '110987654321';
const JWS = `eyJhbGciOiJFUzI1NiJ9.${'p'.repeat(1600)}.sig`;
const ORG = 'BKNURI0001';
/** What a stolen database file must not show, in any table. */
const SECRETS = [CI, ACCOUNT, JWS.slice(0, 60), '4321-8765'];
const PHONE = '010-4321-8765';

const consent: ConsentRecord = {
  id: 'consent-1',
  orgCode: ORG,
  ci: CI,
  recipientOrgCode: 'MDHANNUN01',
  clientId: 'client1',
  scopes: ['bank.list'],
  assets: [{ listApi: '은행-001', key: { account_num: ACCOUNT, seqno: '1' } }],
  isScheduled: true,
  fndCycle: '1/w',
  addCycle: '1/w',
  endDate: new Temporal.PlainDate(2026, 3, 14),
  purpose: '목적',
  period: '보유기간',
  flags: { transMemo: true, merchantNameRegno: false, transCategory: true },
  createdAt: T,
  auth: 'integrated',
  signature: { caCode: 'HNCA000001', certTxId: 'CERT1', txId: 'TX1', consent: '{}', signedConsent: JWS },
};

const request: AuthRequest = {
  id: 'req-1',
  orgCode: ORG,
  clientId: 'client1',
  redirectUri: 'https://app.example/cb',
  appScheme: 'app',
  state: 's',
  tranId: 't',
  userCi: CI,
  createdAt: T,
  expiresAt: T + 600_000,
  csrf: 'csrf',
  stage: 'login',
};

/** Every row of the provider's tables, as one text: what a stolen database file shows. */
async function dump(db: Kysely<AuthDatabase>): Promise<string> {
  const tables = [
    'provider_consent',
    'provider_token_pair',
    'provider_auth_code',
    'provider_login',
    'provider_auth_request',
  ] as const;
  return JSON.stringify(await Promise.all(tables.map((t) => db.selectFrom(t).selectAll().execute())));
}

/** One row per sealed table, as 0001 stored them (in clear). */
async function insertClear(db: Kysely<AuthDatabase>): Promise<void> {
  const assets = JSON.stringify(consent.assets);
  const signature = JSON.stringify(consent.signature);
  await sql`insert into provider_consent (id, org_code, ci, recipient_org_code, client_id, scopes, assets,
    is_scheduled, fnd_cycle, add_cycle, end_date, purpose, period, flags, auth, signature, created_at, revoked_at)
    values ('consent-1', ${ORG}, ${CI}, 'MDHANNUN01', 'client1', '["bank.list"]', ${assets}, ${true}, '1/w', '1/w',
    '2026-03-14', '목적', '보유기간', ${JSON.stringify(consent.flags)}, 'integrated', ${signature}, ${T}, null)`.execute(
    db,
  );
  await sql`insert into provider_token_pair (id, org_code, client_id, ci, consent_id, auth, grant_ref, access_jti,
    refresh_jti, issued_at, access_expires_at, refresh_expires_at, revoked_at, revoked_why)
    values ('pair-1', ${ORG}, 'client1', ${CI}, 'consent-1', 'integrated', 'g1', 'a1', 'r1', ${T}, ${T + 3_600_000},
    ${T + 86_400_000}, null, null)`.execute(db);
  await sql`insert into provider_auth_code (code_hash, org_code, client_id, redirect_uri, ci, consent_id, issued_at,
    expires_at, used_at) values ('hash-1', ${ORG}, 'client1', 'https://app.example/cb', ${CI}, 'consent-1', ${T},
    ${T + 60_000}, null)`.execute(db);
  await sql`insert into provider_login (org_code, login_id, ci, password_hash, phone, failures, locked_until)
    values (${ORG}, 'kim|1', ${CI}, 'argon', ${PHONE}, 0, null)`.execute(db);
  await sql`insert into provider_auth_request (id, org_code, body, expires_at)
    values ('req-1', ${ORG}, ${JSON.stringify(request)}, ${T + 600_000})`.execute(db);
}

async function migrateCoreOnly(store: Store<AuthDatabase>): Promise<void> {
  const core = { '0001_provider_auth': providerMigrations(sealer)['0001_provider_auth']! };
  await migrate(store, { namespace: PROVIDER_MIGRATION_NAMESPACE, migrations: core });
}

describeEachDialect('the provider’s sealed columns', (open) => {
  it('at rest: no CI, account number, signed consent or phone in clear in any table; all read back', async () => {
    const db = await open<AuthDatabase>();
    const consents = createMemoryConsentStore();
    const store = await sqlAuthStoreOn(db, consents, sealer);
    await store.consents.insert(consent);
    await store.pairs.insert({
      id: 'pair-1',
      orgCode: ORG,
      clientId: 'client1',
      ci: CI,
      consentId: consent.id,
      auth: 'integrated',
      grant: 'g1',
      accessJti: 'a1',
      refreshJti: 'r1',
      issuedAt: T,
      accessExpiresAt: T + 3_600_000,
      refreshExpiresAt: T + 86_400_000,
    });
    await store.codes.insert({
      codeHash: 'hash-1',
      orgCode: ORG,
      clientId: 'client1',
      redirectUri: 'https://app.example/cb',
      ci: CI,
      consentId: consent.id,
      issuedAt: T,
      expiresAt: T + 60_000,
    });
    await store.logins.put({
      orgCode: ORG,
      loginId: 'kim|1',
      ci: CI,
      passwordHash: 'argon',
      phone: PHONE,
      failures: 0,
    });
    await store.requests.put(request);

    const text = await dump(db.db);
    for (const secret of SECRETS) expect(text).not.toContain(secret);
    const fresh = createMemoryConsentStore();
    const again = await sqlAuthStoreOn(db, fresh, sealer);
    expect(fresh.get(consent.id)).toEqual(consent);
    expect((await again.pairs.live(ORG, 'client1', CI, T))?.id).toBe('pair-1');
    expect(await again.pairs.live(ORG, 'client1', `${CI}x`, T)).toBeUndefined();
    expect(await again.logins.find(ORG, 'kim|1')).toMatchObject({ ci: CI, phone: PHONE });
    expect((await again.requests.get('req-1'))?.userCi).toBe(CI);
    expect((await again.codes.consume('hash-1', T + 1))?.code.ci).toBe(CI);
  });

  it('0002 upgrades a database of 0001 in place: every clear value sealed, all read back, pairs found by CI', async () => {
    const db = await open<AuthDatabase>();
    await migrateCoreOnly(db);
    await insertClear(db.db);
    const consents = createMemoryConsentStore();
    const store = await sqlAuthStoreOn(db, consents, sealer);
    if (db.dialect === 'sqlite') {
      // The file's bytes too: no clear copy left in a free page or the WAL (secure_delete, checkpoint).
      const { rows } = await sql<{ file: string }>`select file from pragma_database_list where name = 'main'`.execute(
        db.db,
      );
      const file = rows[0]?.file ?? '';
      const bytes = Buffer.concat([await readFile(file), await readFile(`${file}-wal`).catch(() => Buffer.alloc(0))]);
      expect(bytes.length).toBeGreaterThan(0);
      for (const secret of SECRETS) expect(bytes.includes(secret)).toBe(false);
    }

    expect(consents.get('consent-1')).toEqual(consent);
    expect((await store.pairs.live(ORG, 'client1', CI, T))?.ci).toBe(CI);
    expect((await store.codes.consume('hash-1', T + 1))?.code.ci).toBe(CI);
    expect(await store.logins.find(ORG, 'kim|1')).toMatchObject({ ci: CI, phone: PHONE });
    expect(await store.requests.get('req-1')).toEqual(request);
    const text = await dump(db.db);
    for (const secret of SECRETS) expect(text).not.toContain(secret);
  });

  it('0003 upgrades a database of 0002 in place: the login phone sealed, bound to its login, read back', async () => {
    const db = await open<AuthDatabase>();
    const all = providerMigrations(sealer);
    await migrate(db, {
      namespace: PROVIDER_MIGRATION_NAMESPACE,
      migrations: {
        '0001_provider_auth': all['0001_provider_auth']!,
        '0002_provider_sealed': all['0002_provider_sealed']!,
      },
    });
    const sealedCi = sealer.seal('provider_login', 'sealed_ci', [ORG, 'kim|1'], CI);
    await sql`insert into provider_login (org_code, login_id, sealed_ci, password_hash, phone, failures, locked_until)
      values (${ORG}, 'kim|1', ${sealedCi}, 'argon', ${PHONE}, 2, null)`.execute(db.db);
    const store = await sqlAuthStoreOn(db, createMemoryConsentStore(), sealer);
    expect(await store.logins.find(ORG, 'kim|1')).toEqual({
      orgCode: ORG,
      loginId: 'kim|1',
      ci: CI,
      passwordHash: 'argon',
      phone: PHONE,
      failures: 2,
    });
    const row = await db.db.selectFrom('provider_login').selectAll().executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain('4321-8765');
    expect(() => sealer.open('provider_login', 'sealed_phone', [ORG, 'lee|2'], row.sealed_phone)).toThrow(
      /does not open/,
    );
  });

  it('another storage key opens nothing: the store refuses to load, naming the place, not the value', async () => {
    const db = await open<AuthDatabase>();
    const store = await sqlAuthStoreOn(db, createMemoryConsentStore(), sealer);
    await store.consents.insert(consent);
    const other = createColumnSealer(generateStorageKey());
    const failure = sqlAuthStoreOn(db, createMemoryConsentStore(), other);
    await expect(failure).rejects.toThrow(/provider_consent\.sealed_\w+ of row consent-1 does not open/);
    await expect(failure).rejects.not.toThrow(CI);
  });
});
