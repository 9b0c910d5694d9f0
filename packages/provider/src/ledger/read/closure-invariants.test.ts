import fc from 'fast-check';
import type { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { DEMO_INSTITUTIONS } from '../../institutions/demo-institutions.ts';
import { populationOf } from '../create-ledger.ts';
import { fundWithholding, irpWithholding } from '../finance/closing-payouts.ts';
import type { CustomerBook, Holding, Row } from '../ledger.ts';
import type { Plan, Slot } from '../plan/plan-types.ts';
import { dayOfPlainDate, plainDateOf } from '../time/temporal-values.ts';
import { book, NOW, num, period, sampleLedger } from '../testing/sample-ledger.ts';

/**
 * Closed assets and how they closed: terminated IRPs (IRP-002…004), funds sold whole (은행-005…007), policy
 * loans repaid early (보험-009…011) and 채권 settled (채권-002/003). The sample is the negative matrix's world
 * (seed 21, 60 customers), whose closed assets answer 40305 there.
 */
const ledger = sampleLedger(60, 21);
const pop = populationOf(ledger);
/** A clock well after every closing: nothing may happen on a closed asset however far it moves. */
const LATER = NOW.add({ days: 120 });
const HISTORY = (to: Temporal.PlainDateTime) => period('2024-06-01', to.toPlainDate().toString());
const nameOf = (org: string) => DEMO_INSTITUTIONS.find((i) => i.orgCode === org)?.name ?? org;
const dtimeKey = (row: Row | undefined) => String(row?.['trans_dtime']);

interface Closed<K extends Slot['kind']> {
  readonly plan: Plan;
  readonly slot: Extract<Slot, { kind: K }>;
  readonly cb: CustomerBook;
  readonly h: Holding;
  /** The closing day as a date. */
  readonly day: Temporal.PlainDate;
}

/** Every slot of a kind closed by NOW, with its customer book and holding. */
function closed<K extends Slot['kind']>(kind: K, listApi: string, keyOf: (s: Extract<Slot, { kind: K }>) => string) {
  const out: Closed<K>[] = [];
  for (const plan of pop.plans) {
    for (const s of plan.slots) {
      if (s.kind !== kind || s.statusChange?.status !== 'closed') continue;
      if (s.statusChange.day > dayOfPlainDate(NOW.toPlainDate())) continue;
      const slot = s as Extract<Slot, { kind: K }>;
      const cb = book(ledger, slot.org).customer(plan.ci);
      const h = cb?.holdings(listApi, NOW).find((x) => Object.values(x.key)[0] === keyOf(slot));
      if (cb && h) out.push({ plan, slot, cb, h, day: plainDateOf(s.statusChange.day) });
    }
  }
  return out;
}

/** The paying deposit account's transactions over a period, at a clock. */
function accountTxs(plan: Plan, idx: number, from: string, to: string, now: Temporal.PlainDateTime): readonly Row[] {
  const account = plan.slots[idx];
  if (account?.kind !== 'deposit') throw new Error(`slot ${idx} is not a deposit account`);
  const cb = book(ledger, account.org).customer(plan.ci);
  const h = cb?.holdings('은행-001', now).find((x) => x.key['account_num'] === account.accountNum);
  if (!cb || !h) throw new Error('no paying account');
  return cb.series('은행-004', h, { request: period(from, to), now });
}

const irps = closed('irp', 'IRP-001', (s) => s.accountNum);
const funds = closed('bankFund', '은행-001', (s) => s.accountNum);

describe('IRP-002…004 중도해지: a terminated IRP', () => {
  it('the sample has a terminated IRP at a bank, a securities firm and an insurer (40305 for every IRP API)', () => {
    expect(new Set(irps.map((c) => c.slot.industry))).toEqual(new Set(['bank', 'invest', 'insu']));
  });

  it('IRP-001 lists it normal (01) before its closing day and closed (03) from it', () => {
    for (const { cb, h, day } of irps) {
      const eve = day.subtract({ days: 1 }).toPlainDateTime({ hour: 23, minute: 59 });
      const before = cb.holdings('IRP-001', eve).find((x) => x.id === h.id);
      expect(before?.status).toBe('normal');
      expect(before?.listItem['account_status']).toBe('01');
      const after = cb.holdings('IRP-001', day.toPlainDateTime({ hour: 0 })).find((x) => x.id === h.id);
      expect(after?.status).toBe('closed');
      expect(after?.listItem['account_status']).toBe('03');
    }
  });

  it('IRP-004: one payout (04) on the closing day, the last transaction however late the clock; it is IRP-002 eval_amt of the second before', () => {
    for (const { cb, h, day } of irps) {
      const txs = cb.series('IRP-004', h, { request: HISTORY(LATER), now: LATER });
      expect(txs.filter((t) => t['trans_type'] === '04')).toHaveLength(1);
      const payout = txs[0] as Row;
      expect(payout['trans_type']).toBe('04');
      const at = payout['trans_dtime'] as Temporal.PlainDateTime;
      expect(at.toPlainDate().equals(day)).toBe(true);
      const before = cb.snapshot('IRP-002', h, { request: {}, now: at.subtract({ seconds: 1 }) })?.body;
      expect(num(before?.['eval_amt'])).toBeGreaterThan(0);
      expect(num(payout['trans_amt'])).toBe(num(before?.['eval_amt']));
      // The products held the second before add up to the same value (IRP-003 and IRP-002 agree).
      const products = cb.series('IRP-003', h, { request: {}, now: at.subtract({ seconds: 1 }) });
      expect(products.reduce((sum, p) => sum + num(p['eval_amt']), 0)).toBe(num(payout['trans_amt']));
    }
  });

  it('IRP-002 is zero from the payout on, and IRP-003 holds nothing', () => {
    for (const { cb, h } of irps) {
      const payout = cb.series('IRP-004', h, { request: HISTORY(NOW), now: NOW })[0] as Row;
      for (const now of [payout['trans_dtime'] as Temporal.PlainDateTime, LATER]) {
        const body = cb.snapshot('IRP-002', h, { request: {}, now })?.body;
        for (const field of ['accum_amt', 'eval_amt', 'employer_amt', 'employee_amt'])
          expect(num(body?.[field]), field).toBe(0);
        expect(cb.series('IRP-003', h, { request: {}, now })).toEqual([]);
      }
      const at = payout['trans_dtime'] as Temporal.PlainDateTime;
      // Its data changed last at the payout: the valuation no longer moves with the day's prices.
      expect(cb.snapshot('IRP-002', h, { request: {}, now: LATER })?.changedAt).toBe(
        cb.snapshot('IRP-002', h, { request: {}, now: at })?.changedAt,
      );
    }
  });

  it('the payout less the tax withheld reaches the paying account at the same moment; no contribution is debited after', () => {
    for (const { plan, slot, cb, h, day } of irps) {
      const payout = cb.series('IRP-004', h, { request: HISTORY(NOW), now: NOW })[0] as Row;
      const at = payout['trans_dtime'] as Temporal.PlainDateTime;
      const before = cb.snapshot('IRP-002', h, { request: {}, now: at.subtract({ seconds: 1 }) })?.body;
      const gross = num(payout['trans_amt']);
      const net = gross - irpWithholding(gross, num(before?.['employer_amt']));
      expect(net).toBeLessThanOrEqual(gross);
      const credits = accountTxs(plan, slot.from, day.toString(), day.toString(), NOW).filter(
        (t) => dtimeKey(t) === at.toString() && num(t['trans_amt']) > 0,
      );
      expect(credits.map((t) => [num(t['trans_amt']), t['trans_memo']])).toContainEqual([
        net,
        `${nameOf(slot.org)} IRP 해지`,
      ]);
      const later = accountTxs(plan, slot.from, day.toString(), LATER.toPlainDate().toString(), LATER);
      expect(later.filter((t) => t['trans_memo'] === `${nameOf(slot.org)} IRP` && num(t['trans_amt']) < 0)).toEqual([]);
    }
  });

  it('property: at any moment IRP-002 eval_amt is the sum of IRP-003 eval_amt, and zero once paid out', () => {
    const all = closed('irp', 'IRP-001', (s) => s.accountNum).concat(
      pop.plans.flatMap((plan) =>
        plan.slots.flatMap((s) => {
          if (s.kind !== 'irp' || s.statusChange) return [];
          const cb = book(ledger, s.org).customer(plan.ci);
          const h = cb?.holdings('IRP-001', NOW).find((x) => x.key['account_num'] === s.accountNum);
          return cb && h ? [{ plan, slot: s, cb, h, day: NOW.toPlainDate() }] : [];
        }),
      ),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: all.length - 1 }),
        fc.integer({ min: 0, max: 440 * 24 * 60 - 1 }),
        (i, minutes) => {
          const { cb, h } = all[i] as (typeof all)[number];
          const now = NOW.toPlainDate().subtract({ days: 440 }).toPlainDateTime().add({ minutes });
          if (now.toPlainDate().toString() <= h.openedOn.toString()) return true;
          const body = cb.snapshot('IRP-002', h, { request: {}, now })?.body;
          const products = cb.series('IRP-003', h, { request: {}, now });
          expect(products.reduce((sum, p) => sum + num(p['eval_amt']), 0)).toBe(num(body?.['eval_amt']));
          const paidOut = cb.series('IRP-004', h, { request: HISTORY(now), now }).some((t) => t['trans_type'] === '04');
          if (paidOut) expect(num(body?.['eval_amt'])).toBe(0);
          return true;
        },
      ),
      { numRuns: 80 },
    );
  });
});

