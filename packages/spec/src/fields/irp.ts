import { AH, aN, DATE, F, N } from '../wire/wire-type.ts';
import type { FieldDef } from '../schema/shape.ts';
import { BANK_FIELDS } from './bank.ts';

/**
 * 개인형 IRP fields (IRP-001…004, shared by bank, invest and insu). Names from the notes §3.3; types provisional
 * (chapter 6 is not public). Names the bank dictionary already defines with the same meaning are taken from it.
 */
export const IRP_FIELDS = {
  account_num: BANK_FIELDS.account_num,
  account_status: BANK_FIELDS.account_status,
  eval_amt: BANK_FIELDS.eval_amt,
  inv_principal: BANK_FIELDS.inv_principal,
  fund_num: BANK_FIELDS.fund_num,
  trans_cnt: BANK_FIELDS.trans_cnt,
  irp_cnt: {
    type: N(3),
    ko: '개인형 IRP 계좌 수 / 상품 수',
    en: 'Number of IRP accounts (IRP-001) or products (IRP-003)',
  },
  // IRP-002 기본정보
  accum_amt: { type: F(18, 3), ko: '적립금 (납입원금 합계)', en: 'Accumulated contributions', provisional: true },
  employer_amt: { type: F(18, 3), ko: '사용자 부담금', en: 'Employer contributions', provisional: true },
  employee_amt: { type: F(18, 3), ko: '가입자 부담금', en: 'Employee contributions', provisional: true },
  first_deposit_date: { type: DATE, ko: '최초 입금일', en: 'Date of the first deposit', provisional: true },
  // IRP-003 추가정보 (운용상품별)
  irp_name: { type: AH(300), ko: '운용상품명', en: 'Name of the product held in the IRP', provisional: true },
  irp_type: {
    type: aN(2),
    ko: '운용상품 구분',
    en: 'Kind of product held in the IRP',
    provisional: true,
    note: '01 예금, 02 펀드, 03 ELS/DLS, 04 ETF, 05 리츠, 06 보험, 99 기타 (our code list)',
  },
  open_date: { type: DATE, ko: '신규일 (상품 가입일)', en: 'Date the product was bought', provisional: true },
} as const satisfies Record<string, FieldDef>;
