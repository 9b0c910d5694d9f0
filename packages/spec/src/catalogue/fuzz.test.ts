import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeMessage, encodeMessage } from '../schema/message-codec.ts';
import type { Shape } from '../schema/shape.ts';
import { WireError } from '../wire/wire-error.ts';
import { CATALOGUE } from './index.ts';

/** Junk shaped like a message: the right field names with wrong, odd or hostile values. */
function junkFor(shape: Shape): fc.Arbitrary<Record<string, unknown>> {
  const value = fc.oneof(
    fc.string(),
    fc.string({ unit: 'grapheme', maxLength: 400 }),
    fc.constantFrom(
      '',
      ' ',
      '0',
      '-1',
      '1e3',
      'true',
      '20240230',
      '99999999999999999999',
      "' OR 1=1 --",
      '<script>',
      '한'.repeat(700),
    ),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(fc.anything(), { maxLength: 3 }),
    fc.dictionary(fc.string(), fc.anything(), { maxKeys: 3 }),
  );
  const names = shape.flatMap((n) => (n.kind === 'list' && n.count ? [n.name, n.count.name] : [n.name]));
  return fc.dictionary(fc.constantFrom(...names, 'extra_field'), value, { maxKeys: names.length + 1 });
}

describe('every API: bad input only ever gives a WireError (never an untyped throw)', () => {
  it.each(CATALOGUE.map((api) => [api.id, api] as const))('%s request and response', (_id, api) => {
    const shapes: [Shape, 'query' | 'body' | 'response'][] = [
      [api.request.shape, api.request.location === 'query' ? 'query' : 'body'],
      [api.response, 'response'],
    ];
    for (const [shape, location] of shapes) {
      if (shape.length === 0) continue;
      fc.assert(
        fc.property(junkFor(shape), fc.boolean(), (junk, lenient) => {
          try {
            const decoded = decodeMessage(shape, junk, { location, lenient });
            // Whatever is accepted must encode back without error: the two directions agree.
            encodeMessage(shape, decoded);
          } catch (e) {
            expect(e).toBeInstanceOf(WireError);
            const w = e as WireError;
            expect(w.rspCode).toBe('40001');
            expect(w.field.length).toBeGreaterThan(0);
          }
        }),
        { numRuns: 60 },
      );
    }
  });
});
