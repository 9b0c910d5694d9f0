import {
  type ApiSpec,
  decodeHeaders,
  decodeMessage,
  type FieldNode,
  INDUSTRY_LIST,
  type Industry,
  RSP_CODES,
  WireError,
} from '@hannun/spec';
import { describe, expect, it } from 'vitest';
import type { ConformanceCase, ProbeRequest } from '../case-types.ts';
import { type Discovery, targetApis } from '../discovery.ts';
import { badValuesOf } from './bad-values.ts';
import { generateCases } from './generate-cases.ts';
import { kstToday } from './kst-dates.ts';

const OPERATOR = 'MDHANNUN01';
const ORG = 'BKTEST0001';

/** A wire value each type accepts, for made-up asset keys. */
function validValue(node: FieldNode): string {
  switch (node.type.kind) {
    case 'AH':
      return '12가3456';
    case 'N':
      return '1';
    case 'A':
      return 'A';
    case 'a':
      return 'a';
    case 'NS':
      return '1';
    default:
      return '01';
  }
}

/** Discovery as if the person held one usable, one closed and one unconsented asset of every kind. */
function fakeDiscovery(industry: Industry): Discovery {
  const apis = targetApis({ industry });
  const assets = new Map<
    string,
    { usable: Record<string, string>[]; abnormal: Record<string, string>[]; unconsented: Record<string, string>[] }
  >();
  for (const api of apis.filter((a) => a.assetKeys.length > 0)) {
    const nodes = [...api.request.shape, ...(api.request.path ?? [])];
    const key = (n: number) =>
      Object.fromEntries(
        api.assetKeys.map((k) => {
          const node = nodes.find((x) => x.name === k) as FieldNode;
          return [
            k,
            node.type.kind === 'AH' || node.type.kind === 'N' || k === 'insured_no'
              ? validValue(node)
              : `${validValue(node)}${n}`,
          ];
        }),
      );
    assets.set(api.id, { usable: [key(1), key(2)], abnormal: [key(3)], unconsented: [key(4)] });
  }
  return {
    today: kstToday(Date.UTC(2026, 0, 15, 3)),
    apis,
    lists: new Map(),
    assets,
    plain: new Map(apis.filter((a) => a.assetKeys.length === 0).map((a) => [a.id, { rspCode: '00000', items: 3 }])),
    exchanges: [],
    problems: [],
  };
}

const target = (industry: Industry) => ({ orgCode: ORG, industry, operatorOrgCode: OPERATOR });
const probeOf = (c: ConformanceCase): ProbeRequest => {
  if (typeof c.probe !== 'function') return c.probe;
  return c.probe([
    {
      request: { method: 'GET', url: '', headers: {} },
      response: {
        status: 200,
        headers: {},
        json: { rsp_code: '00000', next_page: 'CURSOR', search_timestamp: '20260115120000' },
      },
      ms: 1,
    },
  ]);
};
const location = (api: ApiSpec) => (api.method === 'GET' ? 'query' : 'body') as 'query' | 'body';
const code = (c: ConformanceCase) => c.id.split(' ').at(-1)!;

function decodeError(run: () => unknown): WireError | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    if (error instanceof WireError) return error;
    throw error;
  }
}

