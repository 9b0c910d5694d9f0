/**
 * The product catalogue recommendations draw from, shipped as data. PROVISIONAL and fictional: the products
 * are the demo institutions' (names and numbers invented for Hannun, in the range of the Korean market in
 * 2026); a real operator loads its partners' catalogue instead. Rates are % a year.
 */
export interface CardBenefit {
  /** Hannun categories the benefit applies to. */
  readonly categories: readonly string[];
  /** Discount or points rate, % of the spending. */
  readonly rate: number;
  /** At most this much a month (KRW). */
  readonly monthlyCap: number;
}

export interface CardProduct {
  readonly id: string;
  readonly kind: 'card';
  readonly provider: string;
  readonly orgCode: string;
  readonly name: string;
  readonly annualFee: number;
  /** Last month's spending needed for the benefits (전월실적). */
  readonly minMonthlySpend: number;
  readonly benefits: readonly CardBenefit[];
  /** A flat rate on everything else, if any. */
  readonly baseRate?: number;
}

export interface DepositProduct {
  readonly id: string;
  readonly kind: 'deposit' | 'savings';
  readonly provider: string;
  readonly orgCode: string;
  readonly name: string;
  readonly months: number;
  readonly baseRate: number;
  /** The best rate with every condition met. */
  readonly maxRate: number;
  readonly conditions: string;
  /** savings: most a month; deposit: least to open. */
  readonly limit: number;
}

export interface LoanProduct {
  readonly id: string;
  readonly kind: 'loan';
  readonly provider: string;
  readonly orgCode: string;
  readonly name: string;
  readonly loanKinds: readonly string[];
  readonly minRate: number;
  readonly maxRate: number;
  readonly maxAmount: number;
  /** The DSR the lender allows at most. */
  readonly maxDsr: number;
  readonly conditions: string;
}

export interface InsuranceProduct {
  readonly id: string;
  readonly kind: 'insurance';
  readonly provider: string;
  readonly orgCode: string;
  readonly name: string;
  readonly line: 'car' | 'health' | 'life' | 'pension';
  /** Typical saving against an offline contract, % (car insurance online channels). */
  readonly discount: number;
  readonly conditions: string;
}

export type Product = CardProduct | DepositProduct | LoanProduct | InsuranceProduct;

