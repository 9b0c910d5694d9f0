/**
 * Hannun's spending taxonomy. Each category has a kind: spending (지출), income (수입) or a transfer
 * between the person's own pockets (이체: card bill payments, savings, top-ups), which is neither.
 * Keys are stable (stored in rollups and rules); labels are for people.
 */
export type CategoryKind = 'spend' | 'income' | 'transfer';

export interface Category {
  readonly key: string;
  readonly ko: string;
  readonly en: string;
  readonly kind: CategoryKind;
  /** A cost that recurs with little choice (rent, utilities, phone, insurance): a fixed cost when recurring. */
  readonly fixed?: boolean;
}

const spend = (key: string, ko: string, en: string, fixed = false): Category => ({
  key,
  ko,
  en,
  kind: 'spend',
  ...(fixed ? { fixed } : {}),
});
const income = (key: string, ko: string, en: string): Category => ({ key, ko, en, kind: 'income' });
const transfer = (key: string, ko: string, en: string): Category => ({ key, ko, en, kind: 'transfer' });

export const CATEGORIES: readonly Category[] = [
  spend('cafe', '카페', 'Cafés'),
  spend('convenience', '편의점', 'Convenience stores'),
  spend('mart', '대형마트', 'Supermarkets'),
  spend('grocery', '식품·슈퍼', 'Groceries'),
  spend('department', '백화점', 'Department stores'),
  spend('online', '온라인쇼핑', 'Online shopping'),
  spend('delivery', '배달음식', 'Food delivery'),
  spend('restaurant', '음식점', 'Restaurants'),
  spend('bakery', '베이커리', 'Bakeries'),
  spend('transport', '교통', 'Transport'),
  spend('fuel', '주유', 'Fuel'),
  spend('car', '자동차', 'Car'),
  spend('medical', '병원', 'Medical'),
  spend('pharmacy', '약국', 'Pharmacy'),
  spend('beauty', '뷰티', 'Beauty'),
  spend('living', '생활용품', 'Household goods'),
  spend('books', '도서·문구', 'Books and stationery'),
  spend('culture', '영화·공연', 'Films and shows'),
  spend('digital', '디지털콘텐츠', 'Digital content and subscriptions'),
  spend('education', '교육', 'Education'),
  spend('fashion', '패션의류', 'Clothing'),
  spend('electronics', '디지털가전', 'Electronics'),
  spend('travel', '여행숙박', 'Travel and lodging'),
  spend('leisure', '스포츠·레저', 'Sports and leisure'),
  spend('service', '생활서비스', 'Personal services'),
  spend('pet', '반려동물', 'Pets'),
  spend('housing', '주거', 'Housing (rent, maintenance)', true),
  spend('utilities', '공과금', 'Utilities', true),
  spend('telecom', '통신', 'Phone and internet', true),
  spend('insurance', '보험', 'Insurance premiums', true),
  spend('loan-interest', '대출이자·상환', 'Loan repayments', true),
  spend('cash', '현금인출', 'Cash withdrawals'),
  spend('fees', '수수료·연회비', 'Fees'),
  spend('tax', '세금', 'Taxes'),
  spend('donation', '기부·경조사', 'Gifts and donations'),
  spend('uncategorised', '미분류', 'Uncategorised'),
  income('salary', '급여', 'Salary'),
  income('business-income', '사업소득', 'Business income'),
  income('pension-income', '연금수령', 'Pension received'),
  income('interest-income', '이자·배당', 'Interest and dividends'),
  income('other-income', '기타수입', 'Other income'),
  transfer('card-payment', '카드대금', 'Card bill payments'),
  transfer('own-transfer', '내계좌이체', 'Between own accounts'),
  transfer('person-transfer', '송금', 'Transfers to and from people'),
  transfer('savings', '저축·투자', 'Savings and investments'),
  transfer('loan', '대출실행', 'Loan proceeds'),
  transfer('top-up', '충전', 'Top-ups (e-money, prepaid)'),
  transfer('duplicate', '중복표시', 'Shown elsewhere (check card, 간편결제 debits)'),
];

export const UNCATEGORISED = 'uncategorised';

const BY_KEY = new Map(CATEGORIES.map((c) => [c.key, c]));

export function categoryOf(key: string): Category | undefined {
  return BY_KEY.get(key);
}

export function isCategory(key: string): boolean {
  return BY_KEY.has(key);
}

/** The kind a transaction counts as: an uncategorised inflow is income, an outflow spending. */
export function kindOf(category: string, amount: number): CategoryKind {
  if (category === UNCATEGORISED) return amount < 0 ? 'spend' : 'income';
  return BY_KEY.get(category)?.kind ?? (amount < 0 ? 'spend' : 'income');
}

/** The spending categories a merchant can have (what the dictionary and the learned categoriser propose). */
export const MERCHANT_CATEGORIES: readonly string[] = CATEGORIES.filter(
  (c) => c.kind === 'spend' && c.key !== UNCATEGORISED,
).map((c) => c.key);
