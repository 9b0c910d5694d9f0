import type { FieldNode } from '@hannun/spec';
import type { ConformanceCase } from '../case-types.ts';
import { badValuesOf } from './bad-values.ts';
import type { ApiCases } from './case-kit.ts';

/** The version segment (규격 §2.2, "v" and a number): one the provider does not offer answers 40003. */
export function versionCases(g: ApiCases): ConformanceCase[] {
  return ['v3', 'v9'].map((version, i) =>
    g.make({
      code: `VER-0${i + 1}`,
      category: 'version',
      title: `/${version} answers 40003`,
      negative: true,
      expect: ['40003'],
      probe: g.usual({ path: g.usual().path.replace(/^\/v2\//, `/${version}/`) }),
    }),
  );
}

const ORG_TYPE_NOTE =
  'A malformed org_code is both a bad parameter (40001) and an org_code that cannot be confirmed (40303); the standard does not say which check comes first.';

/** org_code (40303 for another institution's, 40001 when missing). */
export function orgCodeCases(g: ApiCases): ConformanceCase[] {
  const own = g.target.orgCode;
  const other = `${own.slice(0, 9)}${own.endsWith('9') ? '8' : '9'}`;
  const fields = g.usual().fields;
  const without = Object.fromEntries(Object.entries(fields).filter(([k]) => k !== 'org_code'));
  return [
    g.make({
      code: 'ORG-01',
      category: 'org-code',
      title: `another institution's org_code (${other}) answers 40303`,
      negative: true,
      expect: ['40303'],
      probe: g.usual({ fields: { ...fields, org_code: other } }),
    }),
    g.make({
      code: 'ORG-02',
      category: 'org-code',
      title: 'no org_code answers 40001',
      negative: true,
      expect: ['40001'],
      probe: g.usual({ fields: without }),
    }),
    g.make({
      code: 'ORG-03',
      category: 'org-code',
      title: 'an org_code over aN(10) answers 40001',
      negative: true,
      expect: ['40001', '40303'],
      provisional: ORG_TYPE_NOTE,
      probe: g.usual({ fields: { ...fields, org_code: `${own}0` } }),
    }),
    g.make({
      code: 'ORG-04',
      category: 'org-code',
      title: 'an org_code with a symbol answers 40001',
      negative: true,
      expect: ['40001', '40303'],
      provisional: ORG_TYPE_NOTE,
      probe: g.usual({ fields: { ...fields, org_code: `${own.slice(0, 9)}-` } }),
    }),
  ];
}

/** Fields handled by their own cases (org_code above; limit and next_page with paging). */
const OWN_CASES = new Set(['org_code', 'limit', 'next_page']);

/**
 * Every request field of the API (규격 첨부2 types, from the catalogue): each required one missing, and
 * values of the wrong type, length or code, each answering 40001; a field the API does not define; for
 * POST APIs a body that is not a JSON object.
 */
export function parameterCases(g: ApiCases): ConformanceCase[] {
  const cases: ConformanceCase[] = [];
  const usual = g.usual();
  let n = 0;
  const code = () => `PRM-${String(++n).padStart(2, '0')}`;
  for (const node of g.api.request.shape) {
    if (node.kind !== 'field' || OWN_CASES.has(node.name)) continue;
    if (node.required && usual.fields[node.name] !== undefined) {
      const fields = Object.fromEntries(Object.entries(usual.fields).filter(([k]) => k !== node.name));
      cases.push(
        g.make({
          code: code(),
          category: 'parameter',
          title: `no ${node.name} (required) answers 40001`,
          negative: true,
          expect: ['40001'],
          probe: g.usual({ fields }),
        }),
      );
    }
    for (const bad of badValuesOf(node as FieldNode)) {
      cases.push(
        g.make({
          code: code(),
          category: 'parameter',
          title: `${node.name} ${bad.what} (${JSON.stringify(bad.value.length > 24 ? `${bad.value.slice(0, 12)}…` : bad.value)}) answers 40001`,
          negative: true,
          expect: ['40001'],
          probe: g.usual({ fields: { ...usual.fields, [node.name]: bad.value } }),
        }),
      );
    }
  }
  for (const node of g.api.request.path ?? []) {
    if (node.kind !== 'field') continue;
    const bad = badValuesOf(node)[0];
    if (!bad || !g.asset) continue;
    const asset = { ...g.asset, [node.name]: bad.value };
    cases.push(
      g.make({
        code: code(),
        category: 'parameter',
        title: `path parameter ${node.name} ${bad.what} answers 40001`,
        negative: true,
        expect: ['40001'],
        probe: g.usual({ asset }),
      }),
    );
  }
  cases.push(
    g.make({
      code: code(),
      category: 'parameter',
      title: 'a field the API does not define (account_pin) answers 40001',
      negative: true,
      expect: ['40001'],
      provisional:
        'The standard does not say whether unknown request fields are refused or ignored; refusing them (40001) is our reading, as validating every edge asks.',
      probe: g.usual({ fields: { ...usual.fields, account_pin: '1234' } }),
    }),
  );
  if (g.api.method === 'POST') {
    for (const [what, rawBody] of [
      ['a body that is not JSON', '{"org_code":'],
      ['a JSON array as the body', '[]'],
    ] as const) {
      cases.push(
        g.make({
          code: code(),
          category: 'parameter',
          title: `${what} answers 40001`,
          negative: true,
          expect: ['40001'],
          probe: g.usual({ rawBody }),
        }),
      );
    }
  }
  return cases;
}