describe.each(INDUSTRY_LIST)('case generator: %s', (industry) => {
  const discovery = fakeDiscovery(industry);
  const cases = generateCases(target(industry), discovery);
  const byApi = (api: ApiSpec) => cases.filter((c) => c.apiId === api.id);

  it('generates the full set for every information API of the industry, with unique ids', () => {
    expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
    for (const api of discovery.apis) {
      const mine = byApi(api);
      const count = (prefix: string) => mine.filter((c) => code(c).startsWith(prefix)).length;
      expect(count('HDR-'), api.id).toBe(9);
      expect(count('TOK-'), api.id).toBe(11);
      expect(count('VER-'), api.id).toBe(2);
      expect(count('ORG-'), api.id).toBe(4);
      expect(count('RTE-'), api.id).toBe(4);
      expect(count('SCH-'), api.id).toBe(1);
      expect(count('PAG-'), api.id).toBe(
        api.paginated ? (api.request.shape.find((n) => n.name === 'limit')?.required ? 7 : 6) : 0,
      );
      expect(count('PER-'), api.id).toBe(api.dateRule === 'none' ? 0 : 8);
      expect(count('TS-'), api.id).toBe(api.timestamp ? 2 : 0);
      expect(count('AST-'), api.id).toBe(api.assetKeys.length > 0 ? 3 : 0);
      expect(count('POS-'), api.id).toBe((api.assetKeys.length > 0 ? 2 : 1) + 4);
      // One case per required field missing and per bad value of each field, one unknown field, two bad bodies.
      const fields = api.request.shape.filter(
        (n) => !['org_code', 'limit', 'next_page'].includes(n.name),
      ) as FieldNode[];
      const expected =
        fields.reduce((sum, n) => sum + (n.required ? 1 : 0) + badValuesOf(n).length, 0) +
        (api.request.path ?? []).length +
        1 +
        (api.method === 'POST' ? 2 : 0);
      expect(count('PRM-'), api.id).toBe(expected);
    }
  });

  it('every parameter and org_code case is refused by the spec’s own decoder with 40001, naming the field', () => {
    for (const c of cases.filter(
      (x) => x.category === 'parameter' || code(x) === 'ORG-02' || code(x).startsWith('PAG-0'),
    )) {
      if (['PAG-01', 'PAG-03', 'PAG-04', 'PAG-05'].includes(code(c))) continue; // walk, and provisional readings
      const api = discovery.apis.find((a) => a.id === c.apiId)!;
      const probe = probeOf(c);
      if (probe.rawBody !== undefined) {
        let parsed: unknown;
        try {
          parsed = JSON.parse(probe.rawBody);
        } catch {
          parsed = undefined;
        }
        expect(typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed), c.id).toBe(false);
        continue;
      }
      const pathParams = api.request.path ?? [];
      const err =
        decodeError(() =>
          decodeMessage(api.request.shape, probe.fields, { location: location(api), unknown: 'reject' }),
        ) ??
        (pathParams.length > 0
          ? decodeError(() => {
              const values = decodeURIComponent(probe.path).match(/\/cards\/([^/]+)/)?.[1] ?? '';
              decodeMessage(pathParams, { [pathParams[0]!.name]: values }, { location: 'path' });
            })
          : undefined);
      expect(err, c.id).toBeDefined();
      expect(err!.rspCode, c.id).toBe('40001');
      expect(c.expect.rspCodes).toContain('40001');
    }
  });

  it('every header case but the repeated tran id is refused by the spec’s header decoder with 40002', () => {
    for (const c of cases.filter((x) => x.category === 'header' && code(x) !== 'HDR-07')) {
      const api = discovery.apis.find((a) => a.id === c.apiId)!;
      const probe = probeOf(c);
      const headers: Record<string, string> = { authorization: 'Bearer x' };
      if (probe.tranId.kind === 'fixed') headers['x-api-tran-id'] = probe.tranId.value;
      if (probe.apiType !== undefined) headers['x-api-type'] = probe.apiType;
      const err = decodeError(() => decodeHeaders(api, headers));
      expect(err?.rspCode, c.id).toBe('40002');
      expect(c.expect.rspCodes).toEqual(['40002']);
    }
  });

  it('positive cases are valid requests: fields decode, headers decode, success expected', () => {
    for (const c of cases.filter((x) => !x.negative && !x.skip)) {
      const api = discovery.apis.find((a) => a.id === c.apiId)!;
      const probe = probeOf(c);
      expect(
        () => decodeMessage(api.request.shape, probe.fields, { location: location(api), unknown: 'reject' }),
        c.id,
      ).not.toThrow();
      expect(probe.token.kind, c.id).toBe('usual');
      expect(
        c.expect.rspCodes.every((x) => x === '00000' || x === '00001'),
        c.id,
      ).toBe(true);
    }
  });

  it('every negative case expects a refusal, and changes the usual request in what it names', () => {
    for (const c of cases.filter((x) => x.negative)) {
      if (c.expect.oauth) {
        expect(c.expect.oauth.error, c.id).toBeDefined();
        expect(c.expect.oauth.status, c.id).toBeGreaterThanOrEqual(400);
        continue;
      }
      expect(c.expect.rspCodes.length, c.id).toBeGreaterThan(0);
      for (const rsp of c.expect.rspCodes) expect(RSP_CODES[rsp].http, `${c.id} ${rsp}`).toBeGreaterThanOrEqual(400);
      const probe = probeOf(c);
      if (c.category === 'token') expect(probe.token.kind, c.id).not.toBe('usual');
      if (c.category === 'scope') expect(probe.token.kind, c.id).toBe('without-scope');
      if (c.category === 'version') expect(probe.path, c.id).not.toMatch(/^\/v[12]\//);
      const api = discovery.apis.find((a) => a.id === c.apiId)!;
      if (c.category === 'routing')
        expect(probe.path.includes('/nope') || probe.method !== api.method, c.id).toBe(true);
      if (code(c) === 'ORG-01') expect(probe.fields['org_code'], c.id).not.toBe(ORG);
    }
  });
});

