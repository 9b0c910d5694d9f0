import {
  COMMON_FIELDS,
  decodeMessage,
  encodeValue,
  generateTranId,
  listScope,
  RSP_CODES,
  type RspCode,
  type Shape,
  type ShapeNode,
  vocabulary,
} from '@hannun/spec';
import type { Response } from 'light-my-request';
import type { Temporal } from 'temporal-polyfill';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kstDate, kstTimestamp, kstToEpochMs } from '../clock/kst.ts';
import type { CompiledApi } from '../engine/compile-api.ts';
import {
  bodyOf,
  type CallOptions,
  createHarness,
  type Grant,
  type Harness,
  OPERATOR_ORG,
} from '../testing/engine-harness.ts';
import { FIXTURE_NOW, FIXTURE_ORGS, type FixtureOrg, fixtureInstitution } from '../testing/fixture-world.ts';

/**
 * The negative matrix (CONVENTIONS: the CDR suites), generated from the catalogue for every information API
 * of the fixture institutions' industries (bank, card, insu, telecom): each check of the chain, the positive
 * answer, search_timestamp, and the v1/v2 and consent-flag field rules. Every answer is checked to echo the
 * x-api-tran-id sent, to carry rsp_code and a Korean rsp_msg, and to have the HTTP status of its rsp_code.
 */
let h: Harness;
const grants = new Map<FixtureOrg, Grant>();
beforeAll(async () => {
  h = createHarness();
  for (const org of FIXTURE_ORGS) grants.set(org, await h.grant(org));
});
afterAll(() => h.close());

const { req } = vocabulary(COMMON_FIELDS);
const HANGUL = /[가-힣]/;
const fresh = () => generateTranId(OPERATOR_ORG, 'M');

function expectAnswer(response: Response, code: RspCode, tranId: string | undefined): Record<string, unknown> {
  const body = bodyOf(response);
  expect(body['rsp_code'], String(body['rsp_msg'])).toBe(code);
  expect(response.statusCode).toBe(RSP_CODES[code].http);
  expect(body['rsp_msg']).toMatch(HANGUL);
  expect(response.headers['content-type']).toMatch(/^application\/json/);
  if (tranId !== undefined) expect(response.headers['x-api-tran-id']).toBe(tranId);
  if (code !== '00000') expect(Object.keys(body).sort()).toEqual(['rsp_code', 'rsp_msg']);
  return body;
}

function collect(shape: Shape, pick: (n: ShapeNode) => string | undefined): string[] {
  return shape.flatMap((n): string[] => {
    const own = pick(n);
    const inner = n.kind === 'list' ? collect(n.item, pick) : n.kind === 'object' ? collect(n.shape, pick) : [];
    return own === undefined ? inner : [own, ...inner];
  });
}
const gatedFields = (api: CompiledApi) => collect(api.spec.response, (n) => (n.gate ? n.name : undefined));
const v2Fields = (api: CompiledApi) => collect(api.spec.response, (n) => (n.since === 'v2' ? n.name : undefined));

/** Every key anywhere in a wire body. */
function keysOf(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) keysOf(v, out);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      out.add(k);
      keysOf(v, out);
    }
  }
  return out;
}

const dateWire = (d: Temporal.PlainDate) => encodeValue({ kind: 'DATE' }, d, { field: 'd', location: 'query' });
const monthWire = (m: Temporal.PlainYearMonth) => encodeValue({ kind: 'MONTH' }, m, { field: 'm', location: 'query' });

/** Call the API with a valid request (Kim's normal asset, the shared grant), with overrides. */
async function call(
  org: FixtureOrg,
  apiId: string,
  over: Partial<CallOptions> & { fieldsOver?: Record<string, string> } = {},
) {
  const { fields, params } = h.validRequest(org, apiId);
  const tranId = over.tranId === undefined ? fresh() : over.tranId;
  const response = await h.call(org, apiId, {
    token: grants.get(org)!.token,
    params,
    ...over,
    fields: { ...(over.fields ?? fields), ...over.fieldsOver },
    tranId,
  });
  return { response, tranId: tranId ?? undefined };
}

/** A first page of one row, and its next_page. */
async function firstCursor(
  org: FixtureOrg,
  apiId: string,
  token: string,
  fields: Record<string, string>,
  params: Record<string, string>,
) {
  const body = bodyOf(await h.call(org, apiId, { token, fields: { ...fields, limit: '1' }, params, tranId: fresh() }));
  expect(body['rsp_code']).toBe('00000');
  expect(typeof body['next_page']).toBe('string');
  return body['next_page'] as string;
}

