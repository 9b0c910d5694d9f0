// The public entry of @hannun/ca: the integrated certificate authority (통합인증기관), 통합인증-101…104.
export { type CaService, type CaServiceOptions, createCaService } from './create-ca-service.ts';
export type { CaControls, PersonSummary, TransactionSummary } from './controls.ts';
export { type CaLimits, DEFAULT_LIMITS, LIMIT_MAXIMA, resolveLimits } from './ca-limits.ts';
export { type CaClock, type ManualClock, manualClock, systemClock } from './clock.ts';
export { type CaSecrets, generateCaSecrets } from './secrets/ca-secrets.ts';
export { type EnsureCaSecretsResult, ensureCaSecrets } from './secrets/ensure-ca-secrets.ts';
export { type EnrolInput, EnrolError, type EnrolledPerson } from './people/enrol-person.ts';
export type {
  CaRepository,
  ConsentSignature,
  PersonRecord,
  SignStatus,
  SignTransaction,
  TransactionConsent,
  VerificationRecord,
} from './store/ca-repository.ts';
export { createMemoryCaRepository } from './store/memory-ca-repository.ts';
export type { CaDatabase } from './store/ca-database.ts';
export { CA_MIGRATION_NAMESPACE, caMigrations } from './store/ca-migrations.ts';
export { migrateCaStore, openSqlCaRepository, sqlCaRepository } from './store/sql-ca-repository.ts';
export { NOT_YET_SIGNED } from './api/sign-result.ts';
export {
  SIGNED_CONSENT_ALG,
  SIGNED_CONSENT_TYP,
  type SignedConsentPayload,
} from './signing/signed-consent-format.ts';
export { type SignedConsentCheck, verifySignedConsent } from './signing/verify-signed-consent.ts';
export {
  IDENTITY_PAGE_PREFIX,
  IDENTITY_REQUEST_BODY,
  IDENTITY_REQUEST_PATH,
  IDENTITY_REQUEST_RESPONSE,
  IDENTITY_RESULT_BODY,
  IDENTITY_RESULT_PATH,
  IDENTITY_RESULT_RESPONSE,
} from './identity/identity-shapes.ts';
export { IDENTITY_ASSERTION_TYPE } from './identity/identity-assertion.ts';
export {
  createMemoryIdentityStore,
  type IdentityStatus,
  type IdentityStore,
  type IdentityTransaction,
} from './identity/identity-store.ts';
