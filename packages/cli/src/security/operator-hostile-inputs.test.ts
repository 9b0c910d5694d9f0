import {
  type AppBrowser,
  bankDraft,
  openTestApp,
  personWithCard,
  signUpInput,
  type TestApp,
} from '@hannun/operator/testing';
import { sql } from '@hannun/store';
import { describeEachDialect } from '@hannun/store/testing';
import fc from 'fast-check';
import type { InjectOptions, Response } from 'light-my-request';
import { expect, it } from 'vitest';
import { BAD_PERCENT, headerSafe, hostileJson, hostileString } from './hostile-values.ts';

/**
 * Security suite (issue #9 item 4(b)) at the operator: every `/api/…` route of the app, with a logged-in person
 * holding data and without a session, gets generated hostile query strings, path parameters and JSON bodies
 * (injection strings, control characters, invalid percent-encodings, 10 kB+ strings, huge numbers, values of
 * the wrong kind), JSON that is not an object, malformed JSON, wrong content types and 1.1 MB bodies. Every
 * answer is a refusal (400/401/403/404/405/413/415) with a JSON `code`, or a 2xx where the request was valid
 * by chance (counted); never a 5xx or a hang; and no row of the person's data is written.
 */
const RUNS = Number(process.env.HANNUN_SECURITY_RUNS ?? 20);
const SEED = 20261125;
const PER_REQUEST_MS = 5_000;
const REFUSALS = new Set([400, 401, 403, 404, 405, 409, 413, 415]);

/**
 * The fields each route reads (query for GET, JSON body for POST), from its handler and validation. The test
 * below proves this list names exactly the `/api/` routes fastify registered.
 */
const ROUTES: Record<string, readonly string[]> = {
  'GET /api/session': [],
  'POST /api/signup/identity': ['name', 'phone', 'birthDate', 'device'],
  'GET /api/signup/identity': ['state', 'code', 'error'],
  'POST /api/signup': ['loginName', 'password', 'name', 'phone', 'birthDate', 'device'],
  'POST /api/login': ['loginName', 'password', 'totpCode', 'device'],
  'POST /api/logout': [],
  'POST /api/totp/begin': [],
  'POST /api/totp/confirm': ['code'],
  'POST /api/totp/disable': ['code'],
  'GET /api/institutions': [],
  'GET /api/consents': [],
  'GET /api/consents/:id': [],
  'POST /api/consents': [
    'orgCodes',
    'industry',
    'scopes',
    'purpose',
    'period',
    'endDate',
    'fndCycle',
    'addCycle',
    'isScheduled',
    'flags',
    'authPath',
  ],
  'POST /api/consents/:id/change': ['scopes', 'authPath', 'fndCycle', 'addCycle', 'isScheduled', 'flags', 'endDate'],
  'POST /api/consents/:id/extend': ['endDate'],
  'POST /api/consents/:id/withdraw': [],
  'GET /api/deletion-offers': [],
  'POST /api/deletion-offers/:id': ['delete'],
  'POST /api/connect/integrated': ['consentIds', 'authPath', 'device'],
  'GET /api/connect/integrated/:id': [],
  'POST /api/connect/individual': ['consentId'],
  'GET /api/assets': [],
  'GET /api/transactions': ['orgCode', 'limit', 'cursor', 'from', 'to'],
  'GET /api/notices/yearly': ['year'],
  'GET /api/progress': [],
  'POST /api/leave': ['password', 'totpCode'],
  'POST /api/refresh': ['orgCodes'],
  'GET /api/export': ['format'],
  'GET /api/journey': ['lang'],
  'GET /api/analysis/categories': [],
  'GET /api/analysis/summary': [],
  'GET /api/analysis/spending': ['month'],
  'GET /api/analysis/transactions': ['month', 'offset', 'limit', 'category', 'q', 'direction', 'from', 'to', 'cursor'],
  'POST /api/analysis/transactions/:id/category': ['category'],
  'GET /api/analysis/rules': [],
  'POST /api/analysis/rules': ['pattern', 'category'],
  'POST /api/analysis/rules/:id/delete': [],
  'GET /api/analysis/budgets': [],
  'POST /api/analysis/budgets': ['category', 'monthly'],
  'POST /api/analysis/budgets/:category/delete': [],
  'GET /api/analysis/credit': [],
  'GET /api/analysis/thin-file': [],
  'GET /api/analysis/recommendations': [],
  'GET /api/analysis/sector': ['goalAmount', 'goalMonths', 'days'],
};

