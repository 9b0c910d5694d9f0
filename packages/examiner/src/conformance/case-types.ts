import type { Industry, RspCode } from '@hannun/spec';

/**
 * Which token a request carries, resolved when it is sent (so cases stay data and reports never hold a
 * token): the target's usual one, one lacking a scope, one the target gave for a special purpose, or one
 * the examiner forges from the usual one.
 */
export type TokenRef =
  | { readonly kind: 'none' }
  | { readonly kind: 'usual' }
  | { readonly kind: 'without-scope'; readonly scope: string }
  | { readonly kind: 'given'; readonly name: GivenToken }
  | { readonly kind: 'forged'; readonly how: ForgedToken }
  | { readonly kind: 'raw'; readonly header: string }
  /** A token an earlier step of the case obtained (개별인증-003's answer); shown as a label. */
  | { readonly kind: 'issued'; readonly token: string };

/** The operator's client credentials and refresh token, resolved when sent (never in a case or a report). */
export type Credential = 'client-id' | 'client-secret' | 'refresh-token';

/** A form field's value: as written, one of the operator's credentials, or a token an earlier step obtained. */
export type FormValue = string | { readonly credential: Credential } | { readonly issued: string };

/** Tokens only the provider can mint (a signature over an expired or ended grant): given by the caller. */
export type GivenToken = 'expired' | 'revoked' | 'consent-ended';

/** Tokens the examiner makes from the usual one. */
export type ForgedToken = 'alg-none' | 'other-signer' | 'bad-signature' | 'altered-claims' | 'garbage' | 'oversized';

/** The x-api-tran-id of a request: none, a fresh valid one, a fixed value, or the one an earlier step sent. */
export type TranIdRef =
  | { readonly kind: 'none' }
  | { readonly kind: 'fresh' }
  | { readonly kind: 'fixed'; readonly value: string }
  | { readonly kind: 'repeat-setup' };

/** One request of a case, as the standard names its parts. */
export interface ProbeRequest {
  readonly method: string;
  /** The path after the institution's base URL, e.g. `/v2/bank/accounts/deposit/transactions`. */
  readonly path: string;
  /** Query fields (GET) or JSON body fields (POST), wire strings. */
  readonly fields: Readonly<Record<string, string>>;
  /** A raw body instead of the JSON of `fields` (malformed JSON). */
  readonly rawBody?: string;
  readonly token: TokenRef;
  readonly tranId: TranIdRef;
  /** x-api-type; undefined sends none. */
  readonly apiType?: string;
  /** Further headers. */
  readonly headers?: Readonly<Record<string, string>>;
  /** An `application/x-www-form-urlencoded` body instead (the token and revoke endpoints). */
  readonly form?: Readonly<Record<string, FormValue>>;
}

/** What the standard says the answer must be: one of these rsp_codes, with the HTTP status of its code. */
export interface Expectation {
  readonly rspCodes: readonly RspCode[];
  /** Decode a success body against the API's response shape (fields, types, counts). */
  readonly shape?: boolean;
  /** Answering /v1: no field that exists only from v2 on. */
  readonly v1?: boolean;
  /**
   * An OAuth answer instead of the rsp_code envelope (the token endpoint, and the revoke endpoint's client
   * errors): this HTTP status and, for a refusal, this `error`; `rspCodes` is then empty.
   */
  readonly oauth?: { readonly status: number; readonly error?: string };
}

export type CaseCategory =
  | 'positive'
  | 'paging'
  | 'timestamp'
  | 'header'
  | 'token'
  | 'scope'
  | 'version'
  | 'org-code'
  | 'parameter'
  | 'period'
  | 'asset'
  | 'routing'
  | 'api-type'
  | 'credentials';

export interface ConformanceCase {
  /** Unique in a run: `<org_code> <API ID> <code>`, e.g. `BKNURI0001 은행-004 PER-03`. */
  readonly id: string;
  readonly orgCode: string;
  readonly industry: Industry;
  readonly apiId: string;
  readonly category: CaseCategory;
  readonly title: string;
  /** Whether the standard says the call must be refused. */
  readonly negative: boolean;
  readonly expect: Expectation;
  /** Why the expectation is our reading where the standard is unclear; absent when it is the standard's. */
  readonly provisional?: string;
  /** Why the case cannot run against this target (no asset of the kind); it is reported as skipped. */
  readonly skip?: string;
  /** Requests before the probe; each must be answered with one of its `accept` codes or the case fails. */
  readonly setup?: readonly SetupStep[];
  /** The request under test; a function reads the setup's answers (e.g. the search_timestamp they returned). */
  readonly probe: ProbeRequest | ((setup: readonly Exchange[]) => ProbeRequest);
  /** The expectation decided from the setup's answers (a scheduled call outside np_time answers 50009 twice). */
  readonly expectAfter?: (setup: readonly Exchange[]) => Expectation;
  /** Follow next_page from the probe's answer to the end; every page must meet the expectation. */
  readonly walk?: boolean;
  /** Further checks of the probe's answers (all pages of a walk), with the setup's; returns what is wrong. */
  readonly check?: (answers: readonly Exchange[], setup: readonly Exchange[]) => readonly string[];
  /** Run after every other case of its target, one at a time in the order generated (it changes the provider's state). */
  readonly serial?: boolean;
}

export interface SetupStep {
  readonly request: ProbeRequest | ((before: readonly Exchange[]) => ProbeRequest);
  readonly accept: readonly RspCode[];
  /** An OAuth step instead (개별인증-003): accepted when answered with this HTTP status and no `error`. */
  readonly acceptStatus?: number;
}

/** One request as sent (token redacted) and its answer. */
export interface Exchange {
  readonly request: {
    readonly method: string;
    readonly url: string;
    readonly headers: Readonly<Record<string, string>>;
    readonly body?: string;
  };
  readonly response?: {
    readonly status: number;
    readonly headers: Readonly<Record<string, string>>;
    /** The body parsed, when it was JSON. */
    readonly json?: unknown;
    /** The body as text when it was not JSON (first 2,000 characters). */
    readonly text?: string;
  };
  /** A transport failure (connection refused, TLS, timeout). */
  readonly error?: string;
  readonly ms: number;
}

export type Verdict = 'passed' | 'failed' | 'skipped';

export interface CaseResult {
  readonly case: ConformanceCase;
  readonly verdict: Verdict;
  /** Why it failed or was skipped. */
  readonly problems: readonly string[];
  readonly setup: readonly Exchange[];
  readonly exchanges: readonly Exchange[];
  /** The rsp_code of the (first) answer, if any. */
  readonly actual?: string;
  readonly status?: number;
}
