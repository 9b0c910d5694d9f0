import { apisForIndustry, CATALOGUE, COMMON_FIELDS, encodeMessage, type Shape, vocabulary } from '@hannun/spec';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shapeArb } from '../testing/wire-arbitraries.ts';
import { compileWireEncoder } from './wire-encoder.ts';

const { req } = vocabulary(COMMON_FIELDS);
const INFO = CATALOGUE.filter((api) => api.group === 'info');
const GATES = ['is_consent_trans_memo', 'is_consent_merchant_name_regno', 'is_consent_trans_category'] as const;

type Outcome = { text: string } | { error: string };
function outcome(f: () => string): Outcome {
  try {
    return { text: f() };
  } catch (error) {
    return { error: `${(error as Error).name}: ${(error as Error).message}` };
  }
}

describe('compiled wire encoder', () => {
  it.each(INFO.map((api) => [api.id, api] as const))(
    '%s: writes exactly JSON.stringify(encodeMessage(…)), or throws the same error',
    (_id, api) => {
      const shape: Shape = [req('rsp_code'), req('rsp_msg'), ...api.response];
      const variants = [
        {},
        { version: 'v1' as const },
        { version: 'v2' as const, withheld: new Set<string>(GATES) },
        { version: 'v2' as const, withheld: new Set<string>([GATES[0]]) },
      ];
      const encoders = variants.map((opts) => ({ opts, encoder: compileWireEncoder(shape, opts) }));
      fc.assert(
        fc.property(
          fc.oneof(shapeArb(shape, 'valid'), shapeArb(shape, 'mixed')),
          fc.nat(variants.length - 1),
          (value, which) => {
            const { opts, encoder } = encoders[which]!;
            const expected = outcome(() => JSON.stringify(encodeMessage(shape, value as never, opts)));
            expect(outcome(() => encoder.json(value))).toEqual(expected);
            // Again: cached list items must give the same text.
            expect(outcome(() => encoder.json(value))).toEqual(expected);
          },
        ),
        { numRuns: 60 },
      );
    },
  );

  it('valid messages of every info API encode (the generator is not all errors)', () => {
    let ok = 0;
    for (const api of INFO) {
      const shape: Shape = [req('rsp_code'), req('rsp_msg'), ...api.response];
      const encoder = compileWireEncoder(shape, {});
      for (const value of fc.sample(shapeArb(shape, 'valid'), 20)) {
        expect(() => encoder.json(value)).not.toThrow();
        ok++;
      }
    }
    expect(ok).toBe(INFO.length * 20);
  });

  it('은행-004: an invalid row names its field, as encodeMessage does', () => {
    const api = apisForIndustry('bank').find((a) => a.id === '은행-004')!;
    const shape: Shape = [req('rsp_code'), req('rsp_msg'), ...api.response];
    const encoder = compileWireEncoder(shape, { version: 'v2' });
    const row = { trans_dtime: undefined } as Record<string, unknown>;
    const page = { rsp_code: '00000', rsp_msg: '정상처리', trans_list: [row] };
    expect(() => encoder.json(page)).toThrow(/trans_list\[0\]\.trans_dtime/);
  });
});
