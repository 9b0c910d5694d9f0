import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kstTimestamp } from '../clock/kst.ts';
import { bodyOf, createHarness, type Harness } from '../testing/engine-harness.ts';
import { FIXTURE_NOW } from '../testing/fixture-world.ts';

let h: Harness;
beforeAll(() => {
  h = createHarness();
});
afterAll(() => h.close());

describe('snapshot APIs', () => {
  it('은행-002 / AC01: the basic information of a consented deposit account, with a new search_timestamp', async () => {
    const { token } = await h.grant('BKNURI0001');
    const { fields } = h.validRequest('BKNURI0001', '은행-002');
    const body = bodyOf(await h.call('BKNURI0001', '은행-002', { token, fields }));
    expect(body['rsp_code']).toBe('00000');
    expect(body['search_timestamp']).toBe(String(kstTimestamp(FIXTURE_NOW)));
    expect(typeof body['saving_method']).toBe('string');
    expect(body['issue_date']).toMatch(/^\d{8}$/);
  });

  it('은행-008 / AC02: a 마이너스통장 (listed as a deposit account) answers the loan APIs too', async () => {
    const { token } = await h.grant('BKNURI0001');
    const overdraft = h.fixtures.BKNURI0001.overdraft!;
    for (const apiId of ['은행-002', '은행-008', '은행-009']) {
      const { fields } = h.validRequest('BKNURI0001', apiId, { holding: overdraft });
      const body = bodyOf(await h.call('BKNURI0001', apiId, { token, fields }));
      expect(body['rsp_code'], apiId).toBe('00000');
    }
  });

  it('은행-008 / AC03: an ordinary deposit account asked on a loan API answers 40402', async () => {
    const { token } = await h.grant('BKNURI0001');
    const deposit = h.assetFor('BKNURI0001', '은행-002')!;
    const { fields } = h.validRequest('BKNURI0001', '은행-008', { holding: deposit });
    const body = bodyOf(await h.call('BKNURI0001', '은행-008', { token, fields }));
    expect(body['rsp_code']).toBe('40402');
  });

  it('통신-002 / AC01: the bills of the consented contracts only', async () => {
    const { token, consent } = await h.grant('TCHANEUL01');
    const { fields } = h.validRequest('TCHANEUL01', '통신-002');
    const body = bodyOf(await h.call('TCHANEUL01', '통신-002', { token, fields }));
    expect(body['rsp_code']).toBe('00000');
    const billed = (body['bill_list'] as { mgmt_id: string }[]).map((b) => b.mgmt_id).sort();
    const consented = consent.assets
      .filter((a) => a.listApi === '통신-001')
      .map((a) => a.key['mgmt_id']!)
      .sort();
    expect(billed).toEqual(consented);
    expect(body['bill_cnt']).toBe(String(consented.length));
    const all = h.fixtures.TCHANEUL01.kim.filter((x) => x.listApi === '통신-001');
    expect(all.length).toBeGreaterThan(consented.length);
  });

  it('카드-003 / AC01: points are about the customer, not an asset', async () => {
    const { token } = await h.grant('CDNURI0001');
    const { fields } = h.validRequest('CDNURI0001', '카드-003');
    const body = bodyOf(await h.call('CDNURI0001', '카드-003', { token, fields }));
    expect(body['rsp_code']).toBe('00000');
    expect(Number(body['point_cnt'])).toBe((body['point_list'] as unknown[]).length);
  });

  it('카드-002 / AC01: the card named in the path', async () => {
    const { token } = await h.grant('CDNURI0001');
    const { fields, params } = h.validRequest('CDNURI0001', '카드-002');
    expect(params['card_id']).toBe(h.assetFor('CDNURI0001', '카드-002')!.key['card_id']);
    const body = bodyOf(await h.call('CDNURI0001', '카드-002', { token, fields, params }));
    expect(body['rsp_code']).toBe('00000');
  });
});