/** Tables a refused request may still write: sessions, failed-login counting, the audit trail. */
const MAY_CHANGE = new Set(['op_session', 'op_login_attempt', 'op_audit', 'op_audit_anchor']);

/** Routes that answer 2xx without a session (who is logged in; logging out is idempotent). */
const NO_SESSION_2XX = new Set(['GET /api/session', 'POST /api/logout']);

interface Hostile {
  readonly query: Record<string, unknown>;
  readonly rawQuery: string;
  readonly segment: string;
  readonly body: { readonly payload: string; readonly contentType: string | undefined };
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
    for (const one of Array.isArray(v) ? v : [v]) {
      const s = typeof one === 'string' ? one : JSON.stringify(one);
      // A lone surrogate goes as U+FFFD (URLSearchParams takes well-formed strings only).
      q.append(k, s);
    }
  }
  return [q.toString(), raw].filter((s) => s !== '').join('&');
}

function hostileRequest(fields: readonly string[]): fc.Arbitrary<Hostile> {
  const names = fc.constantFrom(...fields, 'extra_field', '__proto__', 'constructor');
  const fieldsArb = fc.dictionary(names, hostileJson, { minKeys: 1, maxKeys: 4 });
  const json = 'application/json';
  const body = fc.oneof(
    { weight: 6, arbitrary: fieldsArb.map((f) => ({ payload: JSON.stringify(f), contentType: json })) },
    {
      weight: 2,
      arbitrary: fc
        .constantFrom<unknown>([], [{}], 'text', 0, -1e308, null, true)
        .map((v) => ({ payload: JSON.stringify(v), contentType: json })),
    },
    {
      weight: 2,
      arbitrary: fc
        .constantFrom('{', '{"a":', '{"a":1,}', "{'a':1}", '\u0000', '', '{"__proto__":{"admin":true}', 'NaN')
        .map((payload) => ({ payload, contentType: json })),
    },
    {
      weight: 2,
      arbitrary: fc
        .constantFrom(
          'text/plain',
          'application/x-www-form-urlencoded',
          'multipart/form-data; boundary=x',
          'application/xml',
          'application/json; charset=utf-7',
          headerSafe('application/json\u0000'),
        )
        .map((contentType) => ({ payload: '{"a":"b"}', contentType })),
    },
    { weight: 1, arbitrary: fc.constant({ payload: '{}', contentType: undefined }) },
  );
  return fc.record({
    query: fc.dictionary(names, hostileJson, { maxKeys: 4 }),
    rawQuery: fc.constantFrom('', ...BAD_PERCENT.map((p) => `x=${p}`), `${BAD_PERCENT[1]}=1`),
    segment: fc.oneof(hostileString.map(encodeSegment), fc.constantFrom(...BAD_PERCENT, '..', '%2e%2e%2f', '%20')),
    body,
  });
}

/** One request with the browser's cookies and CSRF token, within the time limit. */
async function send(t: TestApp, b: AppBrowser | undefined, o: InjectOptions): Promise<Response> {
  const headers: Record<string, string> = { ...(o.headers as Record<string, string>) };
  if (b?.cookies.size) headers.cookie = [...b.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  if (b?.csrf) headers['x-csrf-token'] = b.csrf;
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`no answer in ${PER_REQUEST_MS} ms: ${o.method} ${o.url}`)),
      PER_REQUEST_MS,
    );
  });
  try {
    return await Promise.race([t.app.inject({ ...o, headers }), limit]);
  } finally {
    clearTimeout(timer);
  }
}

