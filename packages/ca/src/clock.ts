/** The CA's sense of time. Tests pass a manual clock to move it (expiry, lockout, token lifetimes). */
export interface CaClock {
  /** Epoch milliseconds. */
  nowMs(): number;
}

export const systemClock: CaClock = { nowMs: () => Date.now() };

/** A clock that moves only when told: for tests and demos. */
export interface ManualClock extends CaClock {
  set(ms: number): void;
  advance(ms: number): void;
}

export function manualClock(startMs: number): ManualClock {
  let now = startMs;
  return {
    nowMs: () => now,
    set: (ms) => {
      now = ms;
    },
    advance: (ms) => {
      now += ms;
    },
  };
}
