import { AH, aN, aNS, BOOL, DATE, F, MONTH, N } from '../wire/wire-type.ts';
import type { FieldDef } from '../schema/shape.ts';
import { BANK_FIELDS } from './bank.ts';

/**
 * Bank fields that the loan APIs of other sectors (보험-008…011, 할부금융-001…006, P2P-001…004) and the
 * list APIs of 전자금융 use with the same name and meaning. They stay defined once, in fields/bank.ts; this
 * object only picks them so a sector's vocabulary does not pull in every bank field.
 */
export const SHARED_BANK_FIELDS = {
  account_num: BANK_FIELDS.account_num,
  account_cnt: BANK_FIELDS.account_cnt,
  account_status: BANK_FIELDS.account_status,
  last_offered_rate: BANK_FIELDS.last_offered_rate,
  repay_date: BANK_FIELDS.repay_date,
  repay_org_code: BANK_FIELDS.repay_org_code,
  repay_account_num: BANK_FIELDS.repay_account_num,
  loan_principal: BANK_FIELDS.loan_principal,
  next_repay_date: BANK_FIELDS.next_repay_date,
  principal_amt: BANK_FIELDS.principal_amt,
  int_amt: BANK_FIELDS.int_amt,
  int_cnt: BANK_FIELDS.int_cnt,
  int_start_date: BANK_FIELDS.int_start_date,
  int_end_date: BANK_FIELDS.int_end_date,
  int_type: BANK_FIELDS.int_type,
  trans_cnt: BANK_FIELDS.trans_cnt,
} as const satisfies Record<string, FieldDef>;

/**
 * Insurance fields (보험-001…012). Names from the notes §3.3 (Banksalad 2021-draft DTOs and fixtures);
 * chapter 6 is not public, so types, lengths and code lists are our choice (provisional) unless a code list
 * is cited. Guarantee insurance (보증보험), telecom and e-finance reuse several of these names with the same
 * meaning (insured_*, face_amt, pay_due, pay_amt, paid_amt, pay_org_code) and import them from here.
 */
