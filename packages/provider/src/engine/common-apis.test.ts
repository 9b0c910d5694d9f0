import { apisForIndustry } from '@hannun/spec';
import { Temporal } from 'temporal-polyfill';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bodyOf, createHarness, type Harness } from '../testing/engine-harness.ts';
import { fixtureConsent } from '../testing/fixture-world.ts';
import { retentionDate } from './handle-consents.ts';

let h: Harness;
beforeAll(() => {
  h = createHarness();
});
afterAll(() => h.close());

describe('공통-001 and 공통-002, the engine’s own', () => {
  it('공통-001 / AC01: the APIs this institution serves, with api_code and api_uri of the called version', async () => {
    const { token } = await h.grant('BKNURI0001');
    const { fields } = h.validRequest('BKNURI0001', '공통-001');
    for (const version of ['v1', 'v2']) {
      const body = bodyOf(await h.call('BKNURI0001', '공통-001', { token, fields, version }));
      expect(body['version']).toBe('v2');
      expect(body['min_version']).toBe('v1');
      const list = body['api_list'] as { api_code: string; api_uri: string }[];
      expect(body['api_cnt']).toBe(String(list.length));
      expect(list).toContainEqual({ api_code: 'BA04', api_uri: `/${version}/bank/accounts/deposit/transactions` });
      // Bank has no prepaid scope yet: 선불-002…004 are not served.
      const bankApis = apisForIndustry('bank').filter((a) => !['선불-002', '선불-003', '선불-004'].includes(a.id));
      expect(list.map((a) => a.api_code).sort()).toEqual(bankApis.map((a) => a.code).sort());
    }
  });

  it('공통-002 / AC01: the consent as stored: cycles, end date, purpose, retention and the v2 flags', async () => {
    const { token } = await h.grant('CDNURI0001', {
      consent: { flags: { transMemo: true, merchantNameRegno: false, transCategory: true } },
    });
    const { fields } = h.validRequest('CDNURI0001', '공통-002');
    const body = bodyOf(await h.call('CDNURI0001', '공통-002', { token, fields }));
    expect(body).toEqual({
      rsp_code: '00000',
      rsp_msg: expect.any(String),
      is_scheduled: 'true',
      fnd_cycle: '1/w',
      add_cycle: '1/w',
      end_date: '20260314',
      purpose: '자산 현황 조회 및 분석',
      period: '20260314',
      is_consent_trans_memo: 'true',
      is_consent_merchant_name_regno: 'false',
      is_consent_trans_category: 'true',
    });
  });

  it('공통-002 / AC02: without regular transmission no cycles are sent; /v1 drops the v2 flags', async () => {
    const { token } = await h.grant('CDNURI0001', { consent: { isScheduled: false } });
    const { fields } = h.validRequest('CDNURI0001', '공통-002');
    const body = bodyOf(await h.call('CDNURI0001', '공통-002', { token, fields, version: 'v1' }));
    expect(body['is_scheduled']).toBe('false');
    expect(body).not.toHaveProperty('fnd_cycle');
    expect(body).not.toHaveProperty('add_cycle');
    expect(body).not.toHaveProperty('is_consent_trans_memo');
  });

  it('공통-002 / AC03: a scheduled call under a consent without regular transmission answers 42901', async () => {
    const { token } = await h.grant('CDNURI0001', { consent: { isScheduled: false } });
    const { fields } = h.validRequest('CDNURI0001', '공통-002');
    const body = bodyOf(await h.call('CDNURI0001', '공통-002', { token, fields, apiType: 'scheduled' }));
    expect(body['rsp_code']).toBe('42901');
  });

  it('retention: a date is sent as it is, words fall back to the end date', () => {
    const base = fixtureConsent(h.fixtures.BKNURI0001);
    expect(retentionDate({ ...base, period: '20300101' }).toString()).toBe('2030-01-01');
    expect(retentionDate({ ...base, period: '2031-02-03' }).toString()).toBe('2031-02-03');
    expect(retentionDate({ ...base, period: '서비스 탈퇴 시까지' })).toEqual(base.endDate);
    expect(retentionDate({ ...base, period: '20301345' })).toEqual(base.endDate);
    expect(base.endDate).toBeInstanceOf(Temporal.PlainDate);
  });
});