describe('은행-005…007 전액 환매: a fund sold whole', () => {
  it('the sample has sold funds (40305 for 은행-005…007)', () => {
    expect(funds.length).toBeGreaterThan(0);
    for (const { h } of funds) {
      expect(h.status).toBe('closed');
      expect(h.listItem['account_status']).toBe('03');
    }
  });

  it('은행-007: one sale (02) on the closing day of every unit 은행-006 showed the second before, for its eval_amt; balance_amt 0; nothing after', () => {
    for (const { cb, h, day } of funds) {
      const txs = cb.series('은행-007', h, { request: HISTORY(LATER), now: LATER });
      expect(txs.filter((t) => t['trans_type'] === '02')).toHaveLength(1);
      const sale = txs[0] as Row;
      expect(sale['trans_type']).toBe('02');
      const at = sale['trans_dtime'] as Temporal.PlainDateTime;
      expect(at.toPlainDate().equals(day)).toBe(true);
      const before = cb.snapshot('은행-006', h, { request: {}, now: at.subtract({ seconds: 1 }) })?.body;
      expect(num(before?.['fund_num'])).toBeGreaterThan(0);
      expect(num(sale['trans_fund_num'])).toBe(num(before?.['fund_num']));
      expect(num(sale['trans_amt'])).toBe(num(before?.['eval_amt']));
      expect(num(sale['balance_amt'])).toBe(0);
      for (const now of [at, LATER]) {
        const after = cb.snapshot('은행-006', h, { request: {}, now })?.body;
        for (const field of ['balance_amt', 'eval_amt', 'inv_principal', 'fund_num'])
          expect(num(after?.[field])).toBe(0);
      }
    }
  });

  it('the proceeds less the tax on the gain reach the paying account at the same moment; nothing is bought after', () => {
    for (const { plan, slot, cb, h, day } of funds) {
      const sale = cb.series('은행-007', h, { request: HISTORY(NOW), now: NOW })[0] as Row;
      const at = sale['trans_dtime'] as Temporal.PlainDateTime;
      const before = cb.snapshot('은행-006', h, { request: {}, now: at.subtract({ seconds: 1 }) })?.body;
      const proceeds = num(sale['trans_amt']);
      const net = proceeds - fundWithholding(proceeds, num(before?.['inv_principal']));
      const credits = accountTxs(plan, slot.from, day.toString(), day.toString(), NOW).filter(
        (t) => dtimeKey(t) === at.toString() && num(t['trans_amt']) > 0,
      );
      expect(credits.map((t) => [num(t['trans_amt']), t['trans_memo']])).toContainEqual([net, `${slot.prodName} 환매`]);
      const later = accountTxs(plan, slot.from, day.toString(), LATER.toPlainDate().toString(), LATER);
      expect(later.filter((t) => t['trans_memo'] === slot.prodName && num(t['trans_amt']) < 0)).toEqual([]);
    }
  });
});

