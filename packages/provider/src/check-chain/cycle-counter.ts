/**
 * Scheduled transmissions per (consent, API, asset) in the current cycle window. A check reserves a slot
 * and the engine releases it when the call fails afterwards, so only answered calls count and two
 * concurrent first pages cannot both slip under the limit.
 */
export interface CycleTicket {
  release(): void;
}

export interface CycleCounter {
  /** A slot in `window` for `key`, or undefined when `times` are used up. */
  reserve(key: string, window: number, times: number): CycleTicket | undefined;
}

export function createCycleCounter(): CycleCounter {
  const counts = new Map<string, { window: number; used: number }>();
  return {
    reserve(key, window, times) {
      let entry = counts.get(key);
      if (!entry || entry.window !== window) {
        entry = { window, used: 0 };
        counts.set(key, entry);
      }
      if (entry.used >= times) return undefined;
      entry.used++;
      const held = entry;
      let released = false;
      return {
        release() {
          if (released) return;
          released = true;
          if (counts.get(key) === held && held.used > 0) held.used--;
        },
      };
    },
  };
}
