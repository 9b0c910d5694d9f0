// The public entry of @hannun/provider.

// --- The engine: check chain, server, tokens, consents, cursor, clock, test hooks (issue #3, items 2, 3, 5, 6) ---
export {
  createProviderEngine,
  type ProviderControls,
  type ProviderEngine,
  type ProviderEngineOptions,
} from './server/create-provider-engine.ts';
export type { ProviderEngineConfig, TestHooksConfig } from './server/engine-config.ts';
export { tlsPeerSerial } from './server/tls-peer-serial.ts';
export type { CallObserver, ObservedCall } from './server/observe-calls.ts';
export {
  type CallerRegistry,
  type CallerRegistryOptions,
  createCallerRegistry,
  type RegisteredCaller,
} from './check-chain/caller-registry.ts';
export { CheckFailure } from './check-chain/check-failure.ts';
export type { Passed } from './check-chain/run-check-chain.ts';
export { type ApiKind, apiKind } from './engine/api-kind.ts';
export { type CompiledApi, compileApi } from './engine/compile-api.ts';
export { compileWireEncoder, type WireEncoder } from './engine/wire-encoder.ts';
export { type ProviderClock, systemClock } from './clock/provider-clock.ts';
export { createManualClock, isManualClock, type ManualClock } from './clock/manual-clock.ts';
export { kstDate, kstDateTime, kstTimestamp, kstToEpochMs } from './clock/kst.ts';
export type { AccessTokenClaims, ConsentRecord, ConsentStore } from './consent/consent.ts';
export { createMemoryConsentStore } from './consent/memory-consent-store.ts';
export { type AssetRef, consentCovers } from './consent/consent-assets.ts';
export { type Cycle, cycleWindow, parseCycle } from './consent/consent-cycle.ts';
export { type CursorCodec, type CursorPosition, createCursorCodec } from './cursor/cursor-codec.ts';
export {
  generateSigningKey,
  generateSigningKeys,
  type SigningKey,
  type SigningKeys,
  signingKeysOf,
} from './tokens/signing-keys.ts';
export { mintAccessToken } from './tokens/mint-access-token.ts';
export {
  type TokenRejection,
  type TokenVerdict,
  type VerifyOptions,
  verifyAccessToken,
} from './tokens/verify-access-token.ts';
export { createTokenVerifier, type TokenVerifier } from './tokens/token-verifier.ts';
export { createTokenRevocations, type TokenRevocations } from './tokens/token-revocations.ts';
export { createFaultInjector, type FaultInjector, type InstitutionFaults } from './hooks/fault-injection.ts';
export {
  ACCESS_MAX_SECONDS,
  CODE_MAX_SECONDS,
  DEFAULT_LIFETIMES,
  REFRESH_MAX_SECONDS,
  resolveLifetimes,
  type TokenLifetimes,
} from './tokens/token-lifetimes.ts';
export {
  mintRefreshToken,
  type RefreshTokenClaims,
  type RefreshVerdict,
  verifyRefreshToken,
} from './tokens/refresh-token.ts';
// --- end of the engine's exports ---

// --- Authentication at the provider: 개별인증-001…004, 통합인증-002 (issue #4 items 4–6) ---
export type { AuthConfig } from './auth/auth-config.ts';
export type { AuthControls } from './auth/register-auth-routes.ts';
export type {
  AuthorizationCode,
  AuthRequest,
  AuthStore,
  ConsentRepository,
  PairRevocation,
  ProviderLogin,
  TokenPair,
} from './auth/store/auth-store.ts';
export { createMemoryAuthStore } from './auth/store/memory-auth-store.ts';
export { openSqlAuthStore } from './auth/store/sql-auth-store.ts';
export {
  type CaClient,
  CaUnavailableError,
  type CaVerification,
  type CaVerifyRequest,
} from './auth/ca-client.ts';
export { createHttpCaClient, type HttpCaClientOptions, type OwnCredentials } from './auth/http-ca-client.ts';
export { DEFAULT_DEMO_LOGIN_SEED, type DemoLogin, demoLoginOf } from './auth/login/demo-logins.ts';
export type { SmsMessage, SmsOutbox } from './auth/login/sms-outbox.ts';
export type { ConsentSignature } from './consent/consent.ts';
// --- end of authentication ---

// --- The data: institutions and the synthetic ledger (issue #3, items 1, 4) ---
export type { Institution } from './institutions/institution.ts';
export { DEMO_INSTITUTIONS } from './institutions/demo-institutions.ts';
export * from './ledger/index.ts';
export type { StatisticsResend, SupportConfig, VerifiedCredential } from './support/support-config.ts';

// --- Weekly statistics from the calls answered (지원-005, 지원-104; issue #5) ---
export { type AnsweredCall, type CallTally, createCallTally, type TallyRow } from './support/statistics/call-tally.ts';
export {
  type CallStatsStore,
  createMemoryCallStatsStore,
  type SentWeek,
} from './support/statistics/call-stats-store.ts';
export { openSqlCallStatsStore, sqlCallStatsStoreOn } from './support/statistics/sql-call-stats-store.ts';
export { type ConsentCounters, consentCounters } from './support/statistics/consent-counters.ts';
export {
  createStatisticsSender,
  type SendReport,
  type StatisticsSender,
  type StatisticsSenderOptions,
} from './support/statistics/statistics-sender.ts';
export { dueInquiryDate, weekDays } from './support/statistics/statistics-week.ts';
export {
  encodeWeeklyStatistics,
  type ProviderStatisticsBody,
  weeklyStatistics,
} from './support/statistics/weekly-statistics.ts';
