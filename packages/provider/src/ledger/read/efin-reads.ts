import type { Row } from '../ledger.ts';
import { merchantAt, merchantRegno } from '../merchants/merchant-picker.ts';
import { CATEGORIES } from '../merchants/merchant-categories.ts';
import { ORDER_CATEGORY } from '../merchants/order-titles.ts';
import type { EfinMoneySlot, EfinPaySlot, Slot } from '../plan/plan-types.ts';
import { maskAccount } from '../simulate/efin-flows.ts';
import { A, B } from '../simulate/live-state.ts';
import { type ApiReader, series, snapshot } from './answer.ts';
import type { Reader } from './reader.ts';
import { dayTransNo, dtime, krw } from './row-values.ts';

const isMoney = (slot: Slot | null): slot is EfinMoneySlot => slot?.kind === 'efinMoney';
const isPay = (slot: Slot | null): slot is EfinPaySlot => slot?.kind === 'efinPay';

/** Charge and reward balances of 선불전자지급수단 money at now. */
export function moneyAt(r: Reader, slot: EfinMoneySlot): { charge: number; reserve: number; changedTs: number } {
  let charge = r.monthStart.get(slot.idx, A);
  let reserve = r.monthStart.get(slot.idx, B);
  let changedTs = r.lastChangeBefore(slot);
  for (const tx of r.bundle(r.nowMi)?.money[slot.idx] ?? []) {
    if (tx.ts > r.nowTs) break;
    if (tx.type === '05') reserve += tx.amt;
    else charge += tx.amt;
    changedTs = Math.max(changedTs, tx.ts);
  }
  return { charge, reserve, changedTs };
}

/** pay_method of 전금-103 (ours): 01 선불전자지급수단, 02 카드, 03 계좌. */
const PAY_METHOD = { money: '01', card: '02', bank: '03' } as const;

function payId(r: Reader, method: { kind: 'card' | 'bank' | 'money'; slot: number }): { org: string; id: string } {
  const slot = r.slot(method.slot);
  switch (slot.kind) {
    case 'card':
      return { org: slot.org, id: slot.cardNum };
    case 'deposit':
      return { org: slot.org, id: maskAccount(slot.accountNum) };
    case 'efinMoney':
      return { org: slot.org, id: slot.fobId };
    default:
      return { org: slot.org, id: '' };
  }
}

/** 전금-002 … 전금-004 (money) and 전금-102, 전금-103 (간편결제). */
export const EFIN_READS: Readonly<Record<string, ApiReader>> = {
  '전금-002': snapshot((r, slot) => {
    if (!isMoney(slot)) return undefined;
    const { charge, reserve, changedTs } = moneyAt(r, slot);
    return {
      body: {
        total_balance_amt: krw(charge + reserve),
        charge_balance_amt: krw(charge),
        reserve_balance_amt: krw(reserve),
        reserve_due_amt: krw(0),
        exp_due_amt: krw(Math.floor(reserve * 0.1)),
        limit_amt: krw(slot.limit),
      },
      changedAt: changedTs,
    };
  }),
  '전금-003': snapshot((r, slot) => {
    if (!isMoney(slot)) return undefined;
    const bank = r.slot(slot.chargeFrom);
    return {
      body: {
        charge_org_code: bank.org,
        charge_account_num: maskAccount(bank.kind === 'deposit' ? bank.accountNum : ''),
        charge_option: slot.chargeOption,
        ...(slot.chargeOption === '02'
          ? { charge_day: String(slot.chargeDom).padStart(2, '0') }
          : { charge_base_amt: krw(slot.chargeBase) }),
        charge_amt: krw(slot.chargeAmt),
      },
      changedAt: r.listChangedTs(slot),
    };
  }),
  '전금-004': series((r, slot, request) => {
    if (!isMoney(slot)) return undefined;
    const [from, to] = r.dateRange(request);
    return r
      .collect((b) => b.money[slot.idx], from, to)
      .map((tx) => ({
        trans_type: tx.type,
        trans_dtime: dtime(tx.ts),
        trans_num: dayTransNo(tx.ts, tx.no),
        trans_amt: krw(tx.amt),
        balance_amt: krw(tx.bal),
        ...(tx.org ? { trans_org_code: tx.org } : {}),
        ...(tx.id ? { trans_id: tx.id } : {}),
      }));
  }),
  '전금-102': snapshot((r, slot) => {
    if (!isPay(slot)) return undefined;
    return {
      body: {
        pay_list: slot.methods.map((m, i) => {
          const { org, id } = payId(r, m);
          return { pay_org_code: org, pay_id: id, is_primary: i === slot.primary };
        }),
      },
      changedAt: r.listChangedTs(slot),
    };
  }),
  '전금-103': series((r, slot, request) => {
    if (!isPay(slot)) return undefined;
    const [from, to] = r.dateRange(request);
    const moneyName = (idx: number) => r.slot(idx).prodName;
    return r
      .collect((b) => b.pays[slot.idx], from, to)
      .map((tx): Row => {
        const method = slot.methods[tx.method] ?? { kind: 'bank' as const, slot: r.plan.persona.main };
        const merchant = merchantAt(tx.m);
        const category = CATEGORIES[merchant.category]?.key ?? 'online';
        const { org, id } = payId(r, method);
        return {
          trans_type: tx.type,
          ...(method.kind === 'money' ? { fob_name: moneyName(method.slot) } : {}),
          trans_num: dayTransNo(tx.ts, tx.no),
          trans_dtime: dtime(tx.ts),
          trans_amt: krw(tx.amt),
          trans_org_code: org,
          trans_id: id,
          ...(tx.inst >= 2 ? { total_install_cnt: tx.inst } : {}),
          merchant_name: merchant.name,
          merchant_regno: merchantRegno(tx.m, tx.b),
          trans_title: tx.title,
          trans_category: ORDER_CATEGORY[category] ?? '쇼핑',
          pay_method: PAY_METHOD[method.kind],
          trans_memo: tx.type === '02' ? `${merchant.name} 주문취소` : `${merchant.name} 주문`,
        };
      });
  }),
};
