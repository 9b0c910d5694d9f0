import { describeEachDialect } from '@hannun/store/testing';
import { expect, it } from 'vitest';
import { AnalysisError } from '@hannun/analysis';
import { loose } from '../model/model-db.ts';
import { openTestDomain, type TestDomain } from '../testing/operator-test-kit.ts';
import { personWithCard, rollupsMatchRows } from './testing/analysis-fixtures.ts';

const spendOf = async (d: TestDomain, personId: string, month: string) => {
  const rows = await d.analysis.months(personId, month, month);
  return Object.fromEntries(rows.filter((r) => r.kind === 'spend').map((r) => [r.category, -r.total]));
};

describeEachDialect('analysis: categories and rollups kept on ingest', (open) => {
  it('a page of approvals is categorised and rolled up in the same write; a second write changes nothing', async () => {
    const d = await openTestDomain(open);
    const p = await personWithCard(d);
    const page = [
      { num: '1', when: '20261102120000', merchant: '스타벅스 강남역점', amount: 6_000 },
      { num: '2', when: '20261103120000', merchant: '(주)쿠팡', amount: 32_000 },
      { num: '3', when: '20261104120000', merchant: '행복가득치과의원', amount: 50_000 },
      { num: '4', when: '20261105120000', merchant: 'ZXQW', amount: 7_000 },
    ];
    await p.storeApprovals(page);
    expect(await spendOf(d, p.personId, '202611')).toEqual({
      cafe: 6_000,
      online: 32_000,
      medical: 50_000,
      uncategorised: 7_000,
    });
    await p.storeApprovals(page);
    expect(await spendOf(d, p.personId, '202611')).toEqual({
      cafe: 6_000,
      online: 32_000,
      medical: 50_000,
      uncategorised: 7_000,
    });
    const { rollup, rows } = await rollupsMatchRows(d, p.personId);
    expect(rollup).toEqual(rows);
    // Merchant names are sealed: the analysis tables hold no name in clear.
    const merchants = await loose(d.store.db).selectFrom('op_an_merchant').selectAll().execute();
    expect(merchants).toHaveLength(4);
    expect(JSON.stringify(merchants)).not.toContain('스타벅스');
    const tx = await d.analysis.transactions(p.personId, { month: '202611', limit: 10, offset: 0 });
    expect(tx.rows.map((r) => r.merchant)).toEqual(['ZXQW', '행복가득치과의원', '(주)쿠팡', '스타벅스 강남역점']);
    expect(tx.rows.find((r) => r.category === 'medical')?.source).toBe('model');
  });

  it('a cancelled approval leaves the rollups; a corrected one counts its new amount', async () => {
    const d = await openTestDomain(open);
    const p = await personWithCard(d);
    await p.storeApprovals([
      { num: '1', when: '20261102120000', merchant: '스타벅스', amount: 6_000 },
      { num: '2', when: '20261103120000', merchant: '쿠팡', amount: 32_000 },
    ]);
    await p.storeApprovals([
      { num: '1', when: '20261102120000', merchant: '스타벅스', amount: 6_000, status: '02' },
      { num: '2', when: '20261103120000', merchant: '쿠팡', amount: 32_000, status: '03', modified: 20_000 },
    ]);
    expect(await spendOf(d, p.personId, '202611')).toEqual({ online: 20_000 });
    const { rollup, rows } = await rollupsMatchRows(d, p.personId);
    expect(rollup).toEqual(rows);
  });

  it('bank rows: salary is income, a card bill a transfer, rent housing; the cash flow adds up', async () => {
    const d = await openTestDomain(open);
    const p = await personWithCard(d);
    await p.storeDeposits([
      { no: '1', when: '20261025090000', amount: 3_000_000, cls: '급여', memo: '한눈전자 급여' },
      { no: '2', when: '20261026090000', amount: -400_000, cls: '카드대금', memo: '테스트카드' },
      { no: '3', when: '20261027090000', amount: -600_000, cls: '타행이체', memo: '김집주 월세' },
    ]);
    const months = await d.analysis.months(p.personId, '202610', '202610');
    expect(months.map((m) => [m.category, m.kind, m.total]).sort()).toEqual([
      ['card-payment', 'transfer', -400_000],
      ['housing', 'spend', -600_000],
      ['salary', 'income', 3_000_000],
    ]);
  });

  it('a person’s edit locks the row (re-collection keeps it); 3 of the merchant’s last 5 make a learned rule for the rest', async () => {
    const d = await openTestDomain(open);
    const p = await personWithCard(d);
    const page = ['01', '02', '03', '04', '05', '06'].map((day, i) => ({
      num: String(i + 1),
      when: `202611${day}120000`,
      merchant: '한눈공방',
      amount: 10_000,
    }));
    await p.storeApprovals(page);
    const before = await d.analysis.transactions(p.personId, { month: '202611', limit: 10, offset: 0 });
    expect(new Set(before.rows.map((r) => r.category)).size).toBe(1);
    const newest = before.rows.slice(0, 3);
    const r1 = await d.analysis.recategorise(p.personId, newest[0]!.id, 'education');
    expect(r1).toMatchObject({ to: 'education', learned: null });
    await d.analysis.recategorise(p.personId, newest[1]!.id, 'education');
    const r3 = await d.analysis.recategorise(p.personId, newest[2]!.id, 'education');
    expect(r3).toMatchObject({ learned: 'education', applied: 3 });
    expect(await spendOf(d, p.personId, '202611')).toEqual({ education: 60_000 });
    // Re-collection never overrides the edit; the learned rule holds for the others too.
    await p.storeApprovals(page);
    const after = await d.analysis.transactions(p.personId, { month: '202611', limit: 10, offset: 0 });
    expect(after.rows.map((r) => r.category)).toEqual(Array(6).fill('education'));
    expect(after.rows.filter((r) => r.locked)).toHaveLength(3);
    expect((await d.analysis.rules(p.personId)).learned.get('한눈공방')).toBe('education');
    const { rollup, rows } = await rollupsMatchRows(d, p.personId);
    expect(rollup).toEqual(rows);
  });

  it('re-categorising one row changes exactly two category totals by its amount', async () => {
    const d = await openTestDomain(open);
    const p = await personWithCard(d);
    await p.storeApprovals([
      { num: '1', when: '20261102120000', merchant: '스타벅스', amount: 6_000 },
      { num: '2', when: '20261103120000', merchant: '스타벅스', amount: 4_000 },
      { num: '3', when: '20261103120000', merchant: '이마트', amount: 50_000 },
    ]);
    const rows = (await d.analysis.transactions(p.personId, { month: '202611', limit: 10, offset: 0 })).rows;
    await d.analysis.recategorise(p.personId, rows.find((r) => r.amount === -4_000)!.id, 'restaurant');
    expect(await spendOf(d, p.personId, '202611')).toEqual({ cafe: 6_000, restaurant: 4_000, mart: 50_000 });
  });

  it('a person’s rule applies to past rows and new ones; deleting it reverts them; a malformed rule is refused, nothing stored', async () => {
    const d = await openTestDomain(open);
    const p = await personWithCard(d);
    await p.storeApprovals([{ num: '1', when: '20261102120000', merchant: '스타벅스 역삼점', amount: 6_000 }]);
    const { id, applied } = await d.analysis.addRule(p.personId, {
      match: 'prefix',
      pattern: '스타벅스',
      category: 'restaurant',
    });
    expect(applied).toBe(1);
    await p.storeApprovals([{ num: '2', when: '20261103120000', merchant: '스타벅스 강남점', amount: 5_000 }]);
    expect(await spendOf(d, p.personId, '202611')).toEqual({ restaurant: 11_000 });
    await expect(d.analysis.addRule(p.personId, { pattern: '스타벅스', category: 'nope' })).rejects.toBeInstanceOf(
      AnalysisError,
    );
    expect((await d.analysis.rules(p.personId)).rules).toHaveLength(1);
    const sealed = await loose(d.store.db).selectFrom('op_an_rule').selectAll().execute();
    expect(JSON.stringify(sealed)).not.toContain('스타벅스');
    expect(await d.analysis.deleteRule(p.personId, id)).toEqual({ reverted: 2 });
    expect(await spendOf(d, p.personId, '202611')).toEqual({ cafe: 11_000 });
    const { rollup, rows } = await rollupsMatchRows(d, p.personId);
    expect(rollup).toEqual(rows);
  });

  it('deleting an institution’s data takes its rows out of the rollups; leaving deletes every analysis row', async () => {
    const d = await openTestDomain(open);
    const p = await personWithCard(d);
    await p.storeApprovals([{ num: '1', when: '20261102120000', merchant: '스타벅스', amount: 6_000 }]);
    await p.storeDeposits([{ no: '1', when: '20261025090000', amount: 3_000_000, cls: '급여' }]);
    await d.store.transaction((trx) => d.data.deleteInstitution(trx, p.personId, 'CDTESTAA01'));
    expect(await spendOf(d, p.personId, '202611')).toEqual({});
    expect((await d.analysis.months(p.personId, '202610', '202610')).map((m) => m.category)).toEqual(['salary']);
    await d.leave.leave(p.personId);
    for (const t of ['op_an_tx', 'op_an_month', 'op_an_merchant', 'op_an_day', 'op_an_merchant_month']) {
      expect(await loose(d.store.db).selectFrom(t).selectAll().execute()).toEqual([]);
    }
  });
});
