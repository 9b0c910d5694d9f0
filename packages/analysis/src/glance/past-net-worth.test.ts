import { describe, expect, it } from 'vitest';
import { known, unknown } from '../shared/known.ts';
import type { Holding } from './holdings.ts';
import { type HoldingPast, pastNetWorth } from './past-net-worth.ts';

const h = (o: Partial<Holding> & Pick<Holding, 'id' | 'sector' | 'side' | 'amount'>): Holding => ({
  orgCode: 'BKNURI0001',
  institution: '누리은행',
  kind: 'deposit',
  name: null,
  ...o,
});

/**
 * A person on 2026-11-20: a current account (today 2,500,000) whose transactions go back to 2026-08-10, a fund
 * (today 3,000,000, no history), a credit loan repaid monthly (today 9,000,000), a card loan taken 2026-10-05
 * (today 1,000,000), and card bills due on the 5th from September (issued 10 days before).
 */
const holdings: Holding[] = [
  h({ id: 'acct', sector: 'deposits', side: 'asset', amount: known(2_500_000), name: '입출금' }),
  h({ id: 'fund', sector: 'investments', side: 'asset', kind: 'fund', amount: known(3_000_000), name: '펀드' }),
  h({ id: 'loan', sector: 'loans', side: 'liability', kind: 'loan', amount: known(9_000_000), name: '신용대출' }),
  h({ id: 'cl', sector: 'loans', side: 'liability', kind: 'card-loan', amount: known(1_000_000), name: '카드론' }),
  h({ id: 'bill-11', sector: 'cards', side: 'liability', kind: 'card-bill', amount: known(400_000) }),
];
const pasts = new Map<string, HoldingPast>([
  [
    'acct',
    {
      kind: 'balances',
      points: [
        { date: '20260810', after: 1_200_000, before: 1_000_000 }, // +200,000 on Aug 10: 1,000,000 before
        { date: '20260825', after: 4_200_000, before: 1_200_000 }, // salary
        { date: '20260925', after: 5_000_000, before: 2_000_000 },
        { date: '20261025', after: 3_100_000, before: 2_600_000 },
        { date: '20261115', after: 2_500_000, before: 3_100_000 },
      ],
    },
  ],
  [
    'loan',
    {
      kind: 'balances',
      points: [
        { date: '20260901', after: 11_000_000, before: null },
        { date: '20261001', after: 10_000_000, before: null },
        { date: '20261101', after: 9_000_000, before: null },
      ],
    },
  ],
  ['cl', { kind: 'since', date: '20261005' }],
]);
const bills = [
  { orgCode: 'CD', institution: '누리카드', dueDate: '20260905', amount: 300_000, paidOutDate: '20260905' },
  { orgCode: 'CD', institution: '누리카드', dueDate: '20261005', amount: 350_000, paidOutDate: '20261005' },
  { orgCode: 'CD', institution: '누리카드', dueDate: '20261105', amount: 400_000, paidOutDate: null },
];

describe('one glance: net worth at past month-ends, reconstructed where the data allows', () => {
  const points = pastNetWorth({ today: '20261120', months: 4, holdings, pasts, bills });

  it('month-ends oldest first, each from the balance after the month’s last movement', () => {
    expect(points.map((p) => p.date)).toEqual(['20260731', '20260831', '20260930', '20261031']);
    const oct = points[3]!;
    // Deposits 3,100,000 + fund held 3,000,000; loan 10,000,000 + card loan 1,000,000 + the bill of 11-14
    // due 11-05 (issued 10-26, unpaid) 400,000.
    expect(oct).toMatchObject({ assets: 6_100_000, liabilities: 11_400_000, net: -5_300_000, complete: true });
    expect(oct.sectors.find((s) => s.sector === 'investments')).toMatchObject({ coverage: 'held', held: 1 });
    expect(oct.sectors.find((s) => s.sector === 'deposits')).toMatchObject({ coverage: 'reconstructed' });
    expect(oct.sectors.find((s) => s.sector === 'loans')).toMatchObject({
      coverage: 'held',
      reconstructed: 1,
      held: 1,
    });
    // September: 5,000,000 + 3,000,000; loan 11,000,000, the card loan not yet taken (0), the bill due 10-05 (issued 09-25) 350,000.
    expect(points[2]).toMatchObject({ assets: 8_000_000, liabilities: 11_350_000, complete: true });
    expect(points[2]!.sectors.find((s) => s.sector === 'loans')).toMatchObject({ coverage: 'reconstructed' });
  });

  it('before the history: the balance before the first movement when it is close; else unknown, said, left out', () => {
    // July 31: the account's first movement (Aug 10) is 10 days later: 1,000,000 before it. The loan's first
    // repayment has no "before": unknown. Card bills start with the one issued 08-26: unknown on July 31.
    const jul = points[0]!;
    expect(jul.complete).toBe(false);
    expect(jul.assets).toBe(1_000_000 + 3_000_000);
    expect(jul.liabilities).toBe(0);
    const loans = jul.sectors.find((s) => s.sector === 'loans')!;
    expect(loans.coverage).toBe('unknown');
    expect(loans.unknown[0]!.item).toBe('누리은행 신용대출');
    expect(loans.unknown[0]!.reason.ko).toMatch(/거래내역이 없어/);
    expect(jul.sectors.find((s) => s.sector === 'cards')!.coverage).toBe('unknown');
    // August 31: the bill due 09-05 (issued 08-26) is owed: 300,000.
    expect(points[1]).toMatchObject({ assets: 4_200_000 + 3_000_000, liabilities: 300_000 });
  });

  it('a holding unknown today and without history is unknown in the past too (never zero)', () => {
    const p = pastNetWorth({
      today: '20261120',
      months: 1,
      holdings: [
        h({
          id: 'x',
          sector: 'emoney',
          side: 'asset',
          kind: 'emoney',
          amount: unknown('NOT_COLLECTED', '없음', 'none'),
        }),
      ],
      pasts: new Map(),
      bills: null,
    });
    expect(p[0]).toMatchObject({ assets: 0, complete: false });
    expect(p[0]!.sectors[0]).toMatchObject({ sector: 'emoney', coverage: 'unknown' });
  });

  it('nothing held and no bills: no past points (not twelve zeros)', () => {
    expect(pastNetWorth({ today: '20261120', months: 12, holdings: [], pasts: new Map(), bills: null })).toEqual([]);
  });
});
