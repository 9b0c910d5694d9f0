import { describeEachDialect } from '@hannun/store/testing';
import { expect, it } from 'vitest';
import { newCi, openTestDomain, T0 } from '../testing/operator-test-kit.ts';
import { AuditLog } from './audit-log.ts';
import { pruneRecords, recordsCutoff } from './retention.ts';
import { recordTransmission, transmissions } from './transmission-records.ts';

const TRAN = 'MDHANNUN01M00000000000001';

describeEachDialect('records: transmission records, hash-chained audit log, retention', (open, { openAgain }) => {
  it('AC: the audit chain verifies, and a changed entry is found', async () => {
    const d = await openTestDomain(open);
    for (let i = 0; i < 5; i++)
      await d.audit.appendNow(d.store, { actor: 'system', action: 'test.step', details: { i } });
    expect(await d.audit.verify(d.store.db)).toEqual({ ok: true, entries: 5, head: await d.audit.head(d.store.db) });
    await d.store.db
      .updateTable('op_audit')
      .set({ details: JSON.stringify({ i: 99 }) })
      .where('seq', '=', 3)
      .execute();
    expect(await d.audit.verify(d.store.db)).toEqual({ ok: false, seq: 3, problem: 'changed' });
  });

  it('AC: a deleted entry is found, in the middle and at the end', async () => {
    const d = await openTestDomain(open);
    for (let i = 0; i < 4; i++)
      await d.audit.appendNow(d.store, { actor: 'system', action: 'test.step', details: { i } });
    await d.store.db.deleteFrom('op_audit').where('seq', '=', 4).execute();
    expect(await d.audit.verify(d.store.db)).toEqual({ ok: false, seq: 4, problem: 'head' });
    await d.store.db.deleteFrom('op_audit').where('seq', '=', 2).execute();
    expect(await d.audit.verify(d.store.db)).toEqual({ ok: false, seq: 3, problem: 'deleted' });
  });

  it('AC: a recomputed-but-reordered chain (swapped content) is found', async () => {
    const d = await openTestDomain(open);
    for (const a of ['a.one', 'a.two']) await d.audit.appendNow(d.store, { actor: 'system', action: a });
    const rows = await d.store.db.selectFrom('op_audit').selectAll().orderBy('seq').execute();
    await d.store.db.updateTable('op_audit').set({ action: rows[1]!.action }).where('seq', '=', 1).execute();
    expect((await d.audit.verify(d.store.db)).ok).toBe(false);
  });

  it('AC: personal data is redacted before it is written (CI, account and card numbers, tokens, a known name)', async () => {
    const d = await openTestDomain(open);
    const ci = newCi();
    const entry = await d.audit.appendNow(d.store, {
      actor: 'system',
      action: 'test.redact',
      details: {
        ci,
        account_num: '1002123456789',
        note: `김한눈 이체 110-123-456789 카드 4111 1111 1111 1111 Bearer eyJhbGciOiJIUzI1NiJ9.eyJqdGkiOiIxIn0.abcd`,
        nested: { refresh_token: 'rt-123', org_code: 'BKTESTAA01' },
      },
      knownPersonal: ['김한눈'],
    });
    const stored = await d.store.db
      .selectFrom('op_audit')
      .select('details')
      .where('seq', '=', entry.seq)
      .executeTakeFirstOrThrow();
    for (const s of [
      ci,
      '1002123456789',
      '김한눈',
      '110-123-456789',
      '4111 1111 1111 1111',
      'eyJhbGciOiJIUzI1NiJ9',
      'rt-123',
    ]) {
      expect(stored.details).not.toContain(s);
    }
    expect(stored.details).toContain('BKTESTAA01');
    expect((await d.audit.verify(d.store.db)).ok).toBe(true);
  });

  it('concurrent appends from two connections keep one unbroken chain', async () => {
    const d = await openTestDomain(open);
    const other = await openAgain(d.store);
    const audit2 = new AuditLog({ dialect: other.dialect, clock: d.clock });
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        i % 2 === 0
          ? d.audit.appendNow(d.store, { actor: 'a', action: 'race', details: { i } })
          : audit2.appendNow(other, { actor: 'b', action: 'race', details: { i } }),
      ),
    );
    expect(await d.audit.verify(d.store.db)).toMatchObject({ ok: true, entries: 20 });
  });

  it('AC: transmission records keep institution, API ID, x-api-type, tran id, time, result code and row counts', async () => {
    const d = await openTestDomain(open);
    await recordTransmission(d.store.db, {
      personRef: 'p_x',
      orgCode: 'BKTESTAA01',
      apiId: '은행-004',
      apiType: 'scheduled',
      tranId: TRAN,
      requestedAt: T0,
      durationMs: 120,
      httpStatus: 200,
      rspCode: '00000',
      rowsReceived: 37,
      rowsStored: 35,
    });
    const [r] = await transmissions(d.store.db, { from: T0, to: T0 + 1 });
    expect(r).toMatchObject({
      orgCode: 'BKTESTAA01',
      apiId: '은행-004',
      apiType: 'scheduled',
      tranId: TRAN,
      rspCode: '00000',
      rowsReceived: 37,
      rowsStored: 35,
      failure: null,
    });
  });

  it.each([
    ['orgCode', { orgCode: 'bad' }],
    ['apiId', { apiId: '은행-999' }],
    ['tranId', { tranId: 'x' }],
    ['apiType', { apiType: 'sometimes' }],
    ['rowsStored', { rowsStored: -1 }],
    ['failure', { failure: 'a message with 1002123456789 in it' }],
  ])('a malformed transmission record names %s and writes nothing', async (field, change) => {
    const d = await openTestDomain(open);
    const base = {
      orgCode: 'BKTESTAA01',
      apiId: '은행-001',
      tranId: TRAN,
      requestedAt: T0,
      durationMs: 1,
      rowsReceived: 0,
      rowsStored: 0,
    };
    await expect(recordTransmission(d.store.db, { ...base, ...change })).rejects.toMatchObject({
      code: 'OP_INVALID_INPUT',
      field,
    });
    expect(await transmissions(d.store.db, { from: 0, to: Number.MAX_SAFE_INTEGER })).toEqual([]);
  });

  it('AC: records are kept 3 years; pruning older ones keeps the rest of the chain verifiable', async () => {
    const d = await openTestDomain(open);
    const year = 365 * 24 * 60 * 60_000;
    const base = {
      orgCode: 'BKTESTAA01',
      apiId: '은행-001',
      tranId: TRAN,
      durationMs: 1,
      rowsReceived: 0,
      rowsStored: 0,
    };
    await recordTransmission(d.store.db, { ...base, requestedAt: T0 });
    await recordTransmission(d.store.db, { ...base, requestedAt: T0 + 2 * year });
    await d.audit.appendNow(d.store, { actor: 'system', action: 'old.one' });
    await d.audit.appendNow(d.store, { actor: 'system', action: 'old.two' });
    d.clock.set(T0 + 2 * year);
    await d.audit.appendNow(d.store, { actor: 'system', action: 'recent' });
    // Just under three years: nothing goes.
    expect(await pruneRecords(d.store, T0 + 3 * year - 2 * 24 * 60 * 60_000)).toEqual({
      transmissions: 0,
      auditEntries: 0,
    });
    const now = T0 + 3 * year + 2 * 24 * 60 * 60_000;
    expect(recordsCutoff(now)).toBeGreaterThan(T0);
    expect(await pruneRecords(d.store, now)).toEqual({ transmissions: 1, auditEntries: 2 });
    expect(await d.audit.verify(d.store.db)).toMatchObject({ ok: true, entries: 1 });
    expect((await transmissions(d.store.db, { from: 0, to: Number.MAX_SAFE_INTEGER })).length).toBe(1);
    // Deleting the first kept entry is still found.
    await d.store.db.deleteFrom('op_audit').where('seq', '=', 3).execute();
    expect((await d.audit.verify(d.store.db)).ok).toBe(false);
  });
});
