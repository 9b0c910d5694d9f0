import { describe, expect, it } from 'vitest';
import { INDUSTRY_LIST } from '../industries.ts';
import { INDUSTRY_SCOPES } from '../scopes.ts';
import { topLevelNames, type Shape } from '../schema/shape.ts';
import { apiById, apiPath, apisForIndustry, CATALOGUE, requiredScope } from './index.ts';

const range = (prefix: string, from: number, to: number, width = 3) =>
  Array.from({ length: to - from + 1 }, (_, i) => `${prefix}-${String(from + i).padStart(width, '0')}`);

/** Every API ID the foundation issue names (the standard's chapter 4, 5 and 7). */
const EXPECTED_IDS = [
  ...range('공통', 1, 2),
  ...range('IRP', 1, 4),
  ...range('선불', 1, 4),
  ...range('채권', 1, 3),
  ...range('은행', 1, 10),
  ...range('카드', 1, 12),
  ...range('금투', 1, 5),
  ...range('보험', 1, 12),
  ...range('전금', 1, 4),
  ...range('전금', 101, 103),
  ...range('할부금융', 1, 6),
  ...range('보증보험', 1, 3),
  ...range('통신', 1, 4),
  ...range('P2P', 1, 4),
  ...range('개별인증', 1, 4),
  '통합인증-002',
  ...range('통합인증', 101, 104),
  ...range('지원', 1, 6),
  ...range('지원', 101, 104),
];

/** Date-based APIs the standard lets span 3 months per scheduled call (§3.3). */
const THREE_MONTH_DATE_APIS = [
  '은행-010',
  '보험-006',
  '보험-007',
  '보험-011',
  '할부금융-004',
  '할부금융-006',
  '보증보험-003',
  'P2P-004',
  '채권-003',
];

function has(shape: Shape | undefined, name: string): boolean {
  return shape !== undefined && topLevelNames(shape).includes(name);
}

