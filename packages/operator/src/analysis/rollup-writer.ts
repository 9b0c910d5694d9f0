import { type CategoryKind, kindOf } from '@hannun/analysis';
import { bindRows, type Kysely, type QueryTemplates, sql } from '@hannun/store';
import type { LooseDatabase } from '../model/model-db.ts';

/** What one op_an_tx row adds to the rollups. */
export interface RowShare {
  readonly month: string;
  readonly day: string;
  readonly amount: number;
  readonly category: string;
  readonly merchantId: string | null;
}

export const kindFor = (category: string, amount: number): CategoryKind => kindOf(category, amount);

/**
 * Accumulates +/− contributions of rows and writes them as increments (`total = total + excluded.total`), so
 * concurrent ingests of one person add up and every rollup stays the sum of its rows, on both dialects.
 */
export class RollupDeltas {
  static kindOf(category: string, amount: number): string {
    return kindFor(category, amount);
  }

  readonly months = new Map<string, { month: string; category: string; kind: string; total: number; count: number }>();
  readonly merchants = new Map<
    string,
    { merchantId: string; category: string; month: string; total: number; count: number; daySum: number }
  >();
  readonly days = new Map<string, { day: string; kind: string; total: number; count: number }>();

  add(s: RowShare, sign: 1 | -1): void {
    const kind = kindFor(s.category, s.amount);
    const mk = `${s.month}|${s.category}|${kind}`;
    const m = this.months.get(mk) ?? { month: s.month, category: s.category, kind, total: 0, count: 0 };
    m.total += sign * s.amount;
    m.count += sign;
    this.months.set(mk, m);
    if (s.merchantId !== null) {
      const k = `${s.merchantId}|${s.category}|${s.month}`;
      const e = this.merchants.get(k) ?? {
        merchantId: s.merchantId,
        category: s.category,
        month: s.month,
        total: 0,
        count: 0,
        daySum: 0,
      };
      e.total += sign * s.amount;
      e.count += sign;
      e.daySum += sign * Number(s.day.slice(6, 8));
      this.merchants.set(k, e);
    }
    const dk = `${s.day}|${kind}`;
    const d = this.days.get(dk) ?? { day: s.day, kind, total: 0, count: 0 };
    d.total += sign * s.amount;
    d.count += sign;
    this.days.set(dk, d);
  }

  get empty(): boolean {
    return this.months.size === 0 && this.merchants.size === 0 && this.days.size === 0;
  }

  /** Writes the increments inside `db`'s transaction; `templates` keeps the statements compiled (one per dialect). */
  async write(db: Kysely<LooseDatabase>, personId: string, templates: QueryTemplates): Promise<void> {
    // In key order: concurrent collections of one person upsert the same rows, and PostgreSQL deadlocks when two
    // transactions lock them in different orders.
    const months = inKeyOrder(this.months)
      .filter((m) => m.total !== 0 || m.count !== 0)
      .map((m) => ({
        person_id: personId,
        month: m.month,
        category: m.category,
        kind: m.kind,
        total: m.total,
        count: m.count,
      }));
    const merchants = inKeyOrder(this.merchants)
      .filter((m) => m.total !== 0 || m.count !== 0 || m.daySum !== 0)
      .map((m) => ({
        person_id: personId,
        merchant_id: m.merchantId,
        category: m.category,
        month: m.month,
        total: m.total,
        count: m.count,
        day_sum: m.daySum,
      }));
    const days = inKeyOrder(this.days)
      .filter((d) => d.total !== 0 || d.count !== 0)
      .map((d) => ({ person_id: personId, day: d.day, kind: d.kind, total: d.total, count: d.count }));
    await increment(
      db,
      templates,
      'op_an_month',
      ['person_id', 'month', 'category', 'kind'],
      ['total', 'count'],
      months,
    );
    await increment(
      db,
      templates,
      'op_an_merchant_month',
      ['person_id', 'merchant_id', 'category', 'month'],
      ['total', 'count', 'day_sum'],
      merchants,
    );
    await increment(db, templates, 'op_an_day', ['person_id', 'day', 'kind'], ['total', 'count'], days);
  }
}

/** insert … on conflict (keys) do update set col = col + excluded.col, as compiled templates. */
async function increment(
  db: Kysely<LooseDatabase>,
  templates: QueryTemplates,
  table: string,
  keys: readonly string[],
  sums: readonly string[],
  rows: readonly Record<string, unknown>[],
): Promise<void> {
  if (rows.length === 0) return;
  const inc = (col: string) => sql`${sql.ref(`${table}.${col}`)} + ${sql.ref(`excluded.${col}`)}`;
  const columns = [...keys, ...sums];
  for (const query of bindRows(templates, `rollup|${table}`, columns, rows, (slots) =>
    db
      .insertInto(table)
      .values(slots)
      .onConflict((oc) => oc.columns([...keys]).doUpdateSet(Object.fromEntries(sums.map((c) => [c, inc(c)])))),
  ))
    await db.executeQuery(query);
}

/** A map's values sorted by their keys (the order every writer locks rows in). */
function inKeyOrder<V>(map: ReadonlyMap<string, V>): V[] {
  return [...map.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, v]) => v);
}
