// What the integrated-auth benchmark (the operator, in the parent) and its two children (the CA, the provider
// engine) tell each other. Both children read the trust material the parent prepared in `dataDir`.
import type { Industry } from '@hannun/spec';
import type { ChildMessage } from './bench-child.ts';
import type { CpuKind } from './profile-categories.ts';

// The children's one argument (argv[2]) is the data directory: the PKI, the run file with the credentials and
// the people (integrated-auth-trust.ts), and their databases.

/** The CA listens: its API over mutual TLS, its approval page over HTTP. */
export interface CaReady extends ChildMessage {
  readonly type: 'ready';
  readonly apiUrl: string;
  readonly pagesUrl: string;
  readonly caCode: string;
  /** How long enrolling the people took (argon2id, a key pair and a certificate each), ms. */
  readonly enrolMs: number;
}

/** Sent to the provider child once the CA listens. */
export interface ProviderStart extends ChildMessage {
  readonly type: 'start';
  readonly caUrl: string;
}

export interface BenchInstitutionInfo {
  readonly orgCode: string;
  readonly industry: Industry;
  readonly basePath: string;
}

/** The provider engine listens (mutual TLS 1.3, all institutions on one port). */
export interface ProviderReady extends ChildMessage {
  readonly type: 'ready';
  /** `https://127.0.0.1:<port>` */
  readonly url: string;
  readonly institutions: readonly BenchInstitutionInfo[];
  /** Customers of the synthetic ledger (the people stand in for one of them at each institution). */
  readonly ledgerCustomers: number;
}

/** Ask a child for its counters: `{ type: 'stats' }`. */
export interface ChildStats extends ChildMessage {
  readonly type: 'stats';
  /** process.cpuUsage() so far, µs. */
  readonly user: number;
  readonly system: number;
  /** The provider only: 통합인증-104 calls made so far and the time spent waiting for them (ms, summed). */
  readonly caCalls?: number;
  readonly caWaitMs?: number;
}

/** A child's CPU by kind of work (ms) between `profile-start` and `profile-stop` (bench-profiler.ts). */
export interface ChildProfile extends ChildMessage {
  readonly type: 'profile';
  readonly kinds: Partial<Record<CpuKind, number>>;
}
