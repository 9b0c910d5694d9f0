import type { BalancePoint } from '@hannun/analysis';
import { type Kysely, sql } from '@hannun/store';
import type { LooseDatabase } from '../model/model-db.ts';

/** Where a table's movements keep the balance after each one, and what moved it (to know the balance before). */
const TABLES = {
  // 은행-004: trans_amt is signed (money in > 0): before = after − trans_amt. KRW rows only.
  op_m_deposit_tx: { moved: 'trans_amt', sign: -1, krwOnly: true },
  // 은행-008 style loan transactions: a repayment lowers the balance by principal_amt: before = after + principal.
  op_m_loan_tx: { moved: 'principal_amt', sign: 1, krwOnly: false },
} as const;

const num = (v: unknown): number | null => (v === null || v === undefined || v === '' ? null : Number(v));

/**
 * For each asset, the balance after its last movement of each month from `fromMonth` on, and its first movement
 * there (with the balance before it): a few rows per asset and month, whatever the history's size — the database
 * finds the month's last movement (grouped by asset and month), only those rows come back.
 */
export async function pastBalances(
  db: Kysely<LooseDatabase>,
  personId: string,
  table: keyof typeof TABLES,
  assetIds: readonly string[],
  fromMonth: string,
): Promise<Map<string, BalancePoint[]>> {
  const out = new Map<string, BalancePoint[]>();
  if (assetIds.length === 0) return out;
  const t = TABLES[table];
  const month = sql<string>`substr(trans_dtime, 1, 6)`;
  let ends = db
    .selectFrom(table)
    .select(['asset_id', sql<string>`max(trans_dtime)`.as('last'), sql<string>`min(trans_dtime)`.as('first')])
    .where('person_id', '=', personId)
    .where('asset_id', 'in', [...assetIds])
    .where('trans_dtime', '>=', `${fromMonth}01000000`)
    .where('balance_amt', 'is not', null);
  if (t.krwOnly) ends = ends.where((eb) => eb.or([eb('currency_code', '=', 'KRW'), eb('currency_code', 'is', null)]));
  const marks = await ends.groupBy(['asset_id', month]).execute();
  if (marks.length === 0) return out;
  const times = [...new Set(marks.flatMap((m) => [String(m.last), String(m.first)]))];
  const wanted = new Set(marks.flatMap((m) => [`${m.asset_id}|${m.last}`, `${m.asset_id}|${m.first}`]));
  const rows = [];
  for (let i = 0; i < times.length; i += 200) {
    rows.push(
      ...(await db
        .selectFrom(table)
        .select(['asset_id', 'trans_dtime', 'trans_no', 'balance_amt', t.moved])
        .where('person_id', '=', personId)
        .where('asset_id', 'in', [...assetIds])
        .where('trans_dtime', 'in', times.slice(i, i + 200))
        .execute()),
    );
  }
  // Several movements in one second: the last (by trans_no) ends the moment, the first begins it.
  rows.sort((a, b) =>
    String(a.trans_dtime) < String(b.trans_dtime)
      ? -1
      : String(a.trans_dtime) > String(b.trans_dtime)
        ? 1
        : String(a.trans_no ?? '') < String(b.trans_no ?? '')
          ? -1
          : 1,
  );
  for (const r of rows) {
    const asset = String(r.asset_id);
    if (!wanted.has(`${asset}|${r.trans_dtime}`)) continue;
    const after = num(r.balance_amt);
    if (after === null) continue;
    const moved = num(r[t.moved]);
    const list = out.get(asset) ?? [];
    list.push({
      date: String(r.trans_dtime).slice(0, 8),
      after: Math.round(after),
      before: moved === null ? null : Math.round(after + t.sign * moved),
    });
    out.set(asset, list);
  }
  return out;
}
