import type { ModelTableDef } from './model-table.ts';
import {
  APPROVAL,
  CARD,
  CARD_BILL,
  CARD_BILL_DETAIL,
  CARD_LOAN,
  CARD_LOAN_SUMMARY,
  CARD_PAYMENT,
  CARD_POINT,
  CARD_REVOLVING,
} from './tables/card-tables.ts';
import { DEPOSIT, DEPOSIT_BALANCE, DEPOSIT_TX } from './tables/deposit-tables.ts';
import {
  EMONEY_BALANCE,
  EMONEY_CHARGE,
  EMONEY_TX,
  PAY_METHOD,
  PAYMENT,
  PREPAID_BALANCE,
  PREPAID_TX,
} from './tables/efin-tables.ts';
import {
  CAR_INSU_TX,
  CAR_INSURANCE,
  COVERAGE,
  INSU_CONTRACT,
  INSU_PAYMENT,
  INSU_TX,
  INSURANCE,
} from './tables/insurance-tables.ts';
import {
  FUND,
  FUND_VALUE,
  HOLDING,
  INVEST_ACCOUNT,
  INVEST_TX,
  IRP,
  IRP_PRODUCT,
  IRP_TX,
  PENSION,
} from './tables/invest-tables.ts';
import { LOAN, LOAN_BALANCE, LOAN_TX } from './tables/loan-tables.ts';
import { BOND, BOND_TX, TELECOM_BILL, TELECOM_PAID_TX, TELECOM_TX } from './tables/other-tables.ts';

/** How one information API's answer becomes rows of one model table. */
export interface ModelRoute {
  readonly api: string;
  readonly table: ModelTableDef;
  /** The response list whose items are rows; absent: the body itself is one row. */
  readonly list?: string;
  /** Wire field → column, where the model's name differs (보험-009 loan_start_date → issue_date). */
  readonly rename?: Readonly<Record<string, string>>;
  /** Constant columns (approval region, card-loan term). */
  readonly fixed?: Readonly<Record<string, string>>;
  /** Columns taken from the request (the answer does not repeat them: charge_month, insured_no, car_number). */
  readonly fromRequest?: readonly string[];
  /**
   * The answer is the whole current set (holdings, points, coverages): rows of this API no longer in it are
   * deleted, within the asset (or provider) and these columns. Pass every page's items together.
   */
  readonly snapshot?: { readonly within: readonly string[] };
  /** Top-level response fields not stored, each for a reason given beside the route. */
  readonly ignore?: readonly string[];
}

const NONE = { within: [] } as const;

/**
 * Every information API of the catalogue but the list APIs (asset-routes.ts) and 공통-001/002 (the
 * provider's API list and consent, which the engine reads, not the model). A test checks that every API is
 * routed and every field of every answer lands in a column or is ignored here.
 */
