import { AH, aN, aNS, BOOL, DATE, F, N } from '../wire/wire-type.ts';
import type { FieldDef } from '../schema/shape.ts';

/**
 * Bank fields (은행-001…010). Names from the notes (Banksalad DTOs, SPEC §2.2); types and code lists are
 * provisional where chapter 6 is not public.
 */
export const BANK_FIELDS = {
  account_num: { type: aNS(20), ko: '계좌번호', en: 'Account number', provisional: true },
  account_cnt: { type: N(5), ko: '보유계좌수', en: 'Number of accounts' },
  is_foreign_deposit: { type: BOOL, ko: '외화계좌 여부', en: 'Foreign-currency deposit' },
  is_minus: { type: BOOL, ko: '마이너스통장 여부', en: 'Overdraft (마이너스통장) account' },
  account_type: {
    type: aN(4),
    ko: '계좌 구분 코드',
    en: 'Account type code',
    provisional: true,
    values: ['1001', '1002', '1003', '1999', '2001', '2002', '2003', '2004', '2999', '3001', '3002', '3003', '3004', '3005', '3006', '3999'],
    note: '1xxx 수신 (1001 수시입출식, 1002 예금, 1003 적금), 2xxx 투자 (2001 수익증권, 2002 신탁, 2003 ISA, 2004 금전신탁), 3xxx 대출 (3001 신용, 3002 담보, 3003 주택담보, 3004 전세, 3005 마이너스, 3006 기타 담보); x999 기타',
  },
  account_status: {
    type: aN(2),
    ko: '계좌 상태 코드',
    en: 'Account status code',
    provisional: true,
    values: ['01', '02', '03', '04', '99'],
    note: '01 활동, 02 비활동(휴면), 03 해지, 04 지급정지, 99 기타',
  },
  saving_method: { type: aN(2), ko: '적립방식', en: 'Saving method code', provisional: true, note: '01 정액적립, 02 자유적립, 03 거치, 99 기타' },
  commit_amt: { type: F(18, 3), ko: '계약금액', en: 'Contracted amount', provisional: true },
  monthly_paid_in_amt: { type: F(18, 3), ko: '월 납입액', en: 'Monthly payment', provisional: true },
  detail_cnt: { type: N(3), ko: '통화별 잔액 수', en: 'Number of per-currency details' },
  withdrawable_amt: { type: F(18, 3), ko: '출금가능액', en: 'Withdrawable amount', provisional: true },
  offered_rate: { type: F(7, 5), ko: '적용 금리', en: 'Offered rate (%)', provisional: true },
  last_paid_in_cnt: { type: N(5), ko: '최종 납입회차', en: 'Last instalment number paid', provisional: true },
  trans_class: { type: AH(30), ko: '거래구분', en: 'Transaction class (e.g. 이체, 현금)', provisional: true },
  paid_in_cnt: { type: N(5), ko: '납입회차', en: 'Instalment number', provisional: true },
  standard_fund_code: { type: aN(12), ko: '표준펀드코드', en: 'Standard fund code', provisional: true },
  paid_in_type: { type: aN(2), ko: '납입유형', en: 'Payment type code', provisional: true },
  eval_amt: { type: F(18, 3, true), ko: '평가금액', en: 'Valuation', provisional: true },
  inv_principal: { type: F(18, 3), ko: '투자원금', en: 'Invested principal', provisional: true },
  fund_num: { type: F(18, 3), ko: '보유좌수', en: 'Units held', provisional: true },
  base_amt: { type: F(18, 3), ko: '기준가', en: 'Reference price', provisional: true },
  trans_fund_num: { type: F(18, 3), ko: '거래좌수', en: 'Units traded', provisional: true },
  last_offered_rate: { type: F(7, 5), ko: '최종 적용금리', en: 'Last offered rate (%)', provisional: true },
  repay_date: { type: aN(2), ko: '월 상환일', en: 'Monthly repayment day (01–31)', provisional: true },
  repay_org_code: { type: aN(10), ko: '자동이체 기관코드', en: 'Org code of the repayment account', provisional: true },
  repay_account_num: { type: aNS(20), ko: '상환 계좌번호', en: 'Repayment account number', provisional: true },
  loan_principal: { type: F(18, 3), ko: '대출원금', en: 'Loan principal', provisional: true },
  next_repay_date: { type: DATE, ko: '다음 상환일', en: 'Next repayment date', provisional: true },
  principal_amt: { type: F(18, 3), ko: '거래 원금', en: 'Principal part of the transaction', provisional: true },
  int_amt: { type: F(18, 3), ko: '이자 금액', en: 'Interest part of the transaction', provisional: true },
  int_cnt: { type: N(3), ko: '이자 적용 수', en: 'Number of interest periods' },
  int_start_date: { type: DATE, ko: '이자적용 시작일', en: 'Interest period start' },
  int_end_date: { type: DATE, ko: '이자적용 종료일', en: 'Interest period end' },
  int_type: { type: aN(2), ko: '이자 종류', en: 'Interest type code (01 약정, 02 연체, 99 기타)', provisional: true },
  trans_cnt: { type: N(5), ko: '거래건수', en: 'Number of transactions in this page' },
  account_name: { type: AH(300), ko: '계좌명', en: 'Account name', provisional: true },
} as const satisfies Record<string, FieldDef>;
