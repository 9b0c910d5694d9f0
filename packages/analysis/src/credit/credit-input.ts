import type { Known } from '../shared/known.ts';
import type { CardBill } from '../spending/card-bills.ts';
import type { IncomeSummary } from '../spending/income.ts';

export type LoanKind =
  | 'mortgage'
  | 'jeonse'
  | 'secured'
  | 'credit'
  | 'overdraft'
  | 'card-loan'
  | 'cash-advance'
  | 'policy'
  | 'installment'
  | 'lease'
  | 'p2p'
  | 'bond'
  | 'other';

export interface LoanInfo {
  readonly id: string;
  readonly orgCode: string;
  readonly institution: string;
  readonly name: string | null;
  readonly kind: LoanKind;
  readonly balance: Known<number>;
  readonly principal?: number | null;
  /** % a year. */
  readonly rate: Known<number>;
  /** Standard repay_method (PROVISIONAL codes): 01 원리금균등, 02 원금균등, 03 만기일시, 04 리스. */
  readonly repayMethod?: string | null;
  readonly issueDate?: string | null;
  readonly expDate?: string | null;
  readonly nextRepayDate?: string | null;
  /** The last month's repayment (principal + interest), when the transactions show it. */
  readonly lastPayment?: number | null;
}

export interface RevolvingInfo {
  readonly orgCode: string;
  readonly institution: string;
  readonly remained: number;
  readonly minPayRate?: string | null;
}

export interface CashAdvance {
  readonly orgCode: string;
  readonly institution: string;
  readonly date: string;
  readonly amount: number;
  readonly balance: number;
  readonly rate: number | null;
}

export interface TelecomMonth {
  readonly month: string;
  readonly charged: number;
  /** Known payments of that month's bill; null when the payment history did not come. */
  readonly paid: number | null;
}

export interface CreditInput {
  readonly today: string;
  readonly loans: readonly LoanInfo[];
  readonly revolving: readonly RevolvingInfo[];
  readonly cashAdvances: readonly CashAdvance[];
  readonly bills: readonly CardBill[];
  readonly telecom: readonly TelecomMonth[];
  readonly income: IncomeSummary;
  readonly creditCards: number;
  /**
   * Card fees from the standard's fields: annual fees (카드-002 annual_fee) of the person's cards and the fees
   * and interest charged on bill lines (카드-005 credit_fee_amt) over the last 12 months. Absent: unknown.
   */
  readonly cardFees?: { readonly annual: Known<number>; readonly charged12Months: Known<number> };
}
