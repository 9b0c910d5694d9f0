import { CATALOGUE, decodeMessage, encodeValue, type Shape, type WireType } from '@hannun/spec';
import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { valueArb } from '../testing/wire-arbitraries.ts';
import { compileRequestDecoder } from './request-decoder.ts';

const INFO = CATALOGUE.filter((api) => api.group === 'info');

/** A wire string of the type (valid, or refused by the spec), or a value of another JSON type. */
function wireArb(t: WireType, values: readonly string[] | undefined): fc.Arbitrary<unknown> {
  const encoded = valueArb(t, 'mixed').map((v) => {
    try {
      return encodeValue(t, v as never, { field: 'f', location: 'query' });
    } catch {
      return typeof v === 'string' ? v : String(v);
    }
  });
  return fc.oneof(
    { weight: 8, arbitrary: values ? fc.oneof(fc.constantFrom(...values), encoded) : encoded },
    { weight: 1, arbitrary: fc.constantFrom('', '20250230', '20251301', '000000', '-1', '501', ' 1', '１２') },
    { weight: 1, arbitrary: fc.constantFrom(null, 5, true, ['a'], { a: 1 }) },
  );
}

function inputArb(shape: Shape): fc.Arbitrary<Record<string, unknown>> {
  const entries: Record<string, fc.Arbitrary<unknown>> = {};
  for (const node of shape) {
    if (node.kind !== 'field') continue;
    entries[node.name] = fc.oneof(
      { weight: 6, arbitrary: wireArb(node.type, node.values) },
      { weight: 1, arbitrary: fc.constant(undefined) },
    );
  }
  return fc
    .tuple(fc.record(entries), fc.option(fc.constantFrom('extra', 'account_pin'), { freq: 8 }))
    .map(([record, extra]) => {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(record)) if (v !== undefined) out[k] = v;
      if (extra) out[extra] = 'x';
      return out;
    });
}

/** Values compared by what they are (Temporal and Decimal objects have no enumerable fields). */
function comparable(value: unknown): unknown {
  if (
    value instanceof Temporal.PlainDate ||
    value instanceof Temporal.PlainYearMonth ||
    value instanceof Temporal.PlainDateTime
  ) {
    return `${value.constructor.name}:${value.toString()}`;
  }
  if (value instanceof Decimal) return `Decimal:${value.toString()}`;
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, comparable(v)]));
  return value;
}

function outcome(f: () => Record<string, unknown>): unknown {
  try {
    return { value: comparable(f()) };
  } catch (error) {
    return { error: `${(error as Error).name}: ${(error as Error).message}` };
  }
}

describe('compiled request decoder', () => {
  it.each(INFO.map((api) => [api.id, api] as const))(
    '%s: decodes exactly as decodeMessage (unknown fields refused), or throws the same error',
    (_id, api) => {
      const location = api.method === 'GET' ? 'query' : 'body';
      const decode = compileRequestDecoder(api.request.shape, location);
      fc.assert(
        fc.property(inputArb(api.request.shape), (input) => {
          const expected = outcome(() => decodeMessage(api.request.shape, input, { location, unknown: 'reject' }));
          expect(outcome(() => decode(input))).toEqual(expected);
          expect(outcome(() => decode(input))).toEqual(expected);
        }),
        { numRuns: 80 },
      );
    },
  );

  it('accepts the ordinary request without the spec (and gives Temporal dates)', () => {
    const api = INFO.find((a) => a.id === '은행-004')!;
    const decode = compileRequestDecoder(api.request.shape, 'body');
    const out = decode({
      org_code: 'BKNURI0001',
      account_num: '1002',
      from_date: '20250301',
      to_date: '20250315',
      limit: '100',
    });
    expect(out['from_date']).toBeInstanceOf(Temporal.PlainDate);
    expect(String(out['to_date'])).toBe('2025-03-15');
    expect(out['limit']).toBe(100);
    expect(() =>
      decode({ org_code: 'BKNURI0001', account_num: '1002', from_date: '20250230', to_date: '20250315', limit: '100' }),
    ).toThrow(/from_date/);
    expect(() =>
      decode({ org_code: 'BKNURI0001', account_num: '1002', from_date: '20250301', to_date: '20250315', limit: '501' }),
    ).toThrow(/limit/);
  });
});