describe('the API catalogue', () => {
  it('holds every API of the standard, each once', () => {
    const ids = CATALOGUE.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual([...EXPECTED_IDS].sort());
  });

  it('gives every API a unique 4-character API code', () => {
    const codes = CATALOGUE.map((a) => a.code);
    for (const c of codes) expect(c).toMatch(/^[A-Z]{2}[0-9]{2}$/);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('every info API names a scope of each of its industries', () => {
    for (const api of CATALOGUE.filter((a) => a.group === 'info')) {
      for (const industry of api.industries) {
        const scope = requiredScope(api, industry);
        if (scope === null) continue; // offered by the industry later (선불 at banks)
        expect(INDUSTRY_SCOPES[industry] as readonly string[], `${api.id} ${industry}`).toContain(scope);
      }
    }
  });

  it('list APIs need the <industry>.list scope and GET', () => {
    for (const id of [
      '은행-001',
      '카드-001',
      '금투-001',
      '보험-001',
      '전금-001',
      '할부금융-001',
      '보증보험-001',
      '통신-001',
      'P2P-001',
      '공통-001',
      '공통-002',
    ]) {
      const api = apiById(id);
      expect(api.method, id).toBe('GET');
      for (const industry of api.industries) expect(requiredScope(api, industry), id).toBe(`${industry}.list`);
    }
  });

  it('no two info APIs of one industry share a method and path', () => {
    for (const industry of INDUSTRY_LIST) {
      const seen = new Set<string>();
      for (const api of apisForIndustry(industry)) {
        const key = `${api.method} ${apiPath(api, { version: 'v2', industry })}`;
        expect(seen.has(key), `${industry}: ${key}`).toBe(false);
        seen.add(key);
      }
    }
  });

  it('every industry offers 공통-001, 공통-002 and at least one list API', () => {
    for (const industry of INDUSTRY_LIST) {
      const ids = apisForIndustry(industry).map((a) => a.id);
      expect(ids, industry).toEqual(expect.arrayContaining(['공통-001', '공통-002']));
      expect(ids.length, industry).toBeGreaterThanOrEqual(3);
    }
  });

  it('paginated APIs take next_page and limit and answer next_page and a list of at most 500', () => {
    for (const api of CATALOGUE.filter((a) => a.paginated)) {
      expect(has(api.request.shape, 'next_page'), api.id).toBe(true);
      expect(has(api.request.shape, 'limit'), api.id).toBe(true);
      expect(has(api.response, 'next_page'), api.id).toBe(true);
      const lists = api.response.filter((n) => n.kind === 'list');
      expect(lists.length, api.id).toBeGreaterThanOrEqual(1);
      for (const l of lists) if (l.kind === 'list') expect(l.max, `${api.id} ${l.name}`).toBe(500);
    }
  });

  it('timestamp APIs take search_timestamp', () => {
    for (const api of CATALOGUE.filter((a) => a.timestamp))
      expect(has(api.request.shape, 'search_timestamp'), api.id).toBe(true);
  });

  it('date rules match the request fields, and the 3-month date APIs are exactly the standard’s list', () => {
    for (const api of CATALOGUE) {
      if (api.dateRule === 'days31' || api.dateRule === 'days3m') {
        expect(has(api.request.shape, 'from_date') && has(api.request.shape, 'to_date'), api.id).toBe(true);
      }
      if (api.dateRule === 'months')
        expect(has(api.request.shape, 'from_month') && has(api.request.shape, 'to_month'), api.id).toBe(true);
      if (api.dateRule === 'none') expect(has(api.request.shape, 'from_date'), api.id).toBe(false);
    }
    expect(
      CATALOGUE.filter((a) => a.dateRule === 'days3m')
        .map((a) => a.id)
        .sort(),
    ).toEqual([...THREE_MONTH_DATE_APIS].sort());
  });

  it('asset keys are request fields, and listedBy names a list API of the same industries', () => {
    for (const api of CATALOGUE) {
      for (const key of api.assetKeys) {
        expect(has(api.request.shape, key) || has(api.request.path, key), `${api.id} ${key}`).toBe(true);
      }
      if (api.listedBy) {
        const list = apiById(api.listedBy);
        expect(list.method, api.id).toBe('GET');
        for (const ind of api.industries) expect(list.industries, `${api.id} → ${api.listedBy}`).toContain(ind);
      }
    }
  });

  it('info APIs use the standard’s headers and envelope, a cycle class, and query for GET / JSON for POST', () => {
    for (const api of CATALOGUE.filter((a) => a.group === 'info')) {
      expect(api.headers.required, api.id).toEqual(expect.arrayContaining(['authorization', 'x-api-tran-id']));
      expect(api.errorStyle, api.id).toBe('rsp_code');
      expect(api.cycle === '기본' || api.cycle === '추가', api.id).toBe(true);
      expect(api.request.location, api.id).toBe(api.method === 'GET' ? 'query' : 'json');
    }
  });

  it('every field of every shape has Korean and English meanings', () => {
    const walk = (shape: Shape, where: string) => {
      for (const node of shape) {
        expect(node.ko, `${where}.${node.name}`).toMatch(/\S/);
        expect(node.en, `${where}.${node.name}`).toMatch(/\S/);
        if (node.kind === 'list') walk(node.item, `${where}.${node.name}`);
        if (node.kind === 'object') walk(node.shape, `${where}.${node.name}`);
      }
    };
    for (const api of CATALOGUE) {
      walk(api.request.shape, `${api.id} request`);
      walk(api.response, `${api.id} response`);
    }
  });

  it('builds the standard’s paths', () => {
    expect(apiPath(apiById('은행-004'), { version: 'v2' })).toBe('/v2/bank/accounts/deposit/transactions');
    expect(apiPath(apiById('은행-001'), { version: 'v1' })).toBe('/v1/bank/accounts');
    expect(apiPath(apiById('카드-008'), { version: 'v2' })).toBe('/v2/card/cards/{card_id}/approval-domestic');
    expect(apiPath(apiById('IRP-001'), { version: 'v2', industry: 'insu' })).toBe('/v2/insu/irps');
    expect(() => apiPath(apiById('IRP-001'), { version: 'v2' })).toThrow(/industries/);
    expect(apiPath(apiById('지원-002'), { version: 'v2' })).toBe('/v2/mgmts/orgs');
    expect(apiPath(apiById('지원-001'), { version: 'v2' })).toBe('/mgmts/oauth/2.0/token');
    expect(apiPath(apiById('개별인증-002'), { version: 'v2' })).toBe('/oauth/2.0/token');
    expect(() => apiById('은행-999')).toThrow(/no API/);
  });
});
