import { apiById, decodeMessage, type WireObject } from '@hannun/spec';
import { loose } from '../../model/model-db.ts';
import { signUpInput, T0, type TestDomain } from '../../testing/operator-test-kit.ts';
import { sampleWire } from '../../testing/sample-answer.ts';

export const CARD_ORG = 'CDTESTAA01';
export const BANK_ORG = 'BKTESTAA01';
export const FLAGS_ON = { transMemo: true, merchantNameRegno: true, transCategory: true };

export const decode = (apiId: string, wire: WireObject) =>
  decodeMessage(apiById(apiId).response, wire, { location: 'response' }) as Record<string, unknown>;

export interface Approval {
  readonly num: string;
  readonly when: string;
  readonly merchant: string;
  readonly amount: number;
  readonly status?: '01' | '02' | '03';
  readonly modified?: number;
  readonly regno?: string;
}

export function approvals(list: readonly Approval[]): Record<string, unknown> {
  return decode('카드-008', {
    approved_cnt: String(list.length),
    next_page: '',
    approved_list: list.map((a) => ({
      approved_num: a.num,
      status: a.status ?? '01',
      pay_type: '01',
      approved_dtime: a.when,
      merchant_name: a.merchant,
      ...(a.regno ? { merchant_regno: a.regno } : {}),
      approved_amt: String(a.amount),
      ...(a.status === '02' ? { cancel_dtime: a.when, trans_dtime: a.when, modified_amt: '0' } : {}),
      ...(a.status === '03' ? { trans_dtime: a.when, modified_amt: String(a.modified ?? 0) } : {}),
    })),
  });
}

export function depositTx(
  rows: readonly { no: string; when: string; amount: number; cls: string; memo?: string }[],
): Record<string, unknown> {
  return decode('은행-004', {
    trans_cnt: String(rows.length),
    next_page: '',
    trans_list: rows.map((r) => ({
      trans_dtime: r.when,
      trans_no: r.no,
      trans_type: r.amount < 0 ? '01' : '02',
      trans_class: r.cls,
      currency_code: 'KRW',
      trans_amt: String(r.amount),
      balance_amt: '1000000',
      ...(r.memo ? { trans_memo: r.memo } : {}),
    })),
  });
}

/** A person with one card (카드-001) and one bank account (은행-001) in the model. */
export async function personWithCard(d: TestDomain) {
  const { personId } = await d.people.signUp(signUpInput());
  const base = { personId, apiType: 'user-consent' as const, collectedAt: T0, flags: FLAGS_ON };
  const cards = await d.data.store({
    ...base,
    orgCode: CARD_ORG,
    apiId: '카드-001',
    body: decode(
      '카드-001',
      sampleWire(apiById('카드-001').response, { card_id: 'C0001', is_consent: 'true', card_type: '01' }),
    ),
  });
  const accounts = await d.data.store({
    ...base,
    orgCode: BANK_ORG,
    apiId: '은행-001',
    body: decode(
      '은행-001',
      sampleWire(apiById('은행-001').response, {
        account_num: '1002123456789',
        is_consent: 'true',
        account_type: '1001',
      }),
    ),
  });
  const card = cards.assets![0]!;
  const account = accounts.assets![0]!;
  const storeApprovals = (list: readonly Approval[], o: { complete?: boolean } = {}) =>
    d.data.store({ ...base, orgCode: CARD_ORG, apiId: '카드-008', assetId: card.id, body: approvals(list), ...o });
  const storeDeposits = (rows: Parameters<typeof depositTx>[0]) =>
    d.data.store({ ...base, orgCode: BANK_ORG, apiId: '은행-004', assetId: account.id, body: depositTx(rows) });
  return { personId, card, account, storeApprovals, storeDeposits };
}

/** The rollups must equal the sums over the categorised rows (what a GROUP BY of op_an_tx gives). */
export async function rollupsMatchRows(
  d: TestDomain,
  personId: string,
): Promise<{ rollup: Record<string, number>; rows: Record<string, number> }> {
  const db = loose(d.store.db);
  const months = await db.selectFrom('op_an_month').selectAll().where('person_id', '=', personId).execute();
  const txs = await db.selectFrom('op_an_tx').selectAll().where('person_id', '=', personId).execute();
  const rollup: Record<string, number> = {};
  for (const m of months)
    if (Number(m.count) !== 0 || Number(m.total) !== 0) rollup[`${m.month}|${m.category}|${m.kind}`] = Number(m.total);
  const rows: Record<string, number> = {};
  for (const t of txs) {
    const k = `${t.month}|${t.category}|${t.kind}`;
    rows[k] = (rows[k] ?? 0) + Number(t.amount);
  }
  return { rollup, rows };
}
