import { decodeValue, type Shape, type ShapeNode, type WireType } from '@hannun/spec';
import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';

/**
 * fast-check arbitraries of inner values for the catalogue's shapes: mostly valid values of each wire
 * type, with a share of values an encoder must refuse (too long, too many digits, wrong kinds, control
 * characters, years outside 1…9999). For equivalence and fuzz tests only.
 */
const digitsMax = (n: number) => Math.min(10 ** Math.min(n, 15) - 1, Number.MAX_SAFE_INTEGER);

// biome-ignore lint/suspicious/noControlCharactersInRegex: values with control characters are the ones to keep out here
const CONTROL = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]/;

const CHARS = {
  AN: 'ABCXYZ0189',
  aN: 'AbcXyz0189',
  aNS: 'Ab9 -_./:@!~',
  A: 'ABXYZ',
  a: 'abxyz',
  NS: '0189-./: ',
  B64: 'Ab9+/_-',
} as const;

function charsArb(kind: keyof typeof CHARS, length: number): fc.Arbitrary<string> {
  const chars = CHARS[kind].split('');
  return fc.oneof(
    {
      weight: 1,
      arbitrary: fc
        .array(fc.constantFrom(...chars), { minLength: length + 1, maxLength: length + 3 })
        .map((a) => a.join('')),
    },
    { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
  );
}

const wrongKind = fc.oneof(
  fc.constant(null),
  fc.constant({}),
  fc.constant(Number.NaN),
  fc.constant('x'),
  fc.constant(true),
  fc.constant(1.5),
);

/** `valid`: only values the encoder must accept; `mixed`: about one in ten must be refused. */
export type ArbMode = 'valid' | 'mixed';

/** Keep only the first (valid) alternative in `valid` mode. */
function pick(mode: ArbMode, ...alts: { weight: number; arbitrary: fc.Arbitrary<unknown> }[]): fc.Arbitrary<unknown> {
  return mode === 'valid' ? alts[0]!.arbitrary : fc.oneof(...alts);
}

export function valueArb(t: WireType, mode: ArbMode = 'mixed'): fc.Arbitrary<unknown> {
  switch (t.kind) {
    case 'N': {
      const max = digitsMax(t.digits);
      return pick(
        mode,
        { weight: 8, arbitrary: fc.integer({ min: t.signed ? -max : 0, max }) },
        { weight: 1, arbitrary: fc.constantFrom(-1, -0, max + 1, 2 ** 53, 0.5) },
        { weight: 1, arbitrary: wrongKind },
      );
    }
    case 'F': {
      const intMax = digitsMax(t.precision - t.scale);
      const dec = fc
        .tuple(fc.integer({ min: t.signed ? -intMax : 0, max: intMax }), fc.nat(10 ** Math.min(t.scale, 6) - 1))
        .map(([i, f]) => new Decimal(t.scale === 0 ? `${i}` : `${i}.${String(f).padStart(t.scale, '0')}`));
      return pick(
        mode,
        { weight: 8, arbitrary: fc.oneof(fc.integer({ min: t.signed ? -intMax : 0, max: intMax }), dec) },
        {
          weight: 1,
          arbitrary: fc.constantFrom(new Decimal(-1), new Decimal('1e40'), new Decimal(Number.NaN), '12.5', 0.25),
        },
        { weight: 1, arbitrary: wrongKind },
      );
    }
    case 'AH':
      return pick(
        mode,
        {
          weight: 8,
          arbitrary: fc.oneof(
            fc.constantFrom('한눈', '스타벅스 강남역점', 'GS25', '급여', 'a b', ''),
            fc
              .string({ unit: 'grapheme', maxLength: Math.max(1, Math.floor(t.bytes / 4)) })
              .filter((x) => !CONTROL.test(x) && Buffer.byteLength(x) <= t.bytes),
          ),
        },
        { weight: 1, arbitrary: fc.constantFrom('한'.repeat(Math.floor(t.bytes / 3) + 1), 'tab\there', 'bell\u0007') },
        { weight: 1, arbitrary: wrongKind },
      );
    case 'AN':
    case 'aN':
    case 'aNS':
    case 'A':
    case 'a':
    case 'NS':
    case 'B64':
      return pick(
        mode,
        {
          weight: 9,
          arbitrary: fc
            .array(fc.constantFrom(...CHARS[t.kind].split('')), { maxLength: t.length })
            .map((a) => a.join('')),
        },
        { weight: 1, arbitrary: charsArb(t.kind, t.length) },
        { weight: 1, arbitrary: wrongKind },
      );
    case 'DATE':
      return pick(
        mode,
        {
          weight: 8,
          arbitrary: fc
            .tuple(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }))
            .map(([y, m, d]) => new Temporal.PlainDate(y, m, d)),
        },
        { weight: 1, arbitrary: fc.constantFrom(new Temporal.PlainDate(10000, 1, 1), new Temporal.PlainDate(0, 1, 1)) },
        { weight: 1, arbitrary: wrongKind },
      );
    case 'DTIME':
      return pick(
        mode,
        {
          weight: 8,
          arbitrary: fc
            .tuple(
              fc.integer({ min: 1, max: 9999 }),
              fc.integer({ min: 1, max: 12 }),
              fc.integer({ min: 1, max: 28 }),
              fc.nat(23),
              fc.nat(59),
              fc.nat(59),
            )
            .map(([y, mo, d, h, mi, s]) => new Temporal.PlainDateTime(y, mo, d, h, mi, s)),
        },
        {
          weight: 1,
          arbitrary: fc.constantFrom(new Temporal.PlainDate(2024, 1, 1), new Temporal.PlainDateTime(12000, 1, 1)),
        },
        { weight: 1, arbitrary: wrongKind },
      );
    case 'MONTH':
      return pick(
        mode,
        {
          weight: 8,
          arbitrary: fc
            .tuple(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 1, max: 12 }))
            .map(([y, m]) => new Temporal.PlainYearMonth(y, m)),
        },
        { weight: 1, arbitrary: wrongKind },
      );
    case 'BOOL':
      return pick(mode, { weight: 9, arbitrary: fc.boolean() }, { weight: 1, arbitrary: fc.constantFrom('true', 0) });
  }
}

