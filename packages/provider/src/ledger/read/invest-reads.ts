import { type IrpHeld, irpProductValue } from '../finance/closing-payouts.ts';
import type { Row } from '../ledger.ts';
import { securityAt } from '../market/securities-universe.ts';
import type { IrpSlot, PensionSlot, SecuritiesSlot, Slot } from '../plan/plan-types.ts';
import type { InvestTx, IrpTx } from '../simulate/events.ts';
import { A, B, C } from '../simulate/live-state.ts';
import { addMonths, dayOfTs, SECONDS_PER_DAY } from '../time/day-number.ts';
import { type ApiReader, series, snapshot } from './answer.ts';
import type { Reader } from './reader.ts';
import { amountIn, cents, date, dtime, krw, rate, units } from './row-values.ts';

type InvestSlot = SecuritiesSlot | PensionSlot;
const isInvest = (slot: Slot | null): slot is InvestSlot => slot?.kind === 'securities' || slot?.kind === 'pension';

interface Holdings {
  cash: number;
  usd: number;
  paidIn: number;
  withdrawn: number;
  lastPaidIn: number;
  positions: Map<number, { qty: number; cost: number }>;
  changedTs: number;
}

/** Cash and positions of a securities or pension account at now: the month's start, then its trades. */
export function investAt(r: Reader, slot: InvestSlot): Holdings {
  const start = r.monthStart;
  const positions = new Map<number, { qty: number; cost: number }>();
  for (const [sec, qty, cost] of start.positions(slot.idx)) positions.set(sec, { qty, cost });
  const h: Holdings = {
    cash: start.get(slot.idx, A),
    usd: start.get(slot.idx, B),
    paidIn: 0,
    withdrawn: 0,
    lastPaidIn: -1,
    positions,
    changedTs: r.lastChangeBefore(slot),
  };
  if (slot.kind === 'pension') {
    h.paidIn = start.get(slot.idx, B);
    h.withdrawn = start.get(slot.idx, C);
    h.usd = 0;
  }
  for (const tx of r.bundle(r.nowMi)?.invest[slot.idx] ?? []) {
    if (tx.ts > r.nowTs) break;
    apply(h, tx, slot.kind === 'pension');
  }
  if (slot.kind === 'pension' && h.lastPaidIn < 0) h.lastPaidIn = lastPaidInBefore(r, slot);
  return h;
}

/** The day of the pension's last pay-in before this month (-1: none), so last_paid_in_date outlives a month start. */
function lastPaidInBefore(r: Reader, slot: InvestSlot): number {
  for (let mi = r.nowMi - 1; mi >= r.life.firstMonth; mi--) {
    const txs = r.bundle(mi)?.invest[slot.idx] ?? [];
    for (let i = txs.length - 1; i >= 0; i--) if (txs[i]!.type === '03') return dayOfTs(txs[i]!.ts);
  }
  return -1;
}

function apply(h: Holdings, tx: InvestTx, pension: boolean): void {
  if (tx.cur === 'KRW') h.cash = tx.bal;
  else h.usd = tx.bal;
  h.changedTs = Math.max(h.changedTs, tx.ts);
  if (tx.type === '01') {
    const p = h.positions.get(tx.sec) ?? { qty: 0, cost: 0 };
    p.qty += tx.qty;
    p.cost += -tx.settle;
    h.positions.set(tx.sec, p);
  } else if (tx.type === '02') {
    const p = h.positions.get(tx.sec);
    if (p) {
      const cost = Math.round((p.cost * tx.qty) / p.qty);
      p.qty -= tx.qty;
      p.cost -= cost;
      if (p.qty <= 1e-9) h.positions.delete(tx.sec);
    }
  } else if (tx.type === '03' && pension) {
    h.paidIn += tx.amt;
    h.lastPaidIn = dayOfTs(tx.ts);
  } else if (tx.type === '04' && pension) h.withdrawn += tx.amt;
}

/** Value of a position at a day's price: KRW for KRX and funds, cents for US stocks. */
export function positionValue(r: Reader, sec: number, qty: number): number {
  const s = securityAt(sec);
  const price = r.world.market.price(sec, r.nowDay);
  if (s.market === 'us') return Math.round(qty * price * 100);
  if (s.market === 'fund') return Math.floor((qty * price) / 1000);
  return Math.floor(qty * price);
}

