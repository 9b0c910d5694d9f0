import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import type { CustomerBook, Holding, Row } from '../ledger.ts';
import type { CardIssuerSlot, DepositSlot } from '../plan/plan-types.ts';
import { book, customerBooks, NOW, num, period, plan, sampleLedger } from '../testing/sample-ledger.ts';

const ledger = sampleLedger(24);
const cardBooks = () => [...customerBooks(ledger)].filter(([org]) => org.startsWith('CD'));
const ym = (s: string) => Temporal.PlainYearMonth.from(s);

function bills(cb: CustomerBook): Row[] {
  return [
    ...cb.series('카드-004', null, { request: { from_month: ym('2025-01'), to_month: ym('2026-03') }, now: NOW }),
  ];
}

function details(cb: CustomerBook, month: Temporal.PlainYearMonth): Row[] {
  return [...cb.series('카드-005', null, { request: { charge_month: month }, now: NOW })];
}

describe('카드-004 청구 기본정보: data invariants', () => {
  it('charge_amt is the sum of its bill lines (paid_amt + credit_fee_amt of 카드-005)', () => {
    let checked = 0;
    for (const [, cb] of cardBooks()) {
      for (const bill of bills(cb)) {
        const lines = details(cb, bill['charge_month'] as Temporal.PlainYearMonth);
        const sum = lines.reduce((s, l) => s + num(l['paid_amt']) + num(l['credit_fee_amt'] ?? 0), 0);
        expect(num(bill['charge_amt'])).toBe(sum);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(50);
  });

  it('the bill is debited from the paying bank account on paid_out_date, for exactly charge_amt', () => {
    let checked = 0;
    for (const [org, cb] of cardBooks()) {
      const issuer = plan(ledger, cb.ci).slots.find(
        (s): s is CardIssuerSlot => s.kind === 'cardIssuer' && s.org === org,
      );
      const account = issuer && (plan(ledger, cb.ci).slots[issuer.payFrom] as DepositSlot);
      if (!issuer || !account) continue;
      const bank = book(ledger, account.org).customer(cb.ci);
      const h = bank?.holdings('은행-001', NOW).find((x) => x.key['account_num'] === account.accountNum);
      if (!bank || !h) continue;
      for (const bill of bills(cb)) {
        const day = (bill['paid_out_date'] as Temporal.PlainDate).toString();
        if (day > NOW.toPlainDate().toString()) continue;
        const txs = bank.series('은행-004', h, { request: period(day, day), now: NOW });
        const debit = txs.find(
          (t) => t['trans_class'] === '카드대금' && num(t['trans_amt']) === -num(bill['charge_amt']),
        );
        expect(debit, `${org} ${String(bill['charge_month'])}`).toBeDefined();
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(30);
  });
});

describe('카드-005 청구 추가정보: the billing period’s approvals', () => {
  it('lump-sum lines of a card equal its not-cancelled approvals of the month before (카드-008 and 카드-009)', () => {
    let checked = 0;
    for (const [, cb] of cardBooks()) {
      const cards = cb.holdings('카드-001', NOW).filter((h) => h.listItem['card_type'] === '01');
      for (const month of [ym('2025-06'), ym('2025-11'), ym('2026-02')]) {
        const lines = details(cb, month);
        const prev = month.subtract({ months: 1 });
        const from = prev.toPlainDate({ day: 1 }).toString();
        const to = prev.toPlainDate({ day: prev.daysInMonth }).toString();
        for (const card of cards) {
          const approved = approvalsOf(cb, card, from, to);
          const billed = lines
            .filter((l) => l['card_id'] === card.key['card_id'] && l['prod_type'] === '01')
            .reduce((s, l) => s + num(l['paid_amt']), 0);
          expect(billed).toBe(approved);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('the parts of an instalment purchase add up to its amount, one part per bill', () => {
    let checked = 0;
    for (const [, cb] of cardBooks()) {
      const parts = new Map<string, { sum: number; n: number; total: number }>();
      for (const bill of bills(cb)) {
        for (const l of details(cb, bill['charge_month'] as Temporal.PlainYearMonth)) {
          if (l['prod_type'] !== '02') continue;
          const key = `${String(l['card_id'])}|${String(l['trans_no'])}|${String(l['paid_dtime'])}`;
          const p = parts.get(key) ?? { sum: 0, n: 0, total: num(l['total_install_cnt']) };
          p.sum += num(l['paid_amt']);
          p.n++;
          parts.set(key, p);
          expect(num(l['balance_amt'])).toBeGreaterThanOrEqual(0);
        }
      }
      for (const [key, p] of parts) {
        const [cardId, , dtime] = key.split('|');
        const h = cb.holdings('카드-001', NOW).find((x) => x.key['card_id'] === cardId);
        const day = Temporal.PlainDateTime.from(String(dtime)).toPlainDate().toString();
        if (!h || day < '2025-02-01' || p.n < p.total) continue;
        const approval = cb
          .series('카드-008', h, { request: period(day, day), now: NOW })
          .find((a) => String(a['approved_dtime']) === String(dtime) && a['pay_type'] === '02');
        expect(approval).toBeDefined();
        expect(p.sum).toBe(num(approval?.['approved_amt']));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(0);
  });
});

function approvalsOf(cb: CustomerBook, card: Holding, from: string, to: string): number {
  const domestic = cb.series('카드-008', card, { request: period(from, to), now: NOW });
  const overseas = cb.series('카드-009', card, { request: period(from, to), now: NOW });
  let sum = 0;
  for (const a of domestic) {
    if (a['status'] === '02' || a['pay_type'] === '02') continue;
    sum += num(a['status'] === '03' ? a['modified_amt'] : a['approved_amt']);
  }
  for (const a of overseas) if (a['status'] !== '02') sum += num(a['krw_amt']);
  return sum;
}

describe('카드-008 국내 승인내역: data invariants', () => {
  it('merchant_regno is a valid 10-digit business number and v2 fields are filled', () => {
    let checked = 0;
    for (const [, cb] of cardBooks()) {
      for (const card of cb.holdings('카드-001', NOW)) {
        for (const a of cb.series('카드-008', card, { request: period('2026-02-01', '2026-03-15'), now: NOW })) {
          expect(a['merchant_regno']).toMatch(/^\d{10}$/);
          expect(String(a['merchant_name']).length).toBeGreaterThan(0);
          if (a['status'] !== '01') expect(a['trans_dtime']).toBeDefined();
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(200);
  });

  it('a check card approval is debited at once from the linked account, and its cancellation refunded', () => {
    let checked = 0;
    for (const [, cb] of cardBooks()) {
      const p = plan(ledger, cb.ci);
      for (const card of cb.holdings('카드-001', NOW).filter((h) => h.listItem['card_type'] === '02')) {
        const slot = p.slots.find((s) => s.kind === 'card' && s.cardId === card.key['card_id']);
        const account = slot?.kind === 'card' ? (p.slots[slot.linked] as DepositSlot) : undefined;
        const bank = account && book(ledger, account.org).customer(cb.ci);
        const h = bank?.holdings('은행-001', NOW).find((x) => x.key['account_num'] === account?.accountNum);
        if (!bank || !h) continue;
        const txs = bank.series('은행-004', h, { request: period('2026-01-01', '2026-03-15'), now: NOW });
        for (const a of cb.series('카드-008', card, { request: period('2026-01-01', '2026-03-15'), now: NOW })) {
          const at = String(a['approved_dtime']);
          const debit = txs.find(
            (t) =>
              String(t['trans_dtime']) === at &&
              num(t['trans_amt']) === -num(a['approved_amt']) &&
              t['trans_memo'] === a['merchant_name'],
          );
          expect(debit).toBeDefined();
          if (a['status'] === '02')
            expect(
              txs.some(
                (t) =>
                  String(t['trans_dtime']) === String(a['cancel_dtime']) &&
                  num(t['trans_amt']) === num(a['approved_amt']),
              ),
            ).toBe(true);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(20);
  });
});

describe('카드-009 해외 승인내역: data invariants', () => {
  it('foreign amounts have at most 2 decimals, a foreign currency, and a KRW amount at a plausible rate', () => {
    let checked = 0;
    for (const [, cb] of [...customerBooks(sampleLedger(40))].filter(([org]) => org.startsWith('CD'))) {
      for (const card of cb.holdings('카드-001', NOW)) {
        for (const a of cb.series('카드-009', card, { request: period('2025-01-01', '2026-03-15'), now: NOW })) {
          expect(String(a['approved_amt'])).toMatch(/^\d+(\.\d{1,2})?$/);
          expect(a['currency_code']).not.toBe('KRW');
          expect(a['country_code']).toMatch(/^[A-Z]{2}$/);
          const rate = num(a['krw_amt']) / num(a['approved_amt']);
          expect(rate).toBeGreaterThan(0.01);
          expect(rate).toBeLessThan(3000);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(10);
  });
});

describe('카드-006 결제예정금액: search_timestamp', () => {
  it('whenever the answer changes between two days, its changedAt moves too (a timestamp from the first day never hides the change)', () => {
    let changes = 0;
    for (const [org, cb] of cardBooks()) {
      let previous: { body: string; changedAt: number; at: string } | undefined;
      for (let d = 60; d >= 0; d--) {
        const at = NOW.subtract({ days: d }).with({ hour: 12, minute: 0, second: 0 });
        const snap = cb.snapshot('카드-006', null, { request: {}, now: at });
        if (!snap) continue;
        const body = JSON.stringify(snap.body);
        if (previous && body !== previous.body) {
          changes++;
          expect(snap.changedAt, `${org} ${previous.at} → ${at.toString()}`).toBeGreaterThan(previous.changedAt);
        }
        previous = { body, changedAt: snap.changedAt, at: at.toString() };
      }
    }
    expect(changes).toBeGreaterThan(20);
  });
});