describe('case generator: period rules', () => {
  it('the period cases of a days31 API expect what the standard’s period rules say, the positive ones decode', () => {
    const discovery = fakeDiscovery('bank');
    const cases = generateCases(target('bank'), discovery).filter(
      (c) => c.apiId === '은행-004' && c.category === 'period',
    );
    const expected = Object.fromEntries(cases.map((c) => [code(c), c.expect.rspCodes[0]]));
    expect(expected).toEqual({
      'PER-01': '40001',
      'PER-02': '40004',
      'PER-03': '40004',
      'PER-04': '40004',
      'PER-05': '40304',
      'PER-06': '00000',
      'PER-07': '00000',
      'PER-08': '40004',
    });
    const per02 = cases.find((c) => code(c) === 'PER-02')!;
    expect(probeOf(per02).apiType).toBe('scheduled');
    expect(probeOf(per02).fields['from_date']).toBe('20251215');
    expect(probeOf(per02).fields['to_date']).toBe('20260115');
  });

  it('an asset API without a usable asset gives one skipped case naming why', () => {
    const discovery = { ...fakeDiscovery('bank'), assets: new Map() };
    const cases = generateCases(target('bank'), discovery).filter((c) => c.apiId === '은행-004');
    expect(cases).toHaveLength(1);
    expect(cases[0]!.skip).toMatch(/no consented asset/);
  });
});

describe('case generator: 개별인증-003/004 with the client credentials', () => {
  const credentials = (t: Parameters<typeof generateCases>[0]) =>
    generateCases(t, fakeDiscovery('bank')).filter((c) => c.category === 'credentials');

  it('seven cases, run last and in order; skipped with the reason when no credentials were given', () => {
    const without = credentials(target('bank'));
    expect(without.map(code)).toEqual(['CRD-01', 'CRD-02', 'CRD-03', 'CRD-04', 'CRD-05', 'CRD-06', 'CRD-07']);
    expect(without.every((c) => c.serial && c.skip?.includes('--client-id'))).toBe(true);
    const noRefresh = credentials({ ...target('bank'), tokens: { client: { clientId: 'id', clientSecret: 's' } } });
    expect(noRefresh.every((c) => c.skip?.includes('--refresh-token'))).toBe(true);
  });

  it('with the credentials they run: OAuth errors expected from the catalogue, secrets only as references', () => {
    const cases = credentials({
      ...target('bank'),
      tokens: { client: { clientId: 'id', clientSecret: 's' }, refresh: 'r' },
    });
    expect(cases.filter((c) => c.skip)).toEqual([]);
    const expected = Object.fromEntries(
      cases.map((c) => [code(c), c.expect.oauth?.error ?? c.expect.rspCodes[0] ?? 'granted']),
    );
    expect(expected).toEqual({
      'CRD-01': 'granted',
      'CRD-02': 'invalid_client',
      'CRD-03': 'invalid_client',
      'CRD-04': 'invalid_grant',
      'CRD-05': 'invalid_client',
      'CRD-06': '40101',
      'CRD-07': 'invalid_grant',
    });
    const refresh = probeOf(cases[0]!);
    expect(refresh.path).toBe('/oauth/2.0/token');
    expect(refresh.form).toMatchObject({
      grant_type: 'refresh_token',
      org_code: ORG,
      refresh_token: { credential: 'refresh-token' },
      client_secret: { credential: 'client-secret' },
    });
    const replay = probeOf(cases[5]!);
    expect(replay.path).toMatch(/^\/v2\/bank\//);
    expect(replay.token.kind).toBe('issued');
  });
});
