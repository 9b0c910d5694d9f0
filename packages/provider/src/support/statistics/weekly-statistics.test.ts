import { createLogger, createLogSink } from '@hannun/infra';
import { apiById, type ApiType, decodeMessage, PROVIDER_STATISTICS_BODY } from '@hannun/spec';
import { Temporal } from 'temporal-polyfill';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kstToEpochMs } from '../../clock/kst.ts';
import { createManualClock } from '../../clock/manual-clock.ts';
import type { ConsentRecord } from '../../consent/consent.ts';
import { createMemoryConsentStore } from '../../consent/memory-consent-store.ts';
import { createProviderEngine } from '../../server/create-provider-engine.ts';
import { callApi } from '../../testing/engine-calls.ts';
import { fixtureConsent, fixtureInstitution, LEE_CI } from '../../testing/fixture-world.ts';
import { createCallTally, type TallyRow } from './call-tally.ts';
import { createMemoryCallStatsStore } from './call-stats-store.ts';
import { consentCounters } from './consent-counters.ts';
import { encodeWeeklyStatistics, weeklyStatistics } from './weekly-statistics.ts';

/**
 * A small scripted week at 누리은행 (BKNURI0001), counted by hand: the week of Sunday 2025-03-16 is
 * 2025-03-09 (Sun) … 2025-03-15 (Sat). Two services of MDHANNUN01: hannunapp (Kim) and budgetapp (Lee).
 */
const KST = (d: number, h: number, m = 0) => kstToEpochMs(2025, 3, d, h, m);
const ACCOUNTS = apiById('은행-001'); // BA01
const CONSENTS = apiById('공통-002'); // CM02

const bank = fixtureInstitution('BKNURI0001');
const clock = createManualClock(KST(8, 12));
const consents = createMemoryConsentStore();
const tally = createCallTally();
const engine = createProviderEngine({
  institutions: [bank.institution],
  books: [bank.book],
  consents,
  clock,
  statistics: tally,
  config: { logger: createLogger({ service: 'provider', destination: createLogSink() }), metrics: false },
});
afterAll(() => engine.close());

const kimA = fixtureConsent(bank, {
  id: 'kim-a',
  clientId: 'hannunapp',
  createdAt: KST(9, 9),
  endDate: new Temporal.PlainDate(2026, 3, 14),
});
const kimA2 = fixtureConsent(bank, { id: 'kim-a2', clientId: 'hannunapp', createdAt: KST(13, 9) });
const leeB = fixtureConsent(bank, { id: 'lee-b', ci: LEE_CI, clientId: 'budgetapp', createdAt: KST(11, 9) });

async function token(consent: ConsentRecord, expiresIn = 3600): Promise<string> {
  const now = Math.floor(clock.nowMs() / 1000);
  return engine.provider.mintAccessToken({
    iss: 'BKNURI0001',
    aud: 'MDHANNUN01',
    sub: consent.id,
    jti: `jti-${consent.id}-${clock.nowMs()}-${expiresIn}`,
    scope: consent.scopes.join(' '),
    iat: now - 60,
    exp: now + expiresIn,
  });
}

/** One call at a KST time; `who` a consent (its token), 'none' (no token) or 'garbage'. */
async function callAt(
  at: number,
  who: ConsentRecord | 'none' | 'garbage',
  apiType: ApiType | null,
  api = ACCOUNTS,
  expiresIn = 3600,
): Promise<string> {
  clock.set(at);
  const compiled = engine.provider.apisOf('BKNURI0001').find((a) => a.id === api.id)!;
  const bearer = who === 'none' ? null : who === 'garbage' ? 'abc.def.ghi' : await token(who, expiresIn);
  const response = await callApi(engine, bank.institution.basePath, compiled, {
    token: bearer,
    apiType,
    fields: { org_code: 'BKNURI0001', ...(api.id === ACCOUNTS.id ? { limit: '10' } : {}) },
  });
  return (response.json() as { rsp_code: string }).rsp_code;
}

