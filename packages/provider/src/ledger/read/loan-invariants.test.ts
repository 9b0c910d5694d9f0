import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import type { CustomerBook, Holding, Row } from '../ledger.ts';
import type { DepositSlot, Slot } from '../plan/plan-types.ts';
import { book, customerBooks, NOW, num, period, plan, sampleLedger, START } from '../testing/sample-ledger.ts';

const ledger = sampleLedger(40);
const FULL = period('2024-12-01', '2026-03-15');

interface LoanCase {
  readonly detail: string;
  readonly transactions: string;
  readonly principal: string;
  readonly interest: string;
}

const LOAN_APIS: Readonly<Record<string, LoanCase>> = {
  bank: { detail: '은행-009', transactions: '은행-010', principal: 'principal_amt', interest: 'int_amt' },
  capital: { detail: '할부금융-003', transactions: '할부금융-004', principal: 'principal_amt', interest: 'int_amt' },
  p2p: { detail: 'P2P-003', transactions: 'P2P-004', principal: 'principal_amt', interest: 'int_amt' },
  insu: { detail: '보험-010', transactions: '보험-011', principal: 'loan_paid_amt', interest: 'int_paid_amt' },
};

function loans(prefix: string, listApi: string, scope: string): { org: string; cb: CustomerBook; h: Holding }[] {
  const out: { org: string; cb: CustomerBook; h: Holding }[] = [];
  for (const [org, cb] of customerBooks(ledger)) {
    if (!org.startsWith(prefix)) continue;
    for (const h of cb.holdings(listApi, NOW)) if (h.scope === scope) out.push({ org, cb, h });
  }
  return out;
}

function slotOf(cb: CustomerBook, h: Holding): Slot | undefined {
  const num = h.key['account_num'] ?? h.key['lending_id'];
  return plan(ledger, cb.ci).slots.find(
    (s) => ('accountNum' in s && s.accountNum === num) || ('lendingId' in s && s.lendingId === num),
  );
}

const sources = [
  ['은행-010 대출상품계좌 거래내역', 'BK', '은행-001', 'bank.loan', 'bank'],
  ['할부금융-004 대출상품계좌 거래내역', 'CP', '할부금융-001', 'capital.loan', 'capital'],
  ['P2P-004 대출 거래내역', 'PP', 'P2P-001', 'p2p.lending', 'p2p'],
  ['보험-011 대출상품 거래내역', 'IS', '보험-008', 'insu.loan', 'insu'],
] as const;

describe.each(sources)('%s: data invariants', (_name, prefix, listApi, scope, kind) => {
  const apis = LOAN_APIS[kind] as LoanCase;
  const cases = loans(prefix, listApi, scope).filter(({ cb, h }) => {
    const slot = slotOf(cb, h);
    return slot !== undefined && 'terms' in slot;
  });

  it('principal repaid plus the balance at now is the principal, for loans made inside the history', () => {
    let checked = 0;
    for (const { cb, h } of cases) {
      const slot = slotOf(cb, h);
      if (!slot || !('terms' in slot) || slot.terms.startDay < dayOf(START)) continue;
      const detail = cb.snapshot(apis.detail, h, { request: {}, now: NOW });
      const txs = cb.series(apis.transactions, h, { request: FULL, now: NOW });
      const repaid = txs.reduce((s, t) => s + num(t[apis.principal]), 0);
      expect(repaid + num(detail?.body['balance_amt'])).toBe(num(detail?.body['loan_principal']));
      checked++;
    }
    if (kind === 'bank' || kind === 'p2p') expect(checked).toBeGreaterThan(0);
  });

  it('interest is the balance before the payment × rate × days of the interest period / 365', () => {
    let checked = 0;
    for (const { cb, h } of cases) {
      const txs = [...cb.series(apis.transactions, h, { request: FULL, now: NOW })].reverse();
      let balance: number | undefined;
      for (const t of txs) {
        const list = (t['int_list'] as Row[] | undefined) ?? [];
        const period0 = list[0];
        if (balance !== undefined && period0) {
          const days =
            (period0['int_end_date'] as Temporal.PlainDate).since(period0['int_start_date'] as Temporal.PlainDate)
              .days + 1;
          const expected = Math.floor((balance * num(period0['int_rate']) * days) / (100 * 365));
          expect(Math.abs(num(t[apis.interest]) - expected)).toBeLessThanOrEqual(1);
          checked++;
        }
        balance = num(t['balance_amt'] ?? Number.NaN);
        if (Number.isNaN(balance)) balance = undefined;
      }
    }
    if (kind === 'bank' || kind === 'capital') expect(checked).toBeGreaterThan(5);
  });

  it('each repayment is debited from the repayment account at the same moment, for the same amount', () => {
    let checked = 0;
    for (const { cb, h } of cases.slice(0, 12)) {
      const slot = slotOf(cb, h);
      if (!slot || !('repayFrom' in slot)) continue;
      const account = plan(ledger, cb.ci).slots[slot.repayFrom] as DepositSlot;
      const bank = book(ledger, account.org).customer(cb.ci);
      const acc = bank?.holdings('은행-001', NOW).find((x) => x.key['account_num'] === account.accountNum);
      if (!bank || !acc) continue;
      const debits = bank.series('은행-004', acc, { request: FULL, now: NOW });
      for (const t of cb.series(apis.transactions, h, { request: FULL, now: NOW })) {
        // The disbursement (대출실행) repays nothing; 보험-011 items carry no trans_type to say so.
        const amount = num(t[apis.principal]) + num(t[apis.interest]);
        if (t['trans_type'] === '02' || amount === 0) continue;
        const at = String(t['trans_dtime']);
        expect(debits.some((d) => String(d['trans_dtime']) === at && num(d['trans_amt']) === -amount)).toBe(true);
        checked++;
      }
    }
    if (kind === 'bank') expect(checked).toBeGreaterThan(10);
  });
});

describe('채권-003 인수채권/금전대부 거래내역: data invariants', () => {
  it('each balance is the previous balance less the repayment, and 채권-002 shows the last one', () => {
    let checked = 0;
    for (const [org, cb] of customerBooks(ledger)) {
      if (!org.startsWith('BD') && !org.startsWith('US')) continue;
      for (const h of cb.holdings('채권-001', NOW)) {
        const txs = [...cb.series('채권-003', h, { request: FULL, now: NOW })].reverse();
        for (let i = 1; i < txs.length; i++) {
          expect(num(txs[i]?.['balance_amt'])).toBeLessThan(num(txs[i - 1]?.['balance_amt']));
        }
        const balance = cb.snapshot('채권-002', h, { request: {}, now: NOW });
        if (txs.length > 0) expect(num(balance?.body['balance_amt'])).toBe(num(txs.at(-1)?.['balance_amt']));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(0);
  });
});

function dayOf(d: Temporal.PlainDate): number {
  return d.since(Temporal.PlainDate.from('1970-01-01')).days;
}
