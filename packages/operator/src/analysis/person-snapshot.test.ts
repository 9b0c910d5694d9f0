import { apiById } from '@hannun/spec';
import { describeEachDialect } from '@hannun/store/testing';
import { expect, it } from 'vitest';
import { openTestDomain, signUpInput, T0 } from '../testing/operator-test-kit.ts';
import { sampleWire } from '../testing/sample-answer.ts';
import { readSnapshot } from './person-snapshot.ts';
import { BANK_ORG, decode, FLAGS_ON } from './testing/analysis-fixtures.ts';
import { netWorth } from '@hannun/analysis';

const account = (num: string, type: string, status: string, name: string) => ({
  account_num: num,
  is_consent: 'true',
  seqno: '1',
  is_foreign_deposit: 'false',
  prod_name: name,
  is_minus: 'false',
  account_type: type,
  account_status: status,
});

describeEachDialect('analysis: the person’s positions read from the model', (open) => {
  it('balances in KRW (foreign at the rate shown), loans as liabilities, a balance not collected unknown, a closed account left out', async () => {
    const d = await openTestDomain(open);
    const { personId } = await d.people.signUp(signUpInput());
    const base = { personId, orgCode: BANK_ORG, apiType: 'user-consent' as const, collectedAt: T0, flags: FLAGS_ON };
    const listed = await d.data.store({
      ...base,
      apiId: '은행-001',
      body: decode('은행-001', {
        search_timestamp: '',
        reg_date: '20261120',
        next_page: '',
        account_cnt: '4',
        account_list: [
          account('1002000000001', '1001', '01', '한눈 입출금'),
          account('1002000000002', '1001', '01', '한눈 외화'),
          account('1002000000003', '1003', '03', '해지된 적금'),
          account('1002000000004', '3001', '01', '한눈 신용대출'),
        ],
      }),
    });
    const byName = new Map(listed.assets!.map((a) => [a.name, a.id]));
    const balance = (currency: string, amount: string) =>
      decode(
        '은행-003',
        sampleWire(apiById('은행-003').response, {
          currency_code: currency,
          balance_amt: amount,
          withdrawable_amt: amount,
          offered_rate: '0.1',
        }),
      );
    await d.data.store({
      ...base,
      apiId: '은행-003',
      assetId: byName.get('한눈 외화')!,
      body: balance('USD', '100.50'),
    });
    await d.data.store({
      ...base,
      apiId: '은행-009',
      assetId: byName.get('한눈 신용대출')!,
      body: decode(
        '은행-009',
        sampleWire(apiById('은행-009').response, {
          currency_code: 'KRW',
          balance_amt: '3000000',
          loan_principal: '5000000',
        }),
      ),
    });
    const snap = await readSnapshot(d, personId, (o) => o);
    const items = snap.holdings.map((h) => [h.name, h.sector, h.side, h.amount.known ? h.amount.value : 'unknown']);
    expect(items.sort()).toEqual(
      [
        ['한눈 입출금', 'deposits', 'asset', 'unknown'],
        ['한눈 외화', 'deposits', 'asset', 139_213], // 100.50 × 1385.20 = 139,212.6
        ['한눈 신용대출', 'loans', 'liability', 3_000_000],
      ].sort(),
    );
    const usd = snap.holdings.find((h) => h.name === '한눈 외화');
    expect(usd?.foreign).toMatchObject({ amount: '100.5', currency: 'USD', rate: { rate: '1385.20' } });
    expect(snap.loans[0]).toMatchObject({
      kind: 'credit',
      balance: { known: true, value: 3_000_000 },
      principal: 5_000_000,
    });
    const w = netWorth(snap.holdings, snap.failures);
    expect(w.assets.known).toBe(false);
    expect(w.knownAssets).toBe(139_213);
    expect(w.liabilities).toEqual({ known: true, value: 3_000_000 });
  });
});
