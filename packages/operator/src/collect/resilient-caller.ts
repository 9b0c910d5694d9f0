import {
  type CircuitBreakers,
  createCircuitBreakers,
  DEFAULT_BREAKER,
  type BreakerOptions,
} from './circuit-breaker.ts';
import { createInstitutionLimiter, type InstitutionLimiter } from './institution-limiter.ts';
import type { CallResult, InfoCall, ProviderClient } from './provider-client.ts';
import { backoffMs, DEFAULT_RETRY, type RetryPolicy, verdictOf } from './retry-policy.ts';

/** The circuit of the institution is open: no call was made. */
export interface CircuitOpen {
  readonly kind: 'circuit-open';
  readonly until: number;
}

export interface Attempted {
  /** The last outcome (or the open circuit that stopped the tries). */
  readonly result: CallResult | CircuitOpen;
  /** Every call made, in order: each is a transmission record. */
  readonly tries: readonly CallResult[];
}

export interface ResilientCallerOptions {
  readonly client: ProviderClient;
  readonly retry?: Partial<RetryPolicy>;
  readonly breaker?: BreakerOptions;
  /** Calls in flight per institution from this process (default 4). */
  readonly perInstitution?: number;
  readonly random?: () => number;
  /** Waits (tests pass a fast one); aborting the signal ends the wait early. */
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export interface ResilientCaller {
  call(orgCode: string, c: InfoCall): Promise<Attempted>;
  readonly breakers: CircuitBreakers;
  readonly limiter: InstitutionLimiter;
  readonly retry: RetryPolicy;
}

export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted || ms <= 0) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

/**
 * One call with the engine's resilience around it: the institution's concurrency limit, its circuit
 * breaker, and retries with exponential backoff and jitter on unavailability (timeouts, dropped
 * connections, 5xx system failures, 429 42902), honouring a Retry-After up to `maxRetryAfterMs` (longer:
 * given back to the caller, which puts the job off). Every other outcome returns at once.
 */
export function createResilientCaller(o: ResilientCallerOptions): ResilientCaller {
  const retry = { ...DEFAULT_RETRY, ...o.retry };
  const breakers = createCircuitBreakers(o.breaker ?? DEFAULT_BREAKER);
  const limiter = createInstitutionLimiter(o.perInstitution ?? 4);
  const sleep = o.sleep ?? abortableSleep;
  return {
    breakers,
    limiter,
    retry,
    async call(orgCode, c) {
      const tries: CallResult[] = [];
      for (let attempt = 0; ; attempt++) {
        if (!breakers.allow(orgCode, Date.now())) {
          const last = tries.at(-1);
          return {
            result:
              last && attempt > 0 ? last : { kind: 'circuit-open', until: breakers.reopensAt(orgCode) ?? Date.now() },
            tries,
          };
        }
        const r = await limiter.run(orgCode, () => o.client.call(c));
        tries.push(r);
        if (verdictOf(r) !== 'retry') {
          breakers.success(orgCode);
          return { result: r, tries };
        }
        breakers.failure(orgCode, Date.now());
        if (attempt + 1 >= retry.attempts || c.signal?.aborted) return { result: r, tries };
        const wait = r.retryAfterMs ?? backoffMs(retry, attempt, o.random);
        if (wait > retry.maxRetryAfterMs) return { result: r, tries };
        await sleep(wait, c.signal);
      }
    },
  };
}
