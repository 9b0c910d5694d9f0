import type { ApiType } from '@hannun/spec';
import type { Reason } from './job-store.ts';

/** What a job is fetching: the asset lists, then per asset basic, detail and transactions. */
export type CollectPhase = 'listing' | 'basic' | 'detail' | 'transactions';
export const COLLECT_PHASES: readonly CollectPhase[] = ['listing', 'basic', 'detail', 'transactions'];

/** Counts so far of one job. */
export interface ProgressCounts {
  /** Units (one API for one asset and period) finished / planned in the current phase. */
  readonly done: number;
  readonly total: number;
  /** Assets listed (consented ones). */
  readonly assets: number;
  /** Rows received and stored over the whole job. */
  readonly rows: number;
  /** Calls made (pages and retries included). */
  readonly calls: number;
}

interface Base {
  readonly personId: string;
  readonly orgCode: string;
  readonly jobId: string;
  readonly apiType: ApiType;
  /** Epoch ms (domain clock). */
  readonly at: number;
}

/**
 * One event of a person's collection, per institution. The HTTP API turns them into server-sent events:
 * - `queued`: a job waits (`notBefore`: when it may start, e.g. the provider's np_time window);
 * - `phase`: a phase starts (with what it will fetch) and `progress` as units finish (`apiId`: the last one);
 * - `done`: everything consented was collected (`failedUnits` > 0: some units failed, `reason` says why);
 * - `deferred`: put off until `until` (np_time, a provider unavailable); `failed`: stopped, `reason` in ko/en;
 * - `late`: more than 5 minutes since the person asked (the notice is stored too).
 */
export type ProgressEvent =
  | (Base & { readonly type: 'queued'; readonly notBefore: number })
  | (Base & { readonly type: 'phase'; readonly phase: CollectPhase; readonly counts: ProgressCounts })
  | (Base & {
      readonly type: 'progress';
      readonly phase: CollectPhase;
      readonly apiId: string;
      readonly counts: ProgressCounts;
    })
  | (Base & {
      readonly type: 'done';
      readonly counts: ProgressCounts;
      readonly failedUnits: number;
      readonly reason?: Reason;
    })
  | (Base & { readonly type: 'deferred'; readonly until: number; readonly reason: Reason })
  | (Base & { readonly type: 'failed'; readonly reason: Reason; readonly counts?: ProgressCounts })
  | (Base & { readonly type: 'late'; readonly reason: Reason });

export type ProgressListener = (event: ProgressEvent) => void;

/**
 * The event stream per person, in process: subscribe to a person's events, and `latest` gives the last
 * event of every institution (what a client that connects late shows first). A listener that throws is
 * dropped, never the emitter. Workers in other processes do not reach it: the job table (`jobs.forPerson`)
 * is the cross-process view.
 */
export class ProgressHub {
  readonly #listeners = new Map<string, Set<ProgressListener>>();
  readonly #latest = new Map<string, Map<string, ProgressEvent>>();
  readonly #keepPeople: number;

  constructor(opts: { keepPeople?: number } = {}) {
    this.#keepPeople = opts.keepPeople ?? 10_000;
  }

  subscribe(personId: string, listener: ProgressListener): () => void {
    let set = this.#listeners.get(personId);
    if (!set) {
      set = new Set();
      this.#listeners.set(personId, set);
    }
    set.add(listener);
    return () => {
      const s = this.#listeners.get(personId);
      s?.delete(listener);
      if (s?.size === 0) this.#listeners.delete(personId);
    };
  }

  emit(event: ProgressEvent): void {
    let byOrg = this.#latest.get(event.personId);
    if (!byOrg) {
      if (this.#latest.size >= this.#keepPeople) {
        const oldest = this.#latest.keys().next().value;
        if (oldest !== undefined) this.#latest.delete(oldest);
      }
      byOrg = new Map();
      this.#latest.set(event.personId, byOrg);
    }
    byOrg.set(event.orgCode, event);
    for (const listener of [...(this.#listeners.get(event.personId) ?? [])]) {
      try {
        listener(event);
      } catch {
        this.#listeners.get(event.personId)?.delete(listener);
      }
    }
  }

  /** The last event of each institution for the person. */
  latest(personId: string): ProgressEvent[] {
    return [...(this.#latest.get(personId)?.values() ?? [])];
  }

  listeners(personId: string): number {
    return this.#listeners.get(personId)?.size ?? 0;
  }
}
