import { afterAll, describe, expect, it } from 'vitest';
import { KIM_CI } from '../../testing/fixture-world.ts';
import { createAuthWorld } from '../testing/auth-world.ts';
import { walkIndividualAuth } from '../testing/person.ts';

const world = createAuthWorld();
afterAll(() => world.close());
const ORG = 'BKNURI0001';

describe('개별인증-001 the consent page', () => {
  it('AC30: shows the seven items: provider, recipient, items with the customer’s assets masked, cycle, end date, purpose, retention', async () => {
    let html = '';
    await walkIndividualAuth(world, ORG, { consent: (_form, page) => (html = page) });
    for (const item of [
      '1. 전송요구를 받는 곳',
      '2. 정보를 받는 곳',
      '3. 보낼 정보와 자산',
      '4. 정기적 전송',
      '5. 전송요구 종료일',
      '6. 전송 목적',
      '7. 보유 기간',
    ]) {
      expect(html).toContain(item);
    }
    expect(html).toContain('누리은행');
    expect(html).toContain('한눈 앱');
    expect(html).toContain('예금·적금 계좌의 잔액, 거래내역과 상품 정보');
    expect(html).toContain('주 1회');
    const kim = world.fixtures[ORG].kim.filter((h) => h.status !== 'closed');
    for (const h of kim) {
      const number = String(h.listItem['account_num'] ?? '');
      if (number.length > 4) expect(html).not.toContain(number);
    }
    expect(html.match(/name="asset"/g)).toHaveLength(kim.length);
    expect(html).toMatch(
      /type="date" id="end_date" name="end_date" required min="2025-03-15" max="2030-03-15" value="2026-03-15"/,
    );
  });

  it('AC31: cancel goes back to the operator with access_denied and stores nothing', async () => {
    const before = (await world.engine.provider.auth.store.codes.list(ORG)).length;
    const { callback } = await walkIndividualAuth(world, ORG, { consent: (form) => form.set('action', 'cancel') });
    expect(callback.searchParams.get('error')).toBe('access_denied');
    expect((await world.engine.provider.auth.store.codes.list(ORG)).length).toBe(before);
  });

  it.each([
    ['no asset', (form: URLSearchParams) => form.delete('asset'), '보낼 자산을 하나 이상 고르세요'],
    ['an end date past 5 years', (form: URLSearchParams) => form.set('end_date', '2030-03-16'), '5년 안의 날짜'],
    ['an end date in the past', (form: URLSearchParams) => form.set('end_date', '2025-03-14'), '5년 안의 날짜'],
    ['a cycle not offered', (form: URLSearchParams) => form.set('cycle', '1/d'), '전송 주기를 다시 고르세요'],
  ])('AC32: %s re-shows the page with an error and stores nothing', async (_what, change, error) => {
    const before = world.consents.all().length;
    const { final } = await walkIndividualAuth(world, ORG, { consent: change });
    expect(final.statusCode).toBe(400);
    expect(final.body).toContain(error);
    expect(final.body).toContain('role="alert"');
    expect(world.consents.all().length).toBe(before);
  });

  it('AC33: an asset of another customer cannot be smuggled into the form', async () => {
    const lee = world.fixtures[ORG].lee[0]!;
    const { callback } = await walkIndividualAuth(world, ORG, {
      ci: KIM_CI,
      consent: (form) => form.append('asset', `forged-${lee.id}`),
    });
    const code = callback.searchParams.get('code');
    expect(code).not.toBeNull();
    const latest = world.consents.all().at(-1)!;
    expect(latest.assets.some((a) => a.key['account_num'] === lee.key['account_num'])).toBe(false);
  });
});
