import type { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import type { CustomerBook, Holding, Row } from '../ledger.ts';
import type { DepositSlot, Payer, Slot } from '../plan/plan-types.ts';
import { book, customerBooks, NOW, num, period, plan, sampleLedger } from '../testing/sample-ledger.ts';

const ledger = sampleLedger(40);
const FULL = period('2024-12-01', '2026-03-15');

/** The bank account book and holding of a deposit slot. */
function accountOf(ci: string, idx: number): { cb: CustomerBook; h: Holding } | undefined {
  const slot = plan(ledger, ci).slots[idx] as DepositSlot | undefined;
  if (slot?.kind !== 'deposit') return undefined;
  const cb = book(ledger, slot.org).customer(ci);
  const h = cb?.holdings('은행-001', NOW).find((x) => x.key['account_num'] === slot.accountNum);
  return cb && h ? { cb, h } : undefined;
}

/** The card book and holding of a card slot. */
function cardOf(ci: string, idx: number): { cb: CustomerBook; h: Holding } | undefined {
  const slot = plan(ledger, ci).slots[idx];
  if (slot?.kind !== 'card') return undefined;
  const cb = book(ledger, slot.org).customer(ci);
  const h = cb?.holdings('카드-001', NOW).find((x) => x.key['card_id'] === slot.cardId);
  return cb && h ? { cb, h } : undefined;
}

/** Whether a payment of `amount` on `day` reached its payer: a bank debit or a card approval. */
function paid(ci: string, payer: Payer, day: string, amount: number, name: string): boolean {
  if (payer.kind === 'bank') {
    const acc = accountOf(ci, payer.slot);
    if (!acc) return false;
    return acc.cb
      .series('은행-004', acc.h, { request: period(day, day), now: NOW })
      .some((t) => num(t['trans_amt']) === -amount && String(t['trans_memo']).includes(name));
  }
  const p = plan(ledger, ci);
  const card = p.slots[payer.slot];
  // A lost card's charges go to its replacement: look at every card of the issuer.
  const cards = p.slots
    .filter((s) => s.kind === 'card' && card?.kind === 'card' && s.issuer === card.issuer)
    .map((s) => cardOf(ci, s.idx));
  return cards.some((c) =>
    c?.cb
      .series('카드-008', c.h, { request: period(day, day), now: NOW })
      .some((a) => num(a['approved_amt']) === amount && a['merchant_name'] === name),
  );
}

function slotByKey(ci: string, test: (s: Slot) => boolean): Slot | undefined {
  return plan(ledger, ci).slots.find(test);
}

describe('통신-002/003 청구·납입: data invariants', () => {
  it('each month’s payment equals its bill, and the bill reached the bank account or card on its due date', () => {
    let checked = 0;
    for (const [org, cb] of customerBooks(ledger)) {
      if (!org.startsWith('TC')) continue;
      for (const h of cb.holdings('통신-001', NOW)) {
        const slot = slotByKey(cb.ci, (s) => s.kind === 'telecom' && s.mgmtId === h.key['mgmt_id']);
        if (slot?.kind !== 'telecom') continue;
        const pays = cb.series('통신-003', h, { request: FULL, now: NOW });
        for (const pay of pays) {
          const month = pay['trans_month'] as Temporal.PlainYearMonth;
          const bills = cb.snapshot('통신-002', null, { request: { charge_month: month }, now: NOW })?.body[
            'bill_list'
          ] as Row[];
          const bill = bills.find((b) => b['mgmt_id'] === h.key['mgmt_id']);
          expect(num(bill?.['charge_amt'])).toBe(num(pay['paid_amt']));
          const due = String(bill?.['charge_date']);
          const name = ledger.get(org) ? (DEMO_NAMES.get(org) ?? '') : '';
          expect(paid(cb.ci, slot.payVia, due, num(pay['paid_amt']), name)).toBe(true);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it("통신-004 carrier-billing purchases are billed with the next month's bill", () => {
    let checked = 0;
    for (const [org, cb] of customerBooks(ledger)) {
      if (!org.startsWith('TC')) continue;
      for (const h of cb.holdings('통신-001', NOW)) {
        const slot = slotByKey(cb.ci, (s) => s.kind === 'telecom' && s.mgmtId === h.key['mgmt_id']);
        if (slot?.kind !== 'telecom' || slot.type !== '01' || slot.device) continue;
        const purchases = cb.series('통신-004', h, { request: period('2026-01-01', '2026-01-31'), now: NOW });
        const sum = purchases.reduce((s, p) => s + num(p['trans_amt']), 0);
        const bills = cb.snapshot('통신-002', null, {
          request: { charge_month: NOW.toPlainDate().toPlainYearMonth().subtract({ months: 1 }) },
          now: NOW,
        })?.body['bill_list'] as Row[];
        const bill = bills.find((b) => b['mgmt_id'] === h.key['mgmt_id']);
        if (!bill) continue;
        expect(num(bill['charge_amt'])).toBe(slot.planFee + sum);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(0);
  });
});

describe('보험-006 보험 거래내역: data invariants', () => {
  it('each premium reached the bank account or card on its date', () => {
    let checked = 0;
    for (const [org, cb] of customerBooks(ledger)) {
      if (!org.startsWith('IS')) continue;
      for (const h of cb.holdings('보험-001', NOW)) {
        const slot = slotByKey(cb.ci, (s) => s.kind === 'policy' && s.insuNum === h.key['insu_num']);
        if (slot?.kind !== 'policy') continue;
        for (const t of cb.series('보험-006', h, { request: period('2025-10-01', '2026-03-15'), now: NOW })) {
          expect(paid(cb.ci, slot.payVia, String(t['trans_date']), num(t['paid_amt']), DEMO_NAMES.get(org) ?? '')).toBe(
            true,
          );
          checked++;
        }
        const pay = cb.snapshot('보험-005', h, { request: {}, now: NOW });
        expect(num(pay?.body['pay_cnt'])).toBeGreaterThanOrEqual(0);
      }
    }
    expect(checked).toBeGreaterThan(30);
  });
});

describe('전금-004 선불 거래내역: data invariants', () => {
  it('balances follow every movement, 전금-002 shows the last one, and each charge is a bank debit', () => {
    let checked = 0;
    for (const [org, cb] of customerBooks(ledger)) {
      if (!org.startsWith('EF')) continue;
      for (const h of cb.holdings('전금-001', NOW)) {
        const txs = [...cb.series('전금-004', h, { request: FULL, now: NOW })].reverse();
        for (let i = 1; i < txs.length; i++)
          expect(num(txs[i]?.['balance_amt'])).toBe(num(txs[i - 1]?.['balance_amt']) + num(txs[i]?.['trans_amt']));
        for (const t of txs) expect(num(t['balance_amt'])).toBeGreaterThanOrEqual(0);
        const balance = cb.snapshot('전금-002', h, { request: {}, now: NOW });
        if (txs.length > 0) expect(num(balance?.body['total_balance_amt'])).toBe(num(txs.at(-1)?.['balance_amt']));
        const slot = slotByKey(cb.ci, (s) => s.kind === 'efinMoney' && s.fobId === h.key['fob_id']);
        if (slot?.kind === 'efinMoney') {
          const acc = accountOf(cb.ci, slot.chargeFrom);
          const debits = acc?.cb.series('은행-004', acc.h, { request: FULL, now: NOW }) ?? [];
          for (const t of txs.filter((x) => x['trans_type'] === '01')) {
            expect(
              debits.some(
                (d) =>
                  String(d['trans_dtime']) === String(t['trans_dtime']) && num(d['trans_amt']) === -num(t['trans_amt']),
              ),
            ).toBe(true);
          }
        }
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(5);
  });
});

describe('전금-103 결제내역: data invariants', () => {
  it('order titles and categories are filled, and card payments appear as approvals relayed by the provider', () => {
    let checked = 0;
    for (const [org, cb] of customerBooks(ledger)) {
      if (!org.startsWith('EF')) continue;
      for (const h of cb.holdings('전금-101', NOW)) {
        for (const t of cb.series('전금-103', h, { request: period('2026-02-01', '2026-03-15'), now: NOW })) {
          expect(String(t['trans_title']).length).toBeGreaterThan(0);
          expect(String(t['trans_category']).length).toBeGreaterThan(0);
          expect(t['merchant_regno']).toMatch(/^\d{10}$/);
          if (t['pay_method'] === '02' && t['trans_type'] === '01') {
            const day = (t['trans_dtime'] as Temporal.PlainDateTime).toPlainDate().toString();
            const p = plan(ledger, cb.ci);
            const cards = p.slots.filter((s) => s.kind === 'card').map((s) => cardOf(cb.ci, s.idx));
            const found = cards.some((c) =>
              c?.cb
                .series('카드-008', c.h, { request: period(day, day), now: NOW })
                .some(
                  (a) =>
                    String(a['approved_dtime']) === String(t['trans_dtime']) &&
                    num(a['approved_amt']) === num(t['trans_amt']),
                ),
            );
            expect(found).toBe(true);
          }
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(50);
  });
});

describe('금투-003 계좌 거래내역: data invariants', () => {
  it('cash balances follow the settled amounts, and 금투-002 shows the last KRW balance', () => {
    let checked = 0;
    for (const [org, cb] of customerBooks(ledger)) {
      if (!org.startsWith('IV')) continue;
      for (const h of cb.holdings('금투-001', NOW)) {
        const txs = [...cb.series('금투-003', h, { request: FULL, now: NOW })].reverse();
        const last: Record<string, number> = {};
        for (const t of txs) {
          const cur = String(t['currency_code']);
          if (last[cur] !== undefined)
            expect(num(t['balance_amt'])).toBeCloseTo((last[cur] ?? 0) + num(t['settle_amt']), 2);
          last[cur] = num(t['balance_amt']);
        }
        const basic = cb.snapshot('금투-002', h, { request: {}, now: NOW });
        if (last['KRW'] !== undefined) expect(num(basic?.body['withholdings_amt'])).toBe(Math.max(0, last['KRW']));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(5);
  });
});

const DEMO_NAMES = new Map<string, string>();
import { DEMO_INSTITUTIONS } from '../../institutions/demo-institutions.ts';
for (const inst of DEMO_INSTITUTIONS) DEMO_NAMES.set(inst.orgCode, inst.name);
