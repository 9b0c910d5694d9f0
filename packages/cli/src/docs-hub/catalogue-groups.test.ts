import { type ApiSpec, apiById, CATALOGUE } from '@hannun/spec';
import { describe, expect, it } from 'vitest';
import { groupCatalogue, matches } from './catalogue-groups.ts';

describe('groupCatalogue', () => {
  it('puts groups in the standard order and info APIs under each industry that offers them', () => {
    const groups = groupCatalogue(CATALOGUE);
    const order = ['auth', 'info', 'ca', 'support-portal', 'support-participant'];
    const seen = groups.map((g) => g.group);
    expect(seen).toEqual(order.filter((g) => seen.includes(g as never)));
    const info = groups.find((g) => g.group === 'info')!;
    const bank = info.sections.find((s) => s.id === 'industry-bank')!;
    const acc = bank.rows.find((r) => r.api.id === '은행-001')!;
    expect(acc).toMatchObject({ industry: 'bank', path: '/v2/bank/accounts', scope: 'bank.list' });
    // An API shared by industries (IRP) appears under each, with that industry's path.
    const irp = CATALOGUE.find((a) => a.group === 'info' && a.industries.length > 1);
    if (irp) {
      for (const industry of irp.industries) {
        const section = info.sections.find((s) => s.id === `industry-${industry}`)!;
        expect(section.rows.find((r) => r.api.id === irp.id)?.path).toBe(`/v2/${industry}${irp.resource}`);
      }
    }
  });

  it('keeps every API of the catalogue', () => {
    const ids = new Set(groupCatalogue(CATALOGUE).flatMap((g) => g.rows.map((r) => r.api.id)));
    expect(ids.size).toBe(new Set(CATALOGUE.map((a) => a.id)).size);
  });

  it('renders whatever the catalogue holds: empty, or entries that cannot build a path', () => {
    expect(groupCatalogue([])).toEqual([]);
    const broken: ApiSpec = { ...apiById('은행-001'), id: '은행-900', industries: ['bank', 'card'], resource: '/odd' };
    const homeless = groupCatalogue([{ ...broken, industries: [] }]);
    expect(homeless[0]!.sections.map((s) => [s.id, s.rows[0]!.api.id, s.rows[0]!.path])).toEqual([
      ['industry-none', '은행-900', '/odd'],
    ]);
    const shared = groupCatalogue([broken]).find((g) => g.group === 'info')!;
    expect(shared.sections.map((s) => s.rows[0]!.path)).toEqual(['/v2/bank/odd', '/v2/card/odd']);
    expect(shared.sections[1]!.rows[0]!.scope).toBeNull();
  });

  it('matches on ID, names and resource, case-insensitively', () => {
    const api = apiById('은행-001');
    expect(matches(api, '은행-001')).toBe(true);
    expect(matches(api, 'LIST OF')).toBe(true);
    expect(matches(api, '/accounts')).toBe(true);
    expect(matches(api, '카드')).toBe(false);
    expect(matches(api, '  ')).toBe(true);
  });
});
