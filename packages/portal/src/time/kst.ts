/** Korean time is UTC+9 all year (no daylight saving). */
const KST_OFFSET_MS = 9 * 3600 * 1000;

/** The KST wall-clock fields of an instant. */
function kstFields(epochMs: number) {
  const d = new Date(epochMs + KST_OFFSET_MS);
  return {
    y: d.getUTCFullYear(),
    mo: d.getUTCMonth() + 1,
    d: d.getUTCDate(),
    h: d.getUTCHours(),
    mi: d.getUTCMinutes(),
    s: d.getUTCSeconds(),
    weekday: d.getUTCDay(),
  };
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** search_timestamp N(14): the KST second of an instant, YYYYMMDDhhmmss. */
export function kstTimestamp(epochMs: number): string {
  const f = kstFields(epochMs);
  return `${pad(f.y, 4)}${pad(f.mo)}${pad(f.d)}${pad(f.h)}${pad(f.mi)}${pad(f.s)}`;
}

/** The first millisecond of a KST second YYYYMMDDhhmmss, or undefined when it is no real time. */
export function epochMsOfKstTimestamp(value: string): number | undefined {
  const m = /^([0-9]{4})([0-9]{2})([0-9]{2})([0-9]{2})([0-9]{2})([0-9]{2})$/.exec(value);
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  const ms = Date.UTC(y, mo - 1, d, h, mi, s) - KST_OFFSET_MS;
  return kstTimestamp(ms) === value ? ms : undefined;
}

/** The KST date YYYYMMDD of an instant. */
export function kstDate(epochMs: number): string {
  return kstTimestamp(epochMs).slice(0, 8);
}
