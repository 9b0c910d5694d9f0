/**
 * What a month of a customer's life produces, per product, as compact records of numbers (and a few
 * interned strings). Reads turn them into the standard's rows (read/); generation never builds rows.
 * `ts` is KST wall-clock seconds (time/day-number.ts); amounts are KRW or, where a record says so, cents.
 */

/** A movement on a deposit-type bank account (수시입출, 적금, 예금), with the balance after it. */
export interface BankTx {
  ts: number;
  /** Signed: negative for a debit. KRW, or cents on a foreign-currency account. */
  amt: number;
  bal: number;
  /** trans_type (ours): 01 출금, 02 입금. */
  type: '01' | '02';
  /** trans_class: 급여, 자동이체, 체크카드, 타행이체 … */
  cls: string;
  /** trans_memo (적요). */
  memo: string;
  /** Number within the account's month (trans_no). */
  no: number;
  /** 납입회차 for savings deposits, else 0. */
  cnt: number;
  /** Generation order, to keep same-second movements stable. */
  order: number;
}

/** A card approval (카드-008/009, and 선불-004 for prepaid cards). */
export interface Approval {
  ts: number;
  /** The card slot. */
  card: number;
  /** Merchant index (≥ 0), or −(institution index + 1) for a charge by an institution of the ledger. */
  m: number;
  /** Branch index for chains. */
  b: number;
  /** The 간편결제 provider (institution index) that relayed it, or −1. */
  pg: number;
  /** KRW (domestic) or cents of the foreign currency (overseas). */
  amt: number;
  /** Total instalments, 0 for a lump sum. */
  inst: number;
  /** 1 승인, 2 취소, 3 정정. */
  status: 1 | 2 | 3;
  /** When it was cancelled or corrected (0 if never). */
  changeTs: number;
  /** Amount after a correction (status 3). */
  modAmt: number;
  /** Overseas: index into OVERSEAS_MERCHANTS (≥ 0), else −1; the KRW amount billed. */
  ov: number;
  krw: number;
  /** Approval number. */
  num: number;
}

/** A line of a card bill (카드-005). The bill's charge_amt is the sum of amt + fee over its lines. */
export interface BillLine {
  card: number;
  ts: number;
  amt: number;
  fee: number;
  /** Merchant as in Approval (m, b, pg) or a fixed label for loans and fees (label ≠ ''). */
  m: number;
  b: number;
  pg: number;
  label: string;
  totalInst: number;
  curInst: number;
  /** Remaining balance after this line (instalments, card loan). */
  bal: number;
  /** prod_type: 01 일시불, 02 할부, 03 현금서비스, 04 카드론, 05 리볼빙, 06 연회비. */
  prod: '01' | '02' | '03' | '04' | '05' | '06';
  /** Currency of the original purchase (KRW lines bill KRW; overseas lines keep their currency). */
  cur: string;
  num: number;
}

export interface CardBill {
  /** Charge month (mi) and the day it is paid. */
  mi: number;
  payDay: number;
  total: number;
  lines: BillLine[];
}

/** A cash advance (현금서비스, 카드-011), repaid with the next bill. */
export interface CashAdvance {
  ts: number;
  amt: number;
  rateMilli: number;
  /** The bill month that repays it. */
  dueMi: number;
  fee: number;
}

/** A movement of a loan-like product (bank, capital, P2P, 대부/채권, policy loan, lease). */
export interface LoanTx {
  ts: number;
  /** 01 상환 (instalment), 02 대출실행 (disbursement), 03 중도/만기상환. */
  type: '01' | '02' | '03';
  amt: number;
  principal: number;
  interest: number;
  bal: number;
  fromDay: number;
  toDay: number;
  rateMilli: number;
  no: number;
}

/** A premium payment (보험-006/007, 보증보험-003). */
export interface PremiumTx {
  ts: number;
  /** Month the payment is for. */
  appliedMi: number;
  amt: number;
  /** pay_method (ours): 01 자동이체, 02 카드. */
  method: '01' | '02';
  no: number;
}

/** A movement of 선불전자지급수단 money (전금-004) or a prepaid card (선불-003). */
export interface MoneyTx {
  ts: number;
  /** 01 충전, 02 결제, 03 송금, 04 환급, 05 적립. */
  type: '01' | '02' | '03' | '04' | '05';
  amt: number;
  bal: number;
  /** Counterpart: institution org (charge source, recipient's provider) and a masked id. */
  org: string;
  id: string;
  no: number;
}

/** A 간편결제 payment (전금-103). */
export interface PayTx {
  ts: number;
  /** 01 결제, 02 결제취소. */
  type: '01' | '02';
  amt: number;
  /** The registered means used (index into the slot's methods). */
  method: number;
  m: number;
  b: number;
  title: string;
  inst: number;
  no: number;
}

/** A securities or pension account movement (금투-003). */
export interface InvestTx {
  ts: number;
  /** 01 매수, 02 매도, 03 입금, 04 출금, 05 배당, 06 환전. */
  type: '01' | '02' | '03' | '04' | '05' | '06';
  detail: string;
  /** Security index, −1 for cash movements. */
  sec: number;
  qty: number;
  /** Unit price (KRW, or cents for US). */
  price: number;
  /** Amount (KRW or cents). */
  amt: number;
  /** Settled amount, signed from the account's view. */
  settle: number;
  /** Cash balance after, in the transaction's currency. */
  bal: number;
  cur: 'KRW' | 'USD';
  no: number;
}

/** A bank fund movement (은행-007). */
export interface FundTx {
  ts: number;
  /** 01 매수 (납입), 02 환매 (sale of every unit; the fund is closed). */
  type: '01' | '02';
  /** 기준가 (per 1,000 units). */
  nav: number;
  /** Units bought or sold (positive either way). */
  units: number;
  /** Amount paid in, or the proceeds of a sale before tax. */
  amt: number;
  /** Principal balance after. */
  bal: number;
  no: number;
}

/**
 * An IRP movement (IRP-004): 01 가입자 입금, 02 사용자 입금(퇴직금), 04 해지 지급 (the whole value paid out,
 * before tax; the IRP is closed).
 */
export interface IrpTx {
  ts: number;
  type: '01' | '02' | '04';
  amt: number;
}

/** A telecom bill (통신-002) and its payment (통신-003). */
export interface TelecomBill {
  mi: number;
  amt: number;
  dueDay: number;
  /** When it was paid (0 if not in this month), and how. */
  paidTs: number;
  method: '01' | '02';
}

/** A carrier-billing purchase (통신-004), billed with the next month's bill. */
export interface CarrierPurchase {
  ts: number;
  amt: number;
  merchant: number;
  title: number;
}
