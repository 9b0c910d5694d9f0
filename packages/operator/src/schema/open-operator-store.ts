import type { Logger } from '@hannun/infra';
import { migrate, openStore, type Store, sql } from '@hannun/store';
import type { OperatorDatabase } from './operator-database.ts';
import { OPERATOR_MIGRATION_NAMESPACE, OPERATOR_MIGRATIONS } from './operator-migrations.ts';

/** Brings a store's schema up to date with the operator's migrations; returns the names applied now. */
export function migrateOperatorStore(store: Store<OperatorDatabase>): Promise<string[]> {
  return migrate(store, { namespace: OPERATOR_MIGRATION_NAMESPACE, migrations: OPERATOR_MIGRATIONS });
}

/**
 * Prepares a store for the operator: on SQLite, `secure_delete` so deleted rows (a person who left, their
 * wrapped data key) are overwritten with zeros in the file rather than left in free pages.
 */
export async function prepareOperatorStore(store: Store<OperatorDatabase>): Promise<void> {
  if (store.dialect === 'sqlite') await sql`pragma secure_delete = on`.execute(store.db);
}

/** Opens, prepares and migrates the operator's store (`schema: 'operator'` on PostgreSQL). */
export async function openOperatorStore(opts: {
  readonly url: string;
  readonly logger?: Logger;
  readonly poolMax?: number;
}): Promise<Store<OperatorDatabase>> {
  const store = await openStore<OperatorDatabase>({ ...opts, schema: 'operator' });
  try {
    await prepareOperatorStore(store);
    await migrateOperatorStore(store);
  } catch (e) {
    await store.close();
    throw e;
  }
  return store;
}
