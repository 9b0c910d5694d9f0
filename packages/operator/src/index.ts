// The public entry of @hannun/operator: the operator's domain and storage layer (issue #6 items 1–3, 6–8).
// The collection engine and the HTTP API build on these; `createOperatorDomain` wires them once per process.

// Wiring
export { createOperatorDomain, type OperatorDomain, type OperatorDomainOptions } from './operator-domain.ts';
export { migrateOperatorStore, openOperatorStore, prepareOperatorStore } from './schema/open-operator-store.ts';
export { OPERATOR_MIGRATION_NAMESPACE, OPERATOR_MIGRATIONS } from './schema/operator-migrations.ts';
export type { OperatorDatabase } from './schema/operator-database.ts';
export { type Clock, type ManualClock, manualClock, systemClock } from './time/clock.ts';
export { type OperatorErrorCode, OperatorError } from './shared/operator-error.ts';

// crypto/
export { DataKeyMissing, KeyRingError, SealedValueError } from './crypto/crypto-errors.ts';
export {
  generateKeyRing,
  KEY_RING_FORMAT,
  type KeyRing,
  type KeyRingFile,
  keyRingFromJson,
  keyRingToFile,
  withNewKek,
} from './crypto/key-ring.ts';
export { type LoadedKeyRing, loadKeyRing, OPERATOR_KEY_SETTINGS, saveKeyRing } from './crypto/load-key-ring.ts';
export { createOperatorCrypto, type OperatorCrypto } from './crypto/operator-crypto.ts';
export { fieldAad, type FieldPlace, type PersonCipher } from './crypto/field-cipher.ts';
export { BlindIndex } from './crypto/blind-index.ts';
export { type DataKey, type PersonKeySet, PersonKeys } from './crypto/person-keys.ts';
export { Secret } from './crypto/secret.ts';

// people/
export { type LoginInput, type LoginResult, People, type PeopleOptions, type PersonProfile } from './people/people.ts';
export { MINIMUM_AGE, normaliseLoginName, type SignUpInput } from './people/sign-up-input.ts';
export { DEFAULT_LOGIN_POLICY, type LoginPolicy } from './people/login-policy.ts';
export {
  type ActiveSession,
  DEFAULT_SESSION_POLICY,
  type NewSession,
  type SessionPolicy,
  Sessions,
  sessionRef,
} from './people/sessions.ts';
export { matchTotp, otpauthUri, totp } from './people/totp.ts';
export { PASSWORD_HASH_PARAMS } from './people/password-hash.ts';

// consent/
export {
  type ConsentEnded,
  type ConsentRecord,
  Consents,
  type ConsentsOptions,
  type SectorChoices,
} from './consent/consents.ts';
export {
  type AuthPath,
  type ConsentDraft,
  type ConsentFlags,
  type Recipient,
  checkDraft,
} from './consent/consent-draft.ts';
export {
  CONSENT_STATUSES,
  type ConsentEvent,
  type ConsentStatus,
  type EndReason,
  isFinal,
  nextStatus,
} from './consent/consent-status.ts';
export { CYCLE_CHOICES, cycleDays, isAllowedCycle, MAX_CYCLE_DAYS, MIN_CYCLE_DAYS } from './consent/cycle.ts';
export {
  canExtend,
  EXTENSION_WINDOW_MONTHS,
  extensionOpensOn,
  isAllowedEndDate,
  isPastEnd,
  MAX_CONSENT_YEARS,
} from './consent/consent-dates.ts';
export {
  DELETE_AFTER_MONTHS,
  type InactivityDeadlines,
  type InactivityStage,
  inactivityCutoff,
  inactivityDeadlines,
  inactivityStage,
  scheduledCollectionAllowed,
  STOP_SCHEDULED_AFTER_MONTHS,
} from './consent/inactivity.ts';
export { type FollowUp, type FollowUpKind, FollowUps } from './consent/follow-ups.ts';
export {
  checkLiveConsents,
  DELETION_OFFER_GRACE_DAYS,
  type LiveConsentReport,
  type UncoveredReason,
  type UncoveredRows,
} from './consent/live-consent-check.ts';

// vault/
export {
  type DuplicateReport,
  expiriesFrom,
  type RefreshDue,
  type StoredTokens,
  type TokenPairInput,
  TokenVault,
} from './vault/token-vault.ts';

