/** Money and dates as the person reads them (KRW has no minor unit). */
export function formatWon(value: number, lang: string): string {
  const n = Math.round(value).toLocaleString(lang === 'ko' ? 'ko-KR' : 'en-GB');
  return lang === 'ko' ? `${n}원` : `₩${n}`;
}

/** Short money for chart axes: 1.2억 / 350만 (ko), 120M / 3.5M (en). */
export function shortWon(value: number, lang: string): string {
  const a = Math.abs(value);
  const sign = value < 0 ? '-' : '';
  if (lang === 'ko') {
    if (a >= 1e8) return `${sign}${(a / 1e8).toFixed(1).replace(/\.0$/, '')}억`;
    if (a >= 1e4) return `${sign}${Math.round(a / 1e4).toLocaleString('ko-KR')}만`;
    return `${sign}${a}`;
  }
  if (a >= 1e9) return `${sign}${(a / 1e9).toFixed(1).replace(/\.0$/, '')}B`;
  if (a >= 1e6) return `${sign}${(a / 1e6).toFixed(1).replace(/\.0$/, '')}M`;
  if (a >= 1e3) return `${sign}${Math.round(a / 1e3)}K`;
  return `${sign}${a}`;
}

/** YYYYMMDD[hhmmss] → 2026-11-24 (14:05). */
export function formatYmd(v: string): string {
  if (!/^\d{8}/.test(v)) return v;
  const d = `${v.slice(0, 4)}-${v.slice(4, 6)}-${v.slice(6, 8)}`;
  return v.length >= 12 && v.slice(8, 12) !== '0000' ? `${d} ${v.slice(8, 10)}:${v.slice(10, 12)}` : d;
}

export function formatTime(ms: number, lang: string): string {
  return new Date(ms).toLocaleString(lang === 'ko' ? 'ko-KR' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}

/** A wire amount ("12345", "-3000.50") as a number; undefined when absent or not a number. */
export function amountOf(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v !== 'string' || v === '') return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? n : undefined;
}
