import type { ColumnSealer } from '@hannun/pki';
import type { Migration } from '@hannun/store';
import { caPersonSealedMigration } from './ca-person-sealed-migration.ts';
import { caSealedMigration } from './ca-sealed-migration.ts';

/** The CA's migration history lives under this namespace (`ca_migration`). */
export const CA_MIGRATION_NAMESPACE = 'ca';

/** The CA's first schema, written once for SQLite and PostgreSQL. Table names start with `ca_` (SQLite has one namespace). */
const CA_CORE: Readonly<Record<string, Migration>> = {
  '0001_ca_core': {
    async up(db, ddl) {
      await db.schema
        .createTable('ca_person')
        .addColumn('id', ddl.text, (c) => c.primaryKey())
        .addColumn('ci', ddl.text, (c) => c.notNull().unique())
        .addColumn('name', ddl.text, (c) => c.notNull())
        .addColumn('phone', ddl.text, (c) => c.notNull())
        .addColumn('birth_date', ddl.text, (c) => c.notNull())
        .addColumn('pin_hash', ddl.text, (c) => c.notNull())
        .addColumn('failed_pin_attempts', ddl.int64, (c) => c.notNull())
        .addColumn('locked_until', ddl.epochMs)
        .addColumn('sealed_key', ddl.text, (c) => c.notNull())
        .addColumn('cert_pem', ddl.text, (c) => c.notNull())
        .addColumn('cert_serial', ddl.text, (c) => c.notNull().unique())
        .addColumn('created_at', ddl.epochMs, (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('ca_sign_tx')
        .addColumn('cert_tx_id', ddl.text, (c) => c.primaryKey())
        .addColumn('sign_tx_id', ddl.text, (c) => c.notNull())
        .addColumn('operator_org_code', ddl.text, (c) => c.notNull())
        .addColumn('person_id', ddl.text, (c) => c.notNull().references('ca_person.id'))
        .addColumn('request_title', ddl.text, (c) => c.notNull())
        .addColumn('device_code', ddl.text, (c) => c.notNull())
        .addColumn('device_browser', ddl.text, (c) => c.notNull())
        .addColumn('return_app_scheme_url', ddl.text)
        .addColumn('consent_type', ddl.text, (c) => c.notNull())
        .addColumn('csrf_token', ddl.text, (c) => c.notNull())
        .addColumn('status', ddl.text, (c) => c.notNull())
        .addColumn('created_at', ddl.epochMs, (c) => c.notNull())
        .addColumn('expires_at', ddl.epochMs, (c) => c.notNull())
        .addColumn('decided_at', ddl.epochMs)
        .addUniqueConstraint('ca_sign_tx_operator_sign_tx_id', ['operator_org_code', 'sign_tx_id'])
        .execute();
      await db.schema
        .createTable('ca_sign_consent')
        .addColumn('cert_tx_id', ddl.text, (c) => c.notNull().references('ca_sign_tx.cert_tx_id'))
        .addColumn('position', ddl.int64, (c) => c.notNull())
        .addColumn('tx_id', ddl.text, (c) => c.notNull())
        .addColumn('title', ddl.text, (c) => c.notNull())
        .addColumn('consent', ddl.text, (c) => c.notNull())
        .addColumn('provider_org_code', ddl.text, (c) => c.notNull())
        .addPrimaryKeyConstraint('ca_sign_consent_pk', ['cert_tx_id', 'tx_id'])
        .execute();
      await db.schema
        .createTable('ca_signature')
        .addColumn('cert_tx_id', ddl.text, (c) => c.notNull().references('ca_sign_tx.cert_tx_id'))
        .addColumn('tx_id', ddl.text, (c) => c.notNull())
        .addColumn('signed_consent', ddl.text, (c) => c.notNull())
        .addColumn('signed_at', ddl.epochMs, (c) => c.notNull())
        .addPrimaryKeyConstraint('ca_signature_pk', ['cert_tx_id', 'tx_id'])
        .execute();
      await db.schema
        .createTable('ca_verification')
        .addColumn('cert_tx_id', ddl.text, (c) => c.notNull().references('ca_sign_tx.cert_tx_id'))
        .addColumn('tx_id', ddl.text, (c) => c.notNull())
        .addColumn('provider_org_code', ddl.text, (c) => c.notNull())
        .addColumn('verified_at', ddl.epochMs, (c) => c.notNull())
        .addPrimaryKeyConstraint('ca_verification_pk', ['cert_tx_id', 'tx_id'])
        .execute();
      // Expired requests are found by time (a sweeper, later): index what is filtered on.
      await db.schema
        .createIndex('ca_sign_tx_status_expires')
        .on('ca_sign_tx')
        .columns(['status', 'expires_at'])
        .execute();
    },
  },
};

/**
 * The CA's migrations, in order. 0002 and 0003 seal the columns that held personal data in clear, under the
 * CA's storage key (`sealer`): the same key must open them ever after.
 */
export function caMigrations(sealer: ColumnSealer): Readonly<Record<string, Migration>> {
  return {
    ...CA_CORE,
    '0002_ca_sealed': caSealedMigration(sealer),
    '0003_ca_person_sealed': caPersonSealedMigration(sealer),
  };
}
