import { A, AH, aN, aNS, BOOL, DATE, DTIME, F, N } from '../wire/wire-type.ts';
import type { FieldDef } from '../schema/shape.ts';
import { BANK_FIELDS } from './bank.ts';

/**
 * Card fields (카드-001…012, and the approval fields 선불-004 reuses). Names from the notes §3.3 (Banksalad
 * DTOs of the 2021 draft, KB Card fragments for the loan types). Chapter 6 is not public, so nearly every
 * type, length and code list here is our choice and marked provisional.
 */
export const CARD_FIELDS = {
  // 카드-001 카드 목록
  card_cnt: { type: N(3), ko: '보유카드수', en: 'Number of cards in this page' },
  card_id: {
    type: aNS(64),
    ko: '카드 식별자',
    en: 'Card identifier (an opaque id, never the card number; a path segment, so URL-safe)',
    provisional: true,
  },
  card_num: { type: aNS(20), ko: '카드번호 (마스킹)', en: 'Masked card number', provisional: true },
  card_name: { type: AH(300), ko: '카드상품명', en: 'Card product name', provisional: true },
  card_member: {
    type: aN(1),
    ko: '본인/가족 구분',
    en: 'Own or family card',
    provisional: true,
    values: ['1', '2'],
    note: '1 본인, 2 가족',
  },
  card_type: {
    type: aN(2),
    ko: '카드 구분',
    en: 'Card type code',
    provisional: true,
    values: ['01', '02', '03'],
    note: '01 신용, 02 체크, 03 소액신용체크(하이브리드)',
  },
  // 카드-002 카드 기본정보
  is_trans_payable: { type: BOOL, ko: '교통카드 기능 여부', en: 'Has the transit payment function' },
  is_cash_card: { type: BOOL, ko: '현금카드 기능 여부', en: 'Has the cash-card function' },
  linked_bank_code: {
    type: aN(3),
    ko: '결제은행 코드',
    en: 'Settlement bank code (금융회사 3-digit code)',
    provisional: true,
  },
  card_brand: {
    type: aN(2),
    ko: '카드 브랜드',
    en: 'Card brand code',
    provisional: true,
    note: '01 국내전용, 02 BC, 03 VISA, 04 MASTER, 05 AMEX, 06 JCB, 07 UnionPay, 99 기타 (our code list)',
  },
  annual_fee: { type: F(18, 3), ko: '연회비', en: 'Annual fee', provisional: true },
  // 카드-003 포인트
  point_cnt: { type: N(3), ko: '포인트 종류 수', en: 'Number of point programmes' },
  point_name: { type: AH(300), ko: '포인트명', en: 'Point programme name', provisional: true },
  remain_point_amt: { type: N(15), ko: '잔여 포인트', en: 'Points remaining', provisional: true },
  expiring_point_amt: {
    type: N(15),
    ko: '소멸예정 포인트',
    en: 'Points expiring soon (e.g. next month)',
    provisional: true,
  },
  // 카드-004/005 청구
  bill_cnt: { type: N(3), ko: '청구 건수', en: 'Number of bills in this page' },
  charge_amt: { type: F(18, 3), ko: '월 청구금액', en: 'Amount billed for the month', provisional: true },
  charge_day: { type: aN(2), ko: '결제일', en: 'Payment day of month (01–31)', provisional: true },
  paid_out_date: { type: DATE, ko: '결제년월일', en: 'Settlement (payment) date', provisional: true },
  bill_detail_cnt: { type: N(5), ko: '청구 상세 건수', en: 'Number of bill lines in this page' },
  paid_dtime: { type: DTIME, ko: '사용일시', en: 'Date and time of use' },
  paid_amt: {
    type: F(18, 3, true),
    ko: '이용금액',
    en: 'Amount used (negative for a cancellation)',
    provisional: true,
  },
  credit_fee_amt: {
    type: F(18, 3),
    ko: '신용판매 수수료',
    en: 'Fee or interest charged on the line',
    provisional: true,
  },
  cur_install_cnt: { type: N(3), ko: '현재 할부회차', en: 'Current instalment number', provisional: true },
  prod_type: {
    type: aN(2),
    ko: '상품 구분',
    en: 'Product type of the bill line',
    provisional: true,
    note: '01 일시불, 02 할부, 03 단기카드대출(현금서비스), 04 장기카드대출(카드론), 05 리볼빙, 06 연회비, 99 기타 (our code list)',
  },
  // 카드-006 결제정보
  pay_cnt: { type: N(3), ko: '결제 건수', en: 'Number of upcoming payments' },
  pay_due_date: { type: DATE, ko: '결제예정일', en: 'Payment due date' },
  pay_amt: { type: F(18, 3), ko: '결제예정금액', en: 'Amount due', provisional: true },
  // 카드-007 리볼빙
  revolving_cnt: { type: N(3), ko: '리볼빙 건수', en: 'Number of revolving records' },
  req_date: { type: DATE, ko: '신청일', en: 'Date the revolving was requested' },
  min_pay_rate: { type: F(5, 3), ko: '최소결제비율', en: 'Minimum payment rate (%)', provisional: true },
  min_pay_amt: { type: F(18, 3), ko: '최소결제금액', en: 'Minimum payment amount', provisional: true },
  agreed_pay_rate: { type: F(5, 3), ko: '약정결제비율', en: 'Agreed payment rate (%)', provisional: true },
  remained_amt: { type: F(18, 3), ko: '리볼빙 잔액', en: 'Revolving balance carried over', provisional: true },
  // 카드-008/009 승인내역 (also 선불-004)
  approved_cnt: { type: N(5), ko: '승인 건수', en: 'Number of approvals in this page' },
  approved_num: { type: aN(20), ko: '승인번호', en: 'Approval number', provisional: true },
  status: {
    type: aN(2),
    ko: '결제상태',
    en: 'Approval status',
    provisional: true,
    values: ['01', '02', '03', '04'],
    note: '01 승인, 02 승인취소, 03 정정, 04 무승인매입',
  },
  pay_type: {
    type: aN(2),
    ko: '사용구분',
    en: 'Payment type (lump sum or instalments)',
    provisional: true,
    note: '01 일시불, 02 할부 (our reading)',
  },
  approved_dtime: { type: DTIME, ko: '승인일시', en: 'Approval date and time' },
  cancel_dtime: { type: DTIME, ko: '취소일시', en: 'Cancellation date and time' },
  approved_amt: {
    type: F(18, 3),
    ko: '이용금액',
    en: 'Approved amount (in the transaction currency for overseas approvals)',
    provisional: true,
  },
  modified_amt: {
    type: F(18, 3, true),
    ko: '정정후 금액',
    en: 'Amount after a correction (v2)',
    provisional: true,
  },
  country_code: { type: A(2), ko: '결제국가코드 (ISO 3166-1)', en: 'Country code (ISO 3166-1 alpha-2)' },
  krw_amt: { type: F(18, 3), ko: '원화 환산금액', en: 'Amount in KRW', provisional: true },
  // 카드-010…012 대출상품
  is_loan_revolving: { type: BOOL, ko: '리볼빙 이용 여부', en: 'Has a revolving balance' },
  is_loan_short_term: { type: BOOL, ko: '단기대출 이용 여부', en: 'Has a short-term card loan (현금서비스)' },
  is_loan_long_term: { type: BOOL, ko: '장기대출 이용 여부', en: 'Has a long-term card loan (카드론)' },
  short_term_cnt: { type: N(3), ko: '단기대출 건수', en: 'Number of short-term loans' },
  long_term_cnt: { type: N(3), ko: '장기대출 건수', en: 'Number of long-term loans' },
  loan_dtime: { type: DTIME, ko: '이용일시', en: 'Loan date and time' },
  loan_amt: { type: F(18, 3), ko: '이용금액', en: 'Amount borrowed' },
  loan_cnt: { type: N(5), ko: '대출 회차', en: 'Loan sequence (회차)', provisional: true },
  loan_type: { type: AH(90), ko: '대출종류', en: 'Loan kind', provisional: true },
  loan_name: { type: AH(300), ko: '상품명', en: 'Loan product name', provisional: true },
  int_amt: BANK_FIELDS.int_amt,
} as const satisfies Record<string, FieldDef>;
