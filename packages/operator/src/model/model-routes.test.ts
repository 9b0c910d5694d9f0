import { apiById, CATALOGUE, type Shape, type ShapeNode, type WireType } from '@hannun/spec';
import { describe, expect, it } from 'vitest';
import { ASSET_ROUTES } from './asset-routes.ts';
import { MODEL_ROUTES } from './model-routes.ts';
import type { ColumnKind } from './model-table.ts';

/** Fields that identify a person or their property: always sealed when stored. */
const PERSONAL = [
  'account_num',
  'card_num',
  'holder_name',
  'insured_name',
  'trans_memo',
  'car_number',
  'repay_account_num',
  'charge_account_num',
  'insu_num',
  'telecom_num',
  'bond_num',
  'pay_id',
  'insured_list',
];

function itemShape(shape: Shape, list: string | undefined): Shape {
  if (!list) return shape;
  const node = shape.find((n) => n.name === list);
  if (node?.kind !== 'list') throw new Error(`no list ${list}`);
  return node.item;
}

function kindsFor(node: ShapeNode): ColumnKind[] {
  if (node.kind === 'list') return ['json', 'sealedJson'];
  if (node.kind === 'object') return ['json'];
  const t: WireType = node.type;
  switch (t.kind) {
    case 'F':
      return ['amount', 'decimal'];
    case 'N':
      return ['int'];
    case 'DATE':
      return ['date'];
    case 'DTIME':
      return ['dtime'];
    case 'MONTH':
      return ['month'];
    case 'BOOL':
      return ['bool'];
    default:
      return ['text', 'sealed'];
  }
}

const ENVELOPE = new Set(['search_timestamp', 'next_page']);

describe('the normalised model covers every information API', () => {
  const info = CATALOGUE.filter((a) => a.group === 'info' && !['공통-001', '공통-002'].includes(a.id)).map((a) => a.id);

  it('every information API (but 공통-001/002) has exactly one route: a list API to assets, any other to a table', () => {
    const routed = [...ASSET_ROUTES.map((r) => r.api), ...MODEL_ROUTES.map((r) => r.api)];
    expect([...routed].sort()).toEqual([...info].sort());
    expect(new Set(routed).size).toBe(routed.length);
  });

  it.each(MODEL_ROUTES.map((r) => [r.api, r] as const))(
    '%s: every answer field has a column of the right kind (or is the envelope)',
    (_, route) => {
      const api = apiById(route.api);
      const shape = itemShape(api.response, route.list);
      const counts = new Set(api.response.flatMap((n) => (n.kind === 'list' && n.count ? [n.count.name] : [])));
      for (const node of shape) {
        if (ENVELOPE.has(node.name) || counts.has(node.name) || route.ignore?.includes(node.name)) continue;
        if (node.kind === 'list' && node.count) counts.add(node.count.name);
        const col = route.rename?.[node.name] ?? node.name;
        const def = route.table.columns[col];
        expect(def, `${route.api}.${node.name} → ${route.table.name}.${col}`).toBeDefined();
        expect(kindsFor(node), `${route.api}.${node.name} is ${def?.kind}`).toContain(def?.kind);
        if (PERSONAL.includes(node.name))
          expect(['sealed', 'sealedJson'], `${node.name} must be sealed`).toContain(def?.kind);
      }
      // Nested list counts (int_cnt) are part of the nested JSON, not columns.
      for (const col of route.fromRequest ?? []) expect(route.table.columns[col], col).toBeDefined();
      for (const col of Object.keys(route.fixed ?? {})) expect(route.table.columns[col], col).toBeDefined();
      for (const col of route.snapshot?.within ?? [])
        expect([...(route.fromRequest ?? []), ...Object.keys(route.fixed ?? {})]).toContain(col);
      expect(route.table.scope === 'asset', `${route.api} is of one asset iff it has asset keys`).toBe(
        api.assetKeys.length > 0,
      );
    },
  );

  it.each(ASSET_ROUTES.map((r) => [r.api, r] as const))(
    '%s: the asset key is what its detail APIs are called with',
    (_, route) => {
      const item = itemShape(apiById(route.api).response, route.list);
      const names = item.map((n) => n.name);
      for (const k of [
        ...route.key,
        route.number,
        route.name,
        route.type,
        route.status,
        ...(route.personal ?? []),
      ].filter(Boolean)) {
        expect(names, `${route.api} has ${k}`).toContain(k);
      }
      const details = CATALOGUE.filter((a) => a.listedBy === route.api);
      for (const a of details) {
        const fromList = a.assetKeys.filter((k) => names.includes(k));
        expect(route.key, `${a.id} keys`).toEqual(expect.arrayContaining(fromList));
      }
    },
  );

  it('consent-gated v2 fields all have a column, so the flag (not the provider) decides whether they are kept', () => {
    for (const route of MODEL_ROUTES) {
      for (const node of itemShape(apiById(route.api).response, route.list)) {
        if (node.gate)
          expect(
            route.table.columns[route.rename?.[node.name] ?? node.name],
            `${route.api}.${node.name}`,
          ).toBeDefined();
      }
    }
  });
});
