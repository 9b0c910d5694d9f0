import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { apiById, decodeMessage, WireError } from '@hannun/spec';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FaultFront, startFaultFront } from './fault-front.ts';
import { type Fault, FAULTS, faultPicker } from './fault-kinds.ts';

/**
 * A small provider of two information APIs (은행-001 with a search_timestamp, 은행-004 dated), answering
 * from canned data, behind the fault front: each fault as the caller meets it, and the seeded sequence.
 */
const TS = '20260310030000';
const accounts = {
  rsp_code: '00000',
  rsp_msg: '성공',
  search_timestamp: TS,
  reg_date: '20240301',
  account_cnt: '1',
  account_list: [
    {
      account_num: '1002123456789',
      is_consent: 'true',
      seqno: '1',
      is_foreign_deposit: 'false',
      prod_name: '입출금통장',
      is_minus: 'false',
      account_type: '1001',
      account_status: '01',
    },
  ],
};
const transactions = (from: string, to: string) => ({
  rsp_code: '00000',
  rsp_msg: '성공',
  next_page: '',
  trans_cnt: '3',
  trans_list: [from, to, from].map((d, i) => ({
    trans_dtime: `${d}10${i}000`,
    trans_no: `T${i}`,
    trans_type: '01',
    trans_class: '입금',
    currency_code: 'KRW',
    trans_amt: `${1000 * (i + 1)}`,
    balance_amt: `${5000 + i}`,
  })),
});

let upstream: Server;
let upstreamUrl: string;
let provided = 0;
beforeAll(async () => {
  upstream = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      provided++;
      const path = (req.url ?? '').split('?')[0];
      let body: unknown = { rsp_code: '40401', rsp_msg: '없는 API' };
      let status = 404;
      if (req.method === 'GET' && path === '/BKNURI0001/v2/bank/accounts') [status, body] = [200, accounts];
      if (req.method === 'POST' && path === '/BKNURI0001/v2/bank/accounts/deposit/transactions') {
        const f = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { from_date: string; to_date: string };
        [status, body] = [200, transactions(f.from_date, f.to_date)];
      }
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => upstream.close(resolve)));

const fronts: FaultFront[] = [];
afterAll(async () => {
  for (const f of fronts) await f.close();
});
async function front(rates: Partial<Record<Fault, number>>, seed = 7) {
  const f = await startFaultFront({ upstream: upstreamUrl, rates, seed, dripMs: 400 });
  fronts.push(f);
  return f;
}

