import type { Industry } from '@hannun/spec';
import type { Dispatcher } from 'undici';
import type { GivenToken } from './case-types.ts';

/**
 * The tokens a run uses, all issued by the provider under test for one person's consent: the usual one
 * (every scope of the industry), optionally one lacking each scope (40104 cases) and the ones only the
 * provider can make (expired, revoked, of a consent past its end date). Cases needing a token not given are
 * reported as skipped, never as passed.
 */
export interface TokenSet {
  readonly usual: string;
  /** scope → a token of the same consent whose scope string lacks it. */
  readonly withoutScope?: Readonly<Record<string, string>>;
  readonly given?: Readonly<Partial<Record<GivenToken, string>>>;
  /** The operator service's client credentials at the provider (개별인증-003/004 cases). */
  readonly client?: { readonly clientId: string; readonly clientSecret: string };
  /**
   * A refresh token of a pair the credential cases may use up: they refresh it, revoke it and replay it, so it
   * must not be the pair of `usual` (a refresh ends the previous access token).
   */
  readonly refresh?: string;
}

/** One institution to examine. */
export interface ConformanceTarget {
  /** The institution's base URL (its base path included), e.g. `https://provider.example:4100/bknuri`. */
  readonly baseUrl: string;
  readonly orgCode: string;
  readonly industry: Industry;
  readonly tokens: TokenSet;
  /** The calling operator's org_code: the first 10 characters of every x-api-tran-id. */
  readonly operatorOrgCode: string;
  /** Who the tokens belong to, when one institution is examined for several people (`BKNURI0001/2`). */
  readonly label?: string;
  /** Only these information APIs (IDs) and the lists they need; every API of the industry by default. */
  readonly apis?: readonly string[];
  /** The connection to use (mutual TLS with the operator's certificate: `clientAgent` of @hannun/pki). */
  readonly dispatcher?: Dispatcher;
}