// The APIs, compiled as the engine compiles them, split by what each test needs.
const APIS = FIXTURE_ORGS.flatMap((org) => fixtureInstitution(org).apis.map((api) => ({ org, api })));
const has = (api: CompiledApi, field: string) => api.requestShape.some((n) => n.name === field);
const casesOf = (keep: (api: CompiledApi) => boolean) =>
  APIS.filter(({ api }) => keep(api)).map(({ org, api }) => [org, api.id] as [FixtureOrg, string]);
const ALL = casesOf(() => true);
const ASSET = casesOf((a) => a.asset !== undefined);
const DATED = casesOf((a) => a.dateRule !== 'none');
const LIMITED = casesOf((a) => has(a, 'limit'));
const PAGED = casesOf((a) => a.paginated);
const PAGED_ASSET = casesOf((a) => a.paginated && a.asset !== undefined);
const PAGED_DATED = casesOf((a) => a.paginated && a.dateRule !== 'none');
const TIMESTAMPED = casesOf((a) => a.timestamp && has(a, 'search_timestamp'));
const GATED = casesOf((a) => gatedFields(a).length > 0);
const V2_ONLY = casesOf((a) => v2Fields(a).length > 0);

describe('the matrix covers every information API of the fixture industries', () => {
  it('bank, card, insu and telecom: 공통, IRP, 선불 and their own APIs', () => {
    expect(ALL.length).toBeGreaterThanOrEqual(55);
    for (const id of ['은행-004', '카드-008', '보험-007', '통신-002', 'IRP-003', '선불-004', '공통-001', '공통-002']) {
      expect(ALL.some(([, a]) => a === id)).toBe(true);
    }
    expect([ASSET, DATED, PAGED_ASSET, PAGED_DATED, TIMESTAMPED, GATED, V2_ONLY].every((c) => c.length > 0)).toBe(true);
  });
});

