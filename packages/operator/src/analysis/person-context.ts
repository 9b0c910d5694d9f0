import { type CheckedRule, checkRule, type Example } from '@hannun/analysis';
import type { Kysely } from '@hannun/store';
import type { PersonCipher } from '../crypto/field-cipher.ts';
import type { LooseDatabase } from '../model/model-db.ts';

/** A person's categorisation context as stored: rules (theirs, newest first), learned rules, corrections. */
export interface StoredContext {
  readonly rules: readonly (CheckedRule & { id: string; createdAt: number })[];
  /** merchant key → category (learned: 3 of the last 5). */
  readonly learned: ReadonlyMap<string, string>;
  readonly learnedIds: ReadonlyMap<string, string>;
  /** Merchants the person categorised themselves: taught to the model for them. */
  readonly corrections: readonly Example[];
}

export const T_RULE = 'op_an_rule';
export const T_MERCHANT = 'op_an_merchant';

/** Reads and opens a person's rules and corrections (a few dozen rows; sealed patterns opened here). */
export async function loadContext(
  db: Kysely<LooseDatabase>,
  personId: string,
  cipher: PersonCipher,
): Promise<StoredContext> {
  const rows = await db
    .selectFrom(T_RULE)
    .selectAll()
    .where('person_id', '=', personId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
  const rules: (CheckedRule & { id: string; createdAt: number })[] = [];
  const learned = new Map<string, string>();
  const learnedIds = new Map<string, string>();
  for (const r of rows) {
    const id = String(r.id);
    const pattern = cipher.open(T_RULE, 'pattern', id, String(r.pattern_sealed));
    if (r.origin === 'learned') {
      learned.set(pattern, String(r.category));
      learnedIds.set(pattern, id);
      continue;
    }
    rules.push({
      ...checkRule({
        id,
        match: r.match,
        pattern,
        category: r.category,
        ...(r.min_amount !== null ? { minAmount: Number(r.min_amount) } : {}),
        ...(r.max_amount !== null ? { maxAmount: Number(r.max_amount) } : {}),
      }),
      id,
      createdAt: Number(r.created_at),
    });
  }
  const edited = await db
    .selectFrom('op_an_tx')
    .innerJoin(T_MERCHANT, `${T_MERCHANT}.id`, 'op_an_tx.merchant_id')
    .select([`${T_MERCHANT}.id as mid`, `${T_MERCHANT}.key_sealed as key_sealed`, 'op_an_tx.category as category'])
    .where('op_an_tx.person_id', '=', personId)
    .where('op_an_tx.locked', '=', true)
    .groupBy([`${T_MERCHANT}.id`, `${T_MERCHANT}.key_sealed`, 'op_an_tx.category'])
    .limit(500)
    .execute();
  const corrections = edited.map((e) => ({
    text: cipher.open(T_MERCHANT, 'key', String(e.mid), String(e.key_sealed)),
    category: String(e.category),
  }));
  return { rules, learned, learnedIds, corrections };
}
