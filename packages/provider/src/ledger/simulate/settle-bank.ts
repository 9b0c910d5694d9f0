import type { DepositSlot, Slot } from '../plan/plan-types.ts';
import type { BankTx } from './events.ts';
import { A, B } from './live-state.ts';
import type { MonthContext, RawBank } from './month-context.ts';

const isDepositType = (slot: Slot): boolean =>
  slot.kind === 'deposit' || slot.kind === 'savings' || slot.kind === 'timeDeposit';

/**
 * Settle every deposit-type account of the month: order what every sector posted by time, run the balance
 * from the month's opening balance, and number the movements. A sub account closed this month sweeps its
 * balance to the main account, which is therefore settled last.
 *
 * Budgets keep balances positive; if a month's spending still overdraws an account (beyond a 마이너스통장's
 * limit), a transfer from the customer's own account elsewhere (본인 타행이체) covers it just before, so
 * a balance is never below what the account allows.
 */
export function settleBank(ctx: MonthContext): void {
  const main = ctx.plan.persona.main;
  for (const slot of ctx.plan.slots) {
    if (isDepositType(slot) && slot.idx !== main) settle(ctx, slot);
  }
  const mainSlot = ctx.slot(main);
  settle(ctx, mainSlot);
}

function settle(ctx: MonthContext, slot: Slot): void {
  const raw = ctx.raw[slot.idx];
  const deposit = slot.kind === 'deposit' ? (slot as DepositSlot) : undefined;
  const closing = deposit?.statusChange?.status === 'closed' ? deposit.statusChange.day : -1;
  const closesNow = closing >= 0 && ctx.inRange(closing);
  if (!raw && !closesNow) return;
  const list = raw ?? [];
  if (closesNow)
    list.push({
      ts: closing * 86_400 + 10 * 3600,
      amt: Number.NaN,
      cls: '해지',
      memo: '계좌해지',
      cnt: 0,
      order: Number.MAX_SAFE_INTEGER,
    });
  list.sort((x, y) => x.ts - y.ts || x.order - y.order);
  const floor =
    deposit && deposit.currency === 'KRW' && deposit.role !== 'foreign'
      ? -deposit.minusLimit
      : Number.NEGATIVE_INFINITY;
  let bal = ctx.state.get(slot.idx, A);
  const out: BankTx[] = [];
  let no = 0;
  for (const r of list as RawBank[]) {
    let amt = r.amt;
    if (Number.isNaN(amt)) {
      amt = -bal;
      if (amt !== 0) ctx.post(ctx.plan.persona.main, r.ts, bal, '타행이체', `${ctx.plan.person.name} 해지이체`);
      if (amt === 0) continue;
    }
    if (amt < 0 && bal + amt < floor) {
      const need = Math.ceil((floor - (bal + amt) + ctx.plan.persona.income * 0.2) / 10_000) * 10_000;
      bal += need;
      out.push({
        ts: r.ts - 1,
        amt: need,
        bal,
        type: '02',
        cls: '타행이체',
        memo: `${ctx.plan.person.name} 본인이체`,
        no: ++no,
        cnt: 0,
        order: -1,
      });
    }
    bal += amt;
    out.push({
      ts: r.ts,
      amt,
      bal,
      type: amt < 0 ? '01' : '02',
      cls: r.cls,
      memo: r.memo,
      no: ++no,
      cnt: r.cnt,
      order: r.order,
    });
    if (r.cnt > 0) ctx.state.set(slot.idx, B, r.cnt);
  }
  ctx.state.set(slot.idx, A, bal);
  const last = out.at(-1);
  if (last) ctx.state.touch(slot.idx, last.ts);
  ctx.bundle.bank[slot.idx] = out;
  ctx.counted(out.length);
}
