import type { ApiType } from '@hannun/spec';

/**
 * One event of a person's collection at one institution, as the collection engine (collect/) emits it
 * (`type`: queued, phase, progress, done, deferred, failed, late …, with its own fields): passed to the app
 * as it is, over server-sent events.
 */
export interface CollectionEvent {
  readonly personId: string;
  readonly orgCode: string;
  readonly type: string;
  readonly at: number;
  readonly [field: string]: unknown;
}

/**
 * THE SEAM between the operator's app API and the collection engine (collect/, built apart): what the API
 * needs from it. `start` queues collection of the person at these institutions (their consents active,
 * tokens in the vault); `stop` cancels every queued and running job of the person at one institution (after
 * a withdrawal); `subscribe` streams the person's progress until the returned function is called.
 */
export interface Collector {
  start(personId: string, orgCodes: readonly string[], apiType: ApiType): Promise<void>;
  stop(personId: string, orgCode: string): Promise<void>;
  subscribe(personId: string, listener: (event: CollectionEvent) => void): () => void;
}

/** What the collection engine offers that the seam uses (structural: the engine's own types stay its own). */
export interface CollectionEngineLike {
  afterConsent(personId: string, orgCodes?: readonly string[]): Promise<unknown>;
  refresh(personId: string, orgCodes?: readonly string[]): Promise<unknown>;
  readonly jobs: { cancel(personId: string, orgCode: string, now: number): Promise<number> };
  readonly progress: {
    subscribe(
      personId: string,
      listener: (event: { readonly orgCode: string; readonly type: string; readonly at: number }) => void,
    ): () => void;
  };
}

/**
 * The seam over the collection engine: user-consent → `afterConsent`, user-refresh → `refresh`; stop cancels
 * the person's jobs at the institution; progress is the engine's own per-person stream.
 */
export function collectorOf(engine: CollectionEngineLike, nowMs: () => number): Collector {
  return {
    async start(personId, orgCodes, apiType) {
      if (apiType === 'user-refresh') await engine.refresh(personId, orgCodes);
      else if (apiType === 'user-consent') await engine.afterConsent(personId, orgCodes);
      else throw new Error(`collectorOf: ${apiType} is started by the engine itself`);
    },
    async stop(personId, orgCode) {
      await engine.jobs.cancel(personId, orgCode, nowMs());
    },
    subscribe(personId, listener) {
      return engine.progress.subscribe(personId, (e) => listener({ ...e, personId } as CollectionEvent));
    },
  };
}
