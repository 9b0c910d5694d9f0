import type { Migration } from '@hannun/store';

export const PEOPLE_MIGRATION: Migration = {
  async up(db, ddl) {
    await db.schema
      .createTable('op_person')
      .addColumn('id', ddl.text, (c) => c.primaryKey())
      .addColumn('login_bidx', ddl.text, (c) => c.notNull().unique())
      .addColumn('login_sealed', ddl.text, (c) => c.notNull())
      .addColumn('ci_bidx', ddl.text, (c) => c.notNull().unique())
      .addColumn('ci_sealed', ddl.text, (c) => c.notNull())
      .addColumn('name_sealed', ddl.text, (c) => c.notNull())
      .addColumn('birth_date_sealed', ddl.text, (c) => c.notNull())
      .addColumn('password_hash', ddl.text, (c) => c.notNull())
      .addColumn('failed_logins', ddl.int64, (c) => c.notNull())
      .addColumn('locked_until', ddl.epochMs)
      .addColumn('totp_sealed', ddl.text)
      .addColumn('totp_enabled', ddl.boolean, (c) => c.notNull())
      .addColumn('totp_last_step', ddl.int64)
      .addColumn('created_at', ddl.epochMs, (c) => c.notNull())
      .addColumn('last_login_at', ddl.epochMs, (c) => c.notNull())
      .execute();
    // The inactivity sweeps select by last login.
    await db.schema.createIndex('op_person_last_login').on('op_person').column('last_login_at').execute();
    await db.schema
      .createTable('op_login_attempt')
      .addColumn('id', ddl.text, (c) => c.primaryKey())
      .addColumn('source_bidx', ddl.text, (c) => c.notNull())
      .addColumn('login_bidx', ddl.text, (c) => c.notNull())
      .addColumn('person_id', ddl.text, (c) => c.references('op_person.id'))
      .addColumn('at', ddl.epochMs, (c) => c.notNull())
      .addColumn('ok', ddl.boolean, (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('op_login_attempt_source')
      .on('op_login_attempt')
      .columns(['source_bidx', 'at'])
      .execute();
    await db.schema.createIndex('op_login_attempt_person').on('op_login_attempt').column('person_id').execute();
    await db.schema
      .createTable('op_session')
      .addColumn('id_hash', ddl.text, (c) => c.primaryKey())
      .addColumn('person_id', ddl.text, (c) => c.notNull().references('op_person.id'))
      .addColumn('created_at', ddl.epochMs, (c) => c.notNull())
      .addColumn('last_seen_at', ddl.epochMs, (c) => c.notNull())
      .addColumn('idle_expires_at', ddl.epochMs, (c) => c.notNull())
      .addColumn('absolute_expires_at', ddl.epochMs, (c) => c.notNull())
      .addColumn('csrf_nonce', ddl.text, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('op_session_person').on('op_session').column('person_id').execute();
  },
};
