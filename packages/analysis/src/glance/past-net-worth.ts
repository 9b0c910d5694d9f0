import { addDays, addMonths, daysBetween, daysInMonth, monthOf } from '../shared/dates.ts';
import { type Holding, SECTORS, type Sector } from './holdings.ts';
import type { NetWorthPoint } from './net-worth.ts';

/** A balance after a movement (bank transactions and loan repayments carry it: `balance_amt`). */
export interface BalancePoint {
  /** YYYYMMDD. */
  readonly date: string;
  /** KRW after the movement. */
  readonly after: number;
  /** KRW before it (after − the signed amount), when the movement's amount is known. */
  readonly before: number | null;
}

/** What is known of a holding's past (keyed by the holding's id). */
export type HoldingPast =
  /** Balances after movements, oldest first. */
  | { readonly kind: 'balances'; readonly points: readonly BalancePoint[] }
  /** The holding began on `date` (a card loan taken that day): nothing before it, today's value after. */
  | { readonly kind: 'since'; readonly date: string };

/** A card bill: owed from its statement (BILL_ISSUED_DAYS_BEFORE its due date) until paid. */
export interface PastBill {
  readonly orgCode: string;
  readonly institution: string;
  /** YYYYMMDD the bill is due. */
  readonly dueDate: string;
  readonly amount: number;
  readonly paidOutDate: string | null;
}

export type Coverage = 'reconstructed' | 'held' | 'unknown';

export interface SectorCoverage {
  readonly sector: Sector;
  readonly ko: string;
  /** reconstructed: every item from its own history; held: some at today's value; unknown: some not known. */
  readonly coverage: Coverage;
  readonly reconstructed: number;
  readonly held: number;
  readonly unknown: readonly { readonly item: string; readonly reason: { ko: string; en: string } }[];
}

export interface PastNetWorthPoint extends NetWorthPoint {
  readonly source: 'reconstructed';
  readonly sectors: readonly SectorCoverage[];
}

/** Before the first known movement, the balance before it stands only this close to the month-end (days). */
export const BEFORE_FIRST_WITHIN = 35;

const BEFORE_HISTORY = {
  ko: '이 시점 이전의 거래내역이 없어 잔액을 알 수 없습니다',
  en: 'no transactions this far back',
};
const TODAY_UNKNOWN = { ko: '현재 잔액도 알 수 없습니다', en: 'today’s balance is unknown too' };

/** The value of a holding at the end of day `end`, and how it is known. */
function valueAt(
  h: Holding,
  past: HoldingPast | undefined,
  end: string,
): { value: number; how: 'reconstructed' | 'held' } | { how: 'unknown'; reason: { ko: string; en: string } } {
  if (past?.kind === 'balances' && past.points.length > 0) {
    let last: BalancePoint | undefined;
    for (const p of past.points) if (p.date <= end) last = p;
    if (last) return { value: Math.max(0, last.after), how: 'reconstructed' };
    const first = past.points[0]!;
    if (first.before !== null && daysBetween(end, first.date) <= BEFORE_FIRST_WITHIN)
      return { value: Math.max(0, first.before), how: 'reconstructed' };
    return { how: 'unknown', reason: BEFORE_HISTORY };
  }
  if (past?.kind === 'since' && end < past.date) return { value: 0, how: 'reconstructed' };
  if (!h.amount.known) return { how: 'unknown', reason: TODAY_UNKNOWN };
  return { value: h.amount.value, how: 'held' };
}

/**
 * Net worth at past month-ends on a fresh install, from what the data allows: deposit accounts and loans from the
 * balance after each movement (`balance_amt`), card loans from the day they were taken, card bills from the
 * bills' history (owed from the statement, 10 days before the due date, until paid); everything else (funds,
 * securities, pensions, e-money, revolving) held at today's value, and said so. Each point lists, per sector,
 * what was reconstructed, what was held and what is unknown (with why): an unknown item is left out of the
 * totals and makes the point incomplete, never a silent zero. `months` month-ends before today's month, oldest
 * first.
 */
export function pastNetWorth(o: {
  readonly today: string;
  readonly months: number;
  readonly holdings: readonly Holding[];
  readonly pasts: ReadonlyMap<string, HoldingPast>;
  /** The card bills' history (null: no bill history collected, so past card bills are unknown). */
  readonly bills: readonly PastBill[] | null;
}): PastNetWorthPoint[] {
  const month = monthOf(o.today);
  const out: PastNetWorthPoint[] = [];
  // Nothing held, nothing to rebuild (a person who has connected nothing has no past either).
  if (o.holdings.length === 0 && (o.bills?.length ?? 0) === 0) return out;
  const firstBill = o.bills?.reduce<string | null>((m, b) => {
    const from = statementOf(b.dueDate);
    return m === null || from < m ? from : m;
  }, null);
  for (let i = o.months; i >= 1; i--) {
    const m = addMonths(month, -i);
    const end = `${m}${String(daysInMonth(m)).padStart(2, '0')}`;
    let assets = 0;
    let liabilities = 0;
    const per = new Map<
      Sector,
      { reconstructed: number; held: number; unknown: SectorCoverage['unknown'][number][] }
    >();
    const tally = (s: Sector) => {
      let t = per.get(s);
      if (!t) {
        t = { reconstructed: 0, held: 0, unknown: [] };
        per.set(s, t);
      }
      return t;
    };
    for (const h of o.holdings) {
      if (h.kind === 'card-bill') continue; // from the bills' history below
      const v = valueAt(h, o.pasts.get(h.id), end);
      const t = tally(h.sector);
      if (v.how === 'unknown') {
        t.unknown.push({ item: `${h.institution} ${h.name ?? h.kind}`, reason: v.reason });
        continue;
      }
      t[v.how]++;
      if (h.side === 'asset') assets += v.value;
      else liabilities += v.value;
    }
    if (o.bills !== null && o.bills.length > 0) {
      const t = tally('cards');
      if (firstBill !== null && firstBill !== undefined && firstBill <= end) {
        for (const b of o.bills) {
          if (statementOf(b.dueDate) <= end && (b.paidOutDate === null || b.paidOutDate > end)) liabilities += b.amount;
        }
        t.reconstructed++;
      } else {
        t.unknown.push({ item: '카드 청구', reason: BEFORE_HISTORY });
      }
    }
    const sectors = SECTORS.filter((s) => per.has(s.key)).map((s): SectorCoverage => {
      const t = per.get(s.key)!;
      return {
        sector: s.key,
        ko: s.ko,
        coverage: t.unknown.length > 0 ? 'unknown' : t.held > 0 ? 'held' : 'reconstructed',
        reconstructed: t.reconstructed,
        held: t.held,
        unknown: t.unknown,
      };
    });
    out.push({
      date: end,
      assets,
      liabilities,
      net: assets - liabilities,
      complete: sectors.every((s) => s.coverage !== 'unknown'),
      source: 'reconstructed',
      sectors,
    });
  }
  return out;
}

/**
 * Days before its due date a card bill is taken as issued (owed from then until paid). PROVISIONAL: the card
 * APIs (카드-004) carry the due day and the payment date, not the statement date; Korean issuers send statements
 * about 1–2 weeks before the due date. The same rule as today's view, which counts bills issued and unpaid.
 */
export const BILL_ISSUED_DAYS_BEFORE = 10;

function statementOf(dueDate: string): string {
  return addDays(dueDate, -BILL_ISSUED_DAYS_BEFORE);
}
