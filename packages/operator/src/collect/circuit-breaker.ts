/**
 * A circuit breaker per institution: after `threshold` failures in a row (unavailability only: timeouts,
 * dropped connections, 5xx) it opens, and calls fail at once for `cooldownMs`; then one trial call is let
 * through (half-open): success closes it, failure opens it again. Keeps a provider that is down from being
 * hammered by every job, and jobs from waiting on it.
 */
export interface BreakerOptions {
  readonly threshold: number;
  readonly cooldownMs: number;
}

export const DEFAULT_BREAKER: BreakerOptions = { threshold: 5, cooldownMs: 30_000 };

export type BreakerState = 'closed' | 'open' | 'half-open';

export interface CircuitBreakers {
  /** Whether a call to this institution may go now; false while open (and while a trial is out). */
  allow(orgCode: string, now: number): boolean;
  success(orgCode: string): void;
  failure(orgCode: string, now: number): void;
  state(orgCode: string, now: number): BreakerState;
  /** When an open breaker lets a trial through. */
  reopensAt(orgCode: string): number | undefined;
}

interface Entry {
  failures: number;
  openedAt: number | undefined;
  trial: boolean;
}

export function createCircuitBreakers(o: BreakerOptions = DEFAULT_BREAKER): CircuitBreakers {
  const entries = new Map<string, Entry>();
  const entry = (org: string) => {
    let e = entries.get(org);
    if (!e) {
      e = { failures: 0, openedAt: undefined, trial: false };
      entries.set(org, e);
    }
    return e;
  };
  const state = (e: Entry, now: number): BreakerState => {
    if (e.openedAt === undefined) return 'closed';
    return now - e.openedAt >= o.cooldownMs ? 'half-open' : 'open';
  };
  return {
    allow(org, now) {
      const e = entry(org);
      const s = state(e, now);
      if (s === 'closed') return true;
      if (s === 'open' || e.trial) return false;
      e.trial = true;
      return true;
    },
    success(org) {
      const e = entry(org);
      e.failures = 0;
      e.openedAt = undefined;
      e.trial = false;
    },
    failure(org, now) {
      const e = entry(org);
      e.failures++;
      if (e.trial || e.failures >= o.threshold) e.openedAt = now;
      e.trial = false;
    },
    state: (org, now) => state(entry(org), now),
    reopensAt(org) {
      const e = entries.get(org);
      return e?.openedAt === undefined ? undefined : e.openedAt + o.cooldownMs;
    },
  };
}
