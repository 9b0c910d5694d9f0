import { kindOf, type CategoryKind } from '../categorise/categories.ts';
import type { Categorised, Tx } from '../categorise/transaction.ts';
import { dayOfMonth, monthOf } from '../shared/dates.ts';

/**
 * The rollups every reading service works from, kept small so reading is cheap: per month × category, per
 * merchant × month, per day × kind. Every field is a sum, so a row's contribution can be added and taken away
 * again (the operator maintains them on ingest by deltas; `rollUp` builds them from scratch, the same way).
 */
export interface MonthCategoryTotal {
  readonly month: string;
  readonly category: string;
  readonly kind: CategoryKind;
  /** Signed KRW: spending negative. */
  readonly total: number;
  readonly count: number;
}

export interface MerchantMonth {
  readonly merchantKey: string;
  /** The name as a statement showed it (the first seen). */
  readonly name: string;
  readonly category: string;
  readonly month: string;
  readonly total: number;
  readonly count: number;
  /** Sum of the days of the month of its movements (average day = daySum / count). */
  readonly daySum: number;
}

export interface DayTotal {
  readonly date: string;
  readonly kind: CategoryKind;
  readonly total: number;
  readonly count: number;
}

export interface Rollups {
  readonly months: readonly MonthCategoryTotal[];
  readonly merchants: readonly MerchantMonth[];
  readonly days: readonly DayTotal[];
}

export interface CategorisedTx {
  readonly tx: Tx;
  readonly cat: Categorised;
}

/** One row's share of each rollup: added on insert, subtracted when the row changes or is re-categorised. */
export interface Contribution {
  readonly month: MonthCategoryTotal;
  readonly merchant: MerchantMonth | null;
  readonly day: DayTotal;
}

export function contributionOf({ tx, cat }: CategorisedTx): Contribution {
  const month = monthOf(tx.date);
  const kind = kindOf(cat.category, tx.amount);
  return {
    month: { month, category: cat.category, kind, total: tx.amount, count: 1 },
    merchant:
      cat.merchantKey === ''
        ? null
        : {
            merchantKey: cat.merchantKey,
            name: tx.merchant ?? '',
            category: cat.category,
            month,
            total: tx.amount,
            count: 1,
            daySum: dayOfMonth(tx.date),
          },
    day: { date: tx.date, kind, total: tx.amount, count: 1 },
  };
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Rollups of a list of categorised movements, from scratch (one pass, no per-row allocation but new groups). */
export function rollUp(rows: readonly CategorisedTx[]): Rollups {
  const months = new Map<string, Mutable<MonthCategoryTotal>>();
  const merchants = new Map<string, Mutable<MerchantMonth>>();
  const days = new Map<string, Mutable<DayTotal>>();
  for (let i = 0; i < rows.length; i++) {
    const { tx, cat } = rows[i]!;
    const month = tx.date.slice(0, 6);
    const kind = kindOf(cat.category, tx.amount);
    const amount = tx.amount;
    const mk = `${month}|${cat.category}|${kind}`;
    let m = months.get(mk);
    if (m === undefined) {
      m = { month, category: cat.category, kind, total: 0, count: 0 };
      months.set(mk, m);
    }
    m.total += amount;
    m.count += 1;
    if (cat.merchantKey !== '') {
      const k = `${cat.merchantKey}|${cat.category}|${month}`;
      let e = merchants.get(k);
      if (e === undefined) {
        e = {
          merchantKey: cat.merchantKey,
          name: tx.merchant ?? '',
          category: cat.category,
          month,
          total: 0,
          count: 0,
          daySum: 0,
        };
        merchants.set(k, e);
      }
      e.total += amount;
      e.count += 1;
      e.daySum += dayOfMonth(tx.date);
    }
    const dk = `${tx.date}|${kind}`;
    let d = days.get(dk);
    if (d === undefined) {
      d = { date: tx.date, kind, total: 0, count: 0 };
      days.set(dk, d);
    }
    d.total += amount;
    d.count += 1;
  }
  return { months: [...months.values()], merchants: [...merchants.values()], days: [...days.values()] };
}