interface Tally {
  sent: number;
  accepted: Map<string, number>;
}

function expectAnswer(r: Response, route: string, request: string, tally: Tally): void {
  tally.sent++;
  const what = `${r.statusCode} ${r.body.slice(0, 200)} ← ${route} ${request.slice(0, 300)}`;
  if (r.statusCode >= 200 && r.statusCode < 300) {
    tally.accepted.set(route, (tally.accepted.get(route) ?? 0) + 1);
    return;
  }
  expect(REFUSALS.has(r.statusCode), what).toBe(true);
  expect(String(r.headers['content-type']), what).toContain('json');
  expect(typeof (r.json() as { code?: unknown }).code, what).toBe('string');
}

async function rowCounts(t: TestApp): Promise<Record<string, number>> {
  const db = t.d.store.db;
  const tables = (await db.introspection.getTables()).map((x) => x.name).filter((n) => n.startsWith('op_'));
  const out: Record<string, number> = {};
  for (const name of tables.sort()) {
    const r = await sql<{ n: string | number }>`select count(*) as n from ${sql.table(name)}`.execute(db);
    out[name] = Number(r.rows[0]!.n);
  }
  return out;
}

/** A person with a card, a consent, a transaction and a rule, logged in. */
async function person(t: TestApp) {
  const p = await personWithCard(t.d);
  const profile = await t.d.people.profile(p.personId);
  const b = t.browser();
  const login = async () => {
    const r = await b.post('/api/login', { loginName: profile!.loginName, password: signUpInput().password });
    if (r.statusCode !== 200) throw new Error(r.body);
  };
  await login();
  await p.storeApprovals([{ num: 'n0000000001', when: '20261110120000', merchant: '비밀상점', amount: 7_000 }]);
  const consent = await t.d.consents.propose(p.personId, bankDraft());
  const rule = await b.post('/api/analysis/rules', { pattern: '비밀상점', category: 'cafe' });
  if (rule.statusCode !== 201) throw new Error(rule.body);
  const budget = await b.post('/api/analysis/budgets', { category: 'cafe', monthly: 50_000 });
  if (budget.statusCode >= 300) throw new Error(budget.body);
  return { ...p, b, login, consent };
}

/** The `/api/` routes fastify registered, as `METHOD /path` (HEAD answered by GET). */
function collectRoutes(t: TestApp): string[] {
  const routes: string[] = [];
  t.app.addHook('onRoute', (r) => {
    for (const m of Array.isArray(r.method) ? r.method : [r.method]) {
      if (m !== 'HEAD' && r.url.startsWith('/api/') && r.url !== '/api/*') routes.push(`${m} ${r.url}`);
    }
  });
  return routes;
}

async function hostileRun(t: TestApp, route: string, b: AppBrowser | undefined, tally: Tally): Promise<void> {
  const [method, template] = route.split(' ') as ['GET' | 'POST', string];
  const fields = ROUTES[route]!;
  await fc.assert(
    fc.asyncProperty(hostileRequest(fields), async (h) => {
      const path = template.replace(/:[a-zA-Z]+/g, h.segment);
      const query = queryOf(h.query, h.rawQuery);
      const url = query === '' ? path : `${path}?${query}`;
      if (method === 'GET') {
        if (template === '/api/progress' && b) return progressOnce(t, b, url, tally);
        const r = await send(t, b, { method, url });
        expectAnswer(r, route, url, tally);
        return;
      }
      const r = await send(t, b, {
        method,
        url,
        headers: h.body.contentType === undefined ? {} : { 'content-type': h.body.contentType },
        payload: h.body.payload,
      });
      expectAnswer(r, route, `${url} ${h.body.contentType} ${h.body.payload}`, tally);
    }),
    { numRuns: RUNS, seed: SEED, endOnFailure: true },
  );
  if (method === 'POST') {
    const url = template.replace(/:[a-zA-Z]+/g, 'x');
    const big = JSON.stringify(Object.fromEntries(fields.map((f) => [f, 'A'.repeat(1_100_000)])));
    const r = await send(t, b, {
      method,
      url,
      headers: { 'content-type': 'application/json' },
      payload: fields.length === 0 ? JSON.stringify({ pad: 'A'.repeat(1_100_000) }) : big,
    });
    expectAnswer(r, route, '1.1 MB body', tally);
    expect(r.statusCode, `${route} 1.1 MB body`).toBe(413);
  }
  // A method the route does not have: refused with a code.
  const other = await send(t, b, {
    method: method === 'GET' ? 'DELETE' : 'PUT',
    url: template.replace(/:[a-zA-Z]+/g, 'x'),
  });
  expectAnswer(other, route, 'wrong method', tally);
  expect(other.statusCode, `${route} wrong method`).toBeGreaterThanOrEqual(400);
}

