import { describe, expect, it } from 'vitest';
import { formatReport, type SummaryJson } from './format-report.ts';

const base: SummaryJson = {
  today: '20261125',
  netWorth: {
    assets: { known: true, value: 10_000_000 },
    liabilities: { known: true, value: 2_000_000 },
    net: { known: true, value: 8_000_000 },
    knownAssets: 10_000_000,
    knownLiabilities: 2_000_000,
    bySector: [],
    fx: [],
    unknowns: [],
  },
  spending: { month: '202611', total: 0, categories: [] },
  recurring: [],
  credit: {
    debt: { known: true, value: 2_000_000 },
    dsr: { ratio: { known: true, value: 0.05 }, explanation: { ko: 'DSR 5.0%', en: 'DSR 5.0%' } },
    signals: [],
    topTip: null,
  },
  recommendations: [],
};

describe('hannun report: the trend and insurance/telecom lines', () => {
  it('the trend from the first point to today, saying which month-ends were rebuilt and what was held or unknown', () => {
    const text = formatReport('demo.connected', {
      ...base,
      netWorth: {
        ...base.netWorth,
        history: [
          {
            date: '20260930',
            net: 7_000_000,
            complete: false,
            source: 'reconstructed',
            sectors: [
              { ko: '예금·적금', coverage: 'reconstructed' },
              { ko: '투자', coverage: 'held' },
              { ko: '대출', coverage: 'unknown' },
            ],
          },
          {
            date: '20261031',
            net: 7_500_000,
            complete: true,
            source: 'reconstructed',
            sectors: [{ ko: '투자', coverage: 'held' }],
          },
          { date: '20261125', net: 8_000_000, complete: true, source: 'recorded' },
        ],
      },
      insurance: [{ institution: '푸른손해보험', name: '다이렉트 자동차보험', premium: 51_200, cycle: '1M' }],
      telecom: { month: '202610', charged: 55_000, paid: null },
    });
    expect(text).toContain('추이 Trend  2026-09-30 7,000,000원 → 2026-11-25 8,000,000원');
    expect(text).toContain('월말 2개는 거래내역으로 추정');
    expect(text).toContain('현재값 유지 held at today: 투자');
    expect(text).toContain('일부 알 수 없음(제외) partly unknown: 대출');
    expect(text).toContain('푸른손해보험 다이렉트 자동차보험 보험료 51,200원');
    expect(text).toContain('통신요금 2026-10 청구 55,000원, 납부 내역 알 수 없음');
  });

  it('without history, insurance or telecom, neither section is printed', () => {
    const text = formatReport('demo.newcomer', base);
    expect(text).not.toContain('추이');
    expect(text).not.toContain('보험·통신');
  });
});
