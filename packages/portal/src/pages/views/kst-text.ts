import { kstTimestamp } from '../../time/kst.ts';

/** An instant as people read it in Korea: `2026-11-23 10:00:00`. */
export function kstText(ms: number): string {
  const t = kstTimestamp(ms);
  return `${t.slice(0, 4)}-${t.slice(4, 6)}-${t.slice(6, 8)} ${t.slice(8, 10)}:${t.slice(10, 12)}:${t.slice(12, 14)}`;
}

/** YYYYMMDD → `2026-11-22`. */
export function dateText(yyyymmdd: string): string {
  return `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
}
