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
    expect(await migrateCaStore(store, sealer)).toEqual(['0001_ca_core', '0002_ca_sealed', '0003_ca_person_sealed']);
    expect(await migrateCaStore(store, sealer)).toEqual([]);
  });

  it('at rest: CI, name, phone, birth date and signed consents are sealed; CI and phone found by blind index', async () => {
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
    for (const clear of [p.ci, p.name, p.phone, p.birthDate]) expect(JSON.stringify(row)).not.toContain(clear);
    expect(row.ci_index).toBe(sealer.index('ci', p.ci));
    expect(row.phone_index).toBe(sealer.index('phone', p.phone));
    expect(await repo.personById(p.id)).toEqual(p);
    expect((await repo.peopleByPhone('010-1234-5678')).map((q) => q.id)).toContain(p.id);
    const sig = await store.db.selectFrom('ca_signature').selectAll().executeTakeFirstOrThrow();
    expect(sig.sealed_signed_consent).not.toContain(JWS.slice(0, 40));
    expect((await repo.verificationSubject(tx.certTxId, txId))?.signedConsent).toBe(JWS);
    expect((await repo.verificationSubject(tx.certTxId, txId))?.person.ci).toBe(p.ci);
    // Another storage key neither finds the person nor opens the values.
    const stranger = sqlCaRepository(store, createColumnSealer(generateStorageKey()));
    expect(await stranger.personByCi(p.ci)).toBeUndefined();
    await expect(stranger.personById(p.id)).rejects.toThrow(/ca_person\.sealed_ci of row .* does not open/);
  });

  it('0002 and 0003 upgrade a database of 0001 in place: all personal data sealed, lookups by CI and phone work', async () => {
    const store = await open<CaDatabase>();
    const core = { '0001_ca_core': caMigrations(sealer)['0001_ca_core']! };
    await migrate(store, { namespace: CA_MIGRATION_NAMESPACE, migrations: core });
    const p = personRecord();
    const tx = signTransaction(p.id);
    const txId = tx.consents[1]!.txId;
    await insertClear(store.db, p.id, p.ci, p.certSerial, tx.certTxId, txId);

    expect(await migrateCaStore(store, sealer)).toEqual(['0002_ca_sealed', '0003_ca_person_sealed']);
    const repo = sqlCaRepository(store, sealer);
    expect((await repo.personByCi(p.ci))?.id).toBe(p.id);
    expect(await repo.personById(p.id)).toMatchObject({ name: CLEAR.name, phone: CLEAR.phone, birthDate: CLEAR.birth });
    expect((await repo.peopleByPhone(CLEAR.phone)).map((q) => q.id)).toEqual([p.id]);
    expect((await repo.signatures(tx.certTxId, txId)).map((s) => s.signedConsent)).toEqual([JWS]);
    const dump = JSON.stringify([
      await store.db.selectFrom('ca_person').selectAll().execute(),
      await store.db.selectFrom('ca_signature').selectAll().execute(),
    ]);
    for (const clear of [p.ci, JWS.slice(0, 40), CLEAR.name, CLEAR.phone, CLEAR.birth])
      expect(dump).not.toContain(clear);
    // The CI stays unique, now through its index.
    expect(await repo.addPerson(personRecord({ ci: p.ci }))).toBe('duplicate');
  });

  it('0003 upgrades a database of 0002 in place: name, phone and birth date sealed, people found by phone', async () => {
    const store = await open<CaDatabase>();
    const all = caMigrations(sealer);
    const upTo0002 = { '0001_ca_core': all['0001_ca_core']!, '0002_ca_sealed': all['0002_ca_sealed']! };
    await migrate(store, { namespace: CA_MIGRATION_NAMESPACE, migrations: upTo0002 });
    const p = personRecord({ phone: '01055557777', name: '박영희', birthDate: '19850315' });
    await sql`insert into ca_person (id, sealed_ci, ci_index, name, phone, birth_date, pin_hash, failed_pin_attempts,
      locked_until, sealed_key, cert_pem, cert_serial, created_at)
      values (${p.id}, ${sealer.seal('ca_person', 'sealed_ci', p.id, p.ci)}, ${sealer.index('ci', p.ci)}, ${p.name},
      ${p.phone}, ${p.birthDate}, ${p.pinHash}, 0, null, ${p.sealedKey}, ${p.certPem}, ${p.certSerial},
      ${p.createdAt})`.execute(store.db);

    expect(await migrateCaStore(store, sealer)).toEqual(['0003_ca_person_sealed']);
    const repo = sqlCaRepository(store, sealer);
    expect(await repo.personById(p.id)).toEqual(p);
    expect((await repo.peopleByPhone('010-5555-7777')).map((q) => q.id)).toEqual([p.id]);
    expect(await repo.peopleByPhone('01055557778')).toEqual([]);
    const dump = JSON.stringify(await store.db.selectFrom('ca_person').selectAll().execute());
    for (const clear of [p.ci, p.name, p.phone, p.birthDate]) expect(dump).not.toContain(clear);
    // Bound to its row: a sealed phone copied to another person does not open there.
    const row = await store.db.selectFrom('ca_person').selectAll().executeTakeFirstOrThrow();
    expect(() => sealer.open('ca_person', 'sealed_phone', 'someone-else', row.sealed_phone)).toThrow(/does not open/);
  });
});

/** What insertClear stores in clear for the person besides the CI. */
const CLEAR = { name: '김한눈', phone: '01012345678', birth: '19900101' } as const;

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
    values (${personId}, ${ci}, ${CLEAR.name}, ${CLEAR.phone}, ${CLEAR.birth}, 'h', 0, null, 'k', 'pem', ${serial}, 1)`.execute(
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

  it('keeps no clear copy of a sealed CI, phone, name or signed consent in its bytes (secure_delete, WAL emptied)', async () => {
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
    expect(before.includes(CLEAR.phone)).toBe(true);
    expect(before.includes(CLEAR.name)).toBe(true);

    const repo = await openSqlCaRepository({ url, storageKey });
    try {
      expect((await repo.personByCi(ci))?.id).toBe('person-up');
      const bytes = Buffer.concat(
        await Promise.all(['ca.db', 'ca.db-wal'].map((f) => readFile(join(dir, f)).catch(() => Buffer.alloc(0)))),
      );
      expect(bytes.includes(ci)).toBe(false);
      expect(bytes.includes(CLEAR.phone)).toBe(false);
      expect(bytes.includes(CLEAR.name)).toBe(false);
      expect((await repo.peopleByPhone(CLEAR.phone)).map((p) => p.id)).toEqual(['person-up']);
      expect(bytes.includes(JWS.slice(0, 60))).toBe(false);
    } finally {
      await repo.close();
    }
  });
});
