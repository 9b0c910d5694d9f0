import { existsSync, readFileSync } from 'node:fs';
import { apiById } from '@hannun/spec';
import { type Kysely, sql, type StoreDialect } from '@hannun/store';
import { describeEachDialect } from '@hannun/store/testing';
import { expect, it } from 'vitest';
import { DataKeyMissing } from '../crypto/crypto-errors.ts';
import { createOperatorCrypto } from '../crypto/operator-crypto.ts';
import { recordTransmission } from '../records/transmission-records.ts';
import type { OperatorDatabase } from '../schema/operator-database.ts';
import { addKstMonths } from '../time/kst.ts';
import {
  bankDraft,
  DAY,
  openTestDomain,
  SERVICE_CLIENT_ID,
  signUpInput,
  T0,
  tokenPair,
  type TestDomain,
} from '../testing/operator-test-kit.ts';
import { sampleAnswer } from '../testing/sample-answer.ts';
import { PERSON_TABLES, RETAINED_TABLES } from './person-tables.ts';

const FLAGS = { transMemo: true, merchantNameRegno: true, transCategory: true };

async function tableNames(db: Kysely<OperatorDatabase>, dialect: StoreDialect): Promise<string[]> {
  const r =
    dialect === 'sqlite'
      ? await sql<{
          name: string;
        }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(db)
      : await sql<{
          name: string;
        }>`select table_name as name from information_schema.tables where table_schema = current_schema()`.execute(db);
  return r.rows.map((x) => x.name).sort();
}

async function columnsOf(db: Kysely<OperatorDatabase>, dialect: StoreDialect, table: string): Promise<string[]> {
  const r =
    dialect === 'sqlite'
      ? await sql<{ name: string }>`select name from pragma_table_info(${table})`.execute(db)
      : await sql<{
          name: string;
        }>`select column_name as name from information_schema.columns where table_schema = current_schema() and table_name = ${table}`.execute(
          db,
        );
  return r.rows.map((x) => x.name);
}

/** A person with everything: login, session, second factor, consents, tokens, assets, transactions, records. */
async function fullLife(d: TestDomain, who: { name: string; account: string; card: string; memo: string }) {
  const input = signUpInput({ name: who.name });
  const { personId } = await d.people.signUp(input);
  const login = await d.people.login({ loginName: input.loginName, password: input.password, source: '198.51.100.4' });
  await d.people.login({ loginName: input.loginName, password: 'wrong password!', source: '198.51.100.4' });
  await d.people.beginTotp(personId);
  const bank = await d.consents.propose(
    personId,
    bankDraft('BKTESTAA01', { assets: [{ api: '은행-001', key: { account_num: who.account, seqno: '1' } }] }),
  );
  const tokens = tokenPair('BKTESTAA01');
  await d.vault.put(personId, { ...tokens, consentId: bank.id });
  await d.consents.activate(personId, bank.id);
  await d.consents.recordSignature(
    personId,
    (await d.consents.propose(personId, bankDraft('BKTESTBB01'))).id,
    'signed.jws.value',
  );
  const base = { personId, apiType: 'user-consent' as const, collectedAt: T0, flags: FLAGS };
  const accounts = await d.data.store({
    ...base,
    orgCode: 'BKTESTAA01',
    apiId: '은행-001',
    body: sampleAnswer(apiById('은행-001').response, { account_num: who.account }),
  });
  await d.data.store({
    ...base,
    orgCode: 'BKTESTAA01',
    apiId: '은행-004',
    assetId: accounts.assets![0]!.id,
    body: sampleAnswer(apiById('은행-004').response, { trans_memo: who.memo, trans_no: '1' }),
  });
  await d.data.store({
    ...base,
    orgCode: 'BKTESTAA01',
    apiId: '은행-002',
    assetId: accounts.assets![0]!.id,
    body: sampleAnswer(apiById('은행-002').response, { holder_name: who.name }),
  });
  const cards = await d.data.store({
    ...base,
    orgCode: 'CDTESTAA01',
    apiId: '카드-001',
    body: sampleAnswer(apiById('카드-001').response, { card_num: who.card }),
  });
  await d.data.store({
    ...base,
    orgCode: 'CDTESTAA01',
    apiId: '카드-008',
    assetId: cards.assets![0]!.id,
    body: sampleAnswer(apiById('카드-008').response),
  });
  await recordTransmission(d.store.db, {
    personRef: personId,
    consentId: bank.id,
    orgCode: 'BKTESTAA01',
    apiId: '은행-004',
    apiType: 'user-consent',
    tranId: 'MDHANNUN01M00000000000001',
    requestedAt: T0,
    durationMs: 10,
    rowsReceived: 1,
    rowsStored: 1,
  });
  if (!login.ok) throw new Error('login failed');
  return { personId, input, tokens, sessionId: login.session.id.reveal() };
}

