/** Where a movement of money comes from in the normalised model. */
export type TxSource =
  | 'card' // 카드-008/009, 선불-004 approvals
  | 'pay' // 전금-103 간편결제 payments
  | 'bank' // 은행-004 deposit transactions
  | 'emoney' // 전금-004, 선불-003
  | 'telecom'; // 통신-004 carrier billing

/** One movement, as the analysis reads it (the operator builds these from model rows). */
export interface Tx {
  /** The model row id. */
  readonly id: string;
  readonly source: TxSource;
  readonly orgCode: string;
  /** YYYYMMDD (KST). */
  readonly date: string;
  /** Whole KRW from the person's side: outflow negative, refund or income positive. */
  readonly amount: number;
  /** The merchant name, or a bank transaction's memo. */
  readonly merchant: string | null;
  readonly regno?: string | null;
  /** 간편결제 order category (trans_category), when consented. */
  readonly orderCategory?: string | null;
  /** Bank transaction class (trans_class). */
  readonly transClass?: string | null;
  /** Instalments of a purchase (total_install_cnt). */
  readonly installments?: number | null;
}

/** How a category was decided, most authoritative first. */
export type CategorySource =
  | 'person' // the person's edit of this row: locked
  | 'person-rule'
  | 'learned-rule'
  | 'bank-class'
  | 'dictionary'
  | 'regno'
  | 'order'
  | 'model'
  | 'none';

export interface Categorised {
  readonly category: string;
  readonly source: CategorySource;
  /** 1 for everything but the learned model (its posterior); 0 for none. */
  readonly confidence: number;
  /** The normalised merchant: what rules and learned rules are keyed by. */
  readonly merchantKey: string;
}
