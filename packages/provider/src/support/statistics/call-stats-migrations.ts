import type { Migration } from '@hannun/store';

/** The statistics tables' migration history lives under this namespace (apart from authentication's `provider`). */
export const CALL_STATS_MIGRATION_NAMESPACE = 'provider_stats';

export const CALL_STATS_MIGRATIONS: Readonly<Record<string, Migration>> = {
  '0001_provider_stat': {
    async up(db, ddl) {
      await db.schema
        .createTable('provider_stat_call')
        .addColumn('org_code', ddl.text, (c) => c.notNull())
        .addColumn('day', ddl.text, (c) => c.notNull())
        .addColumn('recipient_org_code', ddl.text, (c) => c.notNull())
        .addColumn('client_id', ddl.text, (c) => c.notNull())
        .addColumn('api_code', ddl.text, (c) => c.notNull())
        .addColumn('type', ddl.text, (c) => c.notNull())
        .addColumn('slot', ddl.text, (c) => c.notNull())
        .addColumn('success', ddl.int64, (c) => c.notNull())
        .addColumn('fail', ddl.int64, (c) => c.notNull())
        .addColumn('ms_total', ddl.int64, (c) => c.notNull())
        .addColumn('ms_squares', ddl.int64, (c) => c.notNull())
        .addPrimaryKeyConstraint('provider_stat_call_pk', [
          'org_code',
          'day',
          'recipient_org_code',
          'client_id',
          'api_code',
          'type',
          'slot',
        ])
        .execute();
      await db.schema
        .createTable('provider_stat_since')
        .addColumn('org_code', ddl.text, (c) => c.primaryKey())
        .addColumn('since_ms', ddl.epochMs, (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('provider_stat_sent')
        .addColumn('org_code', ddl.text, (c) => c.notNull())
        .addColumn('inquiry_date', ddl.text, (c) => c.notNull())
        .addColumn('type', ddl.text, (c) => c.notNull())
        .addColumn('sent_ms', ddl.epochMs, (c) => c.notNull())
        .addPrimaryKeyConstraint('provider_stat_sent_pk', ['org_code', 'inquiry_date', 'type'])
        .execute();
    },
  },
};