describe('보험-009…011 and 채권-002/003: repaid before their term', () => {
  const loans = closed('policyLoan', '보험-008', (s) => s.accountNum);
  const claims = closed('claim', '채권-001', (s) => s.bondNum);

  it('the sample has a repaid policy loan and a settled 채권 at the bond institution (40305 for 보험-009…011, 채권-002/003)', () => {
    expect(loans.length).toBeGreaterThan(0);
    expect(claims.some((c) => c.slot.industry === 'bond')).toBe(true);
  });

  it('a repaid policy loan: 보험-010 balance_amt is zero and its last 보험-011 repayment, the day before it closes, repaid the principal', () => {
    for (const { slot, cb, h, day } of loans) {
      expect(h.listItem['account_status']).toBe('03');
      expect(num(cb.snapshot('보험-010', h, { request: {}, now: LATER })?.body['balance_amt'])).toBe(0);
      const txs = cb.series('보험-011', h, { request: HISTORY(LATER), now: LATER });
      const last = txs[0] as Row;
      expect((last['trans_dtime'] as Temporal.PlainDateTime).toPlainDate().equals(day.subtract({ days: 1 }))).toBe(
        true,
      );
      expect(num(last['loan_paid_amt'])).toBe(slot.terms.principal);
    }
  });

  it('a settled 채권: 채권-002 balance_amt is zero, and the last 채권-003 transaction, the day before it closes, brought it there', () => {
    for (const { cb, h, day } of claims) {
      expect(num(cb.snapshot('채권-002', h, { request: {}, now: LATER })?.body['balance_amt'])).toBe(0);
      const last = cb.series('채권-003', h, { request: HISTORY(LATER), now: LATER })[0] as Row;
      expect(num(last['balance_amt'])).toBe(0);
      expect((last['trans_dtime'] as Temporal.PlainDateTime).toPlainDate().equals(day.subtract({ days: 1 }))).toBe(
        true,
      );
    }
  });
});