let rows: TallyRow[];

beforeAll(async () => {
  consents.put(kimA);
  consents.put(leeB);
  // [rsp_code expected] what is counted where (type, day, service, API, slot)
  expect(await callAt(KST(8, 23), kimA, 'user-consent')).toBe('00000'); // outside the week (Saturday before)
  expect(await callAt(KST(10, 10), kimA, 'user-consent')).toBe('00000'); // 2 / 03-10 / hannun / BA01 / 01 ok
  expect(await callAt(KST(10, 10, 5), kimA, 'user-consent')).toBe('00000'); // 2 / 03-10 / hannun / BA01 / 01 ok
  expect(await callAt(KST(10, 10, 10), kimA, 'user-consent', CONSENTS)).toBe('00000'); // 2 / 03-10 / hannun / CM02 / 01 ok
  expect(await callAt(KST(10, 20), kimA, 'scheduled')).toBe('50009'); // 1 / 03-10 / hannun / BA01 / 02 fail (np_time)
  expect(await callAt(KST(12, 3), kimA, 'scheduled')).toBe('00000'); // 1 / 03-12 / hannun / BA01 / 02 ok
  expect(await callAt(KST(12, 12), leeB, 'user-search')).toBe('00000'); // 2 / 03-12 / budget / BA01 / 01 ok
  expect(await callAt(KST(13, 5, 59), leeB, 'user-refresh')).toBe('00000'); // 2 / 03-13 / budget / BA01 / 02 ok
  expect(await callAt(KST(13, 6), leeB, null)).toBe('00000'); // no x-api-type: irregular; 2 / 03-13 / budget / BA01 / 01 ok
  // Kim changes her consent on 03-13: A2 given at 09:00, A ends at 09:05 (replaced, not withdrawn).
  consents.put(kimA2);
  consents.revoke(kimA.id, KST(13, 9, 5));
  expect(await callAt(KST(13, 12), 'none', 'user-consent')).toBe('40101'); // unattributed
  expect(await callAt(KST(13, 12, 1), kimA2, 'user-consent', ACCOUNTS, -60)).toBe('40101'); // expired: 2 / 03-13 / hannun / BA01 / 01 fail
  expect(await callAt(KST(13, 12, 2), 'garbage', 'user-consent')).toBe('40101'); // unattributed
  // Lee withdraws on 03-14 (no successor).
  consents.revoke(leeB.id, KST(14, 10));
  expect(await callAt(KST(15, 23, 59), kimA2, 'user-consent')).toBe('00000'); // 2 / 03-15 / hannun / BA01 / 02 ok
  expect(await callAt(KST(16, 0), kimA2, 'user-consent')).toBe('00000'); // outside the week (the Sunday after)
  const store = createMemoryCallStatsStore();
  await store.add(tally.take());
  rows = await store.rows('BKNURI0001', '20250301', '20250331');
});

const slot = (tm: '01' | '02', ok: number, fail: number) => ({
  tm_slot: tm,
  success_api_cnt: String(ok),
  fail_api_cnt: String(fail),
});
const api = (code: string, s01: [number, number], s02: [number, number]) => ({
  api_type: code,
  tm_slot_cnt: '2',
  tm_slot_list: [slot('01', ...s01), slot('02', ...s02)],
});
const day = (stat_date: string, list: object[]) => ({
  stat_date,
  mydata_svc_cnt: String(list.length),
  mydata_svc_list: list,
});
const svc = (client_id: string, apis: object[], counters?: [number, number, number]) => ({
  org_code: 'MDHANNUN01',
  client_id,
  ...(counters
    ? { consent_new: String(counters[0]), consent_revoke: String(counters[1]), consent_own: String(counters[2]) }
    : {}),
  api_type_cnt: String(apis.length),
  api_type_list: apis,
});