function nodeArb(node: ShapeNode, depth: number, mode: ArbMode): fc.Arbitrary<unknown> {
  switch (node.kind) {
    case 'field': {
      const values = node.values;
      if (node.pattern) return fc.constant(undefined);
      if (!values) return valueArb(node.type, mode);
      return pick(
        mode,
        { weight: 4, arbitrary: fc.constantFrom(...values).map((v) => innerOf(node.type, v)) },
        { weight: 1, arbitrary: valueArb(node.type, mode) },
      );
    }
    case 'object':
      return shapeArb(node.shape, mode, depth + 1);
    case 'list':
      return pick(
        mode,
        { weight: 9, arbitrary: fc.array(shapeArb(node.item, mode, depth + 1), { maxLength: depth === 0 ? 6 : 2 }) },
        { weight: 1, arbitrary: fc.constantFrom('not a list', {}) },
      );
  }
}

/** A message of this shape as inner values; each field present most of the time. */
export function shapeArb(shape: Shape, mode: ArbMode = 'mixed', depth = 0): fc.Arbitrary<Record<string, unknown>> {
  const entries: Record<string, fc.Arbitrary<unknown>> = {};
  for (const node of shape) {
    const present = nodeArb(node, depth, mode);
    entries[node.name] =
      mode === 'valid' && node.required
        ? present
        : fc.oneof(
            { weight: mode === 'valid' ? 3 : 12, arbitrary: present },
            { weight: 1, arbitrary: fc.constant(undefined) },
          );
  }
  return fc.record(entries);
}

/** The inner value of an allowed code (N codes such as 지원-104's type are numbers inside). */
function innerOf(t: WireType, wire: string): unknown {
  return decodeValue(t, wire, { field: 'value', location: 'response' });
}
