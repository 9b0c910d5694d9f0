import {
  type EncodeOptions,
  encodeMessage,
  formatDate,
  formatDateTime,
  formatMonth,
  type Shape,
  type ShapeNode,
  utf8Length,
  type WireType,
} from '@hannun/spec';
import { Decimal } from 'decimal.js';
import { Temporal } from 'temporal-polyfill';
import { createItemCache } from './item-cache.ts';

/**
 * `encodeMessage` compiled for one shape and one set of options, writing JSON text.
 *
 * The spec's encoder re-parses every string it produces (so nothing illegal can leave), which costs about
 * 5 µs per transaction; a page of 100 would take half a millisecond, more than the whole rest of a request.
 * This one checks the same rules with string operations on the common value kinds (safe integers and
 * Decimals for N and F, Temporal dates, strings) and caches the UTF-8 JSON of each item of a top-level list by object
 * identity (item-cache.ts), so rows a book hands out again cost nothing, not even their UTF-8 encoding:
 * the answer is assembled as bytes. Anything else, and any value it would refuse, goes to
 * `encodeMessage` itself: the text is then exactly `JSON.stringify(encodeMessage(shape, value, opts))`, and
 * an invalid value throws the very same WireError. `wire-encoder.test.ts` proves the equivalence over every
 * information API of the catalogue.
 */
export interface WireEncoder {
  /** The message as UTF-8 JSON, all values strings: what goes on the wire. */
  bytes(value: Readonly<Record<string, unknown>>): Buffer;
  /** The same as text. */
  json(value: Readonly<Record<string, unknown>>): string;
}

/** Thrown inside the fast path to hand a message to the spec's encoder. */
class Unusual {}
const UNUSUAL = new Unusual();

type ValueWriter = (v: unknown) => string;

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

/** The wire string of a value of this type, or UNUSUAL thrown when the fast path cannot vouch for it. */
function stringWriter(t: WireType): ValueWriter {
  switch (t.kind) {
    case 'N':
      return (v) => {
        if (typeof v !== 'number' || !Number.isSafeInteger(v) || (v < 0 && !t.signed)) throw UNUSUAL;
        const s = String(v === 0 ? 0 : v);
        if (s.length - (v < 0 ? 1 : 0) > t.digits) throw UNUSUAL;
        return s;
      };
    case 'F': {
      const intDigits = t.precision - t.scale;
      return (v) => {
        let s: string;
        if (typeof v === 'number' && Number.isSafeInteger(v)) s = String(v === 0 ? 0 : v);
        else if (v instanceof Decimal && v.isFinite()) s = v.isZero() ? '0' : v.toFixed();
        else throw UNUSUAL;
        const negative = s.charCodeAt(0) === 45;
        if (negative && !t.signed) throw UNUSUAL;
        const dot = s.indexOf('.');
        const start = negative ? 1 : 0;
        const end = dot < 0 ? s.length : dot;
        let lead = start;
        while (lead < end - 1 && s.charCodeAt(lead) === 48) lead++;
        if (end - lead > intDigits) throw UNUSUAL;
        if (dot >= 0 && s.length - dot - 1 > t.scale) throw UNUSUAL;
        return s;
      };
    }
    case 'AH':
      return (v) => {
        if (typeof v !== 'string' || CONTROL.test(v) || utf8Length(v) > t.bytes) throw UNUSUAL;
        return v;
      };
    case 'AN':
    case 'aN':
    case 'aNS':
    case 'A':
    case 'a':
    case 'NS':
    case 'B64': {
      const re = CHARSET[t.kind]!;
      return (v) => {
        if (typeof v !== 'string' || v.length > t.length || !re.test(v)) throw UNUSUAL;
        return v;
      };
    }
    case 'DATE':
      return (v) => {
        if (!(v instanceof Temporal.PlainDate) || v.year < 1 || v.year > 9999) throw UNUSUAL;
        return formatDate(v);
      };
    case 'DTIME':
      return (v) => {
        if (!(v instanceof Temporal.PlainDateTime) || v.year < 1 || v.year > 9999) throw UNUSUAL;
        return formatDateTime(v);
      };
    case 'MONTH':
      return (v) => {
        if (!(v instanceof Temporal.PlainYearMonth) || v.year < 1 || v.year > 9999) throw UNUSUAL;
        return formatMonth(v);
      };
    case 'BOOL':
      return (v) => {
        if (typeof v !== 'boolean') throw UNUSUAL;
        return v ? 'true' : 'false';
      };
  }
}

/** Characters JSON.stringify would escape: quote, backslash, controls, and (when lone) surrogates. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what JSON must escape
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;
const plainQuote = (s: string) => `"${s}"`;
const safeQuote = (s: string) => (NEEDS_ESCAPE.test(s) ? JSON.stringify(s) : `"${s}"`);

/** JSON string literals: types whose characters never need escaping skip the check. */
function quoter(t: WireType): (s: string) => string {
  switch (t.kind) {
    case 'AH':
    case 'aNS':
    case 'NS':
      return safeQuote;
    default:
      return plainQuote;
  }
}

type ObjectWriter = (value: Readonly<Record<string, unknown>>) => string;

const absent = (v: unknown): v is undefined | null => v === undefined || v === null;

/** JSON text, or (for the items of a top-level list) the UTF-8 bytes of each item with commas between. */
type Piece = string | Buffer;
type PartWriter = (value: Readonly<Record<string, unknown>>) => string | Piece[] | undefined;

