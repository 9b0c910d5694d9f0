import { describe, expect, it } from 'vitest';
import { known, unknown } from '../shared/known.ts';
import type { IncomeSummary } from '../spending/income.ts';
import { thinFileScorecard } from '../thin-file/scorecard.ts';
import type { CreditInput, LoanInfo } from './credit-input.ts';
import { creditReport } from './credit-report.ts';
import { annualDebtService, dsr } from './debt-service.ts';

const income = (annual: number): IncomeSummary => ({ sources: [], monthly: known(annual / 12), annual: known(annual) });
const loan = (o: Partial<LoanInfo>): LoanInfo => ({
  id: 'l1',
  orgCode: 'BKNURI0001',
  institution: '누리은행',
  name: '신용대출',
  kind: 'credit',
  balance: known(10_000_000),
  rate: known(6),
  repayMethod: '03',
  expDate: '20271110',
  ...o,
});

describe('DSR', () => {
  it('a bullet credit loan: balance over 5 years plus a year of interest, over the income', () => {
    // 10,000,000 / 5 + 10,000,000 × 6 % = 2,000,000 + 600,000 = 2,600,000 a year; income 40,000,000 → 6.5 %.
    expect(annualDebtService(loan({}), '20261110')).toEqual(known(2_600_000));
    const d = dsr([loan({})], known(40_000_000), '20261110');
    expect(d.ratio).toEqual(known(0.065));
  });

  it('an annuity loan: 12 monthly payments of its schedule', () => {
    // 12,000,000 at 0 % over 24 months → 500,000 a month → 6,000,000 a year.
    expect(
      annualDebtService(
        loan({ balance: known(12_000_000), rate: known(0), repayMethod: '01', expDate: '20281110' }),
        '20261110',
      ),
    ).toEqual(known(6_000_000));
  });

  it('is unknown with the reason when the income or a balance is', () => {
    expect(dsr([loan({})], unknown('NO_INCOME_HISTORY', '없음', 'none'), '20261110').ratio.known).toBe(false);
    expect(dsr([loan({ balance: unknown('X', 'x', 'x') })], known(1), '20261110').ratio.known).toBe(false);
  });
});

describe('credit report', () => {
  const base: CreditInput = {
    today: '20261110',
    loans: [],
    revolving: [],
    cashAdvances: [],
    bills: [],
    telecom: [],
    income: income(36_000_000),
    creditCards: 1,
  };

  it('flags a high-interest loan with a refinancing tip in the person’s numbers, and a rate above the legal maximum', () => {
    const r = creditReport({
      ...base,
      loans: [
        loan({ id: 'x', kind: 'card-loan', rate: known(19.5), balance: known(5_000_000), name: '카드론' }),
        loan({ id: 'y', rate: known(24) }),
      ],
    });
    expect(r.highInterest.map((h) => h.id)).toEqual(['x', 'y']);
    const tip = r.tips.find((t) => t.id === 'refinance-x');
    // 5,000,000 × (19.5 − 7) % = 625,000 a year.
    expect(tip?.savesPerYear).toBe(625_000);
    expect(r.suspicious.some((s) => s.why.en.includes('legal maximum'))).toBe(true);
  });

  it('overdue signals: a repayment date passed, an unpaid phone bill, repeated cash advances, revolving', () => {
    const r = creditReport({
      ...base,
      loans: [loan({ nextRepayDate: '20261101' })],
      telecom: [{ month: '202610', charged: 55_000, paid: 30_000 }],
      cashAdvances: ['20260810', '20260910', '20261010'].map((date) => ({
        orgCode: 'CDNURI0001',
        institution: '누리카드',
        date,
        amount: 300_000,
        balance: 0,
        rate: 18,
      })),
      revolving: [{ orgCode: 'CDNURI0001', institution: '누리카드', remained: 400_000 }],
    });
    expect(r.signals.map((s) => s.kind).sort()).toEqual([
      'overdue-loan',
      'repeated-cash-advance',
      'revolving',
      'unpaid-phone-bill',
    ]);
    expect(r.cashAdvance).toEqual({ last12Months: 900_000, count: 3, balance: 0 });
    expect(r.cardUse.utilisation.known).toBe(false);
  });

  it('card fees from the standard’s fields: annual fees plus fees and interest on bill lines; unknown when not collected', () => {
    const r = creditReport({ ...base, cardFees: { annual: known(15_000), charged12Months: known(42_300) } });
    expect(r.cardUse.fees.total).toEqual(known(57_300));
    // No utilisation: the card APIs (카드-001…012) carry no credit limit.
    expect(r.cardUse.utilisation).toMatchObject({ known: false, reason: { code: 'NO_CARD_LIMIT' } });
    const none = creditReport(base);
    expect(none.cardUse.fees.total).toMatchObject({ known: false, reason: { code: 'NO_CARD_FEES' } });
    const partial = creditReport({
      ...base,
      cardFees: { annual: known(15_000), charged12Months: unknown('NO_BILL_DETAIL', '없음', 'none') },
    });
    expect(partial.cardUse.fees.annual).toEqual(known(15_000));
    expect(partial.cardUse.fees.total.known).toBe(false);
  });
});

describe('thin-file scorecard', () => {
  it('lists every factor with its numbers; a factor without data is unknown and left out, not zero', () => {
    const s = thinFileScorecard({
      telecom: Array.from({ length: 12 }, (_, i) => ({
        month: `2026${String(i + 1).padStart(2, '0')}`,
        charged: 50_000,
        paid: i < 11 ? 50_000 : 20_000,
      })),
      epayMonths: null,
      depositMonths: Array.from({ length: 6 }, (_, i) => ({ month: `20260${i + 1}`, endBalance: 1_000_000 })),
      income: {
        sources: [
          {
            merchantKey: 'k',
            name: '급여',
            category: 'salary',
            kind: 'salary',
            monthly: 2_000_000,
            payDay: 25,
            monthsSeen: 6,
            regular: true,
            nextExpected: null,
            reason: { ko: '', en: '' },
          },
        ],
        monthly: known(2_000_000),
        annual: known(24_000_000),
      },
      hasDeposits: true,
    });
    // telecom 11/12 × 300 = 275; deposits all positive, no variation = 250; income 6/6 = 300; e-pay unknown.
    expect(s.factors.map((f) => [f.key, f.points.known ? f.points.value : null])).toEqual([
      ['telecom', 275],
      ['epay', null],
      ['deposit-stability', 250],
      ['income-regularity', 300],
    ]);
    expect(s.points).toBe(825);
    expect(s.outOf).toBe(850);
    expect(s.grade).toEqual(known('A'));
    for (const f of s.factors) expect(f.evidence.ko.length).toBeGreaterThan(0);
  });
});
