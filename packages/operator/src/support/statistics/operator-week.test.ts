import { apiById, decodeMessage, MYDATA_STATISTICS_BODY } from '@hannun/spec';
import { describeEachDialect } from '@hannun/store/testing';
import { describe, expect, it } from 'vitest';
import { recordTransmission } from '../../records/transmission-records.ts';
import {
  bankDraft,
  openTestDomain,
  SERVICE_CLIENT_ID,
  signUpInput,
  type TestDomain,
  testRegistry,
  tokenPair,
} from '../../testing/operator-test-kit.ts';
import {
  kstDayStart,
  operatorDueInquiryDate,
  encodeOperatorWeek,
  operatorWeek,
  statisticsWeek,
} from './operator-week.ts';

const TRAN = 'MDHANNUN01M00000000000001';
/** Sunday 2026-11-22: the week is 15 (Sun) … 21 (Sat) November. */
const INQUIRY = '20261122';
const HOUR = 3_600_000;
const registry = testRegistry();
const isProvider = (org: string) => ['01', '02'].includes(registry.org(org)?.orgType ?? '');

async function call(
  d: TestDomain,
  o: {
    at: number;
    org?: string;
    api?: string;
    type?: string | null;
    rsp?: string | null;
    http?: number;
    ms: number;
    consentId?: string | null;
    personId?: string;
  },
) {
  await recordTransmission(d.store.db, {
    personRef: o.personId ?? null,
    consentId: o.consentId ?? null,
    orgCode: o.org ?? 'BKTESTAA01',
    apiId: o.api ?? '은행-001',
    apiType: o.type === undefined ? 'scheduled' : o.type,
    tranId: TRAN,
    requestedAt: o.at,
    durationMs: o.ms,
    httpStatus: o.http ?? 200,
    rspCode: o.rsp === undefined ? '00000' : o.rsp,
    rowsReceived: 1,
    rowsStored: 1,
  });
}

describe('지원-004: the operator’s week', () => {
  it('the week is the Sunday–Saturday before the inquiry date; operators owe it from that Sunday', () => {
    expect(statisticsWeek(INQUIRY)).toEqual([
      '20261115',
      '20261116',
      '20261117',
      '20261118',
      '20261119',
      '20261120',
      '20261121',
    ]);
    expect(() => statisticsWeek('20261121')).toThrow(RangeError);
    expect(operatorDueInquiryDate(kstDayStart('20261122') + HOUR)).toBe('20261122');
    expect(operatorDueInquiryDate(kstDayStart('20261128') + HOUR)).toBe('20261122');
    expect(operatorDueInquiryDate(kstDayStart('20261122') - HOUR)).toBe('20261115');
  });
});