function prodType(sec: number): { type: string; detail: string } {
  const s = securityAt(sec);
  if (s.market === 'us') return { type: '402', detail: s.kind === 'etf' ? '해외ETF' : '해외주식' };
  if (s.market === 'fund') return { type: '403', detail: '펀드' };
  return { type: '401', detail: s.kind === 'etf' ? 'ETF' : '국내주식' };
}

function investTxRow(tx: InvestTx): Row {
  const sec = tx.sec >= 0 ? securityAt(tx.sec) : undefined;
  const priceIn =
    tx.cur === 'USD' || sec?.market === 'fund'
      ? sec?.market === 'fund'
        ? cents(Math.round(tx.price * 100))
        : cents(tx.price)
      : krw(tx.price);
  return {
    ...(sec ? { prod_code: sec.code, prod_name: sec.name } : {}),
    trans_dtime: dtime(tx.ts),
    trans_type: tx.type,
    trans_type_detail: tx.detail,
    ...(tx.qty > 0 ? { trans_num: units(tx.qty) } : {}),
    ...(tx.type === '06' ? { base_amt: cents(Math.round(tx.price * 100)) } : tx.price > 0 ? { base_amt: priceIn } : {}),
    trans_amt: amountIn(tx.cur, tx.amt),
    settle_amt: amountIn(tx.cur, tx.settle),
    balance_amt: amountIn(tx.cur, tx.bal),
    currency_code: tx.cur,
  };
}

/** 금투-002 … 금투-005: securities and pension accounts. */
export const INVEST_READS: Readonly<Record<string, ApiReader>> = {
  '금투-002': snapshot((r, slot) => {
    if (!isInvest(slot)) return undefined;
    const h = investAt(r, slot);
    const credit = slot.kind === 'securities' ? slot.creditLoan : 0;
    return {
      body: {
        issue_date: date(slot.opened),
        is_tax_benefits: slot.kind === 'pension',
        withholdings_amt: krw(Math.max(0, h.cash)),
        ...(credit > 0 ? { credit_loan_amt: krw(credit) } : {}),
        currency_code: 'KRW',
      },
      changedAt: h.changedTs,
    };
  }),
  '금투-003': series((r, slot, request) => {
    if (!isInvest(slot)) return undefined;
    const [from, to] = r.dateRange(request);
    return r.collect((b) => b.invest[slot.idx], from, to).map(investTxRow);
  }),
  '금투-004': snapshot((r, slot) => {
    if (!isInvest(slot)) return undefined;
    const h = investAt(r, slot);
    const items: Row[] = [];
    for (const [sec, p] of h.positions) {
      const s = securityAt(sec);
      const { type, detail } = prodType(sec);
      const cur = s.market === 'us' ? 'USD' : 'KRW';
      items.push({
        prod_type: type,
        prod_type_detail: detail,
        prod_code: s.code,
        prod_name: s.name,
        purchase_amt: amountIn(cur, p.cost),
        holding_num: units(p.qty),
        avail_for_sale_num: units(p.qty),
        eval_amt: amountIn(cur, positionValue(r, sec, p.qty)),
        currency_code: cur,
      });
    }
    return { body: { prod_list: items }, changedAt: Math.max(h.changedTs, r.nowDay * SECONDS_PER_DAY) };
  }),
  '금투-005': snapshot((r, slot) => {
    if (slot?.kind !== 'pension') return undefined;
    const h = investAt(r, slot);
    return {
      body: {
        paid_in_amt: krw(h.paidIn),
        withdrawal_amt: krw(h.withdrawn),
        ...(h.lastPaidIn >= 0 ? { last_paid_in_date: date(h.lastPaidIn) } : {}),
        rcv_start_date: date(slot.rcvStartDay),
        rcv_amt: krw(h.withdrawn),
      },
      changedAt: h.changedTs,
    };
  }),
};

// ---------------------------------------------------------------- IRP

interface IrpHoldings {
  accum: number;
  employee: number;
  products: { units: number; principal: number }[];
  changedTs: number;
  /** Paid out whole (중도해지): nothing is left and nothing changes any more. */
  terminated: boolean;
}

