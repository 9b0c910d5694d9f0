import { Decimal } from 'decimal.js';
import { Temporal } from 'temporal-polyfill';
import { utf8Length } from './utf8.ts';
import { WireError, type WireLocation } from './wire-error.ts';
import { describeWireType, type WireType } from './wire-type.ts';

/** What a wire string of each type becomes inside Hannun. */
export type ValueOf<T extends WireType> = T extends { kind: 'N' }
  ? number
  : T extends { kind: 'F' }
    ? Decimal
    : T extends { kind: 'DATE' }
      ? Temporal.PlainDate
      : T extends { kind: 'DTIME' }
        ? Temporal.PlainDateTime
        : T extends { kind: 'MONTH' }
          ? Temporal.PlainYearMonth
          : T extends { kind: 'BOOL' }
            ? boolean
            : string;

export type AnyValue =
  | number
  | Decimal
  | Temporal.PlainDate
  | Temporal.PlainDateTime
  | Temporal.PlainYearMonth
  | boolean
  | string;

export interface CodecContext {
  readonly field: string;
  readonly location: WireLocation;
  /** Accept JSON numbers and booleans too (the notes: emit strings, accept both when consuming). */
  readonly lenient?: boolean;
}

const CHARSETS: Record<'AN' | 'aN' | 'aNS' | 'A' | 'a' | 'NS' | 'B64', { re: RegExp; en: string; ko: string }> = {
  AN: { re: /^[A-Z0-9]*$/, en: 'upper-case letters and digits only', ko: '영문 대문자와 숫자만 허용' },
  aN: { re: /^[A-Za-z0-9]*$/, en: 'letters and digits only', ko: '영문과 숫자만 허용' },
  aNS: {
    re: /^[\x20-\x7E]*$/,
    en: 'printable ASCII letters, digits and symbols only',
    ko: '영문, 숫자, 특수문자만 허용',
  },
  A: { re: /^[A-Z]*$/, en: 'upper-case letters only', ko: '영문 대문자만 허용' },
  a: { re: /^[a-z]*$/, en: 'lower-case letters only', ko: '영문 소문자만 허용' },
  NS: {
    re: /^[0-9\x20-\x2F\x3A-\x40\x5B-\x60\x7B-\x7E]*$/,
    en: 'digits and symbols only',
    ko: '숫자와 특수문자만 허용',
  },
  B64: { re: /^[A-Za-z0-9+/_-]*={0,2}$/, en: 'Base64 characters only', ko: 'Base64 문자만 허용' },
};

// C0 controls other than tab, LF and CR have no place in display text (matching them is the point here).
// biome-ignore lint/suspicious/noControlCharactersInRegex: this regex exists to detect control characters
const CONTROL = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]/;

function fail(ctx: CodecContext, rule: WireError['rule'], en: string, ko: string): never {
  throw new WireError({ field: ctx.field, rule, location: ctx.location, en, ko });
}

function asWireString(raw: unknown, t: WireType, ctx: CodecContext): string {
  if (typeof raw === 'string') return raw;
  if (ctx.lenient && typeof raw === 'number' && Number.isFinite(raw)) return numberToPlainString(raw);
  if (ctx.lenient && typeof raw === 'boolean') return String(raw);
  return fail(
    ctx,
    'type',
    `must be a JSON string of type ${describeWireType(t)}, got ${raw === null ? 'null' : typeof raw}`,
    `${describeWireType(t)} 형식의 문자열이어야 합니다`,
  );
}

function numberToPlainString(n: number): string {
  return Number.isInteger(n) ? BigInt(n).toString() : new Decimal(n).toFixed();
}

function parseDigits(s: string, from: number, len: number): number {
  return Number.parseInt(s.slice(from, from + len), 10);
}

/**
 * Parse one wire value into its inner type. The caller has already decided the value is present
 * (not undefined, not ""); every failure is a WireError naming the field and the rule.
 */
export function decodeValue<T extends WireType>(t: T, raw: unknown, ctx: CodecContext): ValueOf<T> {
  const s = asWireString(raw, t, ctx);
  return decodeString(t, s, ctx) as ValueOf<T>;
}

