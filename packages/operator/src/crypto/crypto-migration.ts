import type { Migration } from '@hannun/store';

/** op_person_key: one row per person and data-key version. Deleting a person's rows shreds their data. */
export const CRYPTO_MIGRATION: Migration = {
  async up(db, ddl) {
    await db.schema
      .createTable('op_person_key')
      .addColumn('person_id', ddl.text, (c) => c.notNull())
      .addColumn('version', ddl.int64, (c) => c.notNull())
      .addColumn('kek_version', ddl.int64, (c) => c.notNull())
      .addColumn('wrapped_key', ddl.text, (c) => c.notNull())
      .addColumn('created_at', ddl.epochMs, (c) => c.notNull())
      .addPrimaryKeyConstraint('op_person_key_pk', ['person_id', 'version'])
      .execute();
    // KEK rotation finds the keys still wrapped by an older KEK.
    await db.schema.createIndex('op_person_key_kek').on('op_person_key').column('kek_version').execute();
  },
};