/** The progress stream with a session: hostile query strings still open it (or are refused); it is then closed. */
async function progressOnce(t: TestApp, b: AppBrowser, url: string, tally: Tally): Promise<void> {
  const r = await send(t, b, { method: 'GET', url, payloadAsStream: true });
  r.stream().destroy();
  // A refusal is no stream: asked again for its body.
  if (r.statusCode !== 200)
    return expectAnswer(await send(t, b, { method: 'GET', url }), 'GET /api/progress', url, tally);
  tally.sent++;
  expect(String(r.headers['content-type']), url).toContain('text/event-stream');
}

describeEachDialect('security: hostile inputs on every route of the operator’s JSON API', (open) => {
  it('with a logged-in person holding data and without a session: refused with a code, no 5xx, nothing written', async () => {
    const t = await openTestApp(open);
    const registered = collectRoutes(t);
    try {
      await t.app.ready();
      expect([...new Set(registered)].sort()).toEqual(Object.keys(ROUTES).sort());
      const p = await person(t);
      // The views once, valid: what they keep on first reading (net worth snapshots) is written before counting.
      for (const r of Object.keys(ROUTES).filter((k) => k.startsWith('GET ') && !/:|progress/.test(k))) {
        expect((await p.b.get(r.slice(4))).statusCode, r).toBeLessThan(500);
      }
      const before = await rowCounts(t);
      expect(before.op_consent, 'the person holds a consent').toBeGreaterThan(0);
      expect(before.op_m_approval, 'the person holds transactions').toBeGreaterThan(0);
      const anonymous: Tally = { sent: 0, accepted: new Map() };
      const tally: Tally = { sent: 0, accepted: new Map() };
      // Ending the session last: logout and leave would end it for the routes after them.
      const order = Object.keys(ROUTES).sort((a, b) => Number(/logout|leave/.test(a)) - Number(/logout|leave/.test(b)));
      for (const route of order) {
        await hostileRun(t, route, undefined, anonymous);
        await hostileRun(t, route, p.b, tally);
        if ((await p.b.get('/api/session')).json().authenticated !== true) await p.login();
      }
      // Without a session only what needs none may answer 2xx.
      expect([...anonymous.accepted.keys()].filter((r) => !NO_SESSION_2XX.has(r))).toEqual([]);
      const after = await rowCounts(t);
      const changed = Object.keys({ ...before, ...after }).filter((k) => !MAY_CHANGE.has(k) && before[k] !== after[k]);
      expect(
        changed.map((k) => `${k}: ${before[k]} → ${after[k]}`),
        `accepted: ${JSON.stringify([...tally.accepted])}`,
      ).toEqual([]);
      expect(anonymous.sent + tally.sent).toBeGreaterThan(Object.keys(ROUTES).length * RUNS * 2);
      console.info(
        `operator hostile inputs: ${anonymous.sent + tally.sent} requests; 2xx by chance: ${JSON.stringify([...anonymous.accepted, ...tally.accepted])}`,
      );
    } finally {
      await t.close();
    }
  }, 120_000);
});
