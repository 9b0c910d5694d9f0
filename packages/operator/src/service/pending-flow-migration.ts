import type { Migration } from '@hannun/store';

export const PENDING_FLOW_MIGRATION: Migration = {
  async up(db, ddl) {
    await db.schema
      .createTable('op_pending_flow')
      .addColumn('id', ddl.text, (c) => c.primaryKey())
      .addColumn('kind', ddl.text, (c) => c.notNull())
      .addColumn('person_id', ddl.text, (c) => c.references('op_person.id'))
      .addColumn('session_ref', ddl.text)
      .addColumn('status', ddl.text, (c) => c.notNull())
      .addColumn('payload_sealed', ddl.text, (c) => c.notNull())
      .addColumn('version', ddl.int64, (c) => c.notNull())
      .addColumn('expires_at', ddl.epochMs, (c) => c.notNull())
      .addColumn('lease_owner', ddl.text)
      .addColumn('lease_until', ddl.epochMs)
      .addColumn('finished_at', ddl.epochMs)
      .addColumn('created_at', ddl.epochMs, (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('op_pending_flow_lease')
      .on('op_pending_flow')
      .columns(['kind', 'status', 'lease_until'])
      .execute();
    await db.schema.createIndex('op_pending_flow_expiry').on('op_pending_flow').column('expires_at').execute();
  },
};
