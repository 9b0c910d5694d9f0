/** Calendar helpers over YYYYMMDD / YYYYMM strings (KST dates as the standard writes them). */

export function monthOf(date: string): string {
  return date.slice(0, 6);
}

export function addMonths(month: string, n: number): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(4, 6)) - 1 + n;
  const yy = y + Math.floor(m / 12);
  const mm = ((m % 12) + 12) % 12;
  return `${yy}${String(mm + 1).padStart(2, '0')}`;
}

/** The months from `from` to `to`, both included. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = from; m <= to && out.length < 1200; m = addMonths(m, 1)) out.push(m);
  return out;
}

export function daysInMonth(month: string): number {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(4, 6));
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function dayOfMonth(date: string): number {
  return Number(date.slice(6, 8));
}

/** Days from a to b (b − a) for YYYYMMDD dates. */
export function daysBetween(a: string, b: string): number {
  const t = (d: string) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(4, 6)) - 1, Number(d.slice(6, 8)));
  return Math.round((t(b) - t(a)) / 86_400_000);
}

export function addDays(date: string, n: number): string {
  const t = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(4, 6)) - 1, Number(date.slice(6, 8))) + n * 86_400_000;
  const d = new Date(t);
  return `${d.getUTCFullYear()}${String(d.getUTCMonth() + 1).padStart(2, '0')}${String(d.getUTCDate()).padStart(2, '0')}`;
}

/** A date in month `month` on day `day`, clamped to the month's last day. */
export function dateInMonth(month: string, day: number): string {
  return `${month}${String(Math.min(day, daysInMonth(month))).padStart(2, '0')}`;
}
