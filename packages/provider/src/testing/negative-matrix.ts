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
import { afterAll, describe, expect, it } from 'vitest';
import { kstDate, kstTimestamp } from '../clock/kst.ts';
import type { CompiledApi } from '../engine/compile-api.ts';
import { bodyOf, type CallOptions, type Grant, OPERATOR_ORG } from './engine-calls.ts';
import type { MatrixWorld } from './matrix-world.ts';

/**
 * The negative matrix (CONVENTIONS: the CDR suites), generated from the catalogue for every information API
 * a world covers: each check of the chain, the positive answer, search_timestamp, and the v1/v2 and
 * consent-flag field rules. Every answer is checked to echo the x-api-tran-id sent, to carry rsp_code and a
 * Korean rsp_msg, and to have the HTTP status of its rsp_code. Tests are named `<API ID> / ACnn: …`.
 *
 * Call it at the top of a test file: it registers the describe blocks and stops the world's engine after
 * them, and returns the cases split by what each test needs (for the file's coverage checks).
 */
export function negativeMatrix(world: MatrixWorld): MatrixCases {
  const c = casesOf(world);
  afterAll(() => world.close());
  const shared = new Map<string, Promise<Grant>>();
  /** The subject's usual grant at the institution, made once. */
  const grantOf = (org: string, apiId: string): Promise<Grant> => {
    const key = `${org} ${world.subjectOf(org, apiId)}`;
    let found = shared.get(key);
    if (!found) {
      found = world.grant(org, apiId);
      shared.set(key, found);
    }
    return found;
  };

  /** Call the API with a valid request (the subject's normal asset, the shared grant), with overrides. */
  async function call(
    org: string,
    apiId: string,
    over: Partial<CallOptions> & { fieldsOver?: Record<string, string> } = {},
  ) {
    const valid = over.fields && over.params ? undefined : world.validRequest(org, apiId);
    const tranId = over.tranId === undefined ? fresh() : over.tranId;
    const token = over.token === undefined ? (await grantOf(org, apiId)).token : over.token;
    const response = await world.call(org, apiId, {
      params: valid?.params,
      ...over,
      token,
      fields: { ...(over.fields ?? valid?.fields), ...over.fieldsOver },
      tranId,
    });
    return { response, tranId: tranId ?? undefined };
  }

  /** A first page of one row, and its next_page. */
  async function firstCursor(
    org: string,
    apiId: string,
    token: string,
    fields: Record<string, string>,
    params: Record<string, string>,
  ) {
    const body = bodyOf(
      await world.call(org, apiId, { token, fields: { ...fields, limit: '1' }, params, tranId: fresh() }),
    );
    expect(body['rsp_code']).toBe('00000');
    expect(typeof body['next_page']).toBe('string');
    return body['next_page'] as string;
  }

  /** Run with the clock at `ms`, then put it back. */
  async function at<T>(ms: number, run: () => Promise<T>): Promise<T> {
    if (ms === world.now) return run();
    world.clock.set(ms);
    try {
      return await run();
    } finally {
      world.clock.set(world.now);
    }
  }

  describe.each(c.ALL)('%s %s: every API', (org, apiId) => {
    it(`${apiId} / AC00: a valid call answers 00000 with a body of the API's shape, all strings`, async () => {
      const { response, tranId } = await call(org, apiId);
      const body = expectAnswer(response, '00000', tranId);
      const shape: Shape = [req('rsp_code'), req('rsp_msg'), ...world.api(org, apiId).spec.response];
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
      const { token } = await world.grant(org, apiId, { expiresIn: -1 });
      const { response, tranId } = await call(org, apiId, { token });
      expectAnswer(response, '40101', tranId);
    });
    it(`${apiId} / AC10: a token revoked after use answers 40101`, async () => {
      const { token, jti } = await world.grant(org, apiId);
      expectAnswer((await call(org, apiId, { token })).response, '00000', undefined);
      world.engine.provider.revokeToken(jti);
      const { response, tranId } = await call(org, apiId, { token });
      expectAnswer(response, '40101', tranId);
    });
    it(`${apiId} / AC11: a token of a revoked consent answers 40101`, async () => {
      const { token, consent } = await world.grant(org, apiId);
      expectAnswer((await call(org, apiId, { token })).response, '00000', undefined);
      world.engine.provider.consents.revoke(consent.id, world.clock.nowMs());
      const { response, tranId } = await call(org, apiId, { token });
      expectAnswer(response, '40101', tranId);
    });
    it(`${apiId} / AC12: a token another institution signed answers 40101`, async () => {
      const { token } = await world.grant(org, apiId, { signedBy: world.otherOrg(org) });
      const { response, tranId } = await call(org, apiId, { token });
      expectAnswer(response, '40101', tranId);
    });
    it(`${apiId} / AC13: a token without the API's scope answers 40104`, async () => {
      const api = world.api(org, apiId);
      const { consent } = await grantOf(org, apiId);
      const { token } = await world.grant(org, apiId, {
        scope: consent.scopes.filter((s) => s !== api.scope).join(' '),
      });
      const { response, tranId } = await call(org, apiId, { token });
      expectAnswer(response, '40104', tranId);
    });
    it(`${apiId} / AC14: a token without <industry>.list answers 40104`, async () => {
      const list = listScope(world.api(org, apiId).industry);
      const { consent } = await grantOf(org, apiId);
      const { token } = await world.grant(org, apiId, { scope: consent.scopes.filter((s) => s !== list).join(' ') });
      const { response, tranId } = await call(org, apiId, { token });
      expectAnswer(response, '40104', tranId);
    });
    it(`${apiId} / AC15: another institution's org_code answers 40303`, async () => {
      const { response, tranId } = await call(org, apiId, { fieldsOver: { org_code: foreignOrgCode(org) } });
      expectAnswer(response, '40303', tranId);
    });
    it(`${apiId} / AC16: a consent past its end date answers 40106`, async () => {
      const { token } = await world.grant(org, apiId, {
        consent: { endDate: kstDate(world.clock.nowMs()).subtract({ days: 1 }) },
      });
      const { response, tranId } = await call(org, apiId, { token });
      expectAnswer(response, '40106', tranId);
    });
    it(`${apiId} / AC17: a field the API does not define answers 40001`, async () => {
      const { response, tranId } = await call(org, apiId, { fieldsOver: { account_pin: '1234' } });
      expectAnswer(response, '40001', tranId);
    });
    it(`${apiId} / AC18: the wrong method answers 40501`, async () => {
      const { response, tranId } = await call(org, apiId, {
        method: world.api(org, apiId).method === 'GET' ? 'POST' : 'GET',
      });
      expectAnswer(response, '40501', tranId);
    });
    it(`${apiId} / AC19: an unknown path beside it answers 40401`, async () => {
      const api = world.api(org, apiId);
      const base = world.engine.provider.institutions.find((i) => i.orgCode === org)!.basePath;
      const path = `${base}/v2/${api.industry}/nope${api.spec.resource}`;
      const { response, tranId } = await call(org, apiId, { path });
      expectAnswer(response, '40401', tranId);
    });
    it(`${apiId} / AC20: a second scheduled call in the consent's cycle answers 42901`, async () => {
      const { token } = await world.grant(org, apiId);
      await at(world.inWindow(org), async () => {
        expectAnswer((await call(org, apiId, { token, apiType: 'scheduled' })).response, '00000', undefined);
        const { response, tranId } = await call(org, apiId, { token, apiType: 'scheduled' });
        expectAnswer(response, '42901', tranId);
      });
    });
    it(`${apiId} / AC21: a scheduled call outside np_time answers 50009`, async () => {
      const { token } = await world.grant(org, apiId);
      await at(world.outsideWindow(org), async () => {
        const { response, tranId } = await call(org, apiId, { token, apiType: 'scheduled' });
        expectAnswer(response, '50009', tranId);
      });
    });
  });

  describe.each(c.ASSET)('%s %s: assets', (org, apiId) => {
    it.each(world.assetCases(org, apiId).map((a) => [a.title, a] as const))(`${apiId} / AC22: %s`, async (_t, a) => {
      const at = a.org ?? org;
      const { fields, params } = world.validRequest(at, apiId, { holding: a.holding });
      const token = a.consent ? (await world.grant(at, apiId, { consent: a.consent })).token : undefined;
      const { response, tranId } = await call(at, apiId, { fields, params, ...(token ? { token } : {}) });
      expectAnswer(response, a.code, tranId);
    });
    it(`${apiId} / AC23: an asset that does not exist answers 40402`, async () => {
      const { fields, params } = world.validRequest(org, apiId);
      const key = world.api(org, apiId).asset!.identityKeys[0]!;
      const over =
        key in params ? { params: { ...params, [key]: 'NOSUCH1' } } : { fields: { ...fields, [key]: 'NOSUCH1' } };
      const { response, tranId } = await call(org, apiId, over);
      expectAnswer(response, '40402', tranId);
    });
  });

  describe.each(c.DATED)('%s %s: periods', (org, apiId) => {
    const today = kstDate(world.now);
    const period = (from: Temporal.PlainDate, to: Temporal.PlainDate): Record<string, string> =>
      world.api(org, apiId).dateRule === 'months'
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

  describe.each(c.LIMITED)('%s %s: limit', (org, apiId) => {
    it(`${apiId} / AC28: limit over 500 answers 40001`, async () => {
      const { response, tranId } = await call(org, apiId, { fieldsOver: { limit: '501' } });
      expectAnswer(response, '40001', tranId);
    });
    it(`${apiId} / AC29: limit 0 answers 40001`, async () => {
      const { response, tranId } = await call(org, apiId, { fieldsOver: { limit: '0' } });
      expectAnswer(response, '40001', tranId);
    });
  });

  describe.each(c.PAGED)('%s %s: cursors', (org, apiId) => {
    it(`${apiId} / AC30: a forged next_page answers 40001`, async () => {
      for (const forged of ['A'.repeat(36), 'garbage', '0']) {
        const { response, tranId } = await call(org, apiId, { fieldsOver: { next_page: forged } });
        expectAnswer(response, '40001', tranId);
      }
    });
    // The cases below need a first page with a next_page: an answer of two items or more.
    if (!c.PAGES.some(([o, a]) => o === org && a === apiId)) return;
    it(`${apiId} / AC31: an altered next_page answers 40001`, async () => {
      const { fields, params } = world.validRequest(org, apiId);
      const cursor = await firstCursor(org, apiId, (await grantOf(org, apiId)).token, fields, params);
      const i = 10;
      const altered = cursor.slice(0, i) + (cursor[i] === 'A' ? 'B' : 'A') + cursor.slice(i + 1);
      const { response, tranId } = await call(org, apiId, { fieldsOver: { next_page: altered } });
      expectAnswer(response, '40001', tranId);
    });
    it(`${apiId} / AC32: a next_page issued to another consent answers 40001`, async () => {
      const { fields, params } = world.validRequest(org, apiId);
      const cursor = await firstCursor(org, apiId, (await grantOf(org, apiId)).token, fields, params);
      const other = await world.grant(org, apiId);
      const { response, tranId } = await call(org, apiId, { token: other.token, fieldsOver: { next_page: cursor } });
      expectAnswer(response, '40001', tranId);
    });
    it(`${apiId} / AC33: all pages of one scheduled fetch count once in the cycle`, async () => {
      const { token } = await world.grant(org, apiId);
      const { fields, params } = world.validRequest(org, apiId);
      await at(world.inWindow(org), async () => {
        const first = bodyOf(
          await world.call(org, apiId, { token, fields: { ...fields, limit: '1' }, params, apiType: 'scheduled' }),
        );
        expect(first['rsp_code']).toBe('00000');
        const next = first['next_page'] as string;
        const second = await world.call(org, apiId, {
          token,
          fields: { ...fields, limit: '1', next_page: next },
          params,
          apiType: 'scheduled',
        });
        expectAnswer(second, '00000', undefined);
        const again = await world.call(org, apiId, { token, fields, params, apiType: 'scheduled' });
        expectAnswer(again, '42901', undefined);
      });
    });
  });

  describe.each(c.PAGES_SECOND_ASSET)('%s %s: cursors bound to the asset', (org, apiId) => {
    it(`${apiId} / AC34: a next_page replayed against another asset answers 40001`, async () => {
      const { fields, params } = world.validRequest(org, apiId);
      const cursor = await firstCursor(org, apiId, (await grantOf(org, apiId)).token, fields, params);
      const other = world.validRequest(org, apiId, { holding: world.secondAsset(org, apiId)! });
      const { response, tranId } = await call(org, apiId, { ...other, fieldsOver: { next_page: cursor } });
      expectAnswer(response, '40001', tranId);
    });
  });

  describe.each(c.PAGES_DATED)('%s %s: cursors bound to the request', (org, apiId) => {
    it(`${apiId} / AC35: a next_page replayed with other dates answers 40001`, async () => {
      const { fields, params } = world.validRequest(org, apiId);
      const cursor = await firstCursor(org, apiId, (await grantOf(org, apiId)).token, fields, params);
      const shifted = world.validRequest(org, apiId, { today: kstDate(world.now).subtract({ months: 1 }) });
      const { response, tranId } = await call(org, apiId, { fields: { ...shifted.fields, next_page: cursor } });
      expectAnswer(response, '40001', tranId);
    });
  });

  describe.each(c.TIMESTAMPED)('%s %s: search_timestamp', (org, apiId) => {
    // An empty list has never changed: any search_timestamp covers it.
    if (world.items(org, apiId) > 0) {
      it(`${apiId} / AC36: an old search_timestamp gets the data and a new search_timestamp`, async () => {
        const { response, tranId } = await call(org, apiId, { fieldsOver: { search_timestamp: world.oldTimestamp } });
        const body = expectAnswer(response, '00000', tranId);
        expect(body['search_timestamp']).toBe(String(kstTimestamp(world.now)));
      });
    }
    it(`${apiId} / AC37: a search_timestamp not older than the data answers 00001 without data (a series always sends)`, async () => {
      const api = world.api(org, apiId);
      const { response, tranId } = await call(org, apiId, {
        fieldsOver: { search_timestamp: String(kstTimestamp(world.now)) },
      });
      if (api.kind === 'series') expect(expectAnswer(response, '00000', tranId)['search_timestamp']).toBeDefined();
      else expectAnswer(response, '00001', tranId);
    });
  });

  describe.each(c.GATED)('%s %s: consent flags', (org, apiId) => {
    it(`${apiId} / AC38: fields of a consent flag that is false are withheld, sent when it is true`, async () => {
      const fields = gatedFields(world.api(org, apiId));
      const withheld = await world.grant(org, apiId, {
        consent: { flags: { transMemo: false, merchantNameRegno: false, transCategory: false } },
      });
      const without = keysOf(bodyOf((await call(org, apiId, { token: withheld.token })).response));
      const withAll = keysOf(bodyOf((await call(org, apiId)).response));
      for (const f of fields) expect(without.has(f)).toBe(false);
      expectSent(fields, withAll, world.completeRows);
    });
  });

  describe.each(c.V2_ONLY)('%s %s: versions', (org, apiId) => {
    it(`${apiId} / AC39: a /v1 call gets no v2-only field; /v2 gets them`, async () => {
      const fields = v2Fields(world.api(org, apiId));
      const v1 = keysOf(bodyOf((await call(org, apiId, { version: 'v1' })).response));
      const v2 = keysOf(bodyOf((await call(org, apiId, { version: 'v2' })).response));
      for (const f of fields) expect(v1.has(f)).toBe(false);
      expectSent(fields, v2, world.completeRows);
    });
  });

  describe.each(c.DATE_FIELDS)('%s %s: dates', (org, apiId) => {
    it.each(malformedDates(world.api(org, apiId)))(
      `${apiId} / AC40: a malformed date (%s=%s) answers 40001`,
      async (field, value) => {
        const { response, tranId } = await call(org, apiId, { fieldsOver: { [field]: value } });
        expectAnswer(response, '40001', tranId);
      },
    );
  });

  return c;
}

/** The (org_code, API ID) pairs of a world, split by what each test needs. */
export interface MatrixCases {
  readonly ALL: readonly (readonly [string, string])[];
  readonly ASSET: readonly (readonly [string, string])[];
  readonly DATED: readonly (readonly [string, string])[];
  readonly DATE_FIELDS: readonly (readonly [string, string])[];
  readonly LIMITED: readonly (readonly [string, string])[];
  readonly PAGED: readonly (readonly [string, string])[];
  /** Paginated APIs whose valid request has a second item in this world's data. */
  readonly PAGES: readonly (readonly [string, string])[];
  readonly PAGES_SECOND_ASSET: readonly (readonly [string, string])[];
  readonly PAGES_DATED: readonly (readonly [string, string])[];
  readonly TIMESTAMPED: readonly (readonly [string, string])[];
  readonly GATED: readonly (readonly [string, string])[];
  readonly V2_ONLY: readonly (readonly [string, string])[];
}

function casesOf(world: MatrixWorld): MatrixCases {
  const apis = world.cases.map(([org, apiId]) => ({ org, api: world.api(org, apiId) }));
  const keep = (test: (api: CompiledApi, org: string) => boolean) =>
    apis.filter(({ org, api }) => test(api, org)).map(({ org, api }) => [org, api.id] as const);
  const pages = (api: CompiledApi, org: string) => api.paginated && world.items(org, api.id) >= 2;
  return {
    ALL: keep(() => true),
    ASSET: keep((a) => a.asset !== undefined),
    DATED: keep((a) => a.dateRule !== 'none'),
    DATE_FIELDS: keep((a) => malformedDates(a).length > 0),
    LIMITED: keep((a) => has(a, 'limit')),
    PAGED: keep((a) => a.paginated),
    PAGES: keep(pages),
    PAGES_SECOND_ASSET: keep((a, org) => pages(a, org) && a.asset !== undefined && !!world.secondAsset(org, a.id)),
    PAGES_DATED: keep((a, org) => pages(a, org) && a.dateRule !== 'none'),
    TIMESTAMPED: keep((a) => a.timestamp && has(a, 'search_timestamp')),
    GATED: keep((a, org) => gatedFields(a).length > 0 && world.items(org, a.id) > 0),
    V2_ONLY: keep((a, org) => v2Fields(a).length > 0 && world.items(org, a.id) > 0),
  };
}

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

/** Every field is sent when the rows have them all; of real data's rows, at least one. */
function expectSent(fields: readonly string[], keys: ReadonlySet<string>, completeRows: boolean): void {
  const sent = fields.filter((f) => keys.has(f));
  if (completeRows) expect(sent).toEqual(fields);
  else expect(sent.length, `none of ${fields.join(', ')} is sent`).toBeGreaterThan(0);
}

/** An org_code of a real institution other than this one. */
const foreignOrgCode = (org: string) => (org === 'BKGARAM001' ? 'BKNURI0001' : 'BKGARAM001');

const has = (api: CompiledApi, field: string) => api.requestShape.some((n) => n.name === field);

/** A request's date and month fields, each with a value of the right length that is no date (30 February, month 13). */
function malformedDates(api: CompiledApi): [string, string][] {
  return api.requestShape.flatMap((n): [string, string][] => {
    if (n.kind !== 'field') return [];
    if (n.type.kind === 'DATE') return [[n.name, '20250230']];
    if (n.type.kind === 'MONTH') return [[n.name, '202513']];
    return [];
  });
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
