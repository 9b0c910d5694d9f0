import { migrate } from '../migrate/migrate.ts';
import type { Store } from '../open-store.ts';

/** The one table the query-template tests write: `flag` defaults to false for tests that leave it out. */
export interface ItemTables {
  item: { id: string; label: string | null; n: number; flag: boolean };
}

export async function itemStore(open: () => Promise<Store<ItemTables>>): Promise<Store<ItemTables>> {
  const store = await open();
  await migrate(store, {
    namespace: 'test',
    migrations: {
      '0001': {
        async up(db, ddl) {
          await db.schema
            .createTable('item')
            .addColumn('id', ddl.text, (c) => c.primaryKey())
            .addColumn('label', ddl.text)
            .addColumn('n', ddl.int64, (c) => c.notNull())
            .addColumn('flag', ddl.boolean, (c) => c.notNull().defaultTo(false))
            .execute();
        },
      },
    },
  });
  return store;
}
