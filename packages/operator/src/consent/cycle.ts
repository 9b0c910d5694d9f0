/**
 * The regular-transmission cycle (정기적 전송주기). The consent document writes it as `n/u` (n times per
 * unit: `1/w`, `2/m`) or `nu` (once every n units: `2w`, `1m`), unit d/w/m (consent-document.ts). MyData
 * 2.0 lets the person choose from once a week to once a month: the interval between transmissions must be
 * at least 7 and at most 31 days. The days of a month count as 30 for "n per month" (4/m → 7.5 days).
 */
export const MIN_CYCLE_DAYS = 7;
export const MAX_CYCLE_DAYS = 31;

const UNIT_DAYS = { d: 1, w: 7, m: 30 } as const;
const PER = /^([1-9][0-9]?)\/([dwm])$/;
const EVERY = /^([1-9][0-9]?)([dwm])$/;

/** Days between transmissions, or undefined when it is not a cycle. */
export function cycleDays(cycle: string): number | undefined {
  const per = PER.exec(cycle);
  if (per) return UNIT_DAYS[per[2] as keyof typeof UNIT_DAYS] / Number(per[1]);
  const every = EVERY.exec(cycle);
  if (every) return UNIT_DAYS[every[2] as keyof typeof UNIT_DAYS] * Number(every[1]);
  return undefined;
}

/** Whether the person may choose this cycle (1 week to 1 month). */
export function isAllowedCycle(cycle: string): boolean {
  const days = cycleDays(cycle);
  return days !== undefined && days >= MIN_CYCLE_DAYS && days <= MAX_CYCLE_DAYS;
}

/** The cycles offered in the app, most frequent first. */
export const CYCLE_CHOICES = ['1/w', '2w', '3w', '1/m'] as const;
