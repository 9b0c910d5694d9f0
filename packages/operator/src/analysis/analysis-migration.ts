import type { Migration } from '@hannun/store';

/**
 * analysis/ (issue #7): categorised movements and the rollups read by the person's dashboard, maintained on
 * ingest. Nothing here is more personal than the model it comes from: amounts and dates as the model keeps
 * them; merchants by a keyed HMAC (`merchant_id`), their names and the normalised keys sealed with the
 * person's data key; rule patterns sealed too. Leaving deletes every row (PERSON_TABLES).
 */
export const ANALYSIS_MIGRATION: Migration = {
  async up(db, ddl) {
    await db.schema
      .createTable('op_an_merchant')
      .addColumn('id', ddl.text, (c) => c.primaryKey())
      .addColumn('person_id', ddl.text, (c) => c.notNull().references('op_person.id'))
      .addColumn('key_sealed', ddl.text, (c) => c.notNull())
      .addColumn('name_sealed', ddl.text, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('op_an_merchant_person').on('op_an_merchant').column('person_id').execute();
    await db.schema
      .createTable('op_an_tx')
      .addColumn('id', ddl.text, (c) => c.primaryKey())
      .addColumn('person_id', ddl.text, (c) => c.notNull().references('op_person.id'))
      .addColumn('org_code', ddl.text, (c) => c.notNull())
      .addColumn('table_name', ddl.text, (c) => c.notNull())
      .addColumn('day', ddl.text, (c) => c.notNull())
      .addColumn('month', ddl.text, (c) => c.notNull())
      .addColumn('amount', ddl.int64, (c) => c.notNull())
      .addColumn('merchant_id', ddl.text)
      .addColumn('category', ddl.text, (c) => c.notNull())
      .addColumn('kind', ddl.text, (c) => c.notNull())
      .addColumn('source', ddl.text, (c) => c.notNull())
      .addColumn('confidence_pm', ddl.int64, (c) => c.notNull())
      .addColumn('base_category', ddl.text, (c) => c.notNull())
      .addColumn('base_source', ddl.text, (c) => c.notNull())
      .addColumn('base_confidence_pm', ddl.int64, (c) => c.notNull())
      .addColumn('locked', ddl.boolean, (c) => c.notNull())
      .addColumn('edited_at', ddl.epochMs)
      .execute();
    await db.schema.createIndex('op_an_tx_person_month').on('op_an_tx').columns(['person_id', 'month']).execute();
    await db.schema
      .createIndex('op_an_tx_person_merchant')
      .on('op_an_tx')
      .columns(['person_id', 'merchant_id', 'day'])
      .execute();
    await db.schema
      .createTable('op_an_month')
      .addColumn('person_id', ddl.text, (c) => c.notNull().references('op_person.id'))
      .addColumn('month', ddl.text, (c) => c.notNull())
      .addColumn('category', ddl.text, (c) => c.notNull())
      .addColumn('kind', ddl.text, (c) => c.notNull())
      .addColumn('total', ddl.int64, (c) => c.notNull())
      .addColumn('count', ddl.int64, (c) => c.notNull())
      .addPrimaryKeyConstraint('op_an_month_pk', ['person_id', 'month', 'category', 'kind'])
      .execute();
    await db.schema
      .createTable('op_an_merchant_month')
      .addColumn('person_id', ddl.text, (c) => c.notNull().references('op_person.id'))
      .addColumn('merchant_id', ddl.text, (c) => c.notNull())
      .addColumn('category', ddl.text, (c) => c.notNull())
      .addColumn('month', ddl.text, (c) => c.notNull())
      .addColumn('total', ddl.int64, (c) => c.notNull())
      .addColumn('count', ddl.int64, (c) => c.notNull())
      .addColumn('day_sum', ddl.int64, (c) => c.notNull())
      .addPrimaryKeyConstraint('op_an_merchant_month_pk', ['person_id', 'merchant_id', 'category', 'month'])
      .execute();
    await db.schema
      .createIndex('op_an_merchant_month_month')
      .on('op_an_merchant_month')
      .columns(['person_id', 'month'])
      .execute();
    await db.schema
      .createTable('op_an_day')
      .addColumn('person_id', ddl.text, (c) => c.notNull().references('op_person.id'))
      .addColumn('day', ddl.text, (c) => c.notNull())
      .addColumn('kind', ddl.text, (c) => c.notNull())
      .addColumn('total', ddl.int64, (c) => c.notNull())
      .addColumn('count', ddl.int64, (c) => c.notNull())
      .addPrimaryKeyConstraint('op_an_day_pk', ['person_id', 'day', 'kind'])
      .execute();
    await db.schema
      .createTable('op_an_rule')
      .addColumn('id', ddl.text, (c) => c.primaryKey())
      .addColumn('person_id', ddl.text, (c) => c.notNull().references('op_person.id'))
      .addColumn('origin', ddl.text, (c) => c.notNull())
      .addColumn('match', ddl.text, (c) => c.notNull())
      .addColumn('pattern_sealed', ddl.text, (c) => c.notNull())
      .addColumn('category', ddl.text, (c) => c.notNull())
      .addColumn('min_amount', ddl.int64)
      .addColumn('max_amount', ddl.int64)
      .addColumn('merchant_id', ddl.text)
      .addColumn('created_at', ddl.epochMs, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('op_an_rule_person').on('op_an_rule').column('person_id').execute();
    await db.schema
      .createTable('op_an_budget')
      .addColumn('person_id', ddl.text, (c) => c.notNull().references('op_person.id'))
      .addColumn('category', ddl.text, (c) => c.notNull())
      .addColumn('monthly', ddl.int64, (c) => c.notNull())
      .addPrimaryKeyConstraint('op_an_budget_pk', ['person_id', 'category'])
      .execute();
    await db.schema
      .createTable('op_an_net_worth')
      .addColumn('person_id', ddl.text, (c) => c.notNull().references('op_person.id'))
      .addColumn('day', ddl.text, (c) => c.notNull())
      .addColumn('assets', ddl.int64, (c) => c.notNull())
      .addColumn('liabilities', ddl.int64, (c) => c.notNull())
      .addColumn('complete', ddl.boolean, (c) => c.notNull())
      .addPrimaryKeyConstraint('op_an_net_worth_pk', ['person_id', 'day'])
      .execute();
  },
};

/** The analysis tables holding a person's rows, children first (for leaving). */
export const ANALYSIS_PERSON_TABLES: readonly string[] = [
  'op_an_tx',
  'op_an_merchant_month',
  'op_an_month',
  'op_an_day',
  'op_an_rule',
  'op_an_rule_version',
  'op_an_budget',
  'op_an_net_worth',
  'op_an_merchant',
];
