import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import type { Row } from '../ledger.ts';
import { customerBooks, holdingsFor, NOW, num, period, plan, sampleLedger } from '../testing/sample-ledger.ts';

const ledger = sampleLedger(24);
const FULL = period('2024-12-01', '2026-03-15');

/** Every bank deposit-type account of the sample with its customer book. */
function deposits() {
  const out: { cb: ReturnType<typeof bankBooks>[number]; h: ReturnType<typeof holdingsFor>[number] }[] = [];
  for (const cb of bankBooks())
    for (const h of holdingsFor(cb, '은행-004')) if (h.scope === 'bank.deposit') out.push({ cb, h });
  return out;
}

function bankBooks() {
  return [...customerBooks(ledger)].filter(([org]) => org.startsWith('BK')).map(([, cb]) => cb);
}

describe('은행-004 수신계좌 거래내역: data invariants', () => {
  it('each balance_amt is the previous balance plus trans_amt, over the whole history', () => {
    let checked = 0;
    for (const { cb, h } of deposits()) {
      const items = [...cb.series('은행-004', h, { request: FULL, now: NOW })].reverse();
      for (let i = 1; i < items.length; i++) {
        const prev = items[i - 1] as Row;
        const cur = items[i] as Row;
        expect(num(cur['balance_amt'])).toBeCloseTo(num(prev['balance_amt']) + num(cur['trans_amt']), 2);
        expect(
          Temporal.PlainDateTime.compare(
            prev['trans_dtime'] as Temporal.PlainDateTime,
            cur['trans_dtime'] as Temporal.PlainDateTime,
          ),
        ).toBeLessThanOrEqual(0);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it('a debit has trans_type 01 and a credit 02, and KRW amounts are whole won', () => {
    for (const { cb, h } of deposits().slice(0, 30)) {
      for (const tx of cb.series('은행-004', h, { request: FULL, now: NOW })) {
        expect(tx['trans_type']).toBe(num(tx['trans_amt']) < 0 ? '01' : '02');
        if (tx['currency_code'] === 'KRW') expect(Number.isInteger(num(tx['trans_amt']))).toBe(true);
        else expect(String(tx['trans_amt'])).toMatch(/^-?\d+(\.\d{1,2})?$/);
      }
    }
  });

  it('no balance falls below what the account allows (zero, or the 마이너스통장 limit)', () => {
    for (const { cb, h } of deposits()) {
      const slot = plan(ledger, cb.ci).slots.find((s) => 'accountNum' in s && s.accountNum === h.key['account_num']);
      const floor = slot?.kind === 'deposit' ? -slot.minusLimit : 0;
      for (const tx of cb.series('은행-004', h, { request: FULL, now: NOW }))
        expect(num(tx['balance_amt'])).toBeGreaterThanOrEqual(floor);
    }
  });

  it('property: at any moment, 은행-003 balance_amt equals the last transaction balance_amt up to then, and nothing is after it', () => {
    const all = deposits();
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: all.length - 1 }),
        fc.integer({ min: 0, max: 430 * 24 * 60 - 1 }),
        (i, minutes) => {
          const { cb, h } = all[i] as (typeof all)[number];
          const now = Temporal.PlainDateTime.from('2025-01-01T00:00').add({ minutes });
          const detail = cb.snapshot('은행-003', h, { request: {}, now });
          // Absent only before the opening (which may be later on the same day).
          if (!detail) return h.openedOn.toString() >= now.toPlainDate().toString();
          const balance = num((detail.body['detail_list'] as Row[])[0]?.['balance_amt']);
          const items = cb.series('은행-004', h, { request: period('2024-12-01', now.toPlainDate().toString()), now });
          for (const tx of items)
            expect(
              Temporal.PlainDateTime.compare(tx['trans_dtime'] as Temporal.PlainDateTime, now),
            ).toBeLessThanOrEqual(0);
          const last = items[0];
          if (last) expect(balance).toBeCloseTo(num(last['balance_amt']), 2);
          return true;
        },
      ),
      { numRuns: 60 },
    );
  });

  it('changedAt of 은행-003 moves exactly when a transaction happens', () => {
    const { cb, h } = deposits()[0] as ReturnType<typeof deposits>[number];
    const items = cb.series('은행-004', h, { request: period('2026-02-01', '2026-03-15'), now: NOW });
    const tx = items[3] as Row;
    const at = tx['trans_dtime'] as Temporal.PlainDateTime;
    const before = cb.snapshot('은행-003', h, { request: {}, now: at.subtract({ seconds: 1 }) });
    const after = cb.snapshot('은행-003', h, { request: {}, now: at });
    expect(after?.changedAt).toBeGreaterThan(before?.changedAt ?? Number.POSITIVE_INFINITY);
    const later = cb.snapshot('은행-003', h, { request: {}, now: at.add({ seconds: 1 }) });
    if (
      Temporal.PlainDateTime.compare(
        (items[2] as Row)['trans_dtime'] as Temporal.PlainDateTime,
        at.add({ seconds: 1 }),
      ) > 0
    )
      expect(later?.changedAt).toBe(after?.changedAt);
  });
});

describe('은행-002/003 for non-deposit accounts', () => {
  it('answer undefined for loan and fund accounts (the engine says 40402)', () => {
    let seen = 0;
    for (const cb of bankBooks()) {
      for (const h of cb.holdings('은행-001', NOW)) {
        if (h.scope === 'bank.deposit') continue;
        expect(cb.snapshot('은행-002', h, { request: {}, now: NOW })).toBeUndefined();
        expect(cb.snapshot('은행-003', h, { request: {}, now: NOW })).toBeUndefined();
        seen++;
      }
    }
    expect(seen).toBeGreaterThan(0);
  });
});

describe('은행-006 투자상품계좌: totals agree with 은행-007', () => {
  it('balance_amt and fund_num follow the transactions', () => {
    let seen = 0;
    const wide = [...customerBooks(sampleLedger(40))].filter(([org]) => org.startsWith('BK')).map(([, cb]) => cb);
    for (const cb of wide) {
      for (const h of holdingsFor(cb, '은행-006')) {
        if (h.scope !== 'bank.invest') continue;
        const detail = cb.snapshot('은행-006', h, { request: {}, now: NOW });
        const txs = cb.series('은행-007', h, { request: period('2024-12-01', '2026-03-15'), now: NOW });
        if (!detail || txs.length === 0) continue;
        expect(num(detail.body['balance_amt'])).toBe(num(txs[0]?.['balance_amt']));
        seen++;
      }
    }
    expect(seen).toBeGreaterThan(0);
  });
});