describe.each(ALL)('%s %s: every API', (org, apiId) => {
  it(`${apiId} / AC00: a valid call answers 00000 with a body of the API's shape, all strings`, async () => {
    const { response, tranId } = await call(org, apiId);
    const body = expectAnswer(response, '00000', tranId);
    const shape: Shape = [req('rsp_code'), req('rsp_msg'), ...h.api(org, apiId).spec.response];
    expect(() => decodeMessage(shape, body, { location: 'response', unknown: 'reject' })).not.toThrow();
  });
  it(`${apiId} / AC01: no x-api-tran-id answers 40002`, async () => {
    const { response } = await call(org, apiId, { tranId: null });
    expectAnswer(response, '40002', undefined);
    expect(response.headers['x-api-tran-id']).toBeUndefined();
  });
  it(`${apiId} / AC02: a malformed x-api-tran-id answers 40002 (and is echoed)`, async () => {
    const { response, tranId } = await call(org, apiId, { tranId: 'NOT-A-TRAN-ID' });
    expectAnswer(response, '40002', tranId);
  });
  it(`${apiId} / AC03: an unknown x-api-type answers 40002`, async () => {
    const { response, tranId } = await call(org, apiId, { apiType: 'nightly' });
    expectAnswer(response, '40002', tranId);
  });
  it(`${apiId} / AC04: a tran id already used today at this institution answers 40002`, async () => {
    const tranId = fresh();
    expectAnswer((await call(org, apiId, { tranId })).response, '00000', tranId);
    expectAnswer((await call(org, apiId, { tranId })).response, '40002', tranId);
  });
  it(`${apiId} / AC05: /v3 answers 40003`, async () => {
    const { response, tranId } = await call(org, apiId, { version: 'v3' });
    expectAnswer(response, '40003', tranId);
  });
  it(`${apiId} / AC06: /v1 is still answered`, async () => {
    const { response, tranId } = await call(org, apiId, { version: 'v1' });
    expectAnswer(response, '00000', tranId);
  });
  it(`${apiId} / AC07: no token answers 40101`, async () => {
    const { response, tranId } = await call(org, apiId, { token: null });
    expectAnswer(response, '40101', tranId);
  });
  it(`${apiId} / AC08: a token that is not a JWS answers 40101`, async () => {
    const { response, tranId } = await call(org, apiId, { token: 'not.a.token' });
    expectAnswer(response, '40101', tranId);
  });
  it(`${apiId} / AC09: an expired token answers 40101`, async () => {
    const { token } = await h.grant(org, { expiresIn: -1 });
    const { response, tranId } = await call(org, apiId, { token });
    expectAnswer(response, '40101', tranId);
  });
  it(`${apiId} / AC10: a token revoked after use answers 40101`, async () => {
    const { token, jti } = await h.grant(org);
    expectAnswer((await call(org, apiId, { token })).response, '00000', undefined);
    h.engine.provider.revokeToken(jti);
    const { response, tranId } = await call(org, apiId, { token });
    expectAnswer(response, '40101', tranId);
  });
  it(`${apiId} / AC11: a token of a revoked consent answers 40101`, async () => {
    const { token, consent } = await h.grant(org);
    expectAnswer((await call(org, apiId, { token })).response, '00000', undefined);
    h.engine.provider.consents.revoke(consent.id, h.clock.nowMs());
    const { response, tranId } = await call(org, apiId, { token });
    expectAnswer(response, '40101', tranId);
  });
  it(`${apiId} / AC12: a token another institution signed answers 40101`, async () => {
    const { token } = await h.grant(org, { signedBy: FIXTURE_ORGS.find((o) => o !== org)! });
    const { response, tranId } = await call(org, apiId, { token });
    expectAnswer(response, '40101', tranId);
  });
  it(`${apiId} / AC13: a token without the API's scope answers 40104`, async () => {
    const api = h.api(org, apiId);
    const { token } = await h.grant(org, {
      scope: grants
        .get(org)!
        .consent.scopes.filter((s) => s !== api.scope)
        .join(' '),
    });
    const { response, tranId } = await call(org, apiId, { token });
    expectAnswer(response, '40104', tranId);
  });
  it(`${apiId} / AC14: a token without <industry>.list answers 40104`, async () => {
    const list = listScope(h.api(org, apiId).industry);
    const { token } = await h.grant(org, {
      scope: grants
        .get(org)!
        .consent.scopes.filter((s) => s !== list)
        .join(' '),
    });
    const { response, tranId } = await call(org, apiId, { token });
    expectAnswer(response, '40104', tranId);
  });
  it(`${apiId} / AC15: another institution's org_code answers 40303`, async () => {
    const { response, tranId } = await call(org, apiId, { fieldsOver: { org_code: 'BKGARAM001' } });
    expectAnswer(response, '40303', tranId);
  });
  it(`${apiId} / AC16: a consent past its end date answers 40106`, async () => {
    const { token } = await h.grant(org, { consent: { endDate: kstDate(h.clock.nowMs()).subtract({ days: 1 }) } });
    const { response, tranId } = await call(org, apiId, { token });
    expectAnswer(response, '40106', tranId);
  });
  it(`${apiId} / AC17: a field the API does not define answers 40001`, async () => {
    const { response, tranId } = await call(org, apiId, { fieldsOver: { account_pin: '1234' } });
    expectAnswer(response, '40001', tranId);
  });
  it(`${apiId} / AC18: the wrong method answers 40501`, async () => {
    const { response, tranId } = await call(org, apiId, {
      method: h.api(org, apiId).method === 'GET' ? 'POST' : 'GET',
    });
    expectAnswer(response, '40501', tranId);
  });
  it(`${apiId} / AC19: an unknown path beside it answers 40401`, async () => {
    const api = h.api(org, apiId);
    const path = `${h.fixtures[org].institution.basePath}/v2/${api.industry}/nope${api.spec.resource}`;
    const { response, tranId } = await call(org, apiId, { path });
    expectAnswer(response, '40401', tranId);
  });
  it(`${apiId} / AC20: a second scheduled call in the consent's cycle answers 42901`, async () => {
    const { token } = await h.grant(org);
    expectAnswer((await call(org, apiId, { token, apiType: 'scheduled' })).response, '00000', undefined);
    const { response, tranId } = await call(org, apiId, { token, apiType: 'scheduled' });
    expectAnswer(response, '42901', tranId);
  });
  it(`${apiId} / AC21: a scheduled call outside np_time answers 50009`, async () => {
    const { token } = await h.grant(org);
    h.clock.set(kstToEpochMs(2025, 3, 15, 10, 0, 0));
    try {
      const { response, tranId } = await call(org, apiId, { token, apiType: 'scheduled' });
      expectAnswer(response, '50009', tranId);
    } finally {
      h.clock.set(FIXTURE_NOW);
    }
  });
});

