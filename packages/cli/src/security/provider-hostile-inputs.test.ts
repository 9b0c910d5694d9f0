import { targetApis } from '@hannun/examiner';
import { type ApiSpec, isRspCode, isSuccess } from '@hannun/spec';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BAD_PERCENT, headerSafe, hostileHeader, hostileJson, hostileString } from './hostile-values.ts';
import {
  type Answer,
  apiHeaders,
  ONE_PER_INDUSTRY,
  type ProviderWorld,
  send,
  startProviderWorld,
} from './provider-world.ts';

/**
 * Security suite (issue #9 item 4) at the provider: for every information API of the catalogue (one institution
 * of each industry), requests whose fields, path parameters and headers carry injection strings, control
 * characters, invalid percent-encodings, 10 kB+ strings, huge numbers and values of the wrong kind, and bodies
 * over 1 MB. Every answer is a 4xx with a JSON body and a documented, non-success rsp_code; none is a 5xx or a
 * hang; and the institution still answers a valid request afterwards.
 */
const RUNS = Number(process.env.HANNUN_SECURITY_RUNS ?? 20);
const SEED = 20261125;
const OPERATOR = 'MDHANNUN01';

let world: ProviderWorld;
beforeAll(async () => {
  world = await startProviderWorld(ONE_PER_INDUSTRY);
}, 120_000);
afterAll(async () => {
  await world?.close();
});

const firstTarget = (org: string) => world.providers.targets.find((t) => t.orgCode === org && t.label === undefined)!;

function pathOf(api: ApiSpec, industry: string, segment: string): string {
  const template = api.group === 'info' ? `/v2/${industry}${api.resource}` : api.resource.replace('{version}', 'v2');
  return template.replace(/\{[a-z_]+\}/g, segment);
}

interface Hostile {
  readonly fields: Record<string, unknown>;
  readonly rawQuery: string;
  readonly segment: string;
  readonly headers: Record<string, string>;
}

function hostileRequest(api: ApiSpec, orgCode: string): fc.Arbitrary<Hostile> {
  const names = api.request.shape.map((n) => n.name);
  const fieldArb = fc.dictionary(fc.constantFrom(...names, 'extra_field'), hostileJson, { minKeys: 1, maxKeys: 4 });
  const headerArb = fc.record(
    {
      'x-api-tran-id': hostileHeader,
      'x-api-type': hostileHeader,
      authorization: hostileHeader.map((s) => `Bearer ${s}`),
    },
    { requiredKeys: [] },
  );
  return fc.record({
    fields: fieldArb.map((f) => ({ org_code: orgCode, ...f })),
    rawQuery: fc.constantFrom('', ...BAD_PERCENT.map((p) => `org_code=${p}`)),
    segment: fc.oneof(hostileString.map(encodeSegment), fc.constantFrom(...BAD_PERCENT, '..', '%2e%2e%2f')),
    headers: headerArb.map((h) => Object.fromEntries(Object.entries(h).map(([k, v]) => [k, headerSafe(v)]))),
  });
}

/** A lone surrogate cannot be percent-encoded: it goes as the raw bytes UTF-8 forbids. */
function encodeSegment(s: string): string {
  try {
    return encodeURIComponent(s);
  } catch {
    return '%ED%A0%80';
  }
}

function queryOf(fields: Record<string, unknown>, raw: string): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) {
    for (const one of Array.isArray(v) ? v : [v]) q.append(k, typeof one === 'string' ? one : JSON.stringify(one));
  }
  return [q.toString(), raw].filter((s) => s !== '').join('&');
}

function expectRefusal(r: Answer, request: string): void {
  const what = `${r.status} ${r.contentType} ${r.text.slice(0, 200)} ← ${request}`;
  expect(r.status, what).toBeGreaterThanOrEqual(400);
  expect(r.status, what).toBeLessThan(500);
  expect(r.contentType, what).toContain('json');
  // Headers over Node's 16 kB limit are refused by the HTTP parser before the provider sees them (no rsp_code).
  if (r.status === 431) return;
  const code = String(r.json?.rsp_code);
  expect(isRspCode(code) && !isSuccess(code), `${what}: rsp_code ${code}`).toBe(true);
}

describe('security: hostile inputs on every information API of the catalogue', () => {
  it('covers every industry’s information APIs', () => {
    const apis = ONE_PER_INDUSTRY.flatMap((org) => targetApis(firstTarget(org)));
    expect(new Set(world.providers.targets.map((t) => t.industry)).size).toBe(ONE_PER_INDUSTRY.length);
    expect(apis.length).toBeGreaterThan(60);
  });

  for (const org of ONE_PER_INDUSTRY) {
    it(`${org}: generated hostile requests are refused with a documented code; a valid request still works`, async () => {
      const target = firstTarget(org);
      const base = new URL(target.baseUrl).pathname;
      const token = target.tokens!.usual!;
      let sent = 0;
      for (const api of targetApis(target)) {
        await fc.assert(
          fc.asyncProperty(hostileRequest(api, org), async (h) => {
            const headers = { ...apiHeaders(OPERATOR, token), ...h.headers };
            const path = `${base}${pathOf(api, target.industry, h.segment)}`;
            const r =
              api.method === 'GET'
                ? await send(world.origin, world.providers.agent, {
                    method: 'GET',
                    path: `${path}?${queryOf(h.fields, h.rawQuery)}`,
                    headers,
                  })
                : await send(world.origin, world.providers.agent, {
                    method: 'POST',
                    path: h.rawQuery === '' ? path : `${path}?${h.rawQuery}`,
                    headers: { ...headers, 'content-type': 'application/json; charset=UTF-8' },
                    body: JSON.stringify(h.fields),
                  });
            sent++;
            expectRefusal(r, `${api.id} ${api.method} ${JSON.stringify(h).slice(0, 300)}`);
          }),
          { numRuns: RUNS, seed: SEED, endOnFailure: true },
        );
        if (api.method === 'POST') {
          const r = await send(world.origin, world.providers.agent, {
            method: 'POST',
            path: `${base}${pathOf(api, target.industry, 'x')}`,
            headers: { ...apiHeaders(OPERATOR, token), 'content-type': 'application/json' },
            body: JSON.stringify({ org_code: org, pad: 'A'.repeat(1_100_000) }),
          });
          expectRefusal(r, `${api.id} 1 MB body`);
        }
      }
      expect(sent).toBeGreaterThan(0);
      const list = targetApis(target).find(
        (a) =>
          a.method === 'GET' &&
          a.assetKeys.length === 0 &&
          a.request.shape.every((n) => !n.required || ['org_code', 'limit', 'search_timestamp'].includes(n.name)),
      )!;
      const ok = await send(world.origin, world.providers.agent, {
        method: 'GET',
        path: `${base}${pathOf(list, target.industry, '')}?${queryOf({ org_code: org, ...(list.request.shape.some((n) => n.name === 'limit') ? { limit: '500' } : {}) }, '')}`,
        headers: apiHeaders(OPERATOR, token),
      });
      expect(ok.status, ok.text).toBe(200);
      expect(ok.json?.rsp_code).toBe('00000');
    }, 60_000);
  }
});
