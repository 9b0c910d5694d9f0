// Test kit for the sector catalogue tests (card, prepaid-card, invest, irp, bond): each API is described by one
// data case (expected metadata, a realistic wire request and response, the typed values they must parse into,
// and bad inputs that must be refused) and `describeApiCases` turns the cases into vitest suites.
import { Decimal } from 'decimal.js';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import type { Industry } from '../industries.ts';
import { decodeMessage, encodeMessage, type WireJson, type WireObject } from '../schema/message-codec.ts';
import type { Shape } from '../schema/shape.ts';
import type { WireLocation, WireRule } from '../wire/wire-error.ts';
import type { ApiSpec, CycleClass, DateRule } from './api-spec.ts';
import { wireErrorOf } from '../testing/wire-error-of.ts';

/** What a parsed value must be: its runtime type and its canonical text. */
export type Expect =
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'decimal'; readonly value: string }
  | { readonly kind: 'date'; readonly value: string }
  | { readonly kind: 'dtime'; readonly value: string }
  | { readonly kind: 'month'; readonly value: string }
  | { readonly kind: 'boolean'; readonly value: boolean }
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'absent' };

export const num = (value: number): Expect => ({ kind: 'number', value });
export const dec = (value: string): Expect => ({ kind: 'decimal', value });
/** A PlainDate, written as Temporal prints it: `2024-03-15`. */
export const date = (value: string): Expect => ({ kind: 'date', value });
/** A PlainDateTime, written as Temporal prints it: `2024-03-15T12:34:56`. */
export const dtime = (value: string): Expect => ({ kind: 'dtime', value });
/** A PlainYearMonth: `2024-03`. */
export const month = (value: string): Expect => ({ kind: 'month', value });
export const bool = (value: boolean): Expect => ({ kind: 'boolean', value });
export const str = (value: string): Expect => ({ kind: 'string', value });
export const absent: Expect = { kind: 'absent' };

export interface ExpectedMeta {
  readonly code: string;
  readonly method: 'GET' | 'POST';
  readonly resource: string;
  readonly cycle: CycleClass;
  readonly scope: Partial<Record<Industry, string>>;
  readonly dateRule: DateRule;
  readonly paginated: boolean;
  readonly timestamp: boolean;
  readonly assetKeys: readonly string[];
  readonly listedBy?: string;
}

export type Part = 'path' | 'request' | 'response';

/** A bad input: the realistic sample of `part` with the value at `at` (dotted path) replaced or removed. */
export interface BadCase {
  readonly title: string;
  readonly part: Part;
  readonly at: string;
  /** The replacement; undefined removes the field. */
  readonly value: WireJson | undefined;
  /** The field path the WireError must name. */
  readonly field: string;
  readonly rule: WireRule;
}

export interface ApiCase {
  readonly id: string;
  readonly name: string;
  readonly meta: ExpectedMeta;
  readonly path?: WireObject;
  readonly request: WireObject;
  readonly response: WireObject;
  /** Dotted paths into the parsed request/response and what they must be. */
  readonly parsedRequest: Readonly<Record<string, Expect>>;
  readonly parsedResponse: Readonly<Record<string, Expect>>;
  readonly bad: readonly BadCase[];
}

function dig(value: unknown, path: string): unknown {
  let cur: unknown = value;
  for (const key of path.split('.')) {
    if (cur === undefined || cur === null) return undefined;
    cur = Array.isArray(cur) ? cur[Number(key)] : (cur as Record<string, unknown>)[key];
  }
  return cur;
}

