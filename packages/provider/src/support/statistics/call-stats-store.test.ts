import { describeEachDialect } from '@hannun/store/testing';
import { describe, expect, it } from 'vitest';
import type { TallyRow } from './call-tally.ts';
import type { CallStatsDatabase } from './call-stats-database.ts';
import { type CallStatsStore, createMemoryCallStatsStore } from './call-stats-store.ts';
import { sqlCallStatsStoreOn } from './sql-call-stats-store.ts';

const row = (over: Partial<TallyRow> = {}): TallyRow => ({
  orgCode: 'BKNURI0001',
  day: '20250310',
  recipientOrgCode: 'MDHANNUN01',
  clientId: 'hannunapp',
  apiCode: 'BA01',
  type: '2',
  slot: '01',
  success: 3,
  fail: 1,
  msTotal: 120,
  msSquares: 5000,
  ...over,
});

/** What every statistics store does, memory or SQL. */
function callStatsContract(make: () => Promise<CallStatsStore>) {
  it('adds counters of the same key together and keeps other keys apart', async () => {
    const store = await make();
    await store.add([row(), row({ slot: '02', success: 1, fail: 0, msTotal: 10, msSquares: 100 })]);
    await store.add([row({ success: 2, fail: 2, msTotal: 30, msSquares: 300 })]);
    const rows = await store.rows('BKNURI0001', '20250309', '20250315');
    const sorted = [...rows].sort((a, b) => a.slot.localeCompare(b.slot));
    expect(sorted).toEqual([
      row({ success: 5, fail: 3, msTotal: 150, msSquares: 5300 }),
      row({ slot: '02', success: 1, fail: 0, msTotal: 10, msSquares: 100 }),
    ]);
  });

  it('answers the days asked for, of the institution asked for', async () => {
    const store = await make();
    await store.add([row({ day: '20250308' }), row({ day: '20250316' }), row({ orgCode: 'BKOTHER001' })]);
    expect(await store.rows('BKNURI0001', '20250309', '20250315')).toEqual([]);
    expect((await store.rows('BKNURI0001', '20250308', '20250316')).map((r) => r.day).sort()).toEqual([
      '20250308',
      '20250316',
    ]);
  });

  it('keeps the first start of recording, and which weeks were sent', async () => {
    const store = await make();
    await store.markRecording(['BKNURI0001'], 1000);
    await store.markRecording(['BKNURI0001', 'CDNURI0001'], 2000);
    expect(await store.recordingSince('BKNURI0001')).toBe(1000);
    expect(await store.recordingSince('CDNURI0001')).toBe(2000);
    expect(await store.recordingSince('ISDEUNDN01')).toBeUndefined();
    expect(await store.sent('BKNURI0001', '20250316', '1')).toBeUndefined();
    await store.markSent({ orgCode: 'BKNURI0001', inquiryDate: '20250316', type: '1', sentMs: 5 });
    await store.markSent({ orgCode: 'BKNURI0001', inquiryDate: '20250316', type: '1', sentMs: 7 });
    expect(await store.sent('BKNURI0001', '20250316', '1')).toEqual({
      orgCode: 'BKNURI0001',
      inquiryDate: '20250316',
      type: '1',
      sentMs: 7,
    });
    expect(await store.sent('BKNURI0001', '20250316', '2')).toBeUndefined();
  });
}

describe('CallStatsStore in memory', () => {
  callStatsContract(async () => createMemoryCallStatsStore());
});

describeEachDialect('CallStatsStore on SQL (namespace provider_stats)', (open) => {
  callStatsContract(async () => sqlCallStatsStoreOn(await open<CallStatsDatabase>()));
});