describe.each(ASSET)('%s %s: assets', (org, apiId) => {
  it.each([
    ['an asset not in the consent answers 40105', 'unconsented', '40105'],
    ["someone else's asset answers 40402", 'theirs', '40402'],
    ['a closed asset answers 40305', 'closed', '40305'],
  ] as const)(`${apiId} / AC22: %s`, async (_title, variant, code) => {
    const { fields, params } = h.validRequest(org, apiId, { holding: h.assetFor(org, apiId, variant)! });
    const { response, tranId } = await call(org, apiId, { fields, params });
    expectAnswer(response, code, tranId);
  });
  it(`${apiId} / AC23: an asset that does not exist answers 40402`, async () => {
    const { fields, params } = h.validRequest(org, apiId);
    const key = h.api(org, apiId).asset!.identityKeys[0]!;
    const over =
      key in params ? { params: { ...params, [key]: 'NOSUCH1' } } : { fields: { ...fields, [key]: 'NOSUCH1' } };
    const { response, tranId } = await call(org, apiId, over);
    expectAnswer(response, '40402', tranId);
  });
});

describe.each(DATED)('%s %s: periods', (org, apiId) => {
  const today = kstDate(FIXTURE_NOW);
  const period = (from: Temporal.PlainDate, to: Temporal.PlainDate): Record<string, string> =>
    h.api(org, apiId).dateRule === 'months'
      ? { from_month: monthWire(from.toPlainYearMonth()), to_month: monthWire(to.toPlainYearMonth()) }
      : { from_date: dateWire(from), to_date: dateWire(to) };
  it(`${apiId} / AC24: a scheduled call over its period limit (31 days / 3 months) answers 40004`, async () => {
    const { response, tranId } = await call(org, apiId, {
      apiType: 'scheduled',
      fieldsOver: period(today.subtract({ months: 5 }), today),
    });
    expectAnswer(response, '40004', tranId);
  });
  it(`${apiId} / AC25: a user-consent call reaching back over 12 months answers 40004`, async () => {
    const from = today.subtract({ months: 13 });
    const { response, tranId } = await call(org, apiId, {
      apiType: 'user-consent',
      fieldsOver: period(from, from.add({ days: 3 })),
    });
    expectAnswer(response, '40004', tranId);
  });
  it(`${apiId} / AC26: data older than 5 years answers 40304`, async () => {
    const from = today.subtract({ years: 5, months: 1 });
    const { response, tranId } = await call(org, apiId, {
      apiType: 'user-search',
      fieldsOver: period(from, from.add({ days: 3 })),
    });
    expectAnswer(response, '40304', tranId);
  });
  it(`${apiId} / AC27: a user-search call 4 years back is answered`, async () => {
    const from = today.subtract({ years: 4 });
    const { response, tranId } = await call(org, apiId, {
      apiType: 'user-search',
      fieldsOver: period(from, from.add({ days: 3 })),
    });
    expectAnswer(response, '00000', tranId);
  });
});

describe.each(LIMITED)('%s %s: limit', (org, apiId) => {
  it(`${apiId} / AC28: limit over 500 answers 40001`, async () => {
    const { response, tranId } = await call(org, apiId, { fieldsOver: { limit: '501' } });
    expectAnswer(response, '40001', tranId);
  });
  it(`${apiId} / AC29: limit 0 answers 40001`, async () => {
    const { response, tranId } = await call(org, apiId, { fieldsOver: { limit: '0' } });
    expectAnswer(response, '40001', tranId);
  });
});

describe.each(PAGED)('%s %s: cursors', (org, apiId) => {
  it(`${apiId} / AC30: a forged next_page answers 40001`, async () => {
    for (const forged of ['A'.repeat(36), 'garbage', '0']) {
      const { response, tranId } = await call(org, apiId, { fieldsOver: { next_page: forged } });
      expectAnswer(response, '40001', tranId);
    }
  });
  it(`${apiId} / AC31: an altered next_page answers 40001`, async () => {
    const { fields, params } = h.validRequest(org, apiId);
    const cursor = await firstCursor(org, apiId, grants.get(org)!.token, fields, params);
    const i = 10;
    const altered = cursor.slice(0, i) + (cursor[i] === 'A' ? 'B' : 'A') + cursor.slice(i + 1);
    const { response, tranId } = await call(org, apiId, { fieldsOver: { next_page: altered } });
    expectAnswer(response, '40001', tranId);
  });
  it(`${apiId} / AC32: a next_page issued to another consent answers 40001`, async () => {
    const { fields, params } = h.validRequest(org, apiId);
    const cursor = await firstCursor(org, apiId, grants.get(org)!.token, fields, params);
    const other = await h.grant(org);
    const { response, tranId } = await call(org, apiId, { token: other.token, fieldsOver: { next_page: cursor } });
    expectAnswer(response, '40001', tranId);
  });
  it(`${apiId} / AC33: all pages of one scheduled fetch count once in the cycle`, async () => {
    const { token } = await h.grant(org);
    const { fields, params } = h.validRequest(org, apiId);
    const first = bodyOf(
      await h.call(org, apiId, { token, fields: { ...fields, limit: '1' }, params, apiType: 'scheduled' }),
    );
    expect(first['rsp_code']).toBe('00000');
    const next = first['next_page'] as string;
    const second = await h.call(org, apiId, {
      token,
      fields: { ...fields, limit: '1', next_page: next },
      params,
      apiType: 'scheduled',
    });
    expectAnswer(second, '00000', undefined);
    const again = await h.call(org, apiId, { token, fields, params, apiType: 'scheduled' });
    expectAnswer(again, '42901', undefined);
  });
});