describeEachDialect('leave: leaving deletes everything at once and shreds the data key', (open, { dialect }) => {
  it('AC: after leaving, no row of the person remains in any table and no readable byte of their data remains', async () => {
    const d = await openTestDomain(open);
    const who = {
      name: '탈퇴할사람',
      account: '3333012345678',
      card: '5555444433332222',
      memo: '탈퇴할사람 월세 메모',
    };
    const leaver = await fullLife(d, who);
    const stayer = await fullLife(d, {
      name: '남을사람',
      account: '4444012345678',
      card: '4111111111111111',
      memo: '남을사람 메모',
    });
    const db = d.store.db;
    const nameSealed = (
      await db.selectFrom('op_person').select('name_sealed').where('id', '=', leaver.personId).executeTakeFirstOrThrow()
    ).name_sealed;
    const wrapped = (
      await db
        .selectFrom('op_person_key')
        .select('wrapped_key')
        .where('person_id', '=', leaver.personId)
        .executeTakeFirstOrThrow()
    ).wrapped_key;
    const secrets = [
      leaver.input.ci,
      who.name,
      who.account,
      who.card,
      who.memo,
      leaver.input.loginName,
      leaver.input.password,
      leaver.tokens.accessToken,
      leaver.tokens.refreshToken,
    ];

    // The tables that hold people are exactly the ones leaving deletes from (a new table cannot be forgotten).
    const tables = await tableNames(db, dialect);
    const withPerson: string[] = [];
    const withRef: string[] = [];
    for (const t of tables) {
      const cols = await columnsOf(db, dialect, t);
      if (cols.includes('person_id') || t === 'op_person') withPerson.push(t);
      if (cols.includes('person_ref')) withRef.push(t);
    }
    expect(withPerson.sort()).toEqual([...PERSON_TABLES].sort());
    for (const t of withRef) expect(RETAINED_TABLES).toContain(t);

    const report = await d.leave.leave(leaver.personId);
    expect(report.deleted.op_person).toBe(1);
    expect(report.deleted.op_person_key).toBe(1);
    expect(report.deleted.op_m_deposit_tx).toBe(1);
    expect(report.followUps.map((f) => [f.kind, f.orgCode])).toEqual([
      ['revoke-tokens', 'BKTESTAA01'],
      ['stop-jobs', 'BKTESTAA01'],
    ]);

    // No row of the person in any table that holds people.
    for (const t of PERSON_TABLES) {
      const key = t === 'op_person' ? 'id' : 'person_id';
      const r = await sql<{
        n: number;
      }>`select count(*) as n from ${sql.table(t)} where ${sql.ref(key)} = ${leaver.personId}`.execute(db);
      expect(Number(r.rows[0]?.n), t).toBe(0);
    }
    // No readable byte: every table, every row, every column, for the CI, name, numbers, memo, login, tokens.
    for (const t of tables) {
      const rows = await sql<Record<string, unknown>>`select * from ${sql.table(t)}`.execute(db);
      const text = JSON.stringify(rows.rows);
      for (const s of secrets) expect(text.includes(s), `${t} holds a value of the person who left`).toBe(false);
      expect(text.includes(nameSealed), `${t} holds a sealed value of the person who left`).toBe(false);
    }
    // Crypto-shredding: a copy of a sealed value (a backup) no longer opens, even in a fresh process.
    await expect(createOperatorCrypto(d.keyRing).cipherFor(db, leaver.personId)).rejects.toBeInstanceOf(DataKeyMissing);
    expect(await d.people.sessions.resolve(db, leaver.sessionId, T0)).toBeUndefined();
    // The revocation can still be done at the provider, and then nothing of the tokens remains either.
    const revoke = report.followUps[0]!;
    expect((await d.consents.followUps.revocationTokens(db, revoke.id))?.refreshToken?.reveal()).toBe(
      leaver.tokens.refreshToken,
    );
    await d.consents.followUps.complete(db, revoke.id, T0);
    expect(await d.consents.followUps.revocationTokens(db, revoke.id)).toBeUndefined();

    // Everyone else is untouched.
    expect((await d.people.profile(stayer.personId))?.name).toBe('남을사람');
    expect(await d.data.rows(stayer.personId, 'op_m_deposit_tx')).toHaveLength(1);
    expect((await d.vault.get(stayer.personId, SERVICE_CLIENT_ID, 'BKTESTAA01'))?.refreshToken?.reveal()).toBe(
      stayer.tokens.refreshToken,
    );
    // The destruction is recorded, and the chain holds.
    expect((await d.audit.verify(db)).ok).toBe(true);
    const last = (await d.audit.entries(db, { subject: leaver.personId })).at(-1);
    expect(last).toMatchObject({ action: 'person.leave', details: { data_keys_destroyed: 1 } });

    if (dialect === 'sqlite') {
      // The file itself: after the checkpoint, neither the main file nor the WAL holds any of it.
      expect(report.walTruncated).toBe(true);
      const file = (await sql<{ file: string }>`select file from pragma_database_list where name = 'main'`.execute(db))
        .rows[0]!.file;
      const bytes = Buffer.concat([
        readFileSync(file),
        existsSync(`${file}-wal`) ? readFileSync(`${file}-wal`) : Buffer.alloc(0),
      ]);
      for (const s of [...secrets, nameSealed, wrapped]) {
        expect(
          bytes.includes(Buffer.from(s, 'utf8')),
          `the database file holds ${s === wrapped ? 'the wrapped key' : 'a value'} of the person who left`,
        ).toBe(false);
      }
      // The other person's sealed values are there (the scan can find what exists).
      const stayerKey = (
        await db
          .selectFrom('op_person_key')
          .select('wrapped_key')
          .where('person_id', '=', stayer.personId)
          .executeTakeFirstOrThrow()
      ).wrapped_key;
      await sql`pragma wal_checkpoint(TRUNCATE)`.execute(db);
      expect(readFileSync(file).includes(Buffer.from(stayerKey, 'utf8'))).toBe(true);
    }
  });

  it('leaving twice, or someone who never joined: a clear error, nothing changed', async () => {
    const d = await openTestDomain(open);
    const { personId } = await d.people.signUp(signUpInput());
    await d.leave.leave(personId);
    await expect(d.leave.leave(personId)).rejects.toMatchObject({ code: 'OP_NOT_FOUND' });
  });

  it('AC (MyData 2.0): a year without login deletes the person (as leaving, reason inactive); others stay', async () => {
    const d = await openTestDomain(open);
    const idle = (await d.people.signUp(signUpInput())).personId;
    await d.consents.activate(idle, (await d.consents.propose(idle, bankDraft())).id);
    d.clock.set(T0 + 200 * DAY);
    const active = signUpInput();
    const seen = (await d.people.signUp(active)).personId;
    d.clock.set(addKstMonths(T0, 12) - 1);
    expect(await d.leave.purgeInactive()).toEqual([]);
    d.clock.set(addKstMonths(T0, 12));
    const purged = await d.leave.purgeInactive();
    expect(purged.map((r) => r.personId)).toEqual([idle]);
    expect(await d.people.profile(idle)).toBeUndefined();
    expect(await d.people.profile(seen)).toBeDefined();
    const entry = (await d.audit.entries(d.store.db, { subject: idle })).at(-1);
    expect(entry).toMatchObject({ actor: 'system', action: 'person.delete-inactive' });
  });
});
