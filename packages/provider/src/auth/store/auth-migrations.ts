import type { ColumnSealer } from '@hannun/pki';
import type { Migration } from '@hannun/store';
import { authPhoneSealedMigration } from './auth-phone-sealed-migration.ts';
import { authSealedMigration } from './auth-sealed-migration.ts';

/** The provider's migration history lives under this namespace (`provider_migration`). */
export const PROVIDER_MIGRATION_NAMESPACE = 'provider';

/** Authentication's first schema at the provider, written once for SQLite and PostgreSQL. */
const PROVIDER_AUTH: Readonly<Record<string, Migration>> = {
  '0001_provider_auth': {
    async up(db, ddl) {
      await db.schema
        .createTable('provider_consent')
        .addColumn('id', ddl.text, (c) => c.primaryKey())
        .addColumn('org_code', ddl.text, (c) => c.notNull())
        .addColumn('ci', ddl.text, (c) => c.notNull())
        .addColumn('recipient_org_code', ddl.text, (c) => c.notNull())
        .addColumn('client_id', ddl.text, (c) => c.notNull())
        .addColumn('scopes', ddl.jsonText, (c) => c.notNull())
        .addColumn('assets', ddl.jsonText, (c) => c.notNull())
        .addColumn('is_scheduled', ddl.boolean, (c) => c.notNull())
        .addColumn('fnd_cycle', ddl.text, (c) => c.notNull())
        .addColumn('add_cycle', ddl.text, (c) => c.notNull())
        .addColumn('end_date', ddl.text, (c) => c.notNull())
        .addColumn('purpose', ddl.text, (c) => c.notNull())
        .addColumn('period', ddl.text, (c) => c.notNull())
        .addColumn('flags', ddl.jsonText, (c) => c.notNull())
        .addColumn('auth', ddl.text)
        .addColumn('signature', ddl.jsonText)
        .addColumn('created_at', ddl.epochMs, (c) => c.notNull())
        .addColumn('revoked_at', ddl.epochMs)
        .execute();
      await db.schema
        .createTable('provider_token_pair')
        .addColumn('id', ddl.text, (c) => c.primaryKey())
        .addColumn('org_code', ddl.text, (c) => c.notNull())
        .addColumn('client_id', ddl.text, (c) => c.notNull())
        .addColumn('ci', ddl.text, (c) => c.notNull())
        .addColumn('consent_id', ddl.text, (c) => c.notNull().references('provider_consent.id'))
        .addColumn('auth', ddl.text, (c) => c.notNull())
        .addColumn('grant_ref', ddl.text, (c) => c.notNull())
        .addColumn('access_jti', ddl.text, (c) => c.notNull())
        .addColumn('refresh_jti', ddl.text, (c) => c.notNull().unique())
        .addColumn('issued_at', ddl.epochMs, (c) => c.notNull())
        .addColumn('access_expires_at', ddl.epochMs, (c) => c.notNull())
        .addColumn('refresh_expires_at', ddl.epochMs, (c) => c.notNull())
        .addColumn('revoked_at', ddl.epochMs)
        .addColumn('revoked_why', ddl.text)
        .execute();
      await db.schema
        .createIndex('provider_token_pair_person')
        .on('provider_token_pair')
        .columns(['org_code', 'client_id', 'ci'])
        .execute();
      await db.schema
        .createIndex('provider_token_pair_access')
        .on('provider_token_pair')
        .columns(['org_code', 'access_jti'])
        .execute();
      await db.schema
        .createIndex('provider_token_pair_grant')
        .on('provider_token_pair')
        .columns(['org_code', 'grant_ref'])
        .execute();
      await db.schema
        .createTable('provider_auth_code')
        .addColumn('code_hash', ddl.text, (c) => c.primaryKey())
        .addColumn('org_code', ddl.text, (c) => c.notNull())
        .addColumn('client_id', ddl.text, (c) => c.notNull())
        .addColumn('redirect_uri', ddl.text, (c) => c.notNull())
        .addColumn('ci', ddl.text, (c) => c.notNull())
        .addColumn('consent_id', ddl.text, (c) => c.notNull())
        .addColumn('issued_at', ddl.epochMs, (c) => c.notNull())
        .addColumn('expires_at', ddl.epochMs, (c) => c.notNull())
        .addColumn('used_at', ddl.epochMs)
        .execute();
      await db.schema
        .createTable('provider_cert_tx')
        .addColumn('org_code', ddl.text, (c) => c.notNull())
        .addColumn('kind', ddl.text, (c) => c.notNull())
        .addColumn('value', ddl.text, (c) => c.notNull())
        .addColumn('claimed_at', ddl.epochMs, (c) => c.notNull())
        .addPrimaryKeyConstraint('provider_cert_tx_pk', ['org_code', 'kind', 'value'])
        .execute();
      await db.schema
        .createTable('provider_login')
        .addColumn('org_code', ddl.text, (c) => c.notNull())
        .addColumn('login_id', ddl.text, (c) => c.notNull())
        .addColumn('ci', ddl.text, (c) => c.notNull())
        .addColumn('password_hash', ddl.text, (c) => c.notNull())
        .addColumn('phone', ddl.text, (c) => c.notNull())
        .addColumn('failures', ddl.int64, (c) => c.notNull())
        .addColumn('locked_until', ddl.epochMs)
        .addPrimaryKeyConstraint('provider_login_pk', ['org_code', 'login_id'])
        .execute();
      await db.schema
        .createTable('provider_auth_request')
        .addColumn('id', ddl.text, (c) => c.primaryKey())
        .addColumn('org_code', ddl.text, (c) => c.notNull())
        .addColumn('body', ddl.jsonText, (c) => c.notNull())
        .addColumn('expires_at', ddl.epochMs, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('provider_auth_request_expires')
        .on('provider_auth_request')
        .column('expires_at')
        .execute();
      await db.schema
        .createTable('provider_revoked_jti')
        .addColumn('org_code', ddl.text, (c) => c.notNull())
        .addColumn('jti', ddl.text, (c) => c.notNull())
        .addColumn('revoked_at', ddl.epochMs, (c) => c.notNull())
        .addPrimaryKeyConstraint('provider_revoked_jti_pk', ['org_code', 'jti'])
        .execute();
    },
  },
};

/**
 * The provider's migrations, in order. 0002 and 0003 seal the columns that held personal data in clear, under
 * the provider's storage key (`sealer`): the same key must open them ever after.
 */
export function providerMigrations(sealer: ColumnSealer): Readonly<Record<string, Migration>> {
  return {
    ...PROVIDER_AUTH,
    '0002_provider_sealed': authSealedMigration(sealer),
    '0003_provider_phone_sealed': authPhoneSealedMigration(sealer),
  };
}
