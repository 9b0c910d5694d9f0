import { describeEachDialect } from '@hannun/store/testing';
import { afterEach, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../http/testing/app-kit.ts';
import { signUpInput } from '../testing/operator-test-kit.ts';
import { BANK_ORG, decode, FLAGS_ON, personWithCard } from './testing/analysis-fixtures.ts';
import { T0 } from '../testing/operator-test-kit.ts';

describeEachDialect('analysis API: the trend reconstructed on a fresh install, unusual single payments', (open) => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  async function loggedIn() {
    t = await openTestApp(open);
    const p = await personWithCard(t.d);
    const profile = await t.d.people.profile(p.personId);
    const b = t.browser();
    const r = await b.post('/api/login', { loginName: profile!.loginName, password: signUpInput().password });
    expect(r.statusCode).toBe(200);
    return { b, p, d: t.d };
  }

  it('summary trend: past month-ends from the balance after each bank movement, coverage said, unknown before the history', async () => {
    const { b, p, d } = await loggedIn();
    const rows = [
      ['20260810090000', '1', 200_000, 1_200_000],
      ['20260925090000', '2', 3_000_000, 4_200_000],
      ['20261025090000', '3', -500_000, 3_700_000],
      ['20261025180000', '4', -100_000, 3_600_000],
    ] as const;
    await d.data.store({
      personId: p.personId,
      apiType: 'user-consent',
      collectedAt: T0,
      flags: FLAGS_ON,
      orgCode: BANK_ORG,
      apiId: '은행-004',
      assetId: p.account.id,
      body: decode('은행-004', {
        trans_cnt: String(rows.length),
        next_page: '',
        trans_list: rows.map(([when, no, amt, bal]) => ({
          trans_dtime: when,
          trans_no: no,
          trans_type: amt < 0 ? '01' : '02',
          trans_class: '타행이체',
          currency_code: 'KRW',
          trans_amt: String(amt),
          balance_amt: String(bal),
          trans_memo: '이체',
        })),
      }),
    });
    const s = (await b.get('/api/analysis/summary')).json();
    const trend = s.netWorth.history as {
      date: string;
      assets: number;
      complete: boolean;
      source: string;
      sectors?: { sector: string; coverage: string; unknown: { reason: { ko: string } }[] }[];
    }[];
    const at = (date: string) => trend.find((x) => x.date === date)!;
    expect(trend.filter((x) => x.source === 'reconstructed')).toHaveLength(12);
    expect(at('20261031')).toMatchObject({ assets: 3_600_000, complete: true, source: 'reconstructed' });
    expect(at('20260930')).toMatchObject({ assets: 4_200_000, complete: true });
    expect(at('20260831')).toMatchObject({ assets: 1_200_000 });
    // July 31: 10 days before the first movement: the balance before it (1,200,000 − 200,000).
    expect(at('20260731')).toMatchObject({ assets: 1_000_000, complete: true });
    expect(at('20260731').sectors!.find((x) => x.sector === 'deposits')!.coverage).toBe('reconstructed');
    // June 30: before the history: unknown with the reason, never a zero balance.
    const jun = at('20260630');
    expect(jun.complete).toBe(false);
    expect(jun.sectors!.find((x) => x.sector === 'deposits')!.unknown[0]!.reason.ko).toMatch(/거래내역이 없어/);
    // Today's point is the recorded one.
    expect(trend.at(-1)).toMatchObject({ date: '20261124', source: 'recorded' });
  });

  it('spending: a 96,000원 payment where the person usually pays 12,000원 is flagged with the reason in their numbers', async () => {
    const { b, p } = await loggedIn();
    const usual = ['202606', '202607', '202608', '202609', '202610'].flatMap((m, i) => [
      { num: `k${i}a`, when: `${m}05120000`, merchant: '김밥천국 역삼점', amount: 12_000 },
      { num: `k${i}b`, when: `${m}20120000`, merchant: '김밥천국 역삼점', amount: i % 2 ? 11_000 : 13_000 },
    ]);
    await p.storeApprovals([
      ...usual,
      { num: 'big', when: '20261110120000', merchant: '김밥천국 역삼점', amount: 96_000 },
      { num: 'ok', when: '20261111120000', merchant: '김밥천국 역삼점', amount: 12_500 },
    ]);
    const spend = (await b.get('/api/analysis/spending?month=202611')).json();
    expect(spend.unusualTransactions).toHaveLength(1);
    expect(spend.unusualTransactions[0]).toMatchObject({
      date: '20261110',
      amount: 96_000,
      basis: 'merchant',
      usual: 12_000,
      history: 10,
      ratio: 8,
      merchant: '김밥천국 역삼점',
    });
    expect(spend.unusualTransactions[0].reason.ko).toBe(
      '김밥천국 역삼점 96,000원: 평소 이 가맹점 결제 중간값 12,000원의 8배 (지난 12개월 10건)',
    );
    expect(spend.unusualTransactions[0].merchantKey).toBeUndefined();
  });
});
