import type { StatisticsType } from '@hannun/spec';

/** A credential as the institution keeps it: the client_id and the SHA-256 of the secret. */
export interface VerifiedCredential {
  readonly clientId: string;
  readonly clientSecretHash: string;
}

/** What answers 지원-104: sends a week's statistics (지원-005) again. */
export interface StatisticsResend {
  /** Send the week before `inquiryDate` (YYYYMMDD, a Sunday) again for one institution, of these types. */
  resend(orgCode: string, inquiryDate: string, types: readonly StatisticsType[]): Promise<unknown>;
}

/**
 * The provider's side of the support APIs (지원-101, 지원-102, 지원-104): the "종합포털 자격증명" each institution
 * received from the portal at onboarding, which the portal presents to get a token (지원-101). Without an
 * institution's credential, 지원-101 refuses every client (invalid_client).
 */
export interface SupportConfig {
  /** By org_code. */
  readonly portalCredentials: ReadonlyMap<string, VerifiedCredential>;
  /** Lifetime of a 지원-101 token in seconds; at most a year. Default one day. */
  readonly tokenLifetimeSeconds?: number;
  /** 지원-104: the weekly statistics sender. Without it, 지원-104 answers 50001. */
  readonly statistics?: StatisticsResend;
}

export const MAX_SUPPORT_TOKEN_SECONDS = 365 * 24 * 3600;
export const DEFAULT_SUPPORT_TOKEN_SECONDS = 24 * 3600;
