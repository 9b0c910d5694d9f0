/**
 * Spending categories: when people buy (hours), how much each kind of customer spends there (weights per
 * segment), and how often a purchase is in instalments or cancelled. The label doubles as the order
 * category (trans_category) of 간편결제 payments.
 */
export type Segment = 'thin' | 'young' | 'family' | 'affluent' | 'senior' | 'indebted' | 'selfEmployed' | 'power';

export const SEGMENTS: readonly Segment[] = [
  'thin',
  'young',
  'family',
  'affluent',
  'senior',
  'indebted',
  'selfEmployed',
  'power',
];

export interface MerchantCategory {
  readonly key: string;
  /** Korean label, also used as trans_category. */
  readonly ko: string;
  /** Opening hours [from, to) in hours; to may exceed 24 (until the small hours). */
  readonly hours: readonly [number, number];
  /** Relative weight of the category in a month's purchases, per segment (thin … power). */
  readonly weights: readonly [number, number, number, number, number, number, number, number];
  /** Only customers with a car buy here (fuel, car care). */
  readonly carOnly?: boolean;
  /** Share of purchases above 50,000 KRW paid in instalments (할부). */
  readonly installment: number;
  /** Share of purchases cancelled a few days later. */
  readonly cancel: number;
}

const c = (
  key: string,
  ko: string,
  hours: readonly [number, number],
  weights: MerchantCategory['weights'],
  installment = 0,
  cancel = 0.008,
  carOnly = false,
): MerchantCategory => ({ key, ko, hours, weights, installment, cancel, ...(carOnly ? { carOnly } : {}) });

//                                                 thin young family affl senior indebt self power
export const CATEGORIES: readonly MerchantCategory[] = [
  c('cafe', '카페', [8, 22], [10, 12, 6, 7, 2, 6, 5, 9]),
  c('convenience', '편의점', [6, 25], [16, 12, 6, 3, 3, 10, 6, 8]),
  c('mart', '대형마트', [10, 22], [1, 3, 9, 6, 7, 5, 6, 5], 0.03),
  c('grocery', '식품·슈퍼', [9, 22], [1, 3, 6, 4, 8, 5, 5, 3]),
  c('department', '백화점', [10.5, 20], [0.2, 0.6, 1.2, 3.5, 1.2, 0.6, 1.2, 2.5], 0.25, 0.03),
  c('online', '온라인쇼핑', [0, 24], [6, 10, 10, 8, 3, 8, 7, 10], 0.05, 0.05),
  c('delivery', '배달음식', [11, 23.5], [6, 9, 6, 4, 1, 8, 5, 8], 0, 0.02),
  c('restaurant', '음식점', [11, 22], [8, 10, 9, 10, 7, 9, 12, 10]),
  c('bakery', '베이커리', [8, 21], [3, 3, 4, 3, 4, 3, 3, 3]),
  c('transport', '교통', [5, 25], [6, 7, 4, 5, 3, 5, 4, 6]),
  c('fuel', '주유', [7, 22], [0, 2, 6, 5, 3, 4, 8, 5], 0, 0.004, true),
  c('medical', '병원', [9, 18], [1, 2, 4, 3, 10, 2, 3, 2], 0.1),
  c('pharmacy', '약국', [9, 21], [1, 2, 3, 2, 7, 2, 2, 2]),
  c('beauty', '뷰티', [10, 22], [5, 6, 3, 3, 1, 3, 2, 4], 0, 0.03),
  c('living', '생활용품', [10, 21], [3, 4, 5, 3, 3, 4, 3, 3], 0.15, 0.02),
  c('books', '도서·문구', [10, 21], [2, 2, 2, 2, 1, 1, 1, 2]),
  c('culture', '영화·공연', [10, 23], [3, 3, 2, 2, 1, 2, 1, 3], 0, 0.03),
  c('digital', '디지털콘텐츠', [0, 24], [3, 3, 2, 2, 0.5, 2, 1, 3]),
  c('education', '교육', [14, 21], [0.3, 0.6, 2.5, 2, 0.1, 0.5, 0.5, 1], 0.2),
  c('fashion', '패션의류', [11, 21], [3, 5, 4, 5, 2, 3, 3, 5], 0.08, 0.04),
  c('electronics', '디지털가전', [11, 21], [0.3, 0.5, 0.5, 0.8, 0.3, 0.4, 0.5, 1], 0.6, 0.03),
  c('travel', '여행숙박', [0, 24], [0.3, 0.8, 0.8, 1.5, 0.5, 0.3, 0.5, 1.5], 0.3, 0.04),
  c('leisure', '스포츠·레저', [7, 22], [1, 2, 2, 4, 1, 1, 3, 3], 0.1),
  c('service', '생활서비스', [10, 21], [2, 3, 3, 3, 2, 2, 2, 3]),
  c('car', '자동차', [9, 20], [0, 0.6, 1.5, 1.5, 1, 1, 2, 1.5], 0.1, 0.004, true),
  c('pet', '반려동물', [10, 21], [0.5, 1, 1.5, 1.5, 1, 0.5, 1, 1]),
];

export const CATEGORY_INDEX: ReadonlyMap<string, number> = new Map(CATEGORIES.map((cat, i) => [cat.key, i]));