export const CATALOGUE: readonly Product[] = [
  // Cards
  {
    id: 'card-nuri-daily', kind: 'card', provider: '누리카드', orgCode: 'CDNURI0001', name: '누리 데일리 카드', annualFee: 15_000, minMonthlySpend: 300_000,
    benefits: [
      { categories: ['cafe', 'bakery'], rate: 10, monthlyCap: 10_000 },
      { categories: ['convenience'], rate: 7, monthlyCap: 5_000 },
      { categories: ['transport'], rate: 10, monthlyCap: 5_000 },
    ],
  },
  {
    id: 'card-byeolbit-shopping', kind: 'card', provider: '별빛카드', orgCode: 'CDBYEOLB01', name: '별빛 쇼핑 카드', annualFee: 20_000, minMonthlySpend: 400_000,
    benefits: [
      { categories: ['online'], rate: 5, monthlyCap: 15_000 },
      { categories: ['delivery'], rate: 10, monthlyCap: 10_000 },
      { categories: ['digital'], rate: 20, monthlyCap: 5_000 },
    ],
  },
  {
    id: 'card-haneul-drive', kind: 'card', provider: '하늘카드', orgCode: 'CDHANEUL01', name: '하늘 드라이브 카드', annualFee: 15_000, minMonthlySpend: 300_000,
    benefits: [
      { categories: ['fuel'], rate: 6, monthlyCap: 20_000 },
      { categories: ['car'], rate: 5, monthlyCap: 10_000 },
      { categories: ['insurance'], rate: 1, monthlyCap: 5_000 },
    ],
  },
  {
    id: 'card-garam-family', kind: 'card', provider: '가람카드', orgCode: 'CDGARAM001', name: '가람 패밀리 카드', annualFee: 20_000, minMonthlySpend: 500_000,
    benefits: [
      { categories: ['mart', 'grocery'], rate: 5, monthlyCap: 20_000 },
      { categories: ['education'], rate: 5, monthlyCap: 10_000 },
      { categories: ['medical', 'pharmacy'], rate: 5, monthlyCap: 10_000 },
      { categories: ['telecom'], rate: 10, monthlyCap: 5_000 },
    ],
  },
  {
    id: 'card-nuri-flat', kind: 'card', provider: '누리카드', orgCode: 'CDNURI0001', name: '누리 무실적 1% 카드', annualFee: 10_000, minMonthlySpend: 0,
    benefits: [], baseRate: 1,
  },
  {
    id: 'card-byeolbit-travel', kind: 'card', provider: '별빛카드', orgCode: 'CDBYEOLB01', name: '별빛 트래블 카드', annualFee: 30_000, minMonthlySpend: 300_000,
    benefits: [
      { categories: ['travel'], rate: 5, monthlyCap: 30_000 },
      { categories: ['transport'], rate: 3, monthlyCap: 10_000 },
      { categories: ['culture'], rate: 10, monthlyCap: 5_000 },
    ],
  },
  // Deposits and savings
  { id: 'dep-nuri-12', kind: 'deposit', provider: '누리은행', orgCode: 'BKNURI0001', name: '누리 한눈 정기예금', months: 12, baseRate: 3.1, maxRate: 3.4, conditions: '비대면 가입 시 +0.3%p', limit: 1_000_000 },
  { id: 'dep-saebyeok-12', kind: 'deposit', provider: '새벽저축은행', orgCode: 'BKSAEBYK01', name: '새벽 정기예금', months: 12, baseRate: 3.6, maxRate: 3.6, conditions: '예금자보호 1인당 1억원까지', limit: 1_000_000 },
  { id: 'sav-garam-12', kind: 'savings', provider: '가람은행', orgCode: 'BKGARAM001', name: '가람 자유적금', months: 12, baseRate: 3.3, maxRate: 4.3, conditions: '급여이체 +0.5%p, 자동이체 +0.5%p', limit: 500_000 },
  { id: 'sav-daon-24', kind: 'savings', provider: '다온은행', orgCode: 'BKDAON0001', name: '다온 목돈만들기 적금', months: 24, baseRate: 3.5, maxRate: 4.0, conditions: '만기까지 매달 납입 시 +0.5%p', limit: 1_000_000 },
  { id: 'sav-nuri-6', kind: 'savings', provider: '누리은행', orgCode: 'BKNURI0001', name: '누리 6개월 챌린지 적금', months: 6, baseRate: 3.0, maxRate: 5.0, conditions: '카페·배달 지출을 전월보다 줄이면 +2%p', limit: 300_000 },
  // Loans
  { id: 'loan-nuri-credit', kind: 'loan', provider: '누리은행', orgCode: 'BKNURI0001', name: '누리 직장인 신용대출', loanKinds: ['credit', 'card-loan', 'cash-advance', 'p2p', 'installment', 'bond', 'other'], minRate: 4.9, maxRate: 8.9, maxAmount: 100_000_000, maxDsr: 0.4, conditions: '재직 6개월 이상, 연소득 2,400만원 이상' },
  { id: 'loan-garam-refi', kind: 'loan', provider: '가람은행', orgCode: 'BKGARAM001', name: '가람 대환대출', loanKinds: ['credit', 'card-loan', 'cash-advance', 'p2p', 'bond', 'other'], minRate: 5.5, maxRate: 11.5, maxAmount: 50_000_000, maxDsr: 0.4, conditions: '고금리 대출 상환 목적' },
  { id: 'loan-saebyeok-middle', kind: 'loan', provider: '새벽저축은행', orgCode: 'BKSAEBYK01', name: '새벽 중금리 대출', loanKinds: ['credit', 'card-loan', 'cash-advance', 'p2p', 'bond', 'other'], minRate: 9.5, maxRate: 15.9, maxAmount: 30_000_000, maxDsr: 0.5, conditions: '중·저신용자 대상 (사잇돌)' },
  { id: 'loan-daon-mortgage', kind: 'loan', provider: '다온은행', orgCode: 'BKDAON0001', name: '다온 주택담보대출 갈아타기', loanKinds: ['mortgage', 'secured'], minRate: 3.6, maxRate: 5.2, maxAmount: 600_000_000, maxDsr: 0.4, conditions: 'LTV 70% 이내' },
  // Insurance
  { id: 'ins-pureun-car', kind: 'insurance', provider: '푸른손해보험', orgCode: 'ISPUREUN01', name: '푸른 다이렉트 자동차보험', line: 'car', discount: 15, conditions: '온라인 가입, 마일리지 특약 추가 할인' },
  { id: 'ins-saebom-car', kind: 'insurance', provider: '새봄화재', orgCode: 'ISSAEBOM01', name: '새봄 다이렉트 자동차보험', line: 'car', discount: 12, conditions: '온라인 가입, 블랙박스 할인' },
  { id: 'ins-deundeun-pension', kind: 'insurance', provider: '든든생명', orgCode: 'ISDEUNDN01', name: '든든 연금저축보험', line: 'pension', discount: 0, conditions: '연 600만원까지 세액공제' },
];