function expectValue(actual: unknown, want: Expect, path: string): void {
  const where = `at ${path}`;
  switch (want.kind) {
    case 'absent':
      expect(actual, where).toBeUndefined();
      return;
    case 'number':
    case 'boolean':
    case 'string':
      expect(typeof actual, where).toBe(want.kind);
      expect(actual, where).toBe(want.value);
      return;
    case 'decimal':
      expect(actual, where).toBeInstanceOf(Decimal);
      expect((actual as Decimal).toFixed(), where).toBe(want.value);
      return;
    case 'date':
      expect(actual, where).toBeInstanceOf(Temporal.PlainDate);
      expect(String(actual), where).toBe(want.value);
      return;
    case 'dtime':
      expect(actual, where).toBeInstanceOf(Temporal.PlainDateTime);
      expect(String(actual), where).toBe(want.value);
      return;
    case 'month':
      expect(actual, where).toBeInstanceOf(Temporal.PlainYearMonth);
      expect(String(actual), where).toBe(want.value);
      return;
  }
}

function withChange(wire: WireObject, at: string, value: WireJson | undefined): WireObject {
  const copy = structuredClone(wire);
  const keys = at.split('.');
  const last = keys.pop() as string;
  let cur: unknown = copy;
  for (const key of keys) cur = Array.isArray(cur) ? cur[Number(key)] : (cur as Record<string, unknown>)[key];
  if (cur === undefined || cur === null || typeof cur !== 'object') throw new Error(`no container at '${at}'`);
  const target = cur as Record<string, unknown>;
  if (value === undefined) {
    if (!(last in target)) throw new Error(`nothing to remove at '${at}'`);
    delete target[last];
  } else target[last] = value;
  return copy;
}

function locationOf(api: ApiSpec, part: Part): WireLocation {
  if (part === 'response') return 'response';
  if (part === 'path') return 'path';
  return api.request.location === 'query' ? 'query' : 'body';
}

function shapeOf(api: ApiSpec, part: Part): Shape {
  if (part === 'response') return api.response;
  if (part === 'path') {
    if (!api.request.path) throw new Error(`${api.id} has no path parameters`);
    return api.request.path;
  }
  return api.request.shape;
}

function sampleOf(c: ApiCase, part: Part): WireObject {
  if (part === 'response') return c.response;
  if (part === 'request') return c.request;
  if (!c.path) throw new Error(`${c.id} has no path sample`);
  return c.path;
}

