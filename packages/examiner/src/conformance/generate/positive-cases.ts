import type { ConformanceCase } from '../case-types.ts';
import { rspCodeOf } from '../run/http-client.ts';
import type { ApiCases } from './case-kit.ts';

const MAX_ASSETS = 3;
const SUCCESS = ['00000', '00001'] as const;

/**
 * Positive cases: the usual call (about each asset the list gave, up to three) answers 00000 with a body of
 * the API's response shape; /v1 too, without v2-only fields; every irregular x-api-type, and none.
 */
export function positiveCases(g: ApiCases): ConformanceCase[] {
  const assets = g.api.assetKeys.length > 0 ? (g.discovery.assets.get(g.api.id)?.usable ?? []) : [undefined];
  const cases: ConformanceCase[] = assets.slice(0, MAX_ASSETS).map((asset, i) =>
    g.make({
      code: `POS-0${i + 1}`,
      category: 'positive',
      title:
        asset === undefined
          ? 'a valid call answers 00000 with a body of the response shape'
          : `a valid call about listed asset ${i + 1} answers 00000 with a body of the response shape`,
      negative: false,
      expect: { rspCodes: ['00000'], shape: true },
      probe: g.usual(asset ? { asset } : {}),
    }),
  );
  cases.push(
    g.make({
      code: 'POS-10',
      category: 'positive',
      title: '/v1 is answered, without the fields v2 added',
      negative: false,
      expect: { rspCodes: ['00000'], shape: true, v1: true },
      probe: g.usual({ path: g.usual().path.replace(/^\/v2\//, '/v1/') }),
    }),
  );
  for (const [i, apiType] of (['user-consent', 'user-search'] as const).entries()) {
    cases.push(
      g.make({
        code: `POS-1${i + 1}`,
        category: 'api-type',
        title: `x-api-type ${apiType} is answered`,
        negative: false,
        expect: { rspCodes: ['00000'], shape: true },
        probe: g.usual({ apiType }),
      }),
    );
  }
  const { apiType: _none, ...withoutType } = g.usual();
  cases.push(
    g.make({
      code: 'POS-13',
      category: 'api-type',
      title: 'a call without x-api-type (optional) is answered',
      negative: false,
      expect: { rspCodes: ['00000'], shape: true },
      probe: withoutType,
    }),
  );
  cases.push(
    g.make({
      code: 'SCH-01',
      category: 'api-type',
      title: 'a second scheduled call in the consent’s cycle answers 42901 (50009 outside np_time)',
      negative: true,
      expect: ['42901'],
      setup: [{ request: g.usual({ apiType: 'scheduled' }), accept: [...SUCCESS, '42901', '50009'] }],
      probe: g.usual({ apiType: 'scheduled' }),
      expectAfter: (setup) => ({ rspCodes: rspCodeOf(setup[0]!) === '50009' ? ['50009'] : ['42901'] }),
    }),
  );
  return cases;
}

/** The one case of an asset API the target has no usable asset for: reported as skipped. */
export function noAssetCase(g: ApiCases): ConformanceCase {
  return g.make({
    code: 'POS-00',
    category: 'positive',
    title: 'a valid call about a listed asset',
    negative: false,
    expect: ['00000'],
    probe: { method: g.api.method, path: '', fields: {}, token: { kind: 'usual' }, tranId: { kind: 'fresh' } },
    skip: `the person has no consented asset ${g.api.id} answers for (its list ${g.api.listedBy ?? ''} gave none): its cases were not generated`,
  });
}
