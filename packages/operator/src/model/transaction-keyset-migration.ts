import { type Migration, sql } from '@hannun/store';
import { MOVEMENT_TABLE_DEFS } from './movement-tables.ts';

/**
 * The indexes of the keyset read (transaction-pages.ts): `(person_id, time, id)` for a person's movements across
 * assets and `(asset_id, time, id)` for one asset's, read backwards for `order by time desc, id desc`. The id is
 * bytewise on both dialects (`collate "C"` on PostgreSQL, SQLite's default BINARY), like the cursor compares it.
 * They replace the narrower `<table>_person_time (person_id, time)` and `<table>_asset (asset_id)`.
 */
export const TRANSACTION_KEYSET_MIGRATION: Migration = {
  async up(db, ddl) {
    const id = ddl.dialect === 'postgres' ? sql`id collate "C"` : sql`id`;
    for (const t of MOVEMENT_TABLE_DEFS) {
      const time = sql.ref(t.time!);
      await sql`create index ${sql.id(`${t.name}_person_keyset`)} on ${sql.table(t.name)} (person_id, ${time}, ${id})`.execute(
        db,
      );
      await sql`create index ${sql.id(`${t.name}_asset_keyset`)} on ${sql.table(t.name)} (asset_id, ${time}, ${id})`.execute(
        db,
      );
      await db.schema.dropIndex(`${t.name}_person_time`).execute();
      await db.schema.dropIndex(`${t.name}_asset`).execute();
    }
  },
};
