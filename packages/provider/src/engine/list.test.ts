import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kstTimestamp } from '../clock/kst.ts';
import { bodyOf, createHarness, type Harness } from '../testing/engine-harness.ts';
import { FIXTURE_NOW, LEE_CI } from '../testing/fixture-world.ts';

let h: Harness;
beforeAll(() => {
  h = createHarness();
});
afterAll(() => h.close());

type Account = { account_num: string; is_consent: string; account_status: string };

describe('list APIs', () => {
  it("은행-001 / AC01: lists the customer's accounts, is_consent from the consent, closed ones included, nobody else's", async () => {
    const { token } = await h.grant('BKNURI0001');
    const { fields } = h.validRequest('BKNURI0001', '은행-001', { limit: null });
    const body = bodyOf(await h.call('BKNURI0001', '은행-001', { token, fields }));
    expect(body['rsp_code']).toBe('00000');
    expect(body['search_timestamp']).toBe(String(kstTimestamp(FIXTURE_NOW)));
    expect(body['next_page']).toBeUndefined();
    const accounts = body['account_list'] as Account[];
    const kim = h.fixtures.BKNURI0001.kim.filter((x) => x.listApi === '은행-001');
    expect(accounts.map((a) => a.account_num).sort()).toEqual(kim.map((x) => x.key['account_num']).sort());
    expect(body['account_cnt']).toBe(String(kim.length));
    for (const a of accounts) {
      const holding = kim.find((x) => x.key['account_num'] === a.account_num)!;
      expect(a.is_consent).toBe(holding.id.endsWith('/unconsented') ? 'false' : 'true');
    }
    const lee = h.fixtures.BKNURI0001.lee.map((x) => x.key['account_num']);
    expect(accounts.some((a) => lee.includes(a.account_num))).toBe(false);
  });

  it('은행-001 / AC02: pages through the accounts one by one; search_timestamp only on the first page', async () => {
    const { token } = await h.grant('BKNURI0001');
    const { fields } = h.validRequest('BKNURI0001', '은행-001', { limit: 1 });
    const seen: string[] = [];
    let next: string | undefined;
    let pages = 0;
    do {
      const body = bodyOf(
        await h.call('BKNURI0001', '은행-001', { token, fields: next ? { ...fields, next_page: next } : fields }),
      );
      expect(body['rsp_code']).toBe('00000');
      expect(body['search_timestamp'] !== undefined).toBe(pages === 0);
      seen.push(...(body['account_list'] as Account[]).map((a) => a.account_num));
      next = body['next_page'] as string | undefined;
      pages++;
    } while (next);
    const kim = h.fixtures.BKNURI0001.kim.filter((x) => x.listApi === '은행-001');
    expect(pages).toBe(kim.length);
    expect(seen.sort()).toEqual(kim.map((x) => x.key['account_num']).sort());
  });

  it('보험-001 / AC01: an unpaginated list answers every policy at once', async () => {
    const { token } = await h.grant('ISDEUNDN01');
    const { fields } = h.validRequest('ISDEUNDN01', '보험-001');
    const body = bodyOf(await h.call('ISDEUNDN01', '보험-001', { token, fields }));
    const kim = h.fixtures.ISDEUNDN01.kim.filter((x) => x.listApi === '보험-001');
    expect((body['insu_list'] as unknown[]).length).toBe(kim.length);
    expect(body['next_page']).toBeUndefined();
  });

  it('카드-001 / AC03: a search_timestamp from before the last change gets the data, one after it 00001', async () => {
    const { token } = await h.grant('CDNURI0001');
    const { fields } = h.validRequest('CDNURI0001', '카드-001');
    const changed = h.fixtures.CDNURI0001.kim[0]!.changedAt;
    const before = bodyOf(
      await h.call('CDNURI0001', '카드-001', {
        token,
        fields: { ...fields, search_timestamp: String(kstTimestamp(changed - 1000)) },
      }),
    );
    expect(before['rsp_code']).toBe('00000');
    const at = bodyOf(
      await h.call('CDNURI0001', '카드-001', {
        token,
        fields: { ...fields, search_timestamp: String(kstTimestamp(changed)) },
      }),
    );
    expect(at).toEqual({ rsp_code: '00001', rsp_msg: expect.stringMatching(/최신/) });
    const zero = bodyOf(
      await h.call('CDNURI0001', '카드-001', { token, fields: { ...fields, search_timestamp: '0' } }),
    );
    expect(zero['rsp_code']).toBe('00000');
  });

  it("카드-001 / AC04: Lee's token lists only Lee's cards", async () => {
    const { token } = await h.grant('CDNURI0001', { consent: { ci: LEE_CI } });
    const { fields } = h.validRequest('CDNURI0001', '카드-001', { limit: null });
    const body = bodyOf(await h.call('CDNURI0001', '카드-001', { token, fields }));
    const lee = h.fixtures.CDNURI0001.lee.filter((x) => x.listApi === '카드-001').map((x) => x.key['card_id']);
    expect((body['card_list'] as { card_id: string }[]).map((c) => c.card_id)).toEqual(lee);
  });
});
