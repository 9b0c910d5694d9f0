import type { Store } from '@hannun/store';
import type { OperatorDatabase } from '../schema/operator-database.ts';
import { addKstMonths } from '../time/kst.ts';

/** Processing and transmission records are kept 3 years (notes §4.4 Records, GUIDE 5.2.3). */
export const RECORD_RETENTION_MONTHS = 36;

/** The instant before which records may go: 3 calendar years (KST) before `now`. */
export function recordsCutoff(nowMs: number): number {
  return addKstMonths(nowMs, -RECORD_RETENTION_MONTHS);
}

export interface PruneResult {
  readonly transmissions: number;
  readonly auditEntries: number;
}

/**
 * Deletes transmission records and audit entries older than 3 years. Audit entries go from the start of
 * the chain only, and the `base` anchor moves to the last one deleted, so `verify` still checks every
 * entry that is kept (and a deletion in the middle is still found).
 */
export async function pruneRecords(store: Store<OperatorDatabase>, nowMs: number): Promise<PruneResult> {
  const cutoff = recordsCutoff(nowMs);
  return store.transaction(async (trx) => {
    const t = await trx.deleteFrom('op_transmission').where('requested_at', '<', cutoff).executeTakeFirst();
    // The last old entry such that every entry up to it is old (entries are appended in time order).
    const firstKept = await trx
      .selectFrom('op_audit')
      .select('seq')
      .where('at', '>=', cutoff)
      .orderBy('seq')
      .limit(1)
      .executeTakeFirst();
    const lastOld = await trx
      .selectFrom('op_audit')
      .select(['seq', 'hash'])
      .where('seq', '<', firstKept ? Number(firstKept.seq) : Number.MAX_SAFE_INTEGER)
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    let auditEntries = 0;
    if (lastOld) {
      const a = await trx.deleteFrom('op_audit').where('seq', '<=', Number(lastOld.seq)).executeTakeFirst();
      auditEntries = Number(a.numDeletedRows);
      await trx
        .updateTable('op_audit_anchor')
        .set({ seq: Number(lastOld.seq), hash: lastOld.hash })
        .where('name', '=', 'base')
        .execute();
    }
    return { transmissions: Number(t.numDeletedRows), auditEntries };
  });
}
