import type { Migration } from '@hannun/store';

export const STATISTICS_MIGRATION: Migration = {
  async up(db, ddl) {
    await db.schema
      .createTable('op_statistics_sent')
      .addColumn('client_id', ddl.text, (c) => c.notNull())
      .addColumn('inquiry_date', ddl.text, (c) => c.notNull())
      .addColumn('type', ddl.text, (c) => c.notNull())
      .addColumn('sent_at', ddl.epochMs, (c) => c.notNull())
      .addPrimaryKeyConstraint('op_statistics_sent_pk', ['client_id', 'inquiry_date', 'type'])
      .execute();
  },
};