function irpAt(r: Reader, slot: IrpSlot): IrpHoldings {
  const start = r.monthStart;
  const h: IrpHoldings = {
    accum: start.get(slot.idx, A),
    employee: start.get(slot.idx, B),
    products: slot.products.map((_, i) => ({ units: start.qty(slot.idx, i), principal: start.cost(slot.idx, i) })),
    changedTs: r.lastChangeBefore(slot),
    terminated:
      slot.statusChange?.status === 'closed' && r.lastChangeBefore(slot) >= slot.statusChange.day * SECONDS_PER_DAY,
  };
  for (const tx of r.bundle(r.nowMi)?.irp[slot.idx] ?? []) {
    if (tx.ts > r.nowTs) break;
    if (tx.type === '04') terminate(h, tx.ts);
    else addContribution(r, slot, h, tx);
  }
  return h;
}

function terminate(h: IrpHoldings, ts: number): void {
  h.accum = 0;
  h.employee = 0;
  for (const held of h.products) {
    held.units = 0;
    held.principal = 0;
  }
  h.changedTs = Math.max(h.changedTs, ts);
  h.terminated = true;
}

function addContribution(r: Reader, slot: IrpSlot, h: IrpHoldings, tx: IrpTx): void {
  const day = dayOfTs(tx.ts);
  slot.products.forEach((p, i) => {
    const part = Math.floor(tx.amt * p.share);
    const held = h.products[i];
    if (!held) return;
    held.principal += part;
    if (p.security < 0) held.units += part;
    else {
      const price = r.world.market.price(p.security, day);
      const per = securityAt(p.security).market === 'fund' ? price / 1000 : price;
      held.units += Math.round((part / per) * 1000) / 1000;
    }
  });
  h.accum += tx.amt;
  if (tx.type === '01') h.employee += tx.amt;
  h.changedTs = Math.max(h.changedTs, tx.ts);
}

const irpProductValueAt = (r: Reader, slot: IrpSlot, i: number, held: IrpHeld): number =>
  irpProductValue(r.world.market, slot, i, held, r.nowDay);

const isIrp = (slot: Slot | null): slot is IrpSlot => slot?.kind === 'irp';

/** IRP-002 … IRP-004, for banks, securities firms and insurers alike. */
export const IRP_READS: Readonly<Record<string, ApiReader>> = {
  'IRP-002': snapshot((r, slot) => {
    if (!isIrp(slot)) return undefined;
    const h = irpAt(r, slot);
    const evalAmt = h.products.reduce((sum, held, i) => sum + irpProductValueAt(r, slot, i, held), 0);
    return {
      body: {
        accum_amt: krw(h.accum),
        eval_amt: krw(evalAmt),
        employer_amt: krw(h.accum - h.employee),
        employee_amt: krw(h.employee),
        issue_date: date(slot.opened),
        first_deposit_date: date(slot.opened),
      },
      // The valuation moves with each day's prices, until it is paid out.
      changedAt: h.terminated ? h.changedTs : Math.max(h.changedTs, r.nowDay * SECONDS_PER_DAY),
    };
  }),
  'IRP-003': series((r, slot) => {
    if (!isIrp(slot)) return undefined;
    const h = irpAt(r, slot);
    // A terminated IRP holds no product any more.
    if (h.terminated) return [];
    return slot.products.map((p, i) => {
      const held = h.products[i] ?? { units: 0, principal: 0 };
      return {
        irp_name: p.name,
        irp_type: p.type,
        eval_amt: krw(irpProductValueAt(r, slot, i, held)),
        inv_principal: krw(held.principal),
        ...(p.security >= 0 ? { fund_num: units(held.units) } : {}),
        open_date: date(slot.opened),
        ...(p.security < 0
          ? {
              exp_date: date(addMonths(slot.opened, 12 * Math.max(1, Math.ceil((r.nowDay - slot.opened + 1) / 365)))),
              int_rate: rate(p.rateMilli),
            }
          : {}),
      };
    });
  }),
  'IRP-004': series((r, slot, request) => {
    if (!isIrp(slot)) return undefined;
    const [from, to] = r.dateRange(request);
    return r
      .collect((b) => b.irp[slot.idx], from, to)
      .map((tx) => ({ trans_dtime: dtime(tx.ts), trans_type: tx.type, trans_amt: krw(tx.amt) }));
  }),
};
