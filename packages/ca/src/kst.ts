import { Temporal } from 'temporal-polyfill';

const ZONE = 'Asia/Seoul';

/** The KST calendar date of an instant, as YYYYMMDD. */
export function kstDate(epochMs: number): string {
  const d = Temporal.Instant.fromEpochMilliseconds(epochMs).toZonedDateTimeISO(ZONE);
  return `${String(d.year).padStart(4, '0')}${String(d.month).padStart(2, '0')}${String(d.day).padStart(2, '0')}`;
}

/** YYYYMMDD plus whole years (29 February → 28 February). */
export function addYears(yyyymmdd: string, years: number): string {
  const d = Temporal.PlainDate.from({
    year: Number(yyyymmdd.slice(0, 4)),
    month: Number(yyyymmdd.slice(4, 6)),
    day: Number(yyyymmdd.slice(6, 8)),
  }).add({ years });
  return `${String(d.year).padStart(4, '0')}${String(d.month).padStart(2, '0')}${String(d.day).padStart(2, '0')}`;
}

/** An instant as the person reads it in KST: "2026년 11월 24일 19:30" / "24 Nov 2026, 19:30 KST". */
export function kstDateTimeWording(epochMs: number, lang: 'ko' | 'en'): string {
  const d = Temporal.Instant.fromEpochMilliseconds(epochMs).toZonedDateTimeISO(ZONE);
  const hm = `${String(d.hour).padStart(2, '0')}:${String(d.minute).padStart(2, '0')}`;
  if (lang === 'ko') return `${d.year}년 ${d.month}월 ${d.day}일 ${hm}`;
  const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.month - 1];
  return `${d.day} ${month} ${d.year}, ${hm} KST`;
}
