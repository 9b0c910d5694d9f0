import type { Migration } from '@hannun/store';
import { ANALYSIS_MIGRATION } from '../analysis/analysis-migration.ts';
import { ANALYSIS_RULE_VERSION_MIGRATION } from '../analysis/rule-version-migration.ts';
import { COLLECT_MIGRATION } from '../collect/collect-migration.ts';
import { CONSENT_MIGRATION } from '../consent/consent-migration.ts';
import { CRYPTO_MIGRATION } from '../crypto/crypto-migration.ts';
import { MODEL_MIGRATION } from '../model/model-migration.ts';
import { TRANSACTION_KEYSET_MIGRATION } from '../model/transaction-keyset-migration.ts';
import { PEOPLE_MIGRATION } from '../people/people-migration.ts';
import { PEOPLE_PHONE_MIGRATION } from '../people/people-phone-migration.ts';
import { NOTICE_MIGRATION } from '../records/notice-migration.ts';
import { RECORDS_MIGRATION } from '../records/records-migration.ts';
import { PENDING_FLOW_MIGRATION } from '../service/pending-flow-migration.ts';
import { STATISTICS_MIGRATION } from '../support/statistics/statistics-migration.ts';
import { VAULT_MIGRATION } from '../vault/vault-migration.ts';

/** The operator's migration history lives under this namespace (`operator_migration`). */
export const OPERATOR_MIGRATION_NAMESPACE = 'operator';

/** The operator's one migration set, in order; each folder owns its tables. Never reorder or rename. */
export const OPERATOR_MIGRATIONS: Readonly<Record<string, Migration>> = {
  '0001_people': PEOPLE_MIGRATION,
  '0002_crypto': CRYPTO_MIGRATION,
  '0003_records': RECORDS_MIGRATION,
  '0004_consent': CONSENT_MIGRATION,
  '0005_vault': VAULT_MIGRATION,
  '0006_model': MODEL_MIGRATION,
  '0007_collect': COLLECT_MIGRATION,
  '0008_people_phone': PEOPLE_PHONE_MIGRATION,
  '0009_transaction_keyset': TRANSACTION_KEYSET_MIGRATION,
  '0010_pending_flows': PENDING_FLOW_MIGRATION,
  '0011_yearly_notice': NOTICE_MIGRATION,
  '0012_analysis': ANALYSIS_MIGRATION,
  '0013_statistics_sent': STATISTICS_MIGRATION,
  '0014_analysis_rule_version': ANALYSIS_RULE_VERSION_MIGRATION,
};
