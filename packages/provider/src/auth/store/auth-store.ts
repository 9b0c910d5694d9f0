import type { ConsentRecord } from '../../consent/consent.ts';

/**
 * Everything authentication keeps, behind repositories so that a database can stand behind them (the SQL
 * implementation follows with `@hannun/store`). Writes are async (a database write); the one read on the
 * check chain's hot path, a consent by id, stays synchronous: implementations keep a loaded in-memory
 * index and write through it. Secrets are never stored in the clear: authorization codes by SHA-256,
 * passwords by argon2id, one-time codes by SHA-256.
 */
export interface AuthStore {
  readonly consents: ConsentRepository;
  readonly pairs: TokenPairRepository;
  readonly codes: AuthorizationCodeRepository;
  readonly certTxs: CertTxRepository;
  readonly logins: LoginRepository;
  readonly requests: AuthRequestRepository;
  readonly revokedJtis: RevokedJtiRepository;
}

/**
 * Single tokens revoked by jti (a refreshed pair's previous access token; both tokens of an ended pair).
 * The check chain reads the engine's in-memory TokenRevocations; this repository makes it survive a
 * restart: `loaded()` is what was revoked when the store was opened, copied into the index at start.
 */
export interface RevokedJtiRepository {
  revoke(orgCode: string, jti: string, at: number): Promise<void>;
  loaded(): readonly { readonly jti: string; readonly at: number }[];
}

export interface ConsentRepository {
  /** Synchronous: from the loaded index (the check chain reads it on every call). */
  get(id: string): ConsentRecord | undefined;
  insert(consent: ConsentRecord): Promise<void>;
  /** Revoke from `at` on; a consent revoked earlier keeps its first revocation time. */
  revoke(id: string, at: number): Promise<void>;
}

/** Why a pair stopped working before its time. */
export type PairRevocation = 'replaced' | 'withdrawn' | 'code-replayed';

/** One token pair: one per (CI × client_id × org_code) at a time. Times are epoch ms. */
export interface TokenPair {
  readonly id: string;
  readonly orgCode: string;
  readonly clientId: string;
  readonly ci: string;
  readonly consentId: string;
  readonly auth: 'individual' | 'integrated';
  /** What it was issued from: `code:<sha-256 of the code>` or `cert:<cert_tx_id>`. */
  readonly grant: string;
  /** The current access token's jti (a refresh replaces it) and the refresh token's. */
  readonly accessJti: string;
  readonly refreshJti: string;
  readonly issuedAt: number;
  readonly accessExpiresAt: number;
  readonly refreshExpiresAt: number;
  readonly revokedAt?: number;
  readonly revokedWhy?: PairRevocation;
}

/**
 * One issuance (개별인증-002, 통합인증-002), written in one atomic step so that a failure leaves nothing
 * behind and a token request costs one commit.
 */
export interface PairIssue {
  /**
   * 통합인증-002: the CA transaction, claimed in the same step at the pair's institution. When its cert_tx_id
   * or its tx_id was claimed there before (a replay), nothing at all is written.
   */
  readonly claim?: { readonly certTxId: string; readonly txId: string };
  /** A consent stored with the pair (통합인증-002), before it: the pair refers to it. */
  readonly consent?: ConsentRecord;
  readonly pair: TokenPair;
}

/** `replaced`: the live pair the new one ended (the caller drops its jtis from the in-memory index too). */
export type PairIssueResult =
  | { readonly ok: true; readonly replaced: TokenPair | undefined }
  | { readonly ok: false; readonly reason: 'replayed' };

export interface TokenPairRepository {
  /**
   * Store a new pair, atomically: the claim and the consent when given; then the live pair of the same
   * (org_code × client_id × CI), if any, revoked as 'replaced' with both its jtis and, unless the new pair
   * carries the same consent, its consent; then the new pair. One pair per person, service and institution
   * stays true even if two issuances race. The consent index is updated once it is all stored.
   */
  issue(issue: PairIssue, at: number): Promise<PairIssueResult>;
  /** The pair not revoked and not past its refresh expiry for this person, service and institution. */
  live(orgCode: string, clientId: string, ci: string, now: number): Promise<TokenPair | undefined>;
  /** The pair whose current access token or refresh token has this jti. */
  byJti(orgCode: string, jti: string): Promise<TokenPair | undefined>;
  byGrant(orgCode: string, grant: string): Promise<TokenPair | undefined>;
  insert(pair: TokenPair): Promise<void>;
  revoke(id: string, at: number, why: PairRevocation): Promise<void>;
  /** A refresh (개별인증-003): the pair's new access token. */
  replaceAccess(id: string, accessJti: string, accessExpiresAt: number): Promise<void>;
  /** Every pair of an institution (tests, the demo's view). */
  list(orgCode: string): Promise<TokenPair[]>;
}

