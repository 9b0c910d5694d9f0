import { type LoanTerms, walkSchedule } from '../finance/amortization.ts';
import type { Slot } from '../plan/plan-types.ts';
import { STREAM } from '../random/rng.ts';
import { dueDay, monthOfDay } from '../time/day-number.ts';
import type { LoanTx } from './events.ts';
import { push } from './month-bundle.ts';
import type { MonthContext } from './month-context.ts';

type LoanLike = Extract<Slot, { terms: LoanTerms }>;

const isLoanLike = (slot: Slot): slot is LoanLike =>
  slot.kind === 'bankLoan' ||
  slot.kind === 'capitalLoan' ||
  slot.kind === 'p2p' ||
  slot.kind === 'claim' ||
  slot.kind === 'policyLoan';

/** What the paying account's statement says for a lender's debit. */
export function loanMemo(ctx: MonthContext, slot: LoanLike): string {
  const brand = ctx.world.brand(slot.org);
  switch (slot.kind) {
    case 'bankLoan':
      return slot.terms.method === 'bullet' ? `${brand} 대출이자` : `${brand} 대출원리금`;
    case 'capitalLoan':
      return `${ctx.world.name(slot.org)} 할부금`;
    case 'p2p':
      return `${ctx.world.name(slot.org)} 상환`;
    case 'claim':
      return slot.bondType === '01' ? `${ctx.world.name(slot.org)} 채무변제` : `${ctx.world.name(slot.org)} 상환`;
    case 'policyLoan':
      return `${ctx.world.name(slot.org)} 약관대출이자`;
  }
}

/**
 * Every loan-like product: the disbursement (credited to the customer's account where the money goes to
 * them), each instalment from the shared schedule (walkSchedule) debited from the paying account on its
 * day, and 운용리스 monthly fees. The lender's transaction and the bank debit are built from one number.
 */
export function loanFlows(ctx: MonthContext): void {
  const rng = ctx.rng(STREAM.loan);
  for (const slot of ctx.plan.slots) {
    if (slot.kind === 'lease') {
      lease(ctx, slot, rng.next());
      continue;
    }
    if (!isLoanLike(slot)) continue;
    const { terms } = slot;
    let no = 0;
    if (terms.startDay >= ctx.plan.since && ctx.inRange(terms.startDay)) {
      const ts = terms.startDay * 86_400 + slot.openedSec;
      const tx: LoanTx = {
        ts,
        type: '02',
        amt: terms.principal,
        principal: 0,
        interest: 0,
        bal: terms.principal,
        fromDay: 0,
        toDay: 0,
        rateMilli: terms.rateMilli,
        no: ++no,
      };
      push(ctx.bundle.loans, slot.idx, tx);
      ctx.counted();
      if (slot.disburseTo >= 0) {
        const label =
          slot.kind === 'claim' ? `${ctx.world.name(slot.org)} 대출금` : `${ctx.world.name(slot.org)} 대출금입금`;
        ctx.post(slot.disburseTo, ts, terms.principal, '대출입금', label);
        spendLoan(ctx, slot.disburseTo, terms.startDay, terms.principal, rng.next());
      }
    }
    if (terms.startDay > ctx.last) continue;
    const r = rng.next();
    walkSchedule(terms, (inst) => {
      if (inst.day > ctx.last) return false;
      if (inst.day < ctx.first || !ctx.inRange(inst.day)) return true;
      const ts = ctx.at(inst.day, r, 4, 7);
      const amt = inst.principal + inst.interest;
      const final = inst.balanceAfter === 0;
      const tx: LoanTx = {
        ts,
        type: final && terms.method === 'bullet' ? '03' : '01',
        amt,
        principal: inst.principal,
        interest: inst.interest,
        bal: inst.balanceAfter,
        fromDay: inst.fromDay,
        toDay: inst.toDay,
        rateMilli: terms.rateMilli,
        no: ++no,
      };
      push(ctx.bundle.loans, slot.idx, tx);
      ctx.counted();
      if (final && slot.kind === 'bankLoan' && slot.accountType === '3004') {
        // The landlord returns the part of the 전세 deposit the loan financed, the day the loan falls due.
        ctx.post(slot.repayFrom, ts - 3600, terms.principal, '타행이체', '전세보증금 반환');
      }
      if (amt > 0) ctx.post(slot.repayFrom, ts, -amt, '자동이체', loanMemo(ctx, slot));
      return true;
    });
  }
}

const LOAN_USES = ['임대보증금 송금', '자동차 구입', '병원비', '사업자금', '이사비용', '타사대출 상환', '학자금'];

/**
 * Borrowed money is for something: most of it leaves the account within a few days (by the month's last
 * day at the latest), to a payee named for its purpose.
 */
export function spendLoan(ctx: MonthContext, account: number, day: number, principal: number, r: number): void {
  const when = Math.min(day + 1 + Math.floor(r * 3), ctx.toDay);
  const amt = Math.floor((principal * 0.85) / 10_000) * 10_000;
  if (amt <= 0 || !ctx.inRange(when)) return;
  ctx.post(account, ctx.at(when, r, 10, 16), -amt, '타행이체', LOAN_USES[Math.floor(r * LOAN_USES.length)] ?? '송금');
}

/** The day of lease payment n (1-based), the month after the contract and then monthly. */
export function leasePayDay(openedDay: number, payDom: number, n: number): number {
  return dueDay(monthOfDay(openedDay) + n, payDom);
}

function lease(ctx: MonthContext, slot: Extract<Slot, { kind: 'lease' }>, r: number): void {
  for (let n = 1; n <= slot.months; n++) {
    const day = leasePayDay(slot.opened, slot.payDom, n);
    if (day > ctx.last) break;
    if (day < ctx.first || !ctx.inRange(day)) continue;
    const ts = ctx.at(day, r, 4, 7);
    const tx: LoanTx = {
      ts,
      type: '01',
      amt: slot.monthly,
      principal: 0,
      interest: 0,
      bal: 0,
      fromDay: 0,
      toDay: 0,
      rateMilli: 0,
      no: n,
    };
    push(ctx.bundle.loans, slot.idx, tx);
    ctx.counted();
    ctx.post(slot.repayFrom, ts, -slot.monthly, '자동이체', `${ctx.world.name(slot.org)} 리스료`);
  }
}
