import type { ConformanceCase } from '../case-types.ts';
import type { ApiCases } from './case-kit.ts';

const SUCCESS = ['00000', '00001'] as const;

/** x-api-tran-id and x-api-type (규격 §2.1): absent, malformed, repeated, unknown → 40002. */
export function headerCases(g: ApiCases): ConformanceCase[] {
  const org = g.target.operatorOrgCode;
  const serial = 'ABCDEFGHIJ1234';
  const malformed: [string, string][] = [
    ['not of the form at all', 'NOT-A-TRAN-ID'],
    ['24 characters', `${org}M${serial.slice(1)}`],
    ['26 characters', `${org}M${serial}Z`],
    ['lower-case letters', `${org.toLowerCase()}m${serial.toLowerCase()}`],
    ['an unknown generator code X', `${org}X${serial}`],
  ];
  const cases: ConformanceCase[] = [
    g.make({
      code: 'HDR-01',
      category: 'header',
      title: 'no x-api-tran-id answers 40002',
      negative: true,
      expect: ['40002'],
      probe: g.usual({ tranId: { kind: 'none' } }),
    }),
    ...malformed.map(([what, value], i) =>
      g.make({
        code: `HDR-0${i + 2}`,
        category: 'header',
        title: `an x-api-tran-id of ${what} answers 40002`,
        negative: true,
        expect: ['40002'],
        probe: g.usual({ tranId: { kind: 'fixed', value } }),
      }),
    ),
    g.make({
      code: 'HDR-07',
      category: 'header',
      title: 'an x-api-tran-id already used today answers 40002',
      negative: true,
      expect: ['40002'],
      setup: [{ request: g.usual(), accept: SUCCESS }],
      probe: g.usual({ tranId: { kind: 'repeat-setup' } }),
    }),
    g.make({
      code: 'HDR-08',
      category: 'header',
      title: 'an unknown x-api-type (nightly) answers 40002',
      negative: true,
      expect: ['40002'],
      probe: g.usual({ apiType: 'nightly' }),
    }),
    g.make({
      code: 'HDR-09',
      category: 'header',
      title: 'x-api-type in the wrong case (SCHEDULED) answers 40002',
      negative: true,
      expect: ['40002'],
      probe: g.usual({ apiType: 'SCHEDULED' }),
    }),
  ];
  return cases;
}
