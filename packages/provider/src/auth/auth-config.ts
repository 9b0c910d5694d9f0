import type { TokenLifetimes } from '../tokens/token-lifetimes.ts';
import type { CaClient } from './ca-client.ts';
import type { AuthStore } from './store/auth-store.ts';

/** Authentication at the provider (개별인증-001…004, 통합인증-002): what `createProviderEngine` takes in `config.auth`. */
export interface AuthConfig {
  /** Token and code lifetimes within the standard's maxima (tokens/token-lifetimes.ts); a value above one throws. */
  readonly lifetimes?: Partial<TokenLifetimes>;
  /** Where consents, pairs, codes, logins and requests live. Default: in memory (over the engine's ConsentStore). */
  readonly store?: AuthStore;
  /** 통합인증-104 at the CA; without it 통합인증-002 answers server_error. `createHttpCaClient` builds one. */
  readonly caClient?: CaClient;
  /** Seed of the demo customers' login IDs, passwords and phones (deterministic per customer). */
  readonly demoLoginSeed?: string;
  /**
   * Show the "SMS" on the one-time-code page, labelled 데모 문자. Hannun has no SMS gateway: the code is
   * only ever delivered this way (and to the test hooks). Default true.
   */
  readonly showDemoSms?: boolean;
  /** The origin people reach the engine at, for the login page's Location (default: from the request's Host). */
  readonly publicUrl?: string;
  /** How long a person has from 개별인증-001 to submitting the consent page. Default 15 minutes. */
  readonly requestTtlSeconds?: number;
  /** argon2id cost of provider login passwords (KiB, passes). Default 19456 KiB, 2 passes; tests lower it. */
  readonly passwordHashing?: { readonly memoryCost: number; readonly timeCost: number };
}
