import { createLogger, createLogSink } from '@hannun/infra';
import { apisForIndustry, formatDate, formatMonth, generateTranId, INDUSTRY_SCOPES } from '@hannun/spec';

import { afterAll, describe, expect, it } from 'vitest';
import { createManualClock } from '../clock/manual-clock.ts';
import { kstToEpochMs } from '../clock/kst.ts';
import type { ConsentRecord } from '../consent/consent.ts';
import { createMemoryConsentStore } from '../consent/memory-consent-store.ts';
import { DEMO_INSTITUTIONS } from '../institutions/demo-institutions.ts';
import { createProviderEngine } from '../server/create-provider-engine.ts';
import type { CustomerBook, Holding } from './ledger.ts';
import { NOW, sampleLedger } from './testing/sample-ledger.ts';

/**
 * The ledger behind the real engine: for customers of every segment, every information API of every
 * institution they bank with, called the way an operator would (token, tran id, a week's or two months'
 * period), answers with a success or with the codes an asset's state or kind gives (40305, 40402) — never
 * a wire error or a server error, which would mean a row the engine cannot encode.
 */
const ledger = sampleLedger(10);
const OPERATOR = 'MDHANNUN01';
const clock = createManualClock(kstToEpochMs(NOW.year, NOW.month, NOW.day, NOW.hour, NOW.minute, NOW.second));
const consents = createMemoryConsentStore();
const engine = createProviderEngine({
  institutions: DEMO_INSTITUTIONS,
  books: ledger.values(),
  consents,
  clock,
  config: {
    logger: createLogger({ service: 'ledger-smoke', destination: createLogSink(), level: 'error' }),
    metrics: false,
  },
});
afterAll(() => engine.stop());

const TODAY = NOW.toPlainDate();
let serial = 0;

async function grant(org: string, cb: CustomerBook, assets: readonly Holding[]): Promise<string> {
  const industry = DEMO_INSTITUTIONS.find((i) => i.orgCode === org)?.industry ?? 'bank';
  const consent: ConsentRecord = {
    id: `smoke-${++serial}`,
    orgCode: org,
    ci: cb.ci,
    recipientOrgCode: OPERATOR,
    clientId: 'hannun-app',
    scopes: [...INDUSTRY_SCOPES[industry]],
    assets: assets.map((h) => ({ listApi: h.listApi, key: h.key })),
    isScheduled: false,
    fndCycle: '1/w',
    addCycle: '1/w',
    endDate: TODAY.add({ years: 1 }),
    purpose: '자산 현황 조회',
    period: formatDate(TODAY.add({ years: 1 })),
    flags: { transMemo: true, merchantNameRegno: true, transCategory: true },
    createdAt: clock.nowMs() - 86_400_000,
  };
  consents.put(consent);
  const now = Math.floor(clock.nowMs() / 1000);
  return engine.provider.mintAccessToken({
    iss: org,
    aud: OPERATOR,
    sub: consent.id,
    jti: `jti-${serial}`,
    scope: consent.scopes.join(' '),
    iat: now,
    exp: now + 86_400,
  });
}

describe('the ledger behind the provider engine', () => {
  it('answers every information API for customers of every segment without a wire or server error', async () => {
    const codes = new Map<string, number>();
    for (const [org, b] of ledger) {
      const industry = DEMO_INSTITUTIONS.find((i) => i.orgCode === org)?.industry;
      if (!industry) continue;
      const apis = apisForIndustry(industry).filter((a) => !a.id.startsWith('공통'));
      for (const ci of b.customers()) {
        const cb = b.customer(ci);
        if (!cb) continue;
        const lists = [...new Set(apis.map((a) => a.listedBy).filter((x): x is string => x !== undefined))];
        const assets = lists.flatMap((l) => [...cb.holdings(l, NOW)]);
        const token = await grant(org, cb, assets);
        for (const api of apis) {
          const targets: (Holding | undefined)[] =
            api.listedBy && api.assetKeys.length > 0 ? assets.filter((h) => h.listApi === api.listedBy) : [undefined];
          for (const h of targets.slice(0, 3)) {
            const fields: Record<string, string> = {
              org_code: org,
              from_date: formatDate(TODAY.subtract({ days: 6 })),
              to_date: formatDate(TODAY),
              from_month: formatMonth(TODAY.toPlainYearMonth().subtract({ months: 1 })),
              to_month: formatMonth(TODAY.toPlainYearMonth()),
              charge_month: formatMonth(TODAY.toPlainYearMonth().subtract({ months: 1 })),
              limit: '100',
              insured_no: '01',
              ...(h?.key ?? {}),
            };
            if (api.id === '보험-007' && h) {
              const car = cb.snapshot('보험-004', h, { request: {}, now: NOW })?.body['car_insu_list'] as
                | { car_number: string }[]
                | undefined;
              fields['car_number'] = car?.[0]?.car_number ?? '00가0000';
            }
            const wanted = new Set(api.request.shape.map((n) => n.name));
            const send = Object.fromEntries(Object.entries(fields).filter(([k]) => wanted.has(k)));
            const resource = api.resource.replace('{card_id}', encodeURIComponent(h?.key['card_id'] ?? 'X'));
            const path = `/${org}/v2/${industry}${resource}`;
            const headers = {
              authorization: `Bearer ${token}`,
              'x-api-tran-id': generateTranId(OPERATOR, 'M'),
              'x-api-type': 'user-consent',
            };
            const res =
              api.method === 'GET'
                ? await engine.inject({
                    method: 'GET',
                    url: `${path}?${new URLSearchParams(send).toString()}`,
                    headers,
                  })
                : await engine.inject({
                    method: 'POST',
                    url: path,
                    headers: { ...headers, 'content-type': 'application/json' },
                    payload: JSON.stringify(send),
                  });
            const body = res.json() as { rsp_code?: string; rsp_msg?: string };
            const code = body.rsp_code ?? String(res.statusCode);
            codes.set(code, (codes.get(code) ?? 0) + 1);
            expect(['00000', '00001', '40305', '40402'], `${org} ${api.id}: ${code} ${body.rsp_msg ?? ''}`).toContain(
              code,
            );
          }
        }
      }
    }
    expect(codes.get('00000') ?? 0).toBeGreaterThan(500);
    expect(codes.get('40305') ?? 0).toBeGreaterThan(0);
  }, 60_000);
});
