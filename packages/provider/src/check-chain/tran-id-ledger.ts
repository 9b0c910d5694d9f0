import { kstDayNumber } from '../clock/kst.ts';

/**
 * The x-api-tran-ids an institution has seen today (Korean day): a repeat within the day is refused with
 * 40002, as KB Card's provider does (notes §2.3). Forgotten when the day turns.
 *
 * Memory is bounded: ids are kept in two generations of at most `generation` each (a million by default);
 * when the current one fills up it becomes the previous one and the oldest is dropped. At least the last
 * `generation` ids of the day are always remembered, which at a few thousand calls a second is hours.
 */
export interface TranIdLedger {
  /** Record the id; false when this institution already saw it today. */
  record(orgCode: string, tranId: string, now: number): boolean;
}

interface Day {
  readonly day: number;
  current: Set<string>;
  previous: Set<string>;
}

export function createTranIdLedger(generation = 1_000_000): TranIdLedger {
  const days = new Map<string, Day>();
  return {
    record(orgCode, tranId, now) {
      const day = kstDayNumber(now);
      let entry = days.get(orgCode);
      if (!entry || entry.day !== day) {
        entry = { day, current: new Set(), previous: new Set() };
        days.set(orgCode, entry);
      }
      if (entry.current.has(tranId) || entry.previous.has(tranId)) return false;
      if (entry.current.size >= generation) {
        entry.previous = entry.current;
        entry.current = new Set();
      }
      entry.current.add(tranId);
      return true;
    },
  };
}
