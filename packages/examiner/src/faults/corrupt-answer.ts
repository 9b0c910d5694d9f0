import type { ApiSpec, Shape } from '@hannun/spec';

/** A JSON object as parsed. */
type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

export function parseObject(body: Buffer): Json | undefined {
  try {
    const v = JSON.parse(body.toString('utf8')) as unknown;
    return isObject(v) ? v : undefined;
  } catch {
    return undefined;
  }
}

/** A 200 whose JSON is broken: the closing brace gone, a dangling member in its place. */
export function breakJson(body: Buffer): Buffer {
  const text = body.toString('utf8').trimEnd();
  const cut = text.endsWith('}') ? text.slice(0, -1) : text;
  return Buffer.from(`${cut},"`, 'utf8');
}

const ENVELOPE = new Set(['rsp_code', 'rsp_msg', 'next_page']);

/** Paths (object, key) of every numeric string value below the envelope, depth first. */
function numericStrings(o: Json, out: [Json, string][] = [], top = true): [Json, string][] {
  for (const [k, v] of Object.entries(o)) {
    if (top && ENVELOPE.has(k)) continue;
    if (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v) && Number.isFinite(Number(v))) out.push([o, k]);
    else if (Array.isArray(v)) {
      for (const item of v) if (isObject(item)) numericStrings(item, out, false);
    } else if (isObject(v)) numericStrings(v, out, false);
  }
  return out;
}

/** Required fields of the response present in the answer: top level, then in the first item of each list. */
function requiredPresent(shape: Shape, o: Json): [Json, string][] {
  const out: [Json, string][] = [];
  for (const n of shape) {
    if (!n.required || !(n.name in o)) continue;
    out.push([o, n.name]);
    if (n.kind === 'list') {
      const first = (o[n.name] as unknown[] | undefined)?.[0];
      if (isObject(first)) out.push(...requiredPresent(n.item, first));
    }
  }
  return out;
}

/**
 * A 00000 answer made wrongly typed, as valid JSON: a number where the standard says string (every value of
 * the standard is a string), or a field the standard requires left out. Undefined when neither can be done
 * (not a 00000 answer, or nothing to change).
 */
export function wrongTypes(o: Json, api: ApiSpec | undefined, random: () => number): Json | undefined {
  if (o['rsp_code'] !== '00000') return undefined;
  const copy = structuredClone(o);
  const numbers = numericStrings(copy);
  const required = api ? requiredPresent(api.response, copy) : [];
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const asNumber = numbers.length > 0 && (required.length === 0 || random() < 0.5);
  if (asNumber) {
    const [holder, key] = pick(numbers);
    holder[key] = Number(holder[key]);
    return copy;
  }
  if (required.length === 0) return undefined;
  const [holder, key] = pick(required);
  delete holder[key];
  return copy;
}

/** YYYYMMDDhhmmss (or YYYYMMDD) moved by whole days, on the calendar of its digits. */
function shiftDigits(value: string, days: number): string {
  const d = new Date(
    Date.UTC(Number(value.slice(0, 4)), Number(value.slice(4, 6)) - 1, Number(value.slice(6, 8)) + days),
  );
  const ymd = `${String(d.getUTCFullYear()).padStart(4, '0')}${String(d.getUTCMonth() + 1).padStart(2, '0')}${String(d.getUTCDate()).padStart(2, '0')}`;
  return ymd + value.slice(8);
}

function shiftMonth(value: string, months: number): string {
  const m = Number(value.slice(0, 4)) * 12 + Number(value.slice(4, 6)) - 1 + months;
  return `${String(Math.floor(m / 12)).padStart(4, '0')}${String((m % 12) + 1).padStart(2, '0')}`;
}

const DIGITS14 = /^\d{14}$/;

/** The answer's search_timestamp a day ahead of what the provider said (a clock in the future). */
export function timestampFuture(o: Json): Json | undefined {
  const ts = o['search_timestamp'];
  if (o['rsp_code'] !== '00000' || typeof ts !== 'string' || !DIGITS14.test(ts)) return undefined;
  return { ...o, search_timestamp: shiftDigits(ts, 1) };
}

/** The answer's search_timestamp a day before the one the caller sent (time going backwards). */
export function timestampBackwards(o: Json, sent: string | undefined): Json | undefined {
  if (o['rsp_code'] !== '00000' || typeof o['search_timestamp'] !== 'string') return undefined;
  if (sent === undefined || !DIGITS14.test(sent)) return undefined;
  return { ...o, search_timestamp: shiftDigits(sent, -1) };
}

/** The fields a period filters on, in the order tried (then any other *_dtime, *_date, *_month). */
const PERIOD_FIELDS = ['approved_dtime', 'trans_dtime', 'trans_date', 'paid_dtime', 'trans_month', 'charge_month'];

/**
 * One transaction of a dated answer moved outside the requested period: after to_date (to_month) or, when
 * `before`, before from_date (from_month). The item is the first whose period field lies inside the period.
 */
export function outOfPeriod(o: Json, fields: Readonly<Record<string, string>>, before: boolean): Json | undefined {
  if (o['rsp_code'] !== '00000') return undefined;
  const months = fields['from_month'] !== undefined && fields['to_month'] !== undefined;
  const from = months ? fields['from_month'] : fields['from_date'];
  const to = months ? fields['to_month'] : fields['to_date'];
  if (from === undefined || to === undefined) return undefined;
  const width = months ? 6 : 8;
  const inside = (v: unknown): v is string =>
    typeof v === 'string' &&
    /^\d+$/.test(v) &&
    v.length >= width &&
    v.slice(0, width) >= from &&
    v.slice(0, width) <= to;
  const copy = structuredClone(o);
  for (const list of Object.values(copy)) {
    if (!Array.isArray(list)) continue;
    for (const item of list) {
      if (!isObject(item)) continue;
      const others = Object.keys(item).filter((k) => /_(dtime|date|month)$/.test(k) && !PERIOD_FIELDS.includes(k));
      const field = [...PERIOD_FIELDS, ...others].find((k) => inside(item[k]));
      if (!field) continue;
      const v = item[field] as string;
      const edge = before ? from : to;
      const moved = months ? shiftMonth(edge, before ? -1 : 1) : shiftDigits(edge, before ? -1 : 1);
      item[field] = moved + v.slice(width);
      return copy;
    }
  }
  return undefined;
}
