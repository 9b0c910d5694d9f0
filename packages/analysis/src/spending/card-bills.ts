import { addMonths, dateInMonth } from '../shared/dates.ts';

/** A card bill (카드-004) as the operator reads it. */
export interface CardBill {
  readonly orgCode: string;
  readonly institution: string;
  readonly chargeMonth: string;
  readonly seqno?: string | null;
  readonly amount: number;
  /** Day of the month it is charged (charge_day). */
  readonly chargeDay: number;
  /** When it was paid (paid_out_date), if it was. */
  readonly paidOutDate?: string | null;
}

/** A line of a bill's detail (카드-005) that is a part of an instalment purchase. */
export interface InstallmentLine {
  readonly orgCode: string;
  readonly institution: string;
  readonly merchant: string;
  readonly chargeMonth: string;
  /** This month's part. */
  readonly paid: number;
  readonly total: number;
  readonly current: number;
  /** What is left to pay after this part (balance_amt), when the card company says. */
  readonly balance?: number | null;
}

export interface UpcomingBill {
  readonly orgCode: string;
  readonly institution: string;
  readonly dueDate: string;
  readonly amount: number;
}

export interface InstallmentPlan {
  readonly institution: string;
  readonly merchant: string;
  readonly monthly: number;
  readonly paidParts: number;
  readonly totalParts: number;
  readonly remaining: number;
  /** The month of the last part. */
  readonly endsIn: string;
}

export interface BillOutlook {
  readonly upcoming: readonly UpcomingBill[];
  readonly installments: readonly InstallmentPlan[];
  /** What instalments will add to each coming month's bills. */
  readonly schedule: readonly { month: string; amount: number }[];
}

/** Card bills due from today on, and every instalment purchase still running with its remaining schedule. */
export function billOutlook(bills: readonly CardBill[], lines: readonly InstallmentLine[], today: string): BillOutlook {
  const upcoming = bills
    .map((b) => ({
      orgCode: b.orgCode,
      institution: b.institution,
      dueDate: dateInMonth(b.chargeMonth, b.chargeDay),
      amount: b.amount,
      paid: b.paidOutDate,
    }))
    .filter((b) => b.dueDate >= today && !b.paid)
    .map(({ paid: _paid, ...b }) => b)
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  const latest = new Map<string, InstallmentLine>();
  for (const l of lines) {
    if (l.total < 2) continue;
    const k = `${l.orgCode}|${l.merchant}|${l.total}|${addMonths(l.chargeMonth, -(l.current - 1))}`;
    const prev = latest.get(k);
    if (!prev || prev.current < l.current) latest.set(k, l);
  }
  const installments: InstallmentPlan[] = [];
  const schedule = new Map<string, number>();
  for (const l of latest.values()) {
    const left = l.total - l.current;
    if (left <= 0) continue;
    const remaining = l.balance ?? l.paid * left;
    installments.push({
      institution: l.institution,
      merchant: l.merchant,
      monthly: l.paid,
      paidParts: l.current,
      totalParts: l.total,
      remaining,
      endsIn: addMonths(l.chargeMonth, left),
    });
    for (let i = 1; i <= left; i++) {
      const m = addMonths(l.chargeMonth, i);
      schedule.set(m, (schedule.get(m) ?? 0) + l.paid);
    }
  }
  return {
    upcoming,
    installments: installments.sort((a, b) => b.remaining - a.remaining),
    schedule: [...schedule].sort(([a], [b]) => a.localeCompare(b)).map(([month, amount]) => ({ month, amount })),
  };
}
