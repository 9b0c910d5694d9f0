import type { Kysely } from '@hannun/store';
import type { OperatorDatabase } from '../schema/operator-database.ts';

/** Rows of the generated model tables: columns known from their declarations at run time, not as types. */
export type LooseRow = Record<string, unknown>;
export type LooseDatabase = Record<string, LooseRow>;

/** The same connection, for queries over tables named at run time (op_m_*). */
export function loose(db: Kysely<OperatorDatabase>): Kysely<LooseDatabase> {
  return db as unknown as Kysely<LooseDatabase>;
}
