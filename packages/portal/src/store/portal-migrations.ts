import { type Migration, migrate, type Store } from '@hannun/store';
import type { PortalDatabase } from './portal-database.ts';

/** The portal's migration history lives under this namespace (`portal_migration`). */
export const PORTAL_MIGRATION_NAMESPACE = 'portal';

/** The portal's schema, written once for SQLite and PostgreSQL. */
export const PORTAL_MIGRATIONS: Readonly<Record<string, Migration>> = {
  '0001_portal_registry': {
    async up(db, ddl) {
      await db.schema
        .createTable('portal_org')
        .addColumn('org_code', ddl.text, (c) => c.primaryKey())
        .addColumn('org_type', ddl.text, (c) => c.notNull())
        .addColumn('serial_num', ddl.text, (c) => c.unique())
        .addColumn('ca_code', ddl.text, (c) => c.unique())
        .addColumn('client_id', ddl.text, (c) => c.notNull().unique())
        .addColumn('client_secret_hash', ddl.text, (c) => c.notNull())
        .addColumn('portal_credential_gen', ddl.int64, (c) => c.notNull())
        .addColumn('record', ddl.jsonText, (c) => c.notNull())
        .addColumn('created_ms', ddl.epochMs, (c) => c.notNull())
        .addColumn('updated_ms', ddl.epochMs, (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('portal_service')
        .addColumn('client_id', ddl.text, (c) => c.primaryKey())
        .addColumn('org_code', ddl.text, (c) => c.notNull().references('portal_org.org_code'))
        .addColumn('record', ddl.jsonText, (c) => c.notNull())
        .addColumn('created_ms', ddl.epochMs, (c) => c.notNull())
        .addColumn('updated_ms', ddl.epochMs, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('portal_service_org').on('portal_service').column('org_code').execute();
      await db.schema
        .createTable('portal_change')
        .$call(ddl.autoId('seq'))
        .addColumn('at_ms', ddl.epochMs, (c) => c.notNull())
        .addColumn('entity', ddl.text, (c) => c.notNull())
        .addColumn('key', ddl.text, (c) => c.notNull())
        .addColumn('op', ddl.text, (c) => c.notNull())
        .addColumn('record', ddl.jsonText, (c) => c.notNull())
        .execute();
      // Deltas read the changes of one entity since a time: index what is filtered on.
      await db.schema.createIndex('portal_change_entity_at').on('portal_change').columns(['entity', 'at_ms']).execute();
    },
  },
  '0002_portal_statistics_status': {
    async up(db, ddl) {
      await db.schema
        .createTable('portal_statistics')
        .$call(ddl.autoId())
        .addColumn('kind', ddl.text, (c) => c.notNull())
        .addColumn('sender_org_code', ddl.text, (c) => c.notNull())
        .addColumn('subject', ddl.text, (c) => c.notNull())
        .addColumn('inquiry_date', ddl.text, (c) => c.notNull())
        .addColumn('type', ddl.int64, (c) => c.notNull())
        .addColumn('body', ddl.jsonText, (c) => c.notNull())
        .addColumn('received_ms', ddl.epochMs, (c) => c.notNull())
        .addUniqueConstraint('portal_statistics_week', ['kind', 'subject', 'inquiry_date', 'type'])
        .execute();
      await db.schema
        .createTable('portal_provider_status')
        .addColumn('org_code', ddl.text, (c) => c.primaryKey())
        .addColumn('availability', ddl.text, (c) => c.notNull())
        .addColumn('detail', ddl.text)
        .addColumn('checked_ms', ddl.epochMs, (c) => c.notNull())
        .addColumn('since_ms', ddl.epochMs, (c) => c.notNull())
        .execute();
    },
  },
  '0003_portal_admins': {
    async up(db, ddl) {
      await db.schema
        .createTable('portal_admin')
        .addColumn('login', ddl.text, (c) => c.primaryKey())
        .addColumn('password_hash', ddl.text, (c) => c.notNull())
        .addColumn('failures', ddl.int64, (c) => c.notNull())
        .addColumn('locked_until_ms', ddl.epochMs)
        .addColumn('created_ms', ddl.epochMs, (c) => c.notNull())
        .addColumn('last_login_ms', ddl.epochMs)
        .execute();
    },
  },
};

/** Bring the portal's tables up to date; returns the migrations applied now. */
export function migratePortalStore(store: Store<PortalDatabase>): Promise<string[]> {
  return migrate(store, { namespace: PORTAL_MIGRATION_NAMESPACE, migrations: PORTAL_MIGRATIONS });
}