describe.each(PAGED_ASSET)('%s %s: cursors bound to the asset', (org, apiId) => {
  it(`${apiId} / AC34: a next_page replayed against another asset answers 40001`, async () => {
    const { fields, params } = h.validRequest(org, apiId);
    const cursor = await firstCursor(org, apiId, grants.get(org)!.token, fields, params);
    const other = h.validRequest(org, apiId, { holding: h.assetFor(org, apiId, 'second')! });
    const { response, tranId } = await call(org, apiId, { ...other, fieldsOver: { next_page: cursor } });
    expectAnswer(response, '40001', tranId);
  });
});

describe.each(PAGED_DATED)('%s %s: cursors bound to the request', (org, apiId) => {
  it(`${apiId} / AC35: a next_page replayed with other dates answers 40001`, async () => {
    const { fields, params } = h.validRequest(org, apiId);
    const cursor = await firstCursor(org, apiId, grants.get(org)!.token, fields, params);
    const shifted = h.validRequest(org, apiId, { today: kstDate(FIXTURE_NOW).subtract({ months: 1 }) });
    const { response, tranId } = await call(org, apiId, { fields: { ...shifted.fields, next_page: cursor } });
    expectAnswer(response, '40001', tranId);
  });
});

describe.each(TIMESTAMPED)('%s %s: search_timestamp', (org, apiId) => {
  it(`${apiId} / AC36: an old search_timestamp gets the data and a new search_timestamp`, async () => {
    const { response, tranId } = await call(org, apiId, { fieldsOver: { search_timestamp: '20240101000000' } });
    const body = expectAnswer(response, '00000', tranId);
    expect(body['search_timestamp']).toBe(String(kstTimestamp(FIXTURE_NOW)));
  });
  it(`${apiId} / AC37: a search_timestamp not older than the data answers 00001 without data (a series always sends)`, async () => {
    const api = h.api(org, apiId);
    const { response, tranId } = await call(org, apiId, {
      fieldsOver: { search_timestamp: String(kstTimestamp(FIXTURE_NOW)) },
    });
    if (api.kind === 'series') expect(expectAnswer(response, '00000', tranId)['search_timestamp']).toBeDefined();
    else expectAnswer(response, '00001', tranId);
  });
});

describe.each(GATED)('%s %s: consent flags', (org, apiId) => {
  it(`${apiId} / AC38: fields of a consent flag that is false are withheld, sent when it is true`, async () => {
    const fields = gatedFields(h.api(org, apiId));
    const withheld = await h.grant(org, {
      consent: { flags: { transMemo: false, merchantNameRegno: false, transCategory: false } },
    });
    const without = keysOf(bodyOf((await call(org, apiId, { token: withheld.token })).response));
    const withAll = keysOf(bodyOf((await call(org, apiId)).response));
    for (const f of fields) {
      expect(without.has(f)).toBe(false);
      expect(withAll.has(f)).toBe(true);
    }
  });
});

describe.each(V2_ONLY)('%s %s: versions', (org, apiId) => {
  it(`${apiId} / AC39: a /v1 call gets no v2-only field; /v2 gets them`, async () => {
    const fields = v2Fields(h.api(org, apiId));
    const v1 = keysOf(bodyOf((await call(org, apiId, { version: 'v1' })).response));
    const v2 = keysOf(bodyOf((await call(org, apiId, { version: 'v2' })).response));
    for (const f of fields) {
      expect(v1.has(f)).toBe(false);
      expect(v2.has(f)).toBe(true);
    }
  });
});
