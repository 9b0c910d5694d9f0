import type { Kysely } from '@hannun/store';
import type { PersonCipher } from '../crypto/field-cipher.ts';
import { type LooseRow, loose } from '../model/model-db.ts';
import type { OperatorDatabase } from '../schema/operator-database.ts';
import { T_MERCHANT } from './person-context.ts';

/** A categorised movement as the person's transactions list shows it, the merchant's name opened. */
export interface AnalysedTx {
  readonly id: string;
  readonly orgCode: string;
  readonly kind: string;
  readonly date: string;
  readonly amount: number;
  readonly merchant: string | null;
  readonly category: string;
  readonly source: string;
  readonly confidence: number;
  readonly locked: boolean;
}

/**
 * The person's categorised movements with their merchant's sealed name: the one select both the month listing
 * (analysis-service.ts) and the search (transaction-search.ts) narrow further.
 */
export function analysedTxQuery(db: Kysely<OperatorDatabase>, personId: string) {
  return loose(db)
    .selectFrom('op_an_tx as t')
    .leftJoin(`${T_MERCHANT} as m`, 'm.id', 't.merchant_id')
    .select([
      't.id as id',
      't.org_code as org_code',
      't.day as day',
      't.amount as amount',
      't.category as category',
      't.kind as kind',
      't.source as source',
      't.confidence_pm as confidence_pm',
      't.locked as locked',
      't.merchant_id as merchant_id',
      'm.name_sealed as name_sealed',
    ])
    .where('t.person_id', '=', personId);
}

/** One row of {@link analysedTxQuery}, opened with the person's cipher. */
export function toAnalysedTx(r: LooseRow, cipher: PersonCipher): AnalysedTx {
  return {
    id: String(r.id),
    orgCode: String(r.org_code),
    kind: String(r.kind),
    date: String(r.day),
    amount: Number(r.amount),
    merchant:
      r.name_sealed && r.merchant_id
        ? cipher.open(T_MERCHANT, 'name', String(r.merchant_id), String(r.name_sealed))
        : null,
    category: String(r.category),
    source: String(r.source),
    confidence: Number(r.confidence_pm) / 1000,
    locked: Boolean(r.locked),
  };
}
