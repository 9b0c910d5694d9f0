import type { Migration } from '@hannun/store';

export const NOTICE_MIGRATION: Migration = {
  async up(db, ddl) {
    await db.schema
      .createTable('op_yearly_notice')
      .addColumn('person_id', ddl.text, (c) => c.notNull().references('op_person.id'))
      .addColumn('year', ddl.int64, (c) => c.notNull())
      .addColumn('consents', ddl.int64, (c) => c.notNull())
      .addColumn('calls', ddl.int64, (c) => c.notNull())
      .addColumn('created_at', ddl.epochMs, (c) => c.notNull())
      .addColumn('read_at', ddl.epochMs)
      .addPrimaryKeyConstraint('op_yearly_notice_pk', ['person_id', 'year'])
      .execute();
    // A person's transmission records of a year (the notice's counts).
    await db.schema
      .createIndex('op_transmission_person_at')
      .on('op_transmission')
      .columns(['person_ref', 'requested_at'])
      .execute();
  },
};