describe('지원-005 statistics from the calls the engine answered', () => {
  it('AC01: the engine counts every answered call, attributed to the calling service where its token names one', () => {
    const total = rows.reduce((n, r) => n + r.success + r.fail, 0);
    expect(total).toBe(14);
    const unattributed = rows.filter((r) => r.clientId === '');
    expect(unattributed).toEqual([
      expect.objectContaining({ day: '20250313', type: '2', slot: '01', success: 0, fail: 2, apiCode: 'BA01' }),
    ]);
    // Response times are kept as sums (지원-005 carries none; the mean and deviation can be had from them).
    expect(rows.every((r) => r.msSquares >= r.msTotal)).toBe(true);
  });

  it('AC02: type 1 (scheduled calls) equals the hand count: one service, 03-10 a failure at night, 03-12 a success at night', () => {
    const body = encodeWeeklyStatistics(
      weeklyStatistics({ orgCode: 'BKNURI0001', viaRelay: false, type: '1', inquiryDate: '20250316', rows }),
    );
    expect(body).toEqual({
      type: '1',
      inquiry_date: '20250316',
      stat_date_cnt: '7',
      stat_date_list: [
        day('20250309', []),
        day('20250310', [svc('hannunapp', [api('BA01', [0, 0], [0, 1])])]),
        day('20250311', []),
        day('20250312', [svc('hannunapp', [api('BA01', [0, 0], [1, 0])])]),
        day('20250313', []),
        day('20250314', []),
        day('20250315', []),
      ],
    });
  });

  it('AC03: type 2 (every other call, with the consent counters) equals the hand count, relayed (org_code set)', () => {
    const days = ['20250309', '20250310', '20250311', '20250312', '20250313', '20250314', '20250315'];
    const counters = consentCounters(
      [kimA, kimA2, leeB].map((c) => consents.get(c.id)!),
      'BKNURI0001',
      days,
    );
    const body = encodeWeeklyStatistics(
      weeklyStatistics({
        orgCode: 'BKNURI0001',
        viaRelay: true,
        type: '2',
        inquiryDate: '20250316',
        rows,
        counters,
      }),
    );
    expect(body).toEqual({
      org_code: 'BKNURI0001',
      type: '2',
      inquiry_date: '20250316',
      stat_date_cnt: '7',
      stat_date_list: [
        // Kim's first consent given on 03-09.
        day('20250309', [svc('hannunapp', [], [1, 0, 1])]),
        day('20250310', [svc('hannunapp', [api('BA01', [2, 0], [0, 0]), api('CM02', [1, 0], [0, 0])], [0, 0, 1])]),
        // Lee's consent given on 03-11.
        day('20250311', [svc('budgetapp', [], [1, 0, 1]), svc('hannunapp', [], [0, 0, 1])]),
        day('20250312', [svc('budgetapp', [api('BA01', [1, 0], [0, 0])], [0, 0, 1]), svc('hannunapp', [], [0, 0, 1])]),
        // Kim's consent changed (new 1, the replaced one not a withdrawal); her expired token a failure.
        day('20250313', [
          svc('budgetapp', [api('BA01', [1, 0], [1, 0])], [0, 0, 1]),
          svc('hannunapp', [api('BA01', [0, 1], [0, 0])], [1, 0, 1]),
        ]),
        // Lee withdrew on 03-14.
        day('20250314', [svc('budgetapp', [], [0, 1, 0]), svc('hannunapp', [], [0, 0, 1])]),
        day('20250315', [svc('hannunapp', [api('BA01', [0, 0], [1, 0])], [0, 0, 1])]),
      ],
    });
    // What is posted is a valid 지원-005 body.
    expect(() => decodeMessage(PROVIDER_STATISTICS_BODY, body, { location: 'body', unknown: 'reject' })).not.toThrow();
  });

  it('AC04: a week that is not a Sunday’s is refused before anything is built', () => {
    expect(() =>
      weeklyStatistics({ orgCode: 'BKNURI0001', viaRelay: false, type: '1', inquiryDate: '20250315', rows }),
    ).toThrow(/not a Sunday/);
  });
});