export const MODEL_ROUTES: readonly ModelRoute[] = [
  // Bank
  { api: '은행-002', table: DEPOSIT },
  { api: '은행-003', table: DEPOSIT_BALANCE, list: 'detail_list', snapshot: NONE },
  { api: '은행-004', table: DEPOSIT_TX, list: 'trans_list' },
  { api: '은행-005', table: FUND },
  { api: '은행-006', table: FUND_VALUE },
  { api: '은행-007', table: INVEST_TX, list: 'trans_list', rename: { trans_fund_num: 'trans_num' } },
  { api: '은행-008', table: LOAN },
  { api: '은행-009', table: LOAN_BALANCE },
  { api: '은행-010', table: LOAN_TX, list: 'trans_list' },
  // IRP (bank, invest, insu)
  { api: 'IRP-002', table: IRP },
  { api: 'IRP-003', table: IRP_PRODUCT, list: 'irp_list', snapshot: NONE },
  { api: 'IRP-004', table: IRP_TX, list: 'trans_list' },
  // Prepaid cards (card, bank)
  { api: '선불-002', table: PREPAID_BALANCE },
  { api: '선불-003', table: PREPAID_TX, list: 'trans_list' },
  { api: '선불-004', table: APPROVAL, list: 'approved_list', fixed: { region: 'prepaid' } },
  // Cards
  { api: '카드-002', table: CARD },
  { api: '카드-003', table: CARD_POINT, list: 'point_list', snapshot: NONE },
  { api: '카드-004', table: CARD_BILL, list: 'bill_list' },
  { api: '카드-005', table: CARD_BILL_DETAIL, list: 'bill_detail_list', fromRequest: ['charge_month', 'seqno'] },
  { api: '카드-006', table: CARD_PAYMENT, list: 'pay_list', snapshot: NONE },
  { api: '카드-007', table: CARD_REVOLVING, list: 'revolving_list', snapshot: NONE },
  { api: '카드-008', table: APPROVAL, list: 'approved_list', fixed: { region: 'domestic' } },
  { api: '카드-009', table: APPROVAL, list: 'approved_list', fixed: { region: 'overseas' } },
  { api: '카드-010', table: CARD_LOAN_SUMMARY },
  { api: '카드-011', table: CARD_LOAN, list: 'short_term_list', fixed: { term: 'short' }, snapshot: NONE },
  { api: '카드-012', table: CARD_LOAN, list: 'long_term_list', fixed: { term: 'long' }, snapshot: NONE },
  // Securities
  { api: '금투-002', table: INVEST_ACCOUNT },
  { api: '금투-003', table: INVEST_TX, list: 'trans_list' },
  { api: '금투-004', table: HOLDING, list: 'prod_list', snapshot: NONE },
  { api: '금투-005', table: PENSION },
  // Insurance
  { api: '보험-002', table: INSURANCE },
  {
    api: '보험-003',
    table: INSU_CONTRACT,
    list: 'contract_list',
    fromRequest: ['insured_no'],
    snapshot: { within: ['insured_no'] },
  },
  { api: '보험-004', table: CAR_INSURANCE, list: 'car_insu_list', snapshot: NONE },
  { api: '보험-005', table: INSU_PAYMENT },
  { api: '보험-006', table: INSU_TX, list: 'trans_list' },
  { api: '보험-007', table: CAR_INSU_TX, list: 'trans_list', fromRequest: ['car_number'] },
  { api: '보험-009', table: LOAN, rename: { loan_start_date: 'issue_date', loan_exp_date: 'exp_date' } },
  { api: '보험-010', table: LOAN_BALANCE },
  {
    api: '보험-011',
    table: LOAN_TX,
    list: 'trans_list',
    rename: { loan_paid_amt: 'principal_amt', int_paid_amt: 'int_amt' },
  },
  { api: '보험-012', table: COVERAGE, list: 'coverage_list', snapshot: NONE },
  // E-finance
  { api: '전금-002', table: EMONEY_BALANCE },
  { api: '전금-003', table: EMONEY_CHARGE },
  { api: '전금-004', table: EMONEY_TX, list: 'trans_list' },
  { api: '전금-102', table: PAY_METHOD, list: 'pay_list', snapshot: NONE },
  { api: '전금-103', table: PAYMENT, list: 'trans_list' },
  // Instalment finance
  { api: '할부금융-002', table: LOAN },
  { api: '할부금융-003', table: LOAN_BALANCE },
  { api: '할부금융-004', table: LOAN_TX, list: 'trans_list' },
  { api: '할부금융-005', table: LOAN },
  { api: '할부금융-006', table: LOAN_TX, list: 'trans_list' },
  // Guarantee insurance
  { api: '보증보험-002', table: INSURANCE },
  { api: '보증보험-003', table: INSU_TX, list: 'trans_list' },
  // Telecom
  { api: '통신-002', table: TELECOM_BILL, list: 'bill_list', fromRequest: ['charge_month'] },
  { api: '통신-003', table: TELECOM_TX, list: 'trans_list' },
  { api: '통신-004', table: TELECOM_PAID_TX, list: 'trans_list' },
  // P2P: the loan tables
  { api: 'P2P-002', table: LOAN },
  { api: 'P2P-003', table: LOAN_BALANCE },
  { api: 'P2P-004', table: LOAN_TX, list: 'trans_list' },
  // Bonds (bond, usury)
  { api: '채권-002', table: BOND },
  { api: '채권-003', table: BOND_TX, list: 'trans_list' },
];

const BY_API = new Map(MODEL_ROUTES.map((r) => [r.api, r]));

export function modelRoute(apiId: string): ModelRoute | undefined {
  return BY_API.get(apiId);
}

/** Every model table, once (several APIs share one). */
export const MODEL_TABLE_DEFS: readonly ModelTableDef[] = [
  ...new Map(MODEL_ROUTES.map((r) => [r.table.name, r.table])).values(),
];