function decodeString(t: WireType, s: string, ctx: CodecContext): AnyValue {
  const typeName = describeWireType(t);
  switch (t.kind) {
    case 'N': {
      const re = t.signed ? /^-?[0-9]+$/ : /^[0-9]+$/;
      if (!re.test(s)) fail(ctx, 'format', `'${s}' is not an integer (${typeName})`, `정수가 아닙니다 (${typeName})`);
      const digits = s.replace('-', '').length;
      if (digits > t.digits)
        fail(ctx, 'length', `has ${digits} digits, at most ${t.digits} allowed`, `${t.digits}자리를 초과했습니다`);
      const n = Number(s);
      if (!Number.isSafeInteger(n)) fail(ctx, 'range', 'is beyond the safe integer range', '허용 범위를 벗어났습니다');
      return n === 0 ? 0 : n; // normalise -0
    }
    case 'F': {
      const re = t.signed ? /^-?[0-9]+(\.[0-9]+)?$/ : /^[0-9]+(\.[0-9]+)?$/;
      if (!re.test(s))
        fail(ctx, 'format', `'${s}' is not a decimal (${typeName})`, `숫자 형식이 아닙니다 (${typeName})`);
      const [intPart = '', frac = ''] = s.replace('-', '').split('.');
      const intDigits = intPart.replace(/^0+(?=.)/, '').length;
      if (frac.length > t.scale)
        fail(
          ctx,
          'range',
          `has ${frac.length} decimal places, at most ${t.scale} allowed (${typeName})`,
          `소수점 이하 ${t.scale}자리를 초과했습니다`,
        );
      if (intDigits > t.precision - t.scale)
        fail(
          ctx,
          'length',
          `has ${intDigits} integer digits, at most ${t.precision - t.scale} allowed (${typeName})`,
          `정수부 ${t.precision - t.scale}자리를 초과했습니다`,
        );
      return new Decimal(s);
    }
    case 'AH': {
      if (CONTROL.test(s)) fail(ctx, 'format', 'contains control characters', '제어 문자를 포함할 수 없습니다');
      const bytes = utf8Length(s);
      if (bytes > t.bytes)
        fail(
          ctx,
          'length',
          `is ${bytes} UTF-8 bytes, at most ${t.bytes} allowed (Hangul counts 3)`,
          `${t.bytes}바이트를 초과했습니다 (한글 3바이트)`,
        );
      return s;
    }
    case 'AN':
    case 'aN':
    case 'aNS':
    case 'A':
    case 'a':
    case 'NS':
    case 'B64': {
      const cs = CHARSETS[t.kind];
      if (!cs.re.test(s)) fail(ctx, 'format', `must be ${typeName}: ${cs.en}`, `${typeName}: ${cs.ko}`);
      if (s.length > t.length)
        fail(ctx, 'length', `is ${s.length} characters, at most ${t.length} allowed`, `${t.length}자를 초과했습니다`);
      return s;
    }
    case 'DATE': {
      if (!/^[0-9]{8}$/.test(s))
        fail(ctx, 'format', `'${s}' must be a date YYYYMMDD`, '날짜 형식(YYYYMMDD)이 아닙니다');
      return plainDate(s, ctx);
    }
    case 'DTIME': {
      if (!/^[0-9]{14}$/.test(s))
        fail(ctx, 'format', `'${s}' must be a date-time YYYYMMDDhhmmss`, '일시 형식(YYYYMMDDhhmmss)이 아닙니다');
      const date = plainDate(s.slice(0, 8), ctx);
      const [hour, minute, second] = [parseDigits(s, 8, 2), parseDigits(s, 10, 2), parseDigits(s, 12, 2)];
      if (hour > 23 || minute > 59 || second > 59)
        fail(ctx, 'range', `'${s}' is not a valid time of day`, '존재하지 않는 시각입니다');
      return new Temporal.PlainDateTime(date.year, date.month, date.day, hour, minute, second);
    }
    case 'MONTH': {
      if (!/^[0-9]{6}$/.test(s)) fail(ctx, 'format', `'${s}' must be a month YYYYMM`, '년월 형식(YYYYMM)이 아닙니다');
      const year = parseDigits(s, 0, 4);
      const month = parseDigits(s, 4, 2);
      if (year < 1 || month < 1 || month > 12)
        fail(ctx, 'range', `'${s}' is not a valid month`, '존재하지 않는 년월입니다');
      return new Temporal.PlainYearMonth(year, month);
    }
    case 'BOOL': {
      if (s !== 'true' && s !== 'false')
        fail(ctx, 'format', `'${s}' must be "true" or "false"`, '"true" 또는 "false"여야 합니다');
      return s === 'true';
    }
  }
}