// model/
export {
  type AssetRef,
  type CollectedAnswer,
  CollectedData,
  type ModelRow,
  type StoreResult,
} from './model/collected-data.ts';
export { MODEL_ROUTES, MODEL_TABLE_DEFS, type ModelRoute, modelRoute } from './model/model-routes.ts';
export { ASSET_ROUTES, type AssetRoute, assetRoute } from './model/asset-routes.ts';
export type { ColumnDef, ColumnKind, ModelTableDef } from './model/model-table.ts';
export type { ModelValue } from './model/row-values.ts';
export {
  type Movement,
  type TransactionFilter,
  type TransactionPage,
  type TransactionPageRequest,
  TransactionPages,
} from './model/transaction-pages.ts';
export { directionOf, MOVEMENT_TABLE_DEFS, MOVEMENT_TABLES } from './model/movement-tables.ts';

// records/
export { type AuditEntry, type AuditEntryInput, AuditLog, type ChainVerdict } from './records/audit-log.ts';
export { redactForAudit } from './records/redact-for-audit.ts';
export {
  recordTransmission,
  type TransmissionInput,
  type TransmissionRecord,
  transmissions,
} from './records/transmission-records.ts';
export { type PruneResult, pruneRecords, RECORD_RETENTION_MONTHS, recordsCutoff } from './records/retention.ts';

// leave/
export { type LeaveOptions, type LeaveReport, LeaveService } from './leave/leave-service.ts';
export { PERSON_TABLES, RETAINED_TABLES } from './leave/person-tables.ts';

// service/, http/, support/: the operator as a running service (the app API, the support APIs for the portal)
export {
  createOperatorRuntime,
  type OperatorRuntime,
  type OperatorRuntimeOptions,
} from './service/operator-runtime.ts';
export {
  type CollectionEngineLike,
  type CollectionEvent,
  type Collector,
  collectorOf,
} from './service/collector.ts';
export type { ConnectEvent, LiveEvent } from './service/live-progress.ts';
export type { FlowInstitution, FlowStatus, FlowView } from './service/integrated-auth.ts';
export { CaCallError } from './service/ca-client.ts';
export {
  createOperatorStatisticsSender,
  type OperatorSendReport,
  type OperatorStatisticsSender,
  type OperatorStatisticsSenderOptions,
} from './support/statistics/statistics-sender.ts';
export {
  encodeOperatorWeek,
  operatorDueInquiryDate,
  operatorWeek,
  statisticsWeek,
} from './support/statistics/operator-week.ts';
export {
  createOperatorMaintenance,
  type MaintenanceTask,
  type OperatorMaintenance,
} from './service/operator-maintenance.ts';
export { ProviderAuthError } from './service/provider-auth-client.ts';
export { createOperatorApp, type OperatorAppOptions } from './http/create-operator-app.ts';
export {
  createOperatorSupport,
  type OperatorSupportOptions,
  type StatisticsResend,
} from './support/create-operator-support.ts';

// collect/: the collection engine (built apart; exported here for `hannun up`'s operator service)
export {
  type CollectionEngine,
  type CollectionEngineOptions,
  createCollectionEngine,
} from './collect/collect-engine.ts';

// collect/: the collection engine (issue #6 items 4, 5, 9)
export { type CollectSettings, DEFAULT_COLLECT_SETTINGS, type RunReport } from './collect/collect-engine.ts';
export {
  COLLECT_PHASES,
  type CollectPhase,
  type ProgressCounts,
  type ProgressEvent,
  ProgressHub,
  type ProgressListener,
} from './collect/progress.ts';
export { type CollectJob, type JobParams, type JobStatus, JobStore, type Reason } from './collect/job-store.ts';
export { type CollectNotice, CollectNotices, type NoticeKind } from './collect/collect-notices.ts';
export { type ApiState, CollectState } from './collect/collect-state.ts';
export {
  type CallResult,
  createProviderClient,
  type InfoCall,
  type ProviderClient,
  type ProviderClientOptions,
} from './collect/provider-client.ts';
export { type AuthClient, createAuthClient, type ServiceCredentials } from './collect/auth-client.ts';
export { type NpWindows, parseNpWindows } from './collect/np-time.ts';
export { type Coverage, type Period, periodsFor } from './collect/periods.ts';
export { DEFAULT_RETRY, type RetryPolicy } from './collect/retry-policy.ts';
export type { CollectTables } from './collect/collect-tables.ts';

// analysis/ (issue #7): categories and rollups kept on ingest, the views of /api/analysis/…
export { AnalysisService, type StoredRows } from './analysis/analysis-service.ts';
export { ANALYSIS_MIGRATION, ANALYSIS_PERSON_TABLES } from './analysis/analysis-migration.ts';
export {
  creditView,
  recommendationsView,
  sectorView,
  spendingView,
  summaryView,
  thinFileView,
  type ViewContext,
} from './analysis/analysis-views.ts';
export { registerAnalysisRoutes } from './analysis/analysis-routes.ts';
export type { ModelListener } from './model/collected-data.ts';
