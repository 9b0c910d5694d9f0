import { apiById, decodeMessage, type WireObject } from '@hannun/spec';
import { signUpInput, T0, type TestDomain } from './operator-test-kit.ts';
import { sampleWire } from './sample-answer.ts';

const FLAGS = { transMemo: true, merchantNameRegno: true, transCategory: true };
export const BANK = 'BKTESTAA01';
export const CARD = 'CDTESTAA01';
export const TELECOM = 'TCTESTAA01';

/** One answer of `apiId`: the sample of its shape with `items` as its list (each item over the sample item). */
export function answer(apiId: string, list: string, items: Record<string, string>[]): Record<string, unknown> {
  const shape = apiById(apiId).response;
  const wire = sampleWire(shape);
  const sample = (wire[list] as WireObject[])[0]!;
  const node = shape.find((n) => n.name === list);
  wire[list] = items.map((i) => ({ ...sample, ...i }));
  if (node?.kind === 'list' && node.count) wire[node.count.name] = String(items.length);
  return decodeMessage(shape, wire, { location: 'response' }) as Record<string, unknown>;
}

const two = (n: number) => String(n).padStart(2, '0');

/**
 * A person with a bank account (deposit transactions every few hours, several in one second, some with a
 * memo), a card (approvals, some at a café), and a phone (monthly payments: month-wide times; small payments,
 * one refunded: day-wide), so rows of three time widths and one second's ties merge.
 */
export async function movementWorld(d: TestDomain, input = signUpInput()) {
  const { personId } = await d.people.signUp(input);
  const base = { personId, apiType: 'user-consent' as const, collectedAt: T0, flags: FLAGS };
  const acct = (
    await d.data.store({
      ...base,
      orgCode: BANK,
      apiId: '은행-001',
      body: answer('은행-001', 'account_list', [{ account_num: '1002123456789', account_type: '1001', seqno: '1' }]),
    })
  ).assets![0]!;
  const deposits = Array.from({ length: 240 }, (_, i) => {
    const day = 1 + (i % 28);
    const hour = two(Math.floor(i / 28) * 2);
    // Five in one second (10:10:10 of the 3rd): the id decides among them.
    const dtime = i < 5 ? '20261003101010' : `202610${two(day)}${hour}0000`;
    return {
      trans_dtime: dtime,
      trans_no: `T${i}`,
      trans_type: i % 3 === 0 ? '02' : '01',
      trans_class: i % 3 === 0 ? '급여' : '이체',
      currency_code: 'KRW',
      trans_amt: i % 3 === 0 ? '2500000' : `-${1000 + i}`,
      balance_amt: '1000000',
      trans_memo: i % 40 === 7 ? '월세 Rent' : '',
    };
  });
  await d.data.store({
    ...base,
    orgCode: BANK,
    apiId: '은행-004',
    assetId: acct.id,
    pages: [answer('은행-004', 'trans_list', deposits)],
  });
  const card = (
    await d.data.store({
      ...base,
      orgCode: CARD,
      apiId: '카드-001',
      body: answer('카드-001', 'card_list', [{ card_id: 'C001', card_num: '4111111111111111' }]),
    })
  ).assets![0]!;
  const approvals = Array.from({ length: 30 }, (_, i) => ({
    approved_num: `A${i}`,
    approved_dtime: `202610${two(1 + (i % 28))}${i < 2 ? '000000' : '123000'}`,
    status: i === 4 ? '02' : '01',
    merchant_name: i % 5 === 0 ? '한눈카페 강남' : '편의점',
    approved_amt: '4500',
  }));
  await d.data.store({
    ...base,
    orgCode: CARD,
    apiId: '카드-008',
    assetId: card.id,
    pages: [answer('카드-008', 'approved_list', approvals)],
  });
  const phone = (
    await d.data.store({
      ...base,
      orgCode: TELECOM,
      apiId: '통신-001',
      body: answer('통신-001', 'telecom_list', [{ mgmt_id: 'M1' }]),
    })
  ).assets![0]!;
  await d.data.store({
    ...base,
    orgCode: TELECOM,
    apiId: '통신-003',
    assetId: phone.id,
    body: answer(
      '통신-003',
      'trans_list',
      ['202608', '202609', '202610'].map((m) => ({ trans_month: m, paid_amt: '55000' })),
    ),
  });
  await d.data.store({
    ...base,
    orgCode: TELECOM,
    apiId: '통신-004',
    assetId: phone.id,
    pages: [
      answer(
        '통신-004',
        'trans_list',
        ['20261003', '20261003', '20261015', '20261001'].map((day, i) => ({
          trans_date: day,
          trans_amt: i === 1 ? '-2000' : String(1000 * (i + 1)),
          merchant_name: i === 2 ? '한눈카페 앱결제' : '게임',
        })),
      ),
    ],
  });
  return { personId, acct, card, phone };
}
