const KST_OFFSET_MS = 9 * 3_600_000;
const DAY_MS = 86_400_000;

/** Minutes since midnight in Korean time. */
export function kstMinuteOfDay(ms: number): number {
  return Math.floor(((((ms + KST_OFFSET_MS) % DAY_MS) + DAY_MS) % DAY_MS) / 60_000);
}

const NP_TIME = /^([01][0-9]|2[0-3])([0-5][0-9]):([01][0-9]|2[0-4])([0-5][0-9])$/;

/**
 * Whether a Korean minute of the day falls in one of the provider's np_time windows ("hhmm:hhmm"; "2400" ends
 * at midnight; a window ending before it starts runs over midnight). A window that cannot be read counts as none.
 */
export function inNpTime(npTimes: readonly string[], minute: number): boolean {
  for (const text of npTimes) {
    const m = NP_TIME.exec(text);
    if (!m) continue;
    const start = Number(m[1]) * 60 + Number(m[2]);
    const end = Number(m[3]) * 60 + Number(m[4]);
    if (start <= end ? minute >= start && minute < end : minute >= start || minute < end) return true;
  }
  return false;
}
