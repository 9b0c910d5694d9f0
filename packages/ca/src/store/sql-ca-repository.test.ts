import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createColumnSealer, generateStorageKey } from '@hannun/pki';
import { type Kysely, migrate, openStore, sql } from '@hannun/store';
import { describeEachDialect } from '@hannun/store/testing';
import { afterAll, describe, expect, it } from 'vitest';
import type { CaDatabase } from './ca-database.ts';
import { CA_MIGRATION_NAMESPACE, caMigrations } from './ca-migrations.ts';
import { caRepositoryContract, personRecord, signTransaction } from './ca-repository.contract.ts';
import { migrateCaStore, openSqlCaRepository, sqlCaRepository } from './sql-ca-repository.ts';

const sealer = createColumnSealer(generateStorageKey());
const JWS = `eyJhbGciOiJFUzI1NiJ9.${'e'.repeat(2000)}.sig`;

describeEachDialect('CaRepository contract [sql]', (open) => {
  caRepositoryContract(async () => {
    const store = await open<CaDatabase>();
    await migrateCaStore(store, sealer);
    return sqlCaRepository(store, sealer);
  });

  it('migrations: the ca namespace applies once; a second run applies nothing', async () => {
    const store = await open<CaDatabase>();
    expect(await migrateCaStore(store, sealer)).toEqual(['0001_ca_core', '0002_ca_sealed']);
    expect(await migrateCaStore(store, sealer)).toEqual([]);
  });

  it('at rest: the CI and signed consents are sealed, the CI found through its blind index', async () => {
    const store = await open<CaDatabase>();
    await migrateCaStore(store, sealer);
    const repo = sqlCaRepository(store, sealer);
    const p = personRecord();
    await repo.addPerson(p);
    const tx = signTransaction(p.id);
    await repo.addTransaction(tx);
    const txId = tx.consents[0]!.txId;
    expect(await repo.approve(tx.certTxId, [{ txId, signedConsent: JWS, signedAt: 1 }], tx.createdAt + 1)).toBe(true);

    const row = await store.db.selectFrom('ca_person').selectAll().where('id', '=', p.id).executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(p.ci);
    expect(row.ci_index).toBe(sealer.index('ci', p.ci));
    const sig = await store.db.selectFrom('ca_signature').selectAll().executeTakeFirstOrThrow();
    expect(sig.sealed_signed_consent).not.toContain(JWS.slice(0, 40));
    expect((await repo.verificationSubject(tx.certTxId, txId))?.signedConsent).toBe(JWS);
    expect((await repo.verificationSubject(tx.certTxId, txId))?.person.ci).toBe(p.ci);
    // Another storage key neither finds the person nor opens the values.
    const stranger = sqlCaRepository(store, createColumnSealer(generateStorageKey()));
    expect(await stranger.personByCi(p.ci)).toBeUndefined();
    await expect(stranger.personById(p.id)).rejects.toThrow(/ca_person\.sealed_ci of row .* does not open/);
  });

  it('0002 upgrades a database of 0001 in place: clear CIs and signed consents sealed, lookups by CI work', async () => {
    const store = await open<CaDatabase>();
    const core = { '0001_ca_core': caMigrations(sealer)['0001_ca_core']! };
    await migrate(store, { namespace: CA_MIGRATION_NAMESPACE, migrations: core });
    const p = personRecord();
    const tx = signTransaction(p.id);
    const txId = tx.consents[1]!.txId;
    await insertClear(store.db, p.id, p.ci, p.certSerial, tx.certTxId, txId);

    expect(await migrateCaStore(store, sealer)).toEqual(['0002_ca_sealed']);
    const repo = sqlCaRepository(store, sealer);
    expect((await repo.personByCi(p.ci))?.id).toBe(p.id);
    expect((await repo.signatures(tx.certTxId, txId)).map((s) => s.signedConsent)).toEqual([JWS]);
    const dump = JSON.stringify([
      await store.db.selectFrom('ca_person').selectAll().execute(),
      await store.db.selectFrom('ca_signature').selectAll().execute(),
    ]);
    expect(dump).not.toContain(p.ci);
    expect(dump).not.toContain(JWS.slice(0, 40));
    // The CI stays unique, now through its index.
    expect(await repo.addPerson(personRecord({ ci: p.ci }))).toBe('duplicate');
  });
});

/** A person and one signature as 0001 stored them (in clear). */
async function insertClear(
  db: Kysely<CaDatabase>,
  personId: string,
  ci: string,
  serial: string,
  certTxId: string,
  txId: string,
): Promise<void> {
  await sql`insert into ca_person (id, ci, name, phone, birth_date, pin_hash, failed_pin_attempts, locked_until,
    sealed_key, cert_pem, cert_serial, created_at)
    values (${personId}, ${ci}, '김한눈', '01012345678', '19900101', 'h', 0, null, 'k', 'pem', ${serial}, 1)`.execute(
    db,
  );
  await sql`insert into ca_sign_tx (cert_tx_id, sign_tx_id, operator_org_code, person_id, request_title, device_code,
    device_browser, return_app_scheme_url, consent_type, csrf_token, status, created_at, expires_at, decided_at)
    values (${certTxId}, 's1', 'MDHANNUN01', ${personId}, 't', 'PC', 'WB', null, '0', 'c', 'approved', 1, 2, 1)`.execute(
    db,
  );
  await sql`insert into ca_signature (cert_tx_id, tx_id, signed_consent, signed_at)
    values (${certTxId}, ${txId}, ${JWS}, 1)`.execute(db);
}

describe('an upgraded SQLite file', () => {
  const dirs: string[] = [];
  afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

  it('keeps no clear copy of a sealed CI or signed consent in its bytes (secure_delete, WAL emptied)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hannun-ca-upgrade-'));
    dirs.push(dir);
    const url = `sqlite:${join(dir, 'ca.db')}`;
    const storageKey = generateStorageKey();
    const old = await openStore<CaDatabase>({ url });
    await migrate(old, {
      namespace: CA_MIGRATION_NAMESPACE,
      migrations: { '0001_ca_core': caMigrations(sealer)['0001_ca_core']! },
    });
    const ci = `CIupgrade${'Q'.repeat(78)}==`;
    await insertClear(old.db, 'person-up', ci, 'SERIALUP', 'c'.repeat(40), 'MD_tx_up');
    await old.close();
    const before = await readFile(join(dir, 'ca.db'));
    expect(before.includes(ci)).toBe(true);

    const repo = await openSqlCaRepository({ url, storageKey });
    try {
      expect((await repo.personByCi(ci))?.id).toBe('person-up');
      const bytes = Buffer.concat(
        await Promise.all(['ca.db', 'ca.db-wal'].map((f) => readFile(join(dir, f)).catch(() => Buffer.alloc(0)))),
      );
      expect(bytes.includes(ci)).toBe(false);
      expect(bytes.includes(JWS.slice(0, 60))).toBe(false);
    } finally {
      await repo.close();
    }
  });
});
