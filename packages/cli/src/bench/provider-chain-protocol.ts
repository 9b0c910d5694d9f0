// What the provider-chain benchmark and its server process tell each other.
import type { ChildMessage } from './bench-child.ts';

/** The operator the benchmark's token and tran ids are for. */
export const OPERATOR_ORG = 'MDHANNUN01';
/** The route answering the captured page without the check chain. */
export const PLAIN_PATH = '/_bench/plain';

/** What the parent needs to load both routes, sent once the server listens. */
export interface ChainServerReady extends ChildMessage {
  readonly type: 'ready';
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  /** The 은행-004 route of the chosen bank. */
  readonly chainPath: string;
  readonly plainPath: string;
  /** Headers of every request but the tran id (authorization, x-api-type, content-type). */
  readonly headers: Readonly<Record<string, string>>;
  /**
   * Valid access tokens for the same consent, each with its own jti, more than the engine's verified-token
   * cache holds (`tokenCacheSize`): presented in turn, every one is verified afresh (the cold-cache route).
   */
  readonly coldTokens: readonly string[];
  /** The engine's verified-token cache size per institution. */
  readonly tokenCacheSize: number;
  /** The JSON request body. */
  readonly requestBody: string;
  /** The page both routes answer, as text. */
  readonly responseBody: string;
  readonly orgCode: string;
  /** Transactions of the account in the requested period (the page holds the newest 100). */
  readonly periodTransactions: number;
  readonly fromDate: string;
  readonly toDate: string;
  readonly customers: number;
}

/** The server's CPU time so far (µs), asked for with `{ type: 'cpu' }`. */
export interface ChainServerCpu extends ChildMessage {
  readonly type: 'cpu';
  readonly user: number;
  readonly system: number;
}