function included(node: ShapeNode, opts: EncodeOptions): boolean {
  if (node.since === 'v2' && opts.version === 'v1') return false;
  if (node.gate && opts.withheld?.has(node.gate)) return false;
  return true;
}

function isRow(it: unknown): it is Readonly<Record<string, unknown>> {
  return typeof it === 'object' && it !== null && !Array.isArray(it);
}

function compileParts(shape: Shape, opts: EncodeOptions, topLevel: boolean): PartWriter[] {
  const parts: PartWriter[] = [];
  for (const node of shape) {
    if (!included(node, opts)) continue;
    const name = node.name;
    const required = node.required;
    const key = `${JSON.stringify(name)}:`;
    switch (node.kind) {
      case 'field': {
        const write = stringWriter(node.type);
        const values = node.values as readonly string[] | undefined;
        const pattern = node.pattern ? new RegExp(node.pattern.source) : undefined;
        const quote = quoter(node.type);
        parts.push((value) => {
          const v = value[name];
          if (absent(v)) {
            if (required) throw UNUSUAL;
            return undefined;
          }
          const s = write(v);
          if ((pattern && !pattern.test(s)) || (values && !values.includes(s))) throw UNUSUAL;
          return key + quote(s);
        });
        break;
      }
      case 'object': {
        const inner = compileObject(node.shape, opts);
        parts.push((value) => {
          const v = value[name];
          if (absent(v)) {
            if (required) throw UNUSUAL;
            return undefined;
          }
          if (!isRow(v)) throw UNUSUAL;
          return key + inner(v);
        });
        break;
      }
      case 'list': {
        const item = compileObject(node.item, opts);
        const count = node.count;
        const countKey = count ? `${JSON.stringify(count.name)}:` : '';
        const countWriter = count ? stringWriter(count.type) : undefined;
        const head = (n: number) => (countWriter ? `${countKey}${JSON.stringify(countWriter(n))},${key}[` : `${key}[`);
        if (!topLevel) {
          parts.push((value) => {
            const v = value[name];
            if (absent(v)) {
              if (required) throw UNUSUAL;
              return undefined;
            }
            if (!Array.isArray(v)) throw UNUSUAL;
            let items = '';
            for (let i = 0; i < v.length; i++) {
              const it: unknown = v[i];
              if (!isRow(it)) throw UNUSUAL;
              items += i === 0 ? item(it) : `,${item(it)}`;
            }
            return `${head(v.length)}${items}]`;
          });
          break;
        }
        const cache = createItemCache<Buffer>();
        parts.push((value) => {
          const v = value[name];
          if (absent(v)) {
            if (required) throw UNUSUAL;
            return undefined;
          }
          if (!Array.isArray(v)) throw UNUSUAL;
          // Cached items are the bytes of `,{…}`: the first one is sent without its comma.
          const pieces: Piece[] = [head(v.length)];
          let fresh = '';
          for (let i = 0; i < v.length; i++) {
            const it: unknown = v[i];
            if (!isRow(it)) throw UNUSUAL;
            let bytes = cache.get(it);
            if (bytes === undefined) {
              const text = item(it);
              if (!cache.active()) {
                fresh += i === 0 ? text : `,${text}`;
                continue;
              }
              bytes = Buffer.from(`,${text}`);
              cache.set(it, bytes);
            }
            if (fresh !== '') {
              pieces.push(fresh);
              fresh = '';
            }
            pieces.push(i === 0 ? bytes.subarray(1) : bytes);
          }
          if (fresh !== '') pieces.push(fresh);
          pieces.push(']');
          return pieces;
        });
        break;
      }
    }
  }
  return parts;
}

function compileObject(shape: Shape, opts: EncodeOptions): ObjectWriter {
  const parts = compileParts(shape, opts, false);
  return (value) => {
    let out = '';
    for (const part of parts) {
      const text = part(value) as string | undefined;
      if (text !== undefined) out += out === '' ? text : `,${text}`;
    }
    return `{${out}}`;
  };
}

/** The top level: text, with the items of its lists as cached UTF-8 bytes. */
function compileMessage(shape: Shape, opts: EncodeOptions): (value: Readonly<Record<string, unknown>>) => Buffer {
  const parts = compileParts(shape, opts, true);
  return (value) => {
    const out: Buffer[] = [];
    let text = '{';
    let first = true;
    for (const part of parts) {
      const written = part(value);
      if (written === undefined) continue;
      if (!first) text += ',';
      first = false;
      if (typeof written === 'string') {
        text += written;
        continue;
      }
      for (const piece of written) {
        if (typeof piece === 'string') text += piece;
        else {
          if (text !== '') out.push(Buffer.from(text));
          text = '';
          out.push(piece);
        }
      }
    }
    out.push(Buffer.from(`${text}}`));
    return out.length === 1 ? out[0]! : Buffer.concat(out);
  };
}

export function compileWireEncoder(shape: Shape, opts: EncodeOptions = {}): WireEncoder {
  const fast = compileMessage(shape, opts);
  const bytes = (value: Readonly<Record<string, unknown>>): Buffer => {
    try {
      return fast(value);
    } catch (error) {
      if (error !== UNUSUAL) throw error;
      // The spec's encoder decides: the same text for values the fast path does not know, its WireError otherwise.
      return Buffer.from(JSON.stringify(encodeMessage(shape, value as never, opts)));
    }
  };
  return { bytes, json: (value) => bytes(value).toString('utf8') };
}