/** An authorization code (개별인증-001), stored by its SHA-256. Times are epoch ms. */
export interface AuthorizationCode {
  readonly codeHash: string;
  readonly orgCode: string;
  readonly clientId: string;
  readonly redirectUri: string;
  readonly ci: string;
  readonly consentId: string;
  readonly issuedAt: number;
  readonly expiresAt: number;
  readonly usedAt?: number;
}

export interface AuthorizationCodeRepository {
  insert(code: AuthorizationCode): Promise<void>;
  /**
   * Mark a code used, atomically: the code as it was and whether this call was its first use (a second
   * use is a replay). undefined for a code never issued.
   */
  consume(
    codeHash: string,
    at: number,
  ): Promise<{ readonly code: AuthorizationCode; readonly first: boolean } | undefined>;
  list(orgCode: string): Promise<AuthorizationCode[]>;
}

export interface CertTxRepository {
  /**
   * Whether the cert_tx_id or the tx_id was claimed at this institution (by `claim`, or by a pair's
   * `issue`): 통합인증-002 refuses a replay before it asks the CA. A read only: the claim that counts is the
   * one written with the pair.
   */
  claimed(orgCode: string, certTxId: string, txId: string): Promise<boolean>;
  /**
   * Claim a CA transaction (통합인증-002) at an institution, atomically: false when its cert_tx_id or its
   * tx_id was claimed here before (a replay).
   */
  claim(orgCode: string, certTxId: string, txId: string, at: number): Promise<boolean>;
  /** Give a claim back when the CA could not be asked (unreachable): the operator may retry. */
  release(orgCode: string, certTxId: string, txId: string): Promise<void>;
}

/** A customer's login at one institution (개별인증's own authentication). */
export interface ProviderLogin {
  readonly orgCode: string;
  readonly loginId: string;
  readonly ci: string;
  /** argon2id, PHC string. */
  readonly passwordHash: string;
  /** Where the one-time code is "sent" (simulated). */
  readonly phone: string;
  /** Wrong passwords in a row. */
  readonly failures: number;
  readonly lockedUntil?: number;
}

export interface LoginRepository {
  find(orgCode: string, loginId: string): Promise<ProviderLogin | undefined>;
  put(login: ProviderLogin): Promise<void>;
}

/** The one-time code of an authorization request. */
export interface OtpState {
  readonly codeHash: string;
  readonly sentAt: number;
  readonly expiresAt: number;
  /** Wrong codes entered for this code. */
  readonly attempts: number;
  /** Codes sent for this request so far. */
  readonly sends: number;
}

export type AuthStage = 'login' | 'otp' | 'consent' | 'done';

/** One person's way through 개별인증-001: from the operator's call to the code. Times are epoch ms. */
export interface AuthRequest {
  readonly id: string;
  readonly orgCode: string;
  readonly clientId: string;
  readonly redirectUri: string;
  readonly appScheme: string;
  readonly state: string;
  readonly tranId: string;
  /** x-user-ci: the CI the operator says the person has. */
  readonly userCi: string;
  readonly createdAt: number;
  readonly expiresAt: number;
  /** The CSRF token of the pages' forms. */
  readonly csrf: string;
  /** SHA-256 of the browser binding cookie, set when the login page is first shown. */
  readonly bindingHash?: string;
  readonly stage: AuthStage;
  /** The login that passed its password (stage otp and after). */
  readonly loginId?: string;
  readonly otp?: OtpState;
}

export interface AuthRequestRepository {
  get(id: string): Promise<AuthRequest | undefined>;
  put(request: AuthRequest): Promise<void>;
  delete(id: string): Promise<void>;
}
