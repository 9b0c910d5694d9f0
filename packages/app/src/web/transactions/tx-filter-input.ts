import { useEffect, useState } from 'react';

/** `<input type="month">`'s YYYY-MM as the first day (YYYYMMDD), or '' when empty. */
export function monthStart(v: string): string {
  return /^\d{4}-\d{2}$/.test(v) ? `${v.replace('-', '')}01` : '';
}

/** YYYY-MM as its last day (YYYYMMDD), or '' when empty. */
export function monthEnd(v: string): string {
  if (!/^\d{4}-\d{2}$/.test(v)) return '';
  const [y, m] = v.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${v.replace('-', '')}${String(last).padStart(2, '0')}`;
}

/** The value once it has stopped changing for `ms` (a search is sent when the person pauses typing). */
export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}
