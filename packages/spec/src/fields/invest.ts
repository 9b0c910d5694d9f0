import { AH, aN, aNS, BOOL, DATE, F, N } from '../wire/wire-type.ts';
import type { FieldDef } from '../schema/shape.ts';
import { BANK_FIELDS } from './bank.ts';

/**
 * 금융투자 fields (금투-001…005). Names from the notes §3.3 (Banksalad DTOs of the 2021 draft); types and code
 * lists are provisional (chapter 6 is not public). Names the bank dictionary already defines with the same
 * meaning (account_num, account_name, account_status, eval_amt, base_amt, trans_cnt) are taken from it, so a
 * name keeps one type across sectors.
 */
export const INVEST_FIELDS = {
  account_num: BANK_FIELDS.account_num,
  account_name: BANK_FIELDS.account_name,
  account_status: BANK_FIELDS.account_status,
  eval_amt: BANK_FIELDS.eval_amt,
  base_amt: BANK_FIELDS.base_amt,
  trans_cnt: BANK_FIELDS.trans_cnt,
  account_cnt: { type: N(5), ko: '보유계좌수', en: 'Number of accounts' },
  account_type: {
    type: aN(3),
    ko: '계좌종류',
    en: 'Securities account type code',
    provisional: true,
    note: 'e.g. 101 종합위탁, 102 선물옵션, 201 CMA, 301 ISA, 401 연금저축, 999 기타 (our code list)',
  },
  // 금투-002 계좌 기본정보
  is_tax_benefits: { type: BOOL, ko: '세제혜택 적용 여부', en: 'Tax-advantaged account' },
  withholdings_amt: { type: F(18, 3), ko: '예수금', en: 'Cash deposit held in the account', provisional: true },
  credit_loan_amt: { type: F(18, 3), ko: '신용융자', en: 'Margin (credit) loan', provisional: true },
  mortgage_amt: { type: F(18, 3), ko: '대출금 (담보대출)', en: 'Securities-backed loan', provisional: true },
  // 금투-003 거래내역
  prod_code: {
    type: aNS(30),
    ko: '종목코드 (상품코드)',
    en: 'Security or product code (e.g. 005930, AAPL)',
    provisional: true,
  },
  trans_type_detail: {
    type: AH(90),
    ko: '거래종류 상세',
    en: 'Transaction type as the firm names it',
    provisional: true,
  },
  trans_num: { type: F(18, 3), ko: '거래수량', en: 'Quantity traded', provisional: true },
  settle_amt: { type: F(18, 3, true), ko: '정산금액', en: 'Settled amount', provisional: true },
  // 금투-004 상품정보
  prod_cnt: { type: N(5), ko: '보유상품 수', en: 'Number of holdings' },
  prod_type: {
    type: aN(3),
    ko: '상품종류',
    en: 'Product type code',
    provisional: true,
    note: 'e.g. 401 국내주식, 402 해외주식, 403 펀드, 404 채권, 405 ELS/DLS, 406 RP, 999 기타 (our code list)',
  },
  prod_type_detail: { type: AH(90), ko: '상품종류 상세', en: 'Product type as the firm names it', provisional: true },
  purchase_amt: { type: F(18, 3), ko: '매입금액', en: 'Purchase amount (cost)', provisional: true },
  holding_num: { type: F(18, 3), ko: '보유수량', en: 'Quantity held', provisional: true },
  avail_for_sale_num: { type: F(18, 3), ko: '매도가능수량', en: 'Quantity available for sale', provisional: true },
  paid_in_amt: { type: F(18, 3), ko: '납입금액 (납입원금)', en: 'Amount paid in', provisional: true },
  withdrawal_amt: { type: F(18, 3), ko: '출금금액', en: 'Amount withdrawn', provisional: true },
  last_paid_in_date: { type: DATE, ko: '최종납입일', en: 'Date of the last payment in', provisional: true },
  rcv_amt: { type: F(18, 3), ko: '연금수령액', en: 'Pension received so far', provisional: true },
  // 금투-005 연금계좌 추가정보
  rcv_start_date: { type: DATE, ko: '연금수령 개시일', en: 'Pension payments start date', provisional: true },
} as const satisfies Record<string, FieldDef>;
