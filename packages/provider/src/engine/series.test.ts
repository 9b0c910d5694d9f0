import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeValue } from '@hannun/spec';
import { kstDate } from '../clock/kst.ts';
import { bodyOf, createHarness, type Harness } from '../testing/engine-harness.ts';
import { FIXTURE_NOW } from '../testing/fixture-world.ts';

let h: Harness;
beforeAll(() => {
  h = createHarness();
});
afterAll(() => h.close());

describe('series APIs (paginated)', () => {
  it('은행-004 / AC01: a page of transactions with a next_page cursor, then the rest, next_page omitted on the last page', async () => {
    const { token } = await h.grant('BKNURI0001');
    const { fields } = h.validRequest('BKNURI0001', '은행-004', { days: 8, limit: 2 });
    const first = await h.call('BKNURI0001', '은행-004', { token, fields });
    expect(first.statusCode).toBe(200);
    const one = bodyOf(first);
    expect(one['rsp_code']).toBe('00000');
    expect(one['trans_cnt']).toBe('2');
    expect(typeof one['next_page']).toBe('string');
    const seen = [...(one['trans_list'] as { trans_dtime: string }[])];
    let next = one['next_page'] as string | undefined;
    while (next) {
      const page = bodyOf(await h.call('BKNURI0001', '은행-004', { token, fields: { ...fields, next_page: next } }));
      expect(page['rsp_code']).toBe('00000');
      seen.push(...(page['trans_list'] as { trans_dtime: string }[]));
      next = page['next_page'] as string | undefined;
    }
    expect(seen.length).toBe(4);
    const times = seen.map((t) => t.trans_dtime);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it('은행-004 / AC02: later pages read the data as of the first page, whatever happened since', async () => {
    const { token } = await h.grant('BKNURI0001');
    const today = kstDate(FIXTURE_NOW);
    // A period running into the future (allowed): rows keep appearing as the clock moves on.
    const { fields } = h.validRequest('BKNURI0001', '은행-004', { today: today.add({ days: 10 }), days: 20, limit: 2 });
    const collect = async (): Promise<string[]> => {
      const out: string[] = [];
      let next: string | undefined;
      do {
        const body = bodyOf(
          await h.call('BKNURI0001', '은행-004', { token, fields: next ? { ...fields, next_page: next } : fields }),
        );
        expect(body['rsp_code']).toBe('00000');
        out.push(...(body['trans_list'] as { trans_dtime: string }[]).map((t) => t.trans_dtime));
        next = body['next_page'] as string | undefined;
        if (out.length === 2) h.clock.advance(6 * 86_400_000); // a week passes after the first page
      } while (next);
      return out;
    };
    try {
      const asOfFirstPage = await collect();
      expect(asOfFirstPage.every((t) => t <= '20250315235959')).toBe(true);
      expect(asOfFirstPage.length).toBe(5);
    } finally {
      h.clock.set(FIXTURE_NOW);
    }
  });

  it('카드-004 / AC01: bills by month range, in pages', async () => {
    const { token } = await h.grant('CDNURI0001');
    const { fields } = h.validRequest('CDNURI0001', '카드-004', { limit: 500 });
    const body = bodyOf(await h.call('CDNURI0001', '카드-004', { token, fields }));
    expect(body['rsp_code']).toBe('00000');
    const month = (m: string) => m.slice(0, 6);
    const bills = body['bill_list'] as { paid_out_date: string }[];
    expect(bills.length).toBeGreaterThan(20);
    for (const bill of bills) expect([fields['from_month'], fields['to_month']]).toContain(month(bill.paid_out_date));
  });

  it('IRP-003 / AC01: a paginated detail with search_timestamp sends it on the first page only', async () => {
    const { token } = await h.grant('BKNURI0001');
    const { fields } = h.validRequest('BKNURI0001', 'IRP-003', { limit: 1 });
    const first = bodyOf(await h.call('BKNURI0001', 'IRP-003', { token, fields }));
    expect(first['search_timestamp']).toBeDefined();
    const second = bodyOf(
      await h.call('BKNURI0001', 'IRP-003', { token, fields: { ...fields, next_page: first['next_page'] as string } }),
    );
    expect(second['rsp_code']).toBe('00000');
    expect(second['search_timestamp']).toBeUndefined();
  });

  it('은행-004 / AC03: a to_date before the from_date answers 40001', async () => {
    const { token } = await h.grant('BKNURI0001');
    const { fields } = h.validRequest('BKNURI0001', '은행-004');
    const later = encodeValue({ kind: 'DATE' }, kstDate(FIXTURE_NOW).add({ days: 1 }), {
      field: 'f',
      location: 'body',
    });
    const body = bodyOf(await h.call('BKNURI0001', '은행-004', { token, fields: { ...fields, from_date: later } }));
    expect(body['rsp_code']).toBe('40001');
  });
});