const FIELDS = { org_code: 'BKNURI0001', account_num: '1002123456789', from_date: '20260201', to_date: '20260228' };
async function call(base: string, which: 'list' | 'tx', o: { timestamp?: string; timeoutMs?: number } = {}) {
  const signal = AbortSignal.timeout(o.timeoutMs ?? 5_000);
  const started = performance.now();
  const r =
    which === 'list'
      ? await request(
          `${base}/BKNURI0001/v2/bank/accounts?org_code=BKNURI0001&search_timestamp=${o.timestamp ?? '0'}`,
          {
            signal,
          },
        )
      : await request(`${base}/BKNURI0001/v2/bank/accounts/deposit/transactions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(FIELDS),
          signal,
        });
  const text = await r.body.text();
  return { status: r.statusCode, headers: r.headers, text, ms: performance.now() - started };
}

describe('fault front: each fault as the caller meets it', () => {
  it('status-500: 500 with the envelope, rsp_code 50001, without reaching the provider', async () => {
    const f = await front({ 'status-500': 1 });
    const before = provided;
    const r = await call(f.url, 'tx');
    expect([r.status, JSON.parse(r.text).rsp_code]).toEqual([500, '50001']);
    expect(provided).toBe(before);
    expect(f.counts['status-500']).toBe(1);
    expect(f.injected).toEqual([
      { fault: 'status-500', apiId: '은행-004', path: '/BKNURI0001/v2/bank/accounts/deposit/transactions' },
    ]);
  });

  it('status-502: a load balancer’s HTML page', async () => {
    const r = await call((await front({ 'status-502': 1 })).url, 'list');
    expect(r.status).toBe(502);
    expect(r.headers['content-type']).toBe('text/html');
    expect(r.text).toMatch(/<h1>502 Bad Gateway<\/h1>/);
  });

  it('status-503: Retry-After in seconds', async () => {
    const r = await call((await front({ 'status-503': 1 })).url, 'list');
    expect([r.status, r.headers['retry-after']]).toEqual([503, '1']);
  });

  it('hang: never answered; the caller’s timeout ends the call', async () => {
    const f = await front({ hang: 1 });
    await expect(call(f.url, 'list', { timeoutMs: 300 })).rejects.toThrow(/abort|timeout/i);
    expect(f.counts.hang).toBe(1);
  });

  it('drip: the provider’s whole answer, a few bytes at a time over the drip time', async () => {
    const f = await front({ drip: 1 });
    const r = await call(f.url, 'tx');
    expect(r.status).toBe(200);
    expect(JSON.parse(r.text)).toEqual(transactions(FIELDS.from_date, FIELDS.to_date));
    expect(r.ms).toBeGreaterThanOrEqual(300);
    expect(f.counts.drip).toBe(1);
  });

  it('drop: the connection reset before any answer', async () => {
    const f = await front({ drop: 1 });
    const before = provided;
    await expect(call(f.url, 'tx')).rejects.toThrow(/other side closed|ECONNRESET|socket/i);
    expect(provided).toBe(before);
  });

  it('cut-mid-body: the provider answered; half its body came, then the reset', async () => {
    const f = await front({ 'cut-mid-body': 1 });
    const before = provided;
    await expect(call(f.url, 'tx')).rejects.toThrow();
    expect(provided).toBe(before + 1);
    expect(f.counts['cut-mid-body']).toBe(1);
  });

  it('malformed-json: 200 with JSON that does not parse', async () => {
    const r = await call((await front({ 'malformed-json': 1 })).url, 'tx');
    expect(r.status).toBe(200);
    expect(() => JSON.parse(r.text)).toThrow(SyntaxError);
  });

  it('wrong-types: valid JSON the standard refuses (a number for a string, or a required field gone)', async () => {
    const clean = await call((await front({})).url, 'tx');
    expect(() =>
      decodeMessage(apiById('은행-004').response, JSON.parse(clean.text), { location: 'response' }),
    ).not.toThrow();
    const seen = new Set<string>();
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
      for (const [which, id] of [
        ['tx', '은행-004'],
        ['list', '은행-001'],
      ] as const) {
        const r = await call((await front({ 'wrong-types': 1 }, seed)).url, which);
        const json = JSON.parse(r.text) as Record<string, unknown>;
        const text = JSON.stringify(json);
        seen.add(/":-?\d/.test(text) ? 'number' : 'missing');
        let error: unknown;
        try {
          decodeMessage(apiById(id).response, json, { location: 'response' });
        } catch (e) {
          error = e;
        }
        expect(error, `${id} seed ${seed}: ${text}`).toBeInstanceOf(WireError);
      }
    }
    expect(seen).toEqual(new Set(['number', 'missing']));
  });

  it('timestamp-future: search_timestamp a day after the provider’s', async () => {
    const r = await call((await front({ 'timestamp-future': 1 })).url, 'list');
    expect(JSON.parse(r.text)).toEqual({ ...accounts, search_timestamp: '20260311030000' });
  });

  it('timestamp-backwards: search_timestamp a day before the one sent (the first call, with 0, passes)', async () => {
    const f = await front({ 'timestamp-backwards': 1 });
    expect(JSON.parse((await call(f.url, 'list')).text)).toEqual(accounts);
    expect(f.counts).toMatchObject({ passed: 1, 'timestamp-backwards': 0 });
    const r = await call(f.url, 'list', { timestamp: '20260301000000' });
    expect(JSON.parse(r.text).search_timestamp).toBe('20260228000000');
    expect(f.counts['timestamp-backwards']).toBe(1);
  });

  it('out-of-period: one transaction dated outside the requested from_date–to_date', async () => {
    const outside = new Set<string>();
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const r = await call((await front({ 'out-of-period': 1 }, seed)).url, 'tx');
      const list = (JSON.parse(r.text) as ReturnType<typeof transactions>).trans_list;
      const dates = list.map((t) => t.trans_dtime.slice(0, 8));
      const out = dates.filter((d) => d < FIELDS.from_date || d > FIELDS.to_date);
      expect(out.length).toBe(1);
      outside.add(out[0]!);
    }
    expect(outside).toEqual(new Set(['20260131', '20260301']));
  });

  it('calls that are not information APIs pass, whatever the rates', async () => {
    const f = await front({ 'status-500': 1 });
    const r = await request(`${f.url}/BKNURI0001/oauth/2.0/token`, { method: 'POST', body: 'grant_type=x' });
    await r.body.text();
    expect(r.statusCode).toBe(404);
    expect(f.counts['status-500']).toBe(0);
  });
});

describe('fault front: the seeded sequence', () => {
  const rates = { 'status-500': 0.1, 'status-502': 0.1, 'timestamp-future': 0.2, 'malformed-json': 0.1 };

  it('the same seed gives the same faults to the same calls; the rates hold; setRates(0) stops them', async () => {
    const runs: Fault[][] = [];
    for (const _ of [0, 1]) {
      const f = await front(rates, 2026);
      for (let i = 0; i < 200; i++) await call(f.url, 'list');
      runs.push(f.injected.map((x) => x.fault));
      const total = Object.values(f.counts).reduce((a, b) => a + b, 0);
      expect(total).toBe(200);
      for (const [fault, rate] of Object.entries(rates)) {
        expect(Math.abs(f.counts[fault as Fault] / 200 - rate), fault).toBeLessThan(0.07);
      }
      f.setRates({});
      const n = f.injected.length;
      for (let i = 0; i < 20; i++) expect((await call(f.url, 'list')).status).toBe(200);
      expect(f.injected.length).toBe(n);
    }
    expect(runs[1]).toEqual(runs[0]);
    const other = await front(rates, 2027);
    for (let i = 0; i < 200; i++) await call(other.url, 'list');
    expect(other.injected.map((x) => x.fault)).not.toEqual(runs[0]);
  }, 60_000);

  it('rates are checked: each between 0 and 1, at most 1 in all', () => {
    expect(() => faultPicker({ hang: 0.6, drop: 0.6 }, Math.random)).toThrow(/more than 1/);
    expect(() => faultPicker({ hang: -0.1 }, Math.random)).toThrow(RangeError);
    const all = Object.fromEntries(FAULTS.map((f) => [f, 1 / FAULTS.length]));
    expect(() => faultPicker(all, Math.random)).not.toThrow();
  });
});