export const INSU_FIELDS = {
  // 보험-001 목록
  insu_num: { type: aNS(20), ko: '증권번호', en: 'Policy number', provisional: true },
  insu_cnt: { type: N(5), ko: '보유 계약 수', en: 'Number of policies' },
  insu_type: {
    type: aN(2),
    ko: '보험종류 구분 코드',
    en: 'Insurance type code',
    provisional: true,
    note: 'Code list not public; our reading: 01 종신, 02 정기, 03 질병(건강), 04 암, 05 상해, 06 실손, 07 연금, 08 저축, 09 변액, 10 자동차, 99 기타. Guarantee insurers use their own codes.',
  },
  insu_status: {
    type: aN(2),
    ko: '계약상태 코드',
    en: 'Policy status code',
    provisional: true,
    values: ['02', '04', '05', '06'],
    note: '02 정상, 04 실효, 05 만기, 06 소멸 (v2 values per the notes; 01 and 03 are not used)',
  },
  // 보험-002 기본정보
  is_renewable: { type: BOOL, ko: '갱신형 여부', en: 'Renewable policy' },
  face_amt: { type: F(18, 3), ko: '보험가입금액', en: 'Sum insured (face amount)', provisional: true },
  is_variable: { type: BOOL, ko: '변액보험 여부', en: 'Variable (unit-linked) policy' },
  is_universal: { type: BOOL, ko: '유니버셜 여부', en: 'Universal policy (flexible premiums)' },
  pension_rcv_start_date: { type: DATE, ko: '연금개시일', en: 'Pension payout start date', provisional: true },
  pension_rcv_cycle: {
    type: aN(3),
    ko: '연금수령주기',
    en: 'Pension payout cycle',
    provisional: true,
    note: 'Format not public; we use <n><M|Y>: 1M 매월, 3M 3개월, 6M 6개월, 1Y 매년',
  },
  is_loanable: { type: BOOL, ko: '보험계약대출 가능 여부', en: 'Policy loan available' },
  insured_cnt: { type: N(3), ko: '피보험자 수', en: 'Number of insured persons' },
  insured_no: { type: aN(2), ko: '피보험자 순번', en: 'Insured person number (01, 02, …)', provisional: true },
  insured_name: { type: AH(90), ko: '피보험자명', en: 'Insured person name', provisional: true },
  // 보험-003 특약정보
  contract_cnt: { type: N(3), ko: '특약 수', en: 'Number of riders' },
  contract_name: { type: AH(300), ko: '특약명', en: 'Rider name', provisional: true },
  contract_status: {
    type: aN(2),
    ko: '특약 상태 코드',
    en: 'Rider status code',
    provisional: true,
    note: 'Our reading: the insu_status codes (02 정상, 04 실효, 05 만기, 06 소멸); not enforced',
  },
  contract_exp_date: { type: DATE, ko: '특약 만기일', en: 'Rider expiry date', provisional: true },
  contract_face_amt: { type: F(18, 3), ko: '특약 가입금액', en: 'Rider sum insured', provisional: true },
  is_required: { type: BOOL, ko: '의무특약 여부', en: 'Mandatory rider' },
  // 보험-004 자동차보험
  car_insu_cnt: { type: N(3), ko: '자동차보험 계약 수', en: 'Number of car insurance contracts' },
  car_number: { type: AH(30), ko: '차량번호', en: 'Vehicle registration number (e.g. 12가3456)', provisional: true },
  car_insu_type: {
    type: aN(2),
    ko: '자동차보험 구분 코드',
    en: 'Car insurance type code',
    provisional: true,
    note: 'Our reading: 01 개인용, 02 업무용, 03 영업용, 04 이륜차, 99 기타',
  },
  car_name: { type: AH(300), ko: '차명', en: 'Vehicle model name', provisional: true },
  start_date: { type: DATE, ko: '보험기간 시작일', en: 'Cover start date' },
  end_date: { type: DATE, ko: '보험기간 종료일', en: 'Cover end date' },
  contract_age: { type: AH(30), ko: '연령특약', en: 'Driver age restriction (e.g. 만 26세 이상)', provisional: true },
  contract_driver: { type: AH(60), ko: '운전자 범위', en: 'Driver scope (e.g. 부부한정, 가족한정)', provisional: true },
  own_dmg_coverage: {
    type: BOOL,
    ko: '자기차량손해 가입 여부',
    en: 'Own-damage cover taken',
    provisional: true,
    note: 'Name as in the notes; the 2021 draft fixture spells it is_own_dmg_coverage',
  },
  self_pay_rate: {
    type: aN(2),
    ko: '자기부담금 비율 코드',
    en: 'Deductible rate code',
    provisional: true,
    note: 'Code list not public (e.g. 01 20%, 02 30%)',
  },
  self_pay_amt: { type: F(18, 3), ko: '자기부담금 최소금액', en: 'Minimum deductible', provisional: true },
  // 보험-005 납입정보 (pay_due, pay_amt also in 보증보험-002; pay_org_code also in 전금-102)
  pay_due: {
    type: aN(2),
    ko: '납입기간 구분 코드',
    en: 'Premium payment term type code',
    provisional: true,
    note: 'Our reading: 01 일시납, 02 년납, 03 세납, 04 종신납, 99 기타',
  },
  pay_cycle: {
    type: aN(3),
    ko: '납입주기',
    en: 'Premium payment cycle',
    provisional: true,
    note: 'Format as pension_rcv_cycle: 1M 월납, 3M 3월납, 6M 6월납, 1Y 연납, 0 일시납',
  },
  pay_cnt: { type: N(5), ko: '납입횟수', en: 'Number of premiums paid so far', provisional: true },
  pay_org_code: {
    type: aN(10),
    ko: '납입/결제수단 기관코드',
    en: 'Org code of the payment means (premium account or card; a 간편결제 registered means)',
    provisional: true,
  },
  pay_date: { type: aN(2), ko: '월 납입일', en: 'Monthly payment day (01–31)', provisional: true },
  pay_end_date: { type: DATE, ko: '납입만기일', en: 'Last premium date', provisional: true },
  pay_amt: { type: F(18, 3), ko: '납입 보험료', en: 'Premium per payment', provisional: true },
  is_auto_pay: { type: BOOL, ko: '자동이체 여부', en: 'Paid by automatic transfer' },
  // 보험-006/007 거래내역 (paid_amt also in 보증보험-003, 통신-003)
  trans_applied_month: { type: MONTH, ko: '납입 대상 년월', en: 'Month the payment is for', provisional: true },
  paid_amt: { type: F(18, 3), ko: '납입금액', en: 'Amount paid', provisional: true },
  // 보험-012 보장정보
  coverage_cnt: { type: N(3), ko: '보장 항목 수', en: 'Number of coverages' },
  coverage_name: { type: AH(300), ko: '보장명', en: 'Coverage name', provisional: true },
  coverage_amt: { type: F(18, 3), ko: '보장금액', en: 'Amount covered', provisional: true },
  // 보험-008…011 대출 (account_type, loan_* shared with 할부금융 and P2P)
  loan_cnt: { type: N(5), ko: '보유 대출 수', en: 'Number of loans' },
  account_type: {
    type: aN(4),
    ko: '계좌(대출) 구분 코드',
    en: 'Loan account type code',
    provisional: true,
    note: 'Loan codes 3xxx; the detailed list for insurers and capital firms is not public (the 2021 draft fixture shows 3245), so no values are enforced here, unlike the bank list',
  },
  loan_start_date: { type: DATE, ko: '대출일', en: 'Loan start date', provisional: true },
  loan_exp_date: { type: DATE, ko: '대출 만기일', en: 'Loan maturity date', provisional: true },
  loan_paid_amt: { type: F(18, 3), ko: '상환 원금', en: 'Principal repaid in the transaction', provisional: true },
  int_paid_amt: { type: F(18, 3), ko: '납입 이자', en: 'Interest paid in the transaction', provisional: true },
} as const satisfies Record<string, FieldDef>;
