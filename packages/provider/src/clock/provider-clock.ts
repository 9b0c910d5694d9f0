/**
 * The provider's clock. Every read of "now" in the engine (token expiry, consent end dates, period rules,
 * np_time windows, cycles, search_timestamp, what data exists yet) goes through one of these, so tests and
 * the demo can move time. Time is epoch milliseconds; Korean dates and times come from `kst.ts`.
 */
export interface ProviderClock {
  /** Milliseconds since the epoch (UTC). */
  nowMs(): number;
}

/** The real time. */
export const systemClock: ProviderClock = { nowMs: () => Date.now() };
