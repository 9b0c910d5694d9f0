import type {
  Approval,
  BankTx,
  CardBill,
  CarrierPurchase,
  CashAdvance,
  FundTx,
  InvestTx,
  IrpTx,
  LoanTx,
  MoneyTx,
  PayTx,
  PremiumTx,
  TelecomBill,
} from './events.ts';

/**
 * Everything one month of one customer's life produced, per product (arrays indexed by slot). Kept in a
 * bounded cache and regenerated from the month's starting state when evicted.
 */
export class MonthBundle {
  readonly bank: (BankTx[] | undefined)[] = [];
  /** Card approvals per card slot, and prepaid-card approvals per prepaid-card slot. */
  readonly approvals: (Approval[] | undefined)[] = [];
  /** Per card issuer: the bill this month's purchases make, due next month. */
  readonly billNext: (CardBill | undefined)[] = [];
  readonly cash: (CashAdvance[] | undefined)[] = [];
  readonly loans: (LoanTx[] | undefined)[] = [];
  readonly premiums: (PremiumTx[] | undefined)[] = [];
  /** 전금-004 money and 선불-003 prepaid-card movements. */
  readonly money: (MoneyTx[] | undefined)[] = [];
  readonly pays: (PayTx[] | undefined)[] = [];
  readonly invest: (InvestTx[] | undefined)[] = [];
  readonly funds: (FundTx[] | undefined)[] = [];
  readonly irp: (IrpTx[] | undefined)[] = [];
  readonly telecomBill: (TelecomBill | undefined)[] = [];
  readonly carrier: (CarrierPurchase[] | undefined)[] = [];
  /** Number of transactions of every kind generated (for materialise). */
  count = 0;

  constructor(readonly mi: number) {}
}

export function push<T>(lists: (T[] | undefined)[], slot: number, item: T): void {
  const list = lists[slot];
  if (list) list.push(item);
  else lists[slot] = [item];
}
