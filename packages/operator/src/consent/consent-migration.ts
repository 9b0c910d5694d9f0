import { type Migration, sql } from '@hannun/store';

export const CONSENT_MIGRATION: Migration = {
  async up(db, ddl) {
    await db.schema
      .createTable('op_consent')
      .addColumn('id', ddl.text, (c) => c.primaryKey())
      .addColumn('person_id', ddl.text, (c) => c.notNull().references('op_person.id'))
      .addColumn('org_code', ddl.text, (c) => c.notNull())
      .addColumn('industry', ddl.text, (c) => c.notNull())
      .addColumn('version', ddl.int64, (c) => c.notNull())
      .addColumn('status', ddl.text, (c) => c.notNull())
      .addColumn('auth_path', ddl.text, (c) => c.notNull())
      .addColumn('rcv_org_code', ddl.text, (c) => c.notNull())
      .addColumn('client_id', ddl.text, (c) => c.notNull())
      .addColumn('scope', ddl.text, (c) => c.notNull())
      .addColumn('target', ddl.text, (c) => c.notNull())
      .addColumn('asset_count', ddl.int64, (c) => c.notNull())
      .addColumn('assets_sealed', ddl.text, (c) => c.notNull())
      .addColumn('is_scheduled', ddl.boolean, (c) => c.notNull())
      .addColumn('fnd_cycle', ddl.text, (c) => c.notNull())
      .addColumn('add_cycle', ddl.text, (c) => c.notNull())
      .addColumn('end_date', ddl.text, (c) => c.notNull())
      .addColumn('purpose', ddl.text, (c) => c.notNull())
      .addColumn('period', ddl.text, (c) => c.notNull())
      .addColumn('is_consent_trans_memo', ddl.boolean, (c) => c.notNull())
      .addColumn('is_consent_merchant_name_regno', ddl.boolean, (c) => c.notNull())
      .addColumn('is_consent_trans_category', ddl.boolean, (c) => c.notNull())
      .addColumn('consent_date', ddl.text, (c) => c.notNull())
      .addColumn('document_sealed', ddl.text, (c) => c.notNull())
      .addColumn('signed_sealed', ddl.text)
      .addColumn('proposal', ddl.text, (c) => c.notNull())
      .addColumn('supersedes_id', ddl.text)
      .addColumn('batch_id', ddl.text)
      .addColumn('created_at', ddl.epochMs, (c) => c.notNull())
      .addColumn('activated_at', ddl.epochMs)
      .addColumn('ended_at', ddl.epochMs)
      .addColumn('ended_reason', ddl.text)
      .addUniqueConstraint('op_consent_version', ['person_id', 'org_code', 'version'])
      .execute();
    // At most one live and one proposed consent per person and provider, enforced by the database.
    await db.schema
      .createIndex('op_consent_one_active')
      .on('op_consent')
      .columns(['person_id', 'org_code'])
      .unique()
      .where(sql<boolean>`status = 'active'`)
      .execute();
    await db.schema
      .createIndex('op_consent_one_pending')
      .on('op_consent')
      .columns(['person_id', 'org_code'])
      .unique()
      .where(sql<boolean>`status = 'pending'`)
      .execute();
    // Expiry sweeps and the scheduled-collection query.
    await db.schema.createIndex('op_consent_status_end').on('op_consent').columns(['status', 'end_date']).execute();
    await db.schema
      .createTable('op_followup')
      .addColumn('id', ddl.text, (c) => c.primaryKey())
      .addColumn('kind', ddl.text, (c) => c.notNull())
      .addColumn('person_ref', ddl.text, (c) => c.notNull())
      .addColumn('consent_id', ddl.text, (c) => c.notNull())
      .addColumn('org_code', ddl.text, (c) => c.notNull())
      .addColumn('client_id', ddl.text, (c) => c.notNull())
      .addColumn('payload_sealed', ddl.text)
      .addColumn('status', ddl.text, (c) => c.notNull())
      .addColumn('attempts', ddl.int64, (c) => c.notNull())
      .addColumn('created_at', ddl.epochMs, (c) => c.notNull())
      .addColumn('done_at', ddl.epochMs)
      .execute();
    await db.schema
      .createIndex('op_followup_pending')
      .on('op_followup')
      .columns(['status', 'kind', 'created_at'])
      .execute();
    await db.schema.createIndex('op_followup_person').on('op_followup').column('person_ref').execute();
  },
};