describeEachDialect('지원-004: weekly statistics from the operator’s real call records', (open) => {
  it('AC: per day, provider, API code and time slot: successes, failures and response times; type 1 scheduled, type 2 the rest with consent counters', async () => {
    const d = await openTestDomain(open);
    const { personId } = await d.people.signUp(signUpInput());
    const consent = await d.consents.propose(personId, bankDraft('BKTESTAA01'));
    await d.vault.put(personId, { ...tokenPair('BKTESTAA01'), consentId: consent.id });
    d.clock.set(kstDayStart('20261116') + 10 * HOUR); // Monday 10:00 KST
    await d.consents.activate(personId, consent.id);
    const monday = kstDayStart('20261116');
    const base = { consentId: consent.id, personId };
    // Monday 07:00 and 17:59 KST: slot 01; 19:00 and Tuesday 05:00: slot 02 of their own days.
    await call(d, { ...base, at: monday + 7 * HOUR, ms: 100 });
    await call(d, { ...base, at: monday + 18 * HOUR - 60_000, ms: 300 });
    await call(d, { ...base, at: monday + 19 * HOUR, ms: 50, rsp: '50001', http: 500 });
    await call(d, { ...base, at: monday + 29 * HOUR, ms: 70, api: '은행-004' });
    // A person's request (type 2), an OAuth call without rsp_code (type 2, success by HTTP 200), and a timeout.
    await call(d, { ...base, at: monday + 8 * HOUR, ms: 40, type: 'user-consent' });
    await call(d, { at: monday + 9 * HOUR, ms: 20, type: null, rsp: null, api: '개별인증-002' });
    await call(d, { ...base, at: monday + 9 * HOUR, ms: 5000, type: 'user-refresh', rsp: null, http: 0 });
    // Outside the week, another service's consent, and a support API: none of them counts.
    await call(d, { ...base, at: kstDayStart('20261122') + HOUR, ms: 1 });
    await call(d, { at: monday + HOUR, ms: 1, org: 'MDHANNUN01', api: '지원-002', type: null });

    const t1 = await operatorWeek(d.store, {
      clientId: SERVICE_CLIENT_ID,
      type: '1',
      inquiryDate: INQUIRY,
      isProvider,
    });
    expect(t1.stat_date_list).toHaveLength(7);
    const mon = t1.stat_date_list[1]!;
    expect(mon.org_list).toEqual([
      {
        org_code: 'BKTESTAA01',
        api_type_cnt: 1,
        api_type_list: [
          {
            api_type: apiById('은행-001').code,
            tm_slot_cnt: 2,
            tm_slot_list: [
              { tm_slot: '01', rsp_avg: 200, rsp_total: 400, rsp_stdev: 100, success_api_cnt: 2, fail_api_cnt: 0 },
              { tm_slot: '02', rsp_avg: 50, rsp_total: 50, rsp_stdev: 0, success_api_cnt: 0, fail_api_cnt: 1 },
            ],
          },
        ],
      },
    ]);
    const tue = t1.stat_date_list[2]!;
    expect(tue.org_list[0]!.api_type_list).toEqual([
      expect.objectContaining({
        api_type: apiById('은행-004').code,
        tm_slot_list: [
          expect.objectContaining({ tm_slot: '01', success_api_cnt: 0 }),
          expect.objectContaining({ tm_slot: '02', success_api_cnt: 1 }),
        ],
      }),
    ]);
    expect(t1.stat_date_list.filter((x) => x.org_list.length > 0)).toHaveLength(2);

    const t2 = await operatorWeek(d.store, {
      clientId: SERVICE_CLIENT_ID,
      type: '2',
      inquiryDate: INQUIRY,
      isProvider,
    });
    const mon2 = t2.stat_date_list[1]!.org_list[0]!;
    expect(mon2).toMatchObject({ org_code: 'BKTESTAA01', consent_new: 1, consent_revoke: 0, consent_own: 1 });
    const codes = Object.fromEntries(mon2.api_type_list.map((a) => [a.api_type, a.tm_slot_list[0]!]));
    expect(codes[apiById('은행-001').code]).toMatchObject({ success_api_cnt: 1, fail_api_cnt: 1, rsp_total: 5040 });
    expect(codes[apiById('개별인증-002').code]).toMatchObject({ success_api_cnt: 1 });
    expect(Object.values(codes).reduce((n, s) => n + s.fail_api_cnt, 0)).toBe(1);
    // Every later day of the week still counts the consent in force (type 2 lists the provider without calls).
    expect(t2.stat_date_list[6]!.org_list).toEqual([
      { org_code: 'BKTESTAA01', consent_new: 0, consent_revoke: 0, consent_own: 1, api_type_cnt: 0, api_type_list: [] },
    ]);
    // The wire form is what the standard's shape accepts.
    const wire = encodeOperatorWeek(t2);
    expect(wire).toMatchObject({ type: '2', client_id: SERVICE_CLIENT_ID, inquiry_date: INQUIRY, stat_date_cnt: '7' });
    expect(() => decodeMessage(MYDATA_STATISTICS_BODY, wire, { location: 'body', unknown: 'reject' })).not.toThrow();
  });
});