function plainDate(s: string, ctx: CodecContext): Temporal.PlainDate {
  const year = parseDigits(s, 0, 4);
  const month = parseDigits(s, 4, 2);
  const day = parseDigits(s, 6, 2);
  // Constructors always reject out-of-range fields (no overflow option to parse), and are much faster than from().
  try {
    if (year < 1 || month < 1 || month > 12 || day < 1 || day > 31) throw new RangeError('date');
    const date = new Temporal.PlainDate(year, month, day);
    if (date.day !== day) throw new RangeError('date');
    return date;
  } catch {
    return fail(ctx, 'range', `'${s.slice(0, 8)}' is not a calendar date`, '존재하지 않는 날짜입니다');
  }
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** Format a date as the standard's DATE (YYYYMMDD). */
export function formatDate(d: Temporal.PlainDate): string {
  return `${pad(d.year, 4)}${pad(d.month, 2)}${pad(d.day, 2)}`;
}

/** Format a date-time as the standard's DTIME (YYYYMMDDhhmmss). */
export function formatDateTime(d: Temporal.PlainDateTime): string {
  return `${pad(d.year, 4)}${pad(d.month, 2)}${pad(d.day, 2)}${pad(d.hour, 2)}${pad(d.minute, 2)}${pad(d.second, 2)}`;
}

/** Format a year-month as YYYYMM. */
export function formatMonth(d: Temporal.PlainYearMonth): string {
  return `${pad(d.year, 4)}${pad(d.month, 2)}`;
}

/**
 * Write an inner value back to its wire string. Values that do not fit the type (too long, too many
 * decimal places, wrong characters) are refused with the same WireError as on the way in, so a service
 * can never emit what it would itself reject.
 */
export function encodeValue<T extends WireType>(t: T, value: ValueOf<T>, ctx: CodecContext): string {
  const v = value as AnyValue;
  let s: string;
  switch (t.kind) {
    case 'N':
      if (typeof v !== 'number' || !Number.isSafeInteger(v))
        fail(ctx, 'type', 'must be a safe integer', '정수여야 합니다');
      s = String(v === 0 ? 0 : v);
      break;
    case 'F': {
      const d = v instanceof Decimal ? v : typeof v === 'number' || typeof v === 'string' ? new Decimal(v) : null;
      if (d === null || !d.isFinite()) fail(ctx, 'type', 'must be a finite decimal', '유한한 숫자여야 합니다');
      s = d.isZero() ? '0' : d.toFixed();
      break;
    }
    case 'DATE':
      if (!(v instanceof Temporal.PlainDate)) fail(ctx, 'type', 'must be a PlainDate', '날짜여야 합니다');
      s = formatDate(v);
      break;
    case 'DTIME':
      if (!(v instanceof Temporal.PlainDateTime)) fail(ctx, 'type', 'must be a PlainDateTime', '일시여야 합니다');
      s = formatDateTime(v);
      break;
    case 'MONTH':
      if (!(v instanceof Temporal.PlainYearMonth)) fail(ctx, 'type', 'must be a PlainYearMonth', '년월이어야 합니다');
      s = formatMonth(v);
      break;
    case 'BOOL':
      if (typeof v !== 'boolean') fail(ctx, 'type', 'must be a boolean', '참/거짓이어야 합니다');
      s = v ? 'true' : 'false';
      break;
    default:
      if (typeof v !== 'string') fail(ctx, 'type', 'must be a string', '문자열이어야 합니다');
      s = v;
  }
  // Re-validate the produced string: the single definition of what is legal on the wire.
  decodeString(t, s, ctx);
  return s;
}
