import { type Migration, sql } from '@hannun/store';
import { GENESIS_HASH } from './audit-hash.ts';

export const RECORDS_MIGRATION: Migration = {
  async up(db, ddl) {
    await db.schema
      .createTable('op_transmission')
      .addColumn('id', ddl.text, (c) => c.primaryKey())
      .addColumn('person_ref', ddl.text)
      .addColumn('consent_id', ddl.text)
      .addColumn('org_code', ddl.text, (c) => c.notNull())
      .addColumn('api_id', ddl.text, (c) => c.notNull())
      .addColumn('api_type', ddl.text)
      .addColumn('tran_id', ddl.text, (c) => c.notNull())
      .addColumn('requested_at', ddl.epochMs, (c) => c.notNull())
      .addColumn('duration_ms', ddl.int64, (c) => c.notNull())
      .addColumn('http_status', ddl.int64)
      .addColumn('rsp_code', ddl.text)
      .addColumn('rows_received', ddl.int64, (c) => c.notNull())
      .addColumn('rows_stored', ddl.int64, (c) => c.notNull())
      .addColumn('failure', ddl.text)
      .execute();
    await db.schema.createIndex('op_transmission_at').on('op_transmission').column('requested_at').execute();
    await db.schema
      .createIndex('op_transmission_org_at')
      .on('op_transmission')
      .columns(['org_code', 'requested_at'])
      .execute();
    await db.schema
      .createTable('op_audit')
      .addColumn('seq', ddl.int64, (c) => c.primaryKey())
      .addColumn('at', ddl.epochMs, (c) => c.notNull())
      .addColumn('actor', ddl.text, (c) => c.notNull())
      .addColumn('action', ddl.text, (c) => c.notNull())
      .addColumn('subject', ddl.text)
      .addColumn('details', ddl.jsonText, (c) => c.notNull())
      // Two entries can never follow the same one: a fork of the chain is refused by the database.
      .addColumn('prev_hash', ddl.text, (c) => c.notNull().unique())
      .addColumn('hash', ddl.text, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('op_audit_at').on('op_audit').column('at').execute();
    await db.schema
      .createTable('op_audit_anchor')
      .addColumn('name', ddl.text, (c) => c.primaryKey())
      .addColumn('seq', ddl.int64, (c) => c.notNull())
      .addColumn('hash', ddl.text, (c) => c.notNull())
      .execute();
    await sql`insert into op_audit_anchor (name, seq, hash) values ('head', 0, ${GENESIS_HASH}), ('base', 0, ${GENESIS_HASH})`.execute(
      db,
    );
  },
};
