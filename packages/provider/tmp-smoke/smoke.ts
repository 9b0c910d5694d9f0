import { createLogger, createLogSink } from '@hannun/infra';
import { generateTranId, INDUSTRY_SCOPES, encodeValue } from '@hannun/spec';
import { Temporal } from 'temporal-polyfill';
import { createLedger } from '../src/ledger/index.ts';
import { DEMO_INSTITUTIONS } from '../src/institutions/demo-institutions.ts';
import { createMemoryConsentStore } from '../src/consent/memory-consent-store.ts';
import { createManualClock } from '../src/clock/manual-clock.ts';
import { kstDate, kstDateTime, kstToEpochMs } from '../src/clock/kst.ts';
import { createProviderEngine } from '../src/server/create-provider-engine.ts';
import { assetApplies } from '../src/check-chain/asset-applies.ts';

const now = kstToEpochMs(2025, 3, 15, 3, 0, 0);
const clock = createManualClock(now);
const t0 = Date.now();
const books = createLedger({ institutions: DEMO_INSTITUTIONS, customers: 30, seed: 'smoke', start: new Temporal.PlainDate(2023, 1, 1) });
console.log('ledger', Date.now() - t0, 'ms');
const consents = createMemoryConsentStore();
const sink = createLogSink();
const engine = createProviderEngine({ institutions: DEMO_INSTITUTIONS, books: books.values(), consents, clock, config: { metrics: false, logger: createLogger({ service: 's', destination: sink, level: 'error' }) } });
const codes = new Map<string, number>();
const problems: string[] = [];
const dt = (d: Temporal.PlainDate) => encodeValue({ kind: 'DATE' }, d, { field: 'd', location: 'query' });
const mo = (d: Temporal.PlainYearMonth) => encodeValue({ kind: 'MONTH' }, d, { field: 'd', location: 'query' });
const today = kstDate(now);
let n = 0;
for (const inst of DEMO_INSTITUTIONS) {
  const book = books.get(inst.orgCode)!;
  const apis = engine.provider.apisOf(inst.orgCode);
  const lists = apis.filter((a) => a.kind === 'list');
  let people = 0;
  for (const ci of book.customers()) {
    if (people++ >= 4) break;
    const cb = book.customer(ci)!;
    const holdings = lists.flatMap((l) => cb.holdings(l.id, kstDateTime(now)));
    const consent = { id: `c-${inst.orgCode}-${people}`, orgCode: inst.orgCode, ci, recipientOrgCode: 'MDHANNUN01', clientId: 'x', scopes: [...INDUSTRY_SCOPES[inst.industry]], assets: holdings.map((h) => ({ listApi: h.listApi, key: h.key })), isScheduled: true, fndCycle: '1/w', addCycle: '1/w', endDate: new Temporal.PlainDate(2026, 1, 1), purpose: 'p', period: '20260101', flags: { transMemo: true, merchantNameRegno: true, transCategory: true }, createdAt: now };
    consents.put(consent as never);
    const sec = Math.floor(now / 1000);
    const token = await engine.provider.mintAccessToken({ iss: inst.orgCode, aud: 'MDHANNUN01', sub: consent.id, jti: consent.id, scope: consent.scopes.join(' '), iat: sec, exp: sec + 3600 });
    for (const api of apis) {
      const targets = api.asset ? holdings.filter((h) => h.listApi === api.asset!.listApi && h.status === 'normal' && assetApplies(h, api.scope)) : [null];
      for (const h of targets.slice(0, 3)) {
        const fields: Record<string, string> = { org_code: inst.orgCode };
        for (const node of api.requestShape) {
          const v = h?.key[node.name] ?? ({ from_date: dt(today.subtract({ days: 30 })), to_date: dt(today), from_month: mo(today.toPlainYearMonth().subtract({ months: 2 })), to_month: mo(today.toPlainYearMonth()), charge_month: mo(today.toPlainYearMonth().subtract({ months: 1 })), limit: '100', insured_no: '01', car_number: '12가3456' } as Record<string, string>)[node.name];
          if (v !== undefined && (node.required || node.name === 'limit' || h?.key[node.name] !== undefined)) fields[node.name] = v;
        }
        const resource = api.spec.resource.replace(/\{([a-z_]+)\}/g, (_, k: string) => encodeURIComponent(h?.key[k] ?? 'X'));
        const url = `${inst.basePath}/v2/${api.industry}${resource}`;
        const headers = { authorization: `Bearer ${token}`, 'x-api-tran-id': generateTranId('MDHANNUN01', 'M'), 'x-api-type': 'user-consent' };
        const r = api.method === 'GET'
          ? await engine.inject({ method: 'GET', url: `${url}?${new URLSearchParams(fields)}`, headers })
          : await engine.inject({ method: 'POST', url, headers: { ...headers, 'content-type': 'application/json' }, payload: JSON.stringify(fields) });
        const code = (r.json() as { rsp_code: string }).rsp_code;
        codes.set(code, (codes.get(code) ?? 0) + 1);
        n++;
        if (code !== '00000' && code !== '00001' && problems.length < 25) problems.push(`${inst.orgCode} ${api.id} ${code} ${(r.json() as { rsp_msg: string }).rsp_msg}`);
      }
    }
  }
}
console.log('calls', n, Object.fromEntries(codes));
console.log(problems.join('\n'));
const errs = sink.records().filter((r) => r['level'] === 'error').slice(0, 5).map((r) => JSON.stringify(r).slice(0, 400));
console.log(errs.join('\n'));
await engine.stop();
