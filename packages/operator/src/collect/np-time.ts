/**
 * A provider's non-peak windows (np_time_list of its registry record, "hhmm:hhmm" in Korean time; a window
 * whose end is before its start runs over midnight; "2400" ends at midnight): scheduled transmissions are
 * made only inside them (outside, the provider answers 50009).
 */
export interface NpWindows {
  /** Whether a scheduled call may be made at this instant. */
  isOpen(ms: number): boolean;
  /** The next instant at or after `ms` when a window is open (`ms` itself when one is). */
  nextOpening(ms: number): number;
  /** The text it was read from. */
  readonly text: readonly string[];
}

const NP_TIME = /^([01][0-9]|2[0-3])([0-5][0-9]):([01][0-9]|2[0-4])([0-5][0-9])$/;
const MINUTE = 60_000;
const DAY_MINUTES = 1440;
const KST_OFFSET = 9 * 60 * MINUTE;

/** Minute of the Korean day of an instant (Korea keeps no summer time). */
export function kstMinuteOfDay(ms: number): number {
  return Math.floor((((ms + KST_OFFSET) % (DAY_MINUTES * MINUTE)) + DAY_MINUTES * MINUTE) / MINUTE) % DAY_MINUTES;
}

/** Windows from the registry; none registered means no restriction known (the provider's 50009 still counts). */
export function parseNpWindows(npTimes: readonly string[] | undefined): NpWindows {
  const ranges = (npTimes ?? []).map((text) => {
    const m = NP_TIME.exec(text);
    if (!m) throw new RangeError(`np_time '${text}' is not hhmm:hhmm`);
    const start = Number(m[1]) * 60 + Number(m[2]);
    const end = Number(m[3]) * 60 + Number(m[4]);
    if (end > DAY_MINUTES) throw new RangeError(`np_time '${text}' ends after 2400`);
    return { start, end };
  });
  const openAt = (minute: number) =>
    ranges.length === 0 ||
    ranges.some(({ start, end }) => (start <= end ? minute >= start && minute < end : minute >= start || minute < end));
  return {
    text: npTimes ?? [],
    isOpen: (ms) => openAt(kstMinuteOfDay(ms)),
    nextOpening(ms) {
      if (openAt(kstMinuteOfDay(ms))) return ms;
      const startOfMinute = ms - (ms % MINUTE) + MINUTE;
      for (let i = 0; i < DAY_MINUTES; i++) {
        const at = startOfMinute + i * MINUTE;
        if (openAt(kstMinuteOfDay(at))) return at;
      }
      return ms;
    },
  };
}
