import { kstDayNumber } from '../clock/kst.ts';

/**
 * The x-api-tran-ids an institution has seen today (Korean day): a repeat within the day is refused with
 * 40002, as KB Card's provider does (notes §2.3). Forgotten when the day turns.
 */
export interface TranIdLedger {
  /** Record the id; false when this institution already saw it today. */
  record(orgCode: string, tranId: string, now: number): boolean;
}

export function createTranIdLedger(): TranIdLedger {
  const days = new Map<string, { day: number; seen: Set<string> }>();
  return {
    record(orgCode, tranId, now) {
      const day = kstDayNumber(now);
      let entry = days.get(orgCode);
      if (!entry || entry.day !== day) {
        entry = { day, seen: new Set() };
        days.set(orgCode, entry);
      }
      if (entry.seen.has(tranId)) return false;
      entry.seen.add(tranId);
      return true;
    },
  };
}