/** The cases must cover exactly the APIs of the sector, in the catalogue's order. */
export function describeSector(title: string, apis: readonly ApiSpec[], cases: readonly ApiCase[]): void {
  describe(title, () => {
    it('has one test case per API, in order', () => {
      expect(cases.map((c) => c.id)).toEqual(apis.map((a) => a.id));
    });

    // The whole catalogue is imported lazily, so that a sector being edited elsewhere cannot break the import of
    // this file's suites.
    it('uses API codes that no other API of the catalogue uses', async () => {
      const { CATALOGUE } = await import('./index.ts');
      for (const api of apis) {
        const users = CATALOGUE.filter((other) => other.code === api.code).map((other) => other.id);
        expect(users, `${api.id} ${api.code}`).toEqual([api.id]);
      }
      expect(new Set(apis.map((a) => a.code)).size).toBe(apis.length);
    });

    it('is registered in the catalogue', async () => {
      const { CATALOGUE } = await import('./index.ts');
      for (const api of apis) expect(CATALOGUE.filter((other) => other.id === api.id)).toEqual([api]);
    });
  });

  for (const c of cases) {
    const api = apis.find((a) => a.id === c.id);
    describe(`${c.id} ${c.name}`, () => {
      it('AC01: the entry matches the standard’s table (method, resource, cycle, scope, period, paging)', () => {
        expect(api).toBeDefined();
        if (!api) return;
        expect(api.group).toBe('info');
        expect(api.code).toBe(c.meta.code);
        expect(api.method).toBe(c.meta.method);
        expect(api.resource).toBe(c.meta.resource);
        expect(api.cycle).toBe(c.meta.cycle);
        expect(api.scope).toEqual(c.meta.scope);
        expect(api.dateRule).toBe(c.meta.dateRule);
        expect(api.paginated).toBe(c.meta.paginated);
        expect(api.timestamp).toBe(c.meta.timestamp);
        expect(api.assetKeys).toEqual(c.meta.assetKeys);
        expect(api.listedBy).toBe(c.meta.listedBy);
        expect(api.provisional).toBe(true);
        expect(api.request.location).toBe(c.meta.method === 'GET' ? 'query' : 'json');
        // Path parameters are exactly the {names} in the resource.
        const inPath = [...c.meta.resource.matchAll(/\{([a-z_]+)\}/g)].map((m) => m[1]);
        expect((api.request.path ?? []).map((n) => n.name)).toEqual(inPath);
      });

      it('AC01: paging, timestamp and period fields agree with the flags', () => {
        if (!api) throw new Error(`${c.id} is not in the sector`);
        const req = new Map(api.request.shape.map((n) => [n.name, n]));
        const res = new Map(api.response.map((n) => [n.name, n]));
        expect(req.get('org_code')?.required).toBe(true);
        if (api.paginated) {
          expect(req.has('next_page') && req.has('limit')).toBe(true);
          expect(res.get('next_page')?.required).toBe(false);
          const lists = api.response.filter((n) => n.kind === 'list');
          expect(lists.length).toBe(1);
          expect(lists[0]?.kind === 'list' && lists[0].max).toBe(500);
        } else {
          expect(req.has('next_page') || req.has('limit') || res.has('next_page')).toBe(false);
        }
        expect(req.has('search_timestamp')).toBe(api.timestamp);
        expect(res.has('search_timestamp')).toBe(api.timestamp);
        const byDate = req.get('from_date')?.required === true && req.get('to_date')?.required === true;
        const byMonth = req.get('from_month')?.required === true && req.get('to_month')?.required === true;
        expect(byDate).toBe(api.dateRule === 'days31' || api.dateRule === 'days3m');
        expect(byMonth).toBe(api.dateRule === 'months');
        for (const key of api.assetKeys) {
          expect(req.has(key) || (api.request.path ?? []).some((n) => n.name === key), key).toBe(true);
        }
      });

      it('AC02: a realistic response decodes to typed values and round-trips', () => {
        if (!api) throw new Error(`${c.id} is not in the sector`);
        const parsed = decodeMessage(api.response, c.response, { location: 'response', unknown: 'reject' });
        for (const [path, want] of Object.entries(c.parsedResponse)) expectValue(dig(parsed, path), want, path);
        expect(encodeMessage(api.response, parsed)).toEqual(c.response);
      });

      it('AC03: a realistic request decodes and round-trips', () => {
        if (!api) throw new Error(`${c.id} is not in the sector`);
        const location = locationOf(api, 'request');
        const parsed = decodeMessage(api.request.shape, c.request, { location, unknown: 'reject' });
        for (const [path, want] of Object.entries(c.parsedRequest)) expectValue(dig(parsed, path), want, path);
        expect(encodeMessage(api.request.shape, parsed, { location })).toEqual(c.request);
        if (api.request.path) {
          const p = decodeMessage(api.request.path, c.path, { location: 'path', unknown: 'reject' });
          expect(encodeMessage(api.request.path, p, { location: 'path' })).toEqual(c.path);
        } else {
          expect(c.path).toBeUndefined();
        }
      });

      for (const bad of c.bad) {
        it(`AC04: refuses bad input with 40001 (${bad.title})`, () => {
          if (!api) throw new Error(`${c.id} is not in the sector`);
          const location = locationOf(api, bad.part);
          const wire = withChange(sampleOf(c, bad.part), bad.at, bad.value);
          const err = wireErrorOf(() => decodeMessage(shapeOf(api, bad.part), wire, { location }));
          expect(err.field).toBe(bad.field);
          expect(err.rule).toBe(bad.rule);
          expect(err.location).toBe(location);
          expect(err.rspCode).toBe('40001');
        });
      }
    });
  }
}
