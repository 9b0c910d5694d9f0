// What the ledger-generation benchmark and its child process tell each other.
import type { ChildMessage } from './bench-child.ts';

/** The work, passed to the child as JSON in its one argument. */
export interface LedgerGenerationJob {
  readonly customers: number;
  readonly seed: string;
  /** First and last day of the history, ISO dates. */
  readonly start: string;
  readonly until: string;
  /** Idle seconds after generation (between full GCs) before memory is read: V8 returns pages lazily. */
  readonly settleSeconds: number;
}

/** The child's figures once the ledger is generated (and still held). */
export interface LedgerGenerationDone extends ChildMessage {
  readonly type: 'done';
  /** createLedger: plans of every customer (ms). */
  readonly planMs: number;
  /** materialise: every customer-month up to `until` (ms). */
  readonly generateMs: number;
  readonly customers: number;
  readonly months: number;
  readonly transactions: number;
  /** Holdings (accounts, cards, policies, loans …) in the plans. */
  readonly holdings: number;
  /** Bytes of month-to-month state materialise reports keeping. */
  readonly stateBytes: number;
  /** Resident set before the ledger was made, once it is generated and the process has settled, and at the peak. */
  readonly rssBeforeBytes: number;
  readonly rssAfterBytes: number;
  readonly rssPeakBytes: number;
  readonly heapUsedBytes: number;
  /** Heap reserved by V8, and memory outside the heap (typed arrays of the carried state …). */
  readonly heapTotalBytes: number;
  readonly externalBytes: number;
  /** Whether a full GC ran before the memory was read (node --expose-gc). */
  readonly gc: boolean;
}
