import { sql, type Store } from '@hannun/store';
import { MODEL_TABLE_DEFS } from '../model/model-routes.ts';
import type { OperatorDatabase } from '../schema/operator-database.ts';

/** How long an unanswered deletion offer may hold what was collected before the consent ended (our choice). */
export const DELETION_OFFER_GRACE_DAYS = 30;
const DAY = 24 * 60 * 60_000;

/** Why rows are not covered. */
export type UncoveredReason =
  /** No consent of the person at that provider ever. */
  | 'no-consent'
  /** Collected after the last consent ended (nothing may be collected without a live consent). */
  | 'collected-after-end'
  /** The consent ended and the deletion offer has waited longer than the grace, unanswered. */
  | 'offer-overdue'
  /** The consent ended and no deletion offer was made. */
  | 'ended-without-offer'
  /** op_token: a token pair with neither an active nor a pending consent behind it. */
  | 'token-without-consent';

/** One group of uncovered rows: opaque ids and counts only, never a value. */
export interface UncoveredRows {
  readonly table: string;
  readonly personId: string;
  readonly orgCode: string;
  readonly rows: number;
  readonly reason: UncoveredReason;
}

export interface LiveConsentReport {
  readonly checkedAt: number;
  /** Tables checked: op_asset, every op_m_* table, op_token. */
  readonly tables: number;
  readonly uncovered: readonly UncoveredRows[];
  readonly ok: boolean;
}

/**
 * "No stored personal row without a live consent" (issue #6 item 6), as one query per table. A row of what
 * was collected (op_asset, op_m_*) of a person at a provider is covered when that person has, at that provider:
 * 1. an **active** consent; or
 * 2. an **ended** one (withdrawn, expired, …) it was collected before, whose `offer-deletion` follow-up is either
 *    still pending within `graceDays` of the end, or answered (the person chose to keep: the standard says a
 *    withdrawal does not delete, and the data stays under the consent's retention item until the person asks
 *    or leaves; had they chosen delete, the rows would be gone).
 * Token pairs (op_token) need an active or pending consent (a pair may be stored just before activation).
 * Everything else is reported, by table, person (the opaque id) and provider, with a reason.
 */
export async function checkLiveConsents(
  store: Store<OperatorDatabase>,
  o: { now: number; graceDays?: number },
): Promise<LiveConsentReport> {
  const { db } = store;
  const graceStart = o.now - (o.graceDays ?? DELETION_OFFER_GRACE_DAYS) * DAY;
  const groups: { table: string; personId: string; orgCode: string; rows: number; last: number }[] = [];
  const tables = ['op_asset', ...MODEL_TABLE_DEFS.map((t) => t.name)];
  for (const table of tables) {
    const r = await sql<{ person_id: string; org_code: string; n: number | string; last: number | string }>`
      select t.person_id, t.org_code, count(*) as n, max(t.collected_at) as last
      from ${sql.table(table)} t
      where not exists (
        select 1 from op_consent c
        where c.person_id = t.person_id and c.org_code = t.org_code and c.status = 'active'
      ) and not exists (
        select 1 from op_consent c join op_followup f on f.consent_id = c.id
        where c.person_id = t.person_id and c.org_code = t.org_code and f.kind = 'offer-deletion'
          and c.ended_at is not null and t.collected_at <= c.ended_at
          and (f.status = 'done' or f.created_at >= ${graceStart})
      )
      group by t.person_id, t.org_code`.execute(db);
    for (const g of r.rows) {
      groups.push({ table, personId: g.person_id, orgCode: g.org_code, rows: Number(g.n), last: Number(g.last) });
    }
  }
  const uncovered: UncoveredRows[] = [];
  for (const g of groups) {
    uncovered.push({
      table: g.table,
      personId: g.personId,
      orgCode: g.orgCode,
      rows: g.rows,
      reason: await reasonOf(store, g, graceStart),
    });
  }
  const tokens = await sql<{ person_id: string; org_code: string; n: number | string }>`
    select t.person_id, t.org_code, count(*) as n from op_token t
    where not exists (
      select 1 from op_consent c
      where c.person_id = t.person_id and c.org_code = t.org_code and c.status in ('active', 'pending')
    )
    group by t.person_id, t.org_code`.execute(db);
  for (const g of tokens.rows) {
    uncovered.push({
      table: 'op_token',
      personId: g.person_id,
      orgCode: g.org_code,
      rows: Number(g.n),
      reason: 'token-without-consent',
    });
  }
  return { checkedAt: o.now, tables: tables.length + 1, uncovered, ok: uncovered.length === 0 };
}

async function reasonOf(
  store: Store<OperatorDatabase>,
  g: { personId: string; orgCode: string; last: number },
  graceStart: number,
): Promise<UncoveredReason> {
  const consents = await store.db
    .selectFrom('op_consent')
    .select(['id', 'ended_at', 'activated_at'])
    .where('person_id', '=', g.personId)
    .where('org_code', '=', g.orgCode)
    .execute();
  if (!consents.some((c) => c.activated_at !== null)) return 'no-consent';
  const lastEnd = Math.max(...consents.map((c) => (c.ended_at === null ? 0 : Number(c.ended_at))));
  if (g.last > lastEnd) return 'collected-after-end';
  const offers = await store.db
    .selectFrom('op_followup')
    .select(['created_at'])
    .where(
      'consent_id',
      'in',
      consents.map((c) => c.id),
    )
    .where('kind', '=', 'offer-deletion')
    .where('status', '=', 'pending')
    .execute();
  return offers.some((f) => Number(f.created_at) < graceStart) ? 'offer-overdue' : 'ended-without-offer';
}
