import type { CollectionEvent, Collector } from './collector.ts';

/** A step of connecting an institution (integrated or individual authentication), for the live view. */
export interface ConnectEvent {
  readonly personId: string;
  readonly flowId: string;
  /** The institution, or absent for the whole flow (waiting for the CA, refused, expired). */
  readonly orgCode?: string;
  readonly stage: 'waiting' | 'signed' | 'connecting' | 'connected' | 'failed' | 'refused' | 'expired' | 'done';
  readonly reason?: { readonly code: string; readonly ko: string; readonly en: string };
  readonly at: number;
}

export type LiveEvent =
  | ({ readonly kind: 'connect' } & ConnectEvent)
  | ({ readonly kind: 'collect' } & CollectionEvent);

type Listener = (event: LiveEvent) => void;

/**
 * Every live event of a person, from both sources: connecting (this package's authentication flows) and
 * collecting (the collection engine, through the Collector seam). Listeners are per person; one that throws is
 * dropped, never breaking the others.
 */
export class LiveProgress {
  readonly #listeners = new Map<string, Set<Listener>>();
  readonly #collector: Collector;

  constructor(collector: Collector) {
    this.#collector = collector;
  }

  connect(event: ConnectEvent): void {
    this.#publish(event.personId, { kind: 'connect', ...event });
  }

  #publish(personId: string, event: LiveEvent): void {
    for (const l of [...(this.#listeners.get(personId) ?? [])]) {
      try {
        l(event);
      } catch {
        this.#listeners.get(personId)?.delete(l);
      }
    }
  }

  /** Listen to one person's events (connect and collect); call the result to stop. */
  subscribe(personId: string, listener: Listener): () => void {
    let set = this.#listeners.get(personId);
    if (!set) {
      set = new Set();
      this.#listeners.set(personId, set);
    }
    set.add(listener);
    const stopCollect = this.#collector.subscribe(personId, (e) => {
      if (set.has(listener)) listener({ kind: 'collect', ...e });
    });
    return () => {
      stopCollect();
      const s = this.#listeners.get(personId);
      s?.delete(listener);
      if (s?.size === 0) this.#listeners.delete(personId);
    };
  }

  /** How many people are listened to now. */
  get listening(): number {
    return this.#listeners.size;
  }
}
