/**
 * An institution's non-peak windows (np_time "hhmm:hhmm", at most 3, at least 6 hours a day) as minute
 * ranges of the Korean day. "2400" ends at midnight; a window whose end is before its start runs over
 * midnight.
 */
export interface NpWindows {
  contains(minuteOfDay: number): boolean;
}

const NP_TIME = /^([01][0-9]|2[0-3])([0-5][0-9]):([01][0-9]|2[0-4])([0-5][0-9])$/;

export function parseNpWindows(npTimes: readonly string[]): NpWindows {
  const ranges = npTimes.map((text) => {
    const m = NP_TIME.exec(text);
    if (!m) throw new Error(`np_time '${text}' is not hhmm:hhmm`);
    const start = Number(m[1]) * 60 + Number(m[2]);
    const end = Number(m[3]) * 60 + Number(m[4]);
    if (end > 1440) throw new Error(`np_time '${text}' ends after 2400`);
    return { start, end };
  });
  return {
    contains(minute) {
      for (const { start, end } of ranges) {
        if (start <= end ? minute >= start && minute < end : minute >= start || minute < end) return true;
      }
      return false;
    },
  };
}
