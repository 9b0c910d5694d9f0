import { AH, aN, aNS, BOOL, DATE, DTIME, F, MONTH, N } from '../wire/wire-type.ts';
import type { FieldDef } from '../schema/shape.ts';

/**
 * Fields shared by every sector: envelope, paging, periods, money. Types marked provisional are our
 * reading of the notes where the standard's chapter 6 tables are not public; change them here only.
 */
export const COMMON_FIELDS = {
  rsp_code: { type: aN(5), ko: '세부 응답코드', en: 'Detailed response code' },
  rsp_msg: { type: AH(450), ko: '세부 응답메시지', en: 'Detailed response message' },
  org_code: { type: aN(10), ko: '기관코드', en: 'Organisation code' },
  search_timestamp: { type: N(14), ko: '조회 타임스탬프', en: 'Search timestamp (0 on the first call)' },
  next_page: { type: aNS(1000), ko: '다음 페이지 기준개체', en: 'Cursor of the next page (URL-safe)' },
  limit: { type: N(3), ko: '최대조회갯수', en: 'Maximum items per page (≤ 500)', max: 500 },
  reg_date: { type: DATE, ko: '최초 등록일자', en: 'Date first registered', provisional: true },
  from_date: { type: DATE, ko: '시작일자', en: 'Start date' },
  to_date: { type: DATE, ko: '종료일자', en: 'End date' },
  charge_month: { type: MONTH, ko: '청구년월', en: 'Billing month (YYYYMM)' },
  from_month: { type: MONTH, ko: '시작년월', en: 'Start month' },
  to_month: { type: MONTH, ko: '종료년월', en: 'End month' },
  is_consent: { type: BOOL, ko: '전송요구 여부', en: 'Whether the asset is in the consent' },
  currency_code: { type: aN(3), ko: '통화코드 (ISO 4217)', en: 'Currency code (ISO 4217)' },
  prod_name: { type: AH(300), ko: '상품명', en: 'Product name', provisional: true },
  issue_date: { type: DATE, ko: '개설일/발급일', en: 'Opening or issue date' },
  exp_date: { type: DATE, ko: '만기일', en: 'Expiry or maturity date' },
  holder_name: { type: AH(90), ko: '명의자명', en: 'Holder name', provisional: true },
  trans_dtime: { type: DTIME, ko: '거래일시', en: 'Transaction date and time' },
  trans_date: { type: DATE, ko: '거래일자', en: 'Transaction date' },
  trans_no: { type: aNS(64), ko: '거래번호', en: 'Transaction number', provisional: true },
  trans_type: {
    type: aN(4),
    ko: '거래유형 코드',
    en: 'Transaction type code',
    provisional: true,
    note: 'Sectors use 2- to 4-digit codes (bank 01…, invest 301…, e-finance 5201…)',
  },
  trans_amt: { type: F(18, 3, true), ko: '거래금액', en: 'Transaction amount', provisional: true },
  balance_amt: { type: F(18, 3, true), ko: '잔액', en: 'Balance', provisional: true },
  int_rate: { type: F(5, 3), ko: '이율', en: 'Interest rate (%)', provisional: true },
  merchant_name: { type: AH(300), ko: '가맹점명', en: 'Merchant name', provisional: true },
  merchant_regno: {
    type: aN(12),
    ko: '가맹점 사업자등록번호',
    en: 'Merchant business registration number (v2, gated by is_consent_merchant_name_regno)',
    provisional: true,
  },
  trans_memo: {
    type: AH(300),
    ko: '적요',
    en: 'Memo / narrative (v2, gated by is_consent_trans_memo)',
    provisional: true,
  },
  total_install_cnt: { type: N(3), ko: '전체 할부회차', en: 'Total instalments', provisional: true },
  pay_method: { type: aN(2), ko: '납입방법', en: 'Payment method code', provisional: true },
  repay_method: { type: aN(2), ko: '상환방법 코드', en: 'Repayment method code', provisional: true },
  seqno: { type: aN(7), ko: '회차번호', en: 'Instalment sequence number', provisional: true },
} as const satisfies Record<string, FieldDef>;
