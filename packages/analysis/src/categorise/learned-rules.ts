/**
 * Learned rules (as Actual proposes them): when at least 3 of a merchant's last 5 transactions carry the same
 * category the person chose, that merchant's other transactions follow it. Pure: the caller gives the
 * merchant's recent transactions, newest first.
 */
export interface RecentChoice {
  /** YYYYMMDD (newest first in the list). */
  readonly date: string;
  /** The category the person set on the row, or null when the row was categorised by anything else. */
  readonly personCategory: string | null;
}

export const LEARN_WINDOW = 5;
export const LEARN_AGREE = 3;

/** The learned category of a merchant, or undefined when fewer than 3 of its last 5 agree. */
export function learnedCategory(recent: readonly RecentChoice[]): string | undefined {
  const last = [...recent].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0)).slice(0, LEARN_WINDOW);
  const counts = new Map<string, number>();
  for (const r of last)
    if (r.personCategory !== null) counts.set(r.personCategory, (counts.get(r.personCategory) ?? 0) + 1);
  let best: string | undefined;
  let n = 0;
  for (const [c, k] of counts) {
    if (k > n) {
      n = k;
      best = c;
    }
  }
  return n >= LEARN_AGREE ? best : undefined;
}
