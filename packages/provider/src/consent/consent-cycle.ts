/**
 * A consent's regular-transmission cycle (fnd_cycle / add_cycle), parsed. The standard's format is not
 * public (notes §4.4): '1/w' (WizVera sample) reads "once a week", '1m' (synthetic sample) reads "every
 * month". Both are accepted: `N/u` is N transmissions per unit, `Nu` one transmission every N units, with
 * u = d (day), w (week, Sunday to Saturday as v1 counts it) or m (calendar month), all in Korean time.
 */
export interface Cycle {
  readonly unit: 'd' | 'w' | 'm';
  /** Units per window (every 2 weeks: 2). */
  readonly span: number;
  /** Transmissions allowed per window. */
  readonly times: number;
}

const PER = /^([1-9][0-9]?)\/([dwm])$/;
const EVERY = /^([1-9][0-9]?)([dwm])$/;

export function parseCycle(text: string): Cycle | undefined {
  const per = PER.exec(text);
  if (per) return { unit: per[2] as Cycle['unit'], span: 1, times: Number(per[1]) };
  const every = EVERY.exec(text);
  if (every) return { unit: every[2] as Cycle['unit'], span: Number(every[1]), times: 1 };
  return undefined;
}

const DAY_MS = 86_400_000;
const KST_OFFSET_MS = 9 * 3_600_000;
/** 1970-01-01 was a Thursday: shifted by 4, day numbers divide into weeks that start on Sundays. */
const SUNDAY_SHIFT = 4;

/** The window an instant falls in under this cycle, as a number (equal for instants in the same window). */
export function cycleWindow(cycle: Cycle, ms: number): number {
  const day = Math.floor((ms + KST_OFFSET_MS) / DAY_MS);
  switch (cycle.unit) {
    case 'd':
      return Math.floor(day / cycle.span);
    case 'w':
      return Math.floor(Math.floor((day + SUNDAY_SHIFT) / 7) / cycle.span);
    case 'm': {
      const d = new Date(ms + KST_OFFSET_MS);
      return Math.floor((d.getUTCFullYear() * 12 + d.getUTCMonth()) / cycle.span);
    }
  }
}
