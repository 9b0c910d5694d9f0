import type { ProviderClock } from './provider-clock.ts';

/** A clock that only moves when told to: tests and the demo set it to a Korean date-time and advance it. */
export interface ManualClock extends ProviderClock {
  /** Jump to this instant (epoch ms). */
  set(ms: number): void;
  /** Move forward (or back, with a negative number) by this many milliseconds. */
  advance(ms: number): void;
}

export function createManualClock(startMs: number): ManualClock {
  if (!Number.isFinite(startMs)) throw new RangeError('a manual clock needs a finite start time');
  let now = startMs;
  return {
    nowMs: () => now,
    set(ms) {
      if (!Number.isFinite(ms)) throw new RangeError('a manual clock can only be set to a finite time');
      now = ms;
    },
    advance(ms) {
      if (!Number.isFinite(ms)) throw new RangeError('a manual clock can only advance by a finite amount');
      now += ms;
    },
  };
}

/** Whether a clock can be set and advanced (the admin clock route needs one). */
export function isManualClock(clock: ProviderClock): clock is ManualClock {
  return (
    typeof (clock as Partial<ManualClock>).set === 'function' &&
    typeof (clock as Partial<ManualClock>).advance === 'function'
  );
}
