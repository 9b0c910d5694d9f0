import type { Migration } from '@hannun/store';

export const VAULT_MIGRATION: Migration = {
  async up(db, ddl) {
    await db.schema
      .createTable('op_token')
      .addColumn('id', ddl.text, (c) => c.primaryKey())
      .addColumn('person_id', ddl.text, (c) => c.notNull().references('op_person.id'))
      .addColumn('client_id', ddl.text, (c) => c.notNull())
      .addColumn('org_code', ddl.text, (c) => c.notNull())
      .addColumn('consent_id', ddl.text)
      .addColumn('access_sealed', ddl.text, (c) => c.notNull())
      .addColumn('refresh_sealed', ddl.text)
      .addColumn('access_bidx', ddl.text, (c) => c.notNull())
      .addColumn('refresh_bidx', ddl.text)
      .addColumn('access_jti_bidx', ddl.text)
      .addColumn('refresh_jti_bidx', ddl.text)
      .addColumn('scope', ddl.text, (c) => c.notNull())
      .addColumn('access_expires_at', ddl.epochMs, (c) => c.notNull())
      .addColumn('refresh_expires_at', ddl.epochMs)
      .addColumn('status', ddl.text, (c) => c.notNull())
      .addColumn('issued_at', ddl.epochMs, (c) => c.notNull())
      .addColumn('updated_at', ddl.epochMs, (c) => c.notNull())
      .addUniqueConstraint('op_token_pair', ['person_id', 'client_id', 'org_code'])
      .execute();
    await db.schema
      .createIndex('op_token_refresh_due')
      .on('op_token')
      .columns(['status', 'access_expires_at'])
      .execute();
    await db.schema.createIndex('op_token_access_bidx').on('op_token').column('access_bidx').execute();
    await db.schema.createIndex('op_token_refresh_bidx').on('op_token').column('refresh_bidx').execute();
  },
};
