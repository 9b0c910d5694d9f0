import { decodeMessage, type Shape, utf8Length, type WireLocation, type WireType } from '@hannun/spec';
import { Temporal } from 'temporal-polyfill';

/**
 * `decodeMessage(shape, input, { location, unknown: 'reject' })` compiled for one request shape.
 *
 * Requests are flat: a handful of text, integer, date and month fields. The fast path checks them with
 * string operations and takes dates and months from a small cache of Temporal values (immutable, so
 * shared): constructing a PlainDate costs about 2 µs in the polyfill, and a day's requests name few dates.
 * Anything it does not vouch for (an absent required field, a non-string, an unknown field, a bad value)
 * goes to `decodeMessage` itself, which returns the same values or throws the very WireError it would
 * have thrown. `request-decoder.test.ts` proves the equivalence over every information API.
 */
export type RequestDecoder = (input: Readonly<Record<string, unknown>>) => Record<string, unknown>;

/** Thrown inside the fast path to hand the input to the spec's decoder. */
const UNUSUAL = Symbol('unusual');

type FieldReader = (raw: string) => unknown;

// biome-ignore lint/suspicious/noControlCharactersInRegex: this regex exists to detect control characters (as the spec's codec does)
const CONTROL = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]/;
const CHARSET: Record<string, RegExp> = {
  AN: /^[A-Z0-9]*$/,
  aN: /^[A-Za-z0-9]*$/,
  aNS: /^[\x20-\x7E]*$/,
  A: /^[A-Z]*$/,
  a: /^[a-z]*$/,
  NS: /^[0-9\x20-\x2F\x3A-\x40\x5B-\x60\x7B-\x7E]*$/,
  B64: /^[A-Za-z0-9+/_-]*={0,2}$/,
};

const CACHE_SIZE = 2048;
const dates = new Map<string, Temporal.PlainDate>();
const months = new Map<string, Temporal.PlainYearMonth>();

function remember<T>(cache: Map<string, T>, raw: string, value: T): T {
  if (cache.size >= CACHE_SIZE) cache.clear();
  cache.set(raw, value);
  return value;
}

function dateOf(raw: string): Temporal.PlainDate {
  const hit = dates.get(raw);
  if (hit) return hit;
  if (!/^[0-9]{8}$/.test(raw)) throw UNUSUAL;
  const y = Number(raw.slice(0, 4));
  const m = Number(raw.slice(4, 6));
  const d = Number(raw.slice(6, 8));
  if (y < 1 || m < 1 || m > 12 || d < 1 || d > 31) throw UNUSUAL;
  let date: Temporal.PlainDate;
  try {
    date = new Temporal.PlainDate(y, m, d);
  } catch {
    throw UNUSUAL;
  }
  return remember(dates, raw, date);
}

function monthOf(raw: string): Temporal.PlainYearMonth {
  const hit = months.get(raw);
  if (hit) return hit;
  if (!/^[0-9]{6}$/.test(raw)) throw UNUSUAL;
  const y = Number(raw.slice(0, 4));
  const m = Number(raw.slice(4, 6));
  if (y < 1 || m < 1 || m > 12) throw UNUSUAL;
  return remember(months, raw, new Temporal.PlainYearMonth(y, m));
}

/** A reader for one type, or undefined for types the fast path leaves to the spec (F, DTIME, BOOL …). */
function reader(t: WireType): FieldReader | undefined {
  switch (t.kind) {
    case 'N': {
      if (t.signed) return undefined;
      return (raw) => {
        if (raw.length > t.digits || !/^[0-9]+$/.test(raw)) throw UNUSUAL;
        const n = Number(raw);
        if (!Number.isSafeInteger(n)) throw UNUSUAL;
        return n;
      };
    }
    case 'AH':
      return (raw) => {
        if (CONTROL.test(raw) || utf8Length(raw) > t.bytes) throw UNUSUAL;
        return raw;
      };
    case 'AN':
    case 'aN':
    case 'aNS':
    case 'A':
    case 'a':
    case 'NS':
    case 'B64': {
      const re = CHARSET[t.kind]!;
      return (raw) => {
        if (raw.length > t.length || !re.test(raw)) throw UNUSUAL;
        return raw;
      };
    }
    case 'DATE':
      return dateOf;
    case 'MONTH':
      return monthOf;
    default:
      return undefined;
  }
}

export function compileRequestDecoder(shape: Shape, location: WireLocation): RequestDecoder {
  const slow: RequestDecoder = (input) => decodeMessage(shape, input, { location, unknown: 'reject' });
  const fields = shape.map((node) => {
    if (node.kind !== 'field' || node.pattern) return undefined;
    const read = reader(node.type);
    if (!read) return undefined;
    return {
      name: node.name,
      required: node.required,
      read,
      values: node.values as readonly string[] | undefined,
      max: node.max,
    };
  });
  if (fields.some((f) => f === undefined)) return slow;
  const known = fields.map((f) => f!);
  const names = new Set(known.map((f) => f.name));

  return (input) => {
    try {
      const out: Record<string, unknown> = {};
      for (const f of known) {
        const raw = input[f.name];
        if (raw === undefined || raw === null || raw === '') {
          if (f.required) throw UNUSUAL;
          continue;
        }
        if (typeof raw !== 'string' || (f.values && !f.values.includes(raw))) throw UNUSUAL;
        const value = f.read(raw);
        if (f.max !== undefined && typeof value === 'number' && value > f.max) throw UNUSUAL;
        out[f.name] = value;
      }
      for (const key in input) if (!names.has(key)) throw UNUSUAL;
      return out;
    } catch (error) {
      if (error !== UNUSUAL) throw error;
      return slow(input);
    }
  };
}
