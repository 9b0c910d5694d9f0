import type { ConformanceCase } from '../case-types.ts';
import type { ApiCases } from './case-kit.ts';
import type { AssetKey } from './valid-request.ts';

const KIND_NOTE =
  'The list says the asset is not in the consent (is_consent false), but not which APIs it is for: 40105 when it is of this API’s kind, 40402 when it is not.';
const MAX_EACH = 2;

/** Assets (40402 unknown, 40105 not in the consent, 40305 not in a normal state), from what the list said. */
export function assetCases(g: ApiCases): ConformanceCase[] {
  if (g.api.assetKeys.length === 0 || !g.asset) return [];
  const classes = g.discovery.assets.get(g.api.id);
  const first = g.api.assetKeys[0]!;
  const cases: ConformanceCase[] = [
    g.make({
      code: 'AST-01',
      category: 'asset',
      title: `an asset that does not exist (${first} NOSUCH0001) answers 40402`,
      negative: true,
      expect: ['40402'],
      probe: g.usual({ asset: { ...g.asset, [first]: 'NOSUCH0001' } }),
    }),
  ];
  // Keys a list does not carry (insured_no, car_number) are taken from the usual asset.
  const complete = (key: AssetKey): AssetKey => ({ ...g.asset, ...key });
  (classes?.unconsented ?? []).slice(0, MAX_EACH).forEach((key, i) => {
    cases.push(
      g.make({
        code: `AST-1${i}`,
        category: 'asset',
        title: 'a listed asset not in the consent (is_consent false) is refused with 40105',
        negative: true,
        expect: ['40105', '40402'],
        provisional: KIND_NOTE,
        probe: g.usual({ asset: complete(key) }),
      }),
    );
  });
  (classes?.abnormal ?? []).slice(0, MAX_EACH).forEach((key, i) => {
    cases.push(
      g.make({
        code: `AST-2${i}`,
        category: 'asset',
        title: 'a consented asset not in a normal state (closed, lost…) answers 40305 every time',
        negative: true,
        expect: ['40305', '40404'],
        probe: g.usual({ asset: complete(key) }),
      }),
    );
  });
  return cases;
}
