import type { Industry } from '@hannun/spec';
import type { LoanTerms } from '../finance/amortization.ts';
import type { Segment } from '../merchants/merchant-categories.ts';
import type { Sex } from '../people/korean-names.ts';
import type { HoldingStatus } from '../ledger.ts';

/**
 * The coherence hub: one plan per customer, fixed at creation, from which every sector's generator derives
 * its data. The persona says who the person is (income, payday, housing, spending); the slots say which
 * institution holds which product, since when, with which fixed terms, and which bank account pays it. The
 * generators (simulate/) read only the plan, the month and the state carried from the month before.
 *
 * Days are integer days since 1970-01-01 (time/day-number.ts); amounts are integer KRW unless a field
 * says cents (foreign currency × 100); rates are thousandths of a percent (4125 = 4.125 %).
 */
export interface Person {
  readonly name: string;
  readonly sex: Sex;
  readonly birthDay: number;
  /** Index into HOME_AREAS. */
  readonly homeArea: number;
  readonly workArea: number;
  readonly spouse?: string;
  readonly children: readonly string[];
  /** Parents' name, for allowance and family transfers. */
  readonly parent: string;
  /** Friends and colleagues who send and receive transfers (더치페이, 경조사). */
  readonly friends: readonly string[];
}

export interface Car {
  /** 차량번호, e.g. 123가4567. */
  readonly number: string;
  readonly name: string;
  /** Price when bought, for the car loan or lease. */
  readonly price: number;
}

export type IncomeKind = 'salary' | 'partTime' | 'allowance' | 'pension' | 'business';
export type Housing = 'rent' | 'jeonse' | 'own' | 'parents';

export interface Persona {
  readonly segment: Segment;
  readonly incomeKind: IncomeKind;
  /** Monthly net income in KRW (business: average monthly settlements). */
  readonly income: number;
  /** Who pays it (employer, pension fund, parent, card acquirer). */
  readonly payer: string;
  readonly payday: number;
  /** Months (1–12) with a bonus of one month's income (설, 추석, 연말). */
  readonly bonusMonths: readonly number[];
  readonly housing: Housing;
  /** 월세 (rent) or 관리비 (maintenance) per month, its day, and the payee. */
  readonly rent: number;
  readonly maintenance: number;
  readonly housingDom: number;
  readonly landlord: string;
  /** Average monthly utilities (gas, electricity, water) paid by autopay. */
  readonly utilities: number;
  /** Discretionary spending per month (cards, 간편결제, cash), after fixed costs. */
  readonly spendTarget: number;
  /** Organic card approvals per month (all cards together). */
  readonly cardTx: number;
  /** Factor on purchase amounts, so that cardTx purchases spend the budget (small budgets buy cheaper). */
  readonly ticketScale: number;
  /** Share of spending through 간편결제 (of which some by card, some by money, some by account). */
  readonly efinShare: number;
  readonly atmPerMonth: number;
  /** Cash taken per ATM withdrawal. */
  readonly atmAmount: number;
  readonly transfersPerMonth: number;
  /** Chance of an overseas trip in a month. */
  readonly travelChance: number;
  readonly car?: Car;
  /** Index of the main (salary) deposit account slot. */
  readonly main: number;
}

interface SlotBase {
  /** Index of this slot in the plan's slots. */
  readonly idx: number;
  readonly org: string;
  readonly industry: Industry;
  readonly prodName: string;
  /** The day it was opened (may be before the ledger's start: an existing product). */
  readonly opened: number;
  /** Seconds of the day it was opened. */
  readonly openedSec: number;
  /** The day its status stops being normal, and the status from then on. */
  readonly statusChange?: { readonly day: number; readonly status: HoldingStatus };
}

export interface DepositSlot extends SlotBase {
  readonly kind: 'deposit';
  readonly accountNum: string;
  readonly role: 'main' | 'sub' | 'foreign' | 'dormant';
  readonly isMinus: boolean;
  /** Overdraft limit of a 마이너스통장 (KRW). */
  readonly minusLimit: number;
  readonly currency: 'KRW' | 'USD';
  /** Balance when the ledger's history begins (or at opening), KRW or cents. */
  readonly openingBalance: number;
  readonly rateMilli: number;
}

export interface SavingsSlot extends SlotBase {
  readonly kind: 'savings';
  readonly accountNum: string;
  readonly monthly: number;
  readonly months: number;
  readonly rateMilli: number;
  readonly payDom: number;
  /** The deposit account it is paid from (and pays out to at maturity). */
  readonly from: number;
}

export interface TimeDepositSlot extends SlotBase {
  readonly kind: 'timeDeposit';
  readonly accountNum: string;
  readonly seqno: string;
  readonly amount: number;
  readonly months: number;
  readonly rateMilli: number;
  readonly from: number;
}

export interface BankFundSlot extends SlotBase {
  readonly kind: 'bankFund';
  readonly accountNum: string;
  /** Index into SECURITIES (a fund). */
  readonly fund: number;
  readonly monthly: number;
  readonly payDom: number;
  readonly from: number;
  /** Units held when the history begins. */
  readonly openingUnits: number;
  readonly openingPrincipal: number;
}

export interface BankLoanSlot extends SlotBase {
  readonly kind: 'bankLoan';
  readonly accountNum: string;
  /** 3001 신용, 3002 담보, 3003 주택담보, 3004 전세. */
  readonly accountType: string;
  readonly terms: LoanTerms;
  readonly repayFrom: number;
  /** Deposit slot credited with the loan, or −1 when it goes to a seller or landlord. */
  readonly disburseTo: number;
}

export interface IrpProduct {
  readonly name: string;
  /** irp_type: 01 예금, 02 펀드, 04 ETF. */
  readonly type: '01' | '02' | '04';
  /** Security index for funds and ETFs, −1 for a deposit. */
  readonly security: number;
  readonly share: number;
  readonly rateMilli: number;
}

export interface IrpSlot extends SlotBase {
  readonly kind: 'irp';
  readonly accountNum: string;
  readonly monthly: number;
  readonly payDom: number;
  readonly from: number;
  /** 퇴직금 rolled over when it was opened. */
  readonly employerAmt: number;
  readonly products: readonly IrpProduct[];
}

export interface CardIssuerSlot extends SlotBase {
  readonly kind: 'cardIssuer';
  /** 결제일 (charge_day). */
  readonly payDom: number;
  /** Deposit slot that pays the bills. */
  readonly payFrom: number;
  readonly pointName: string;
  /** Points earned per 1,000 KRW of credit purchases. */
  readonly pointRate: number;
  readonly revolving?: {
    readonly reqDay: number;
    readonly balance: number;
    readonly agreedRateMilli: number;
    readonly minRateMilli: number;
    readonly rateMilli: number;
  };
  readonly cardLoan?: { readonly terms: LoanTerms; readonly name: string; readonly disburseTo: number };
  /** Chance per month of a cash advance (현금서비스). */
  readonly cashAdvance: number;
  readonly cashAdvanceRateMilli: number;
}

export interface CardSlot extends SlotBase {
  readonly kind: 'card';
  readonly cardId: string;
  readonly cardNum: string;
  /** 01 신용, 02 체크, 03 하이브리드. */
  readonly cardType: '01' | '02' | '03';
  /** 1 본인, 2 가족. */
  readonly member: '1' | '2';
  readonly brand: string;
  readonly annualFee: number;
  readonly issuer: number;
  /** Deposit slot debited at once for a check card. */
  readonly linked: number;
  /** Share of the customer's organic card spending on this card. */
  readonly share: number;
  readonly transPayable: boolean;
  readonly cashCard: boolean;
  readonly overseas: boolean;
}

export interface PrepaidCardSlot extends SlotBase {
  readonly kind: 'prepaidCard';
  readonly ppId: string;
  readonly topUp: number;
  readonly from: number;
  readonly perMonth: number;
}

export interface SecuritiesSlot extends SlotBase {
  readonly kind: 'securities';
  readonly accountNum: string;
  readonly accountName: string;
  readonly monthly: number;
  readonly payDom: number;
  readonly from: number;
  readonly tradesPerMonth: number;
  readonly krx: readonly number[];
  readonly us: readonly number[];
  readonly openingCash: number;
  /** Positions when the history begins: security, quantity, cost (KRW, or cents for US). */
  readonly openingPositions: readonly (readonly [number, number, number])[];
  readonly creditLoan: number;
}

export interface PensionSlot extends SlotBase {
  readonly kind: 'pension';
  readonly accountNum: string;
  readonly monthly: number;
  readonly payDom: number;
  readonly from: number;
  readonly funds: readonly number[];
  readonly rcvStartDay: number;
  /** Monthly payout to a deposit slot once receiving (seniors). */
  readonly payout: number;
  readonly openingPaidIn: number;
  readonly openingUnits: readonly number[];
}

export interface Rider {
  readonly name: string;
  readonly faceAmt: number;
  readonly required: boolean;
  readonly expDay?: number;
}

export interface PolicySlot extends SlotBase {
  readonly kind: 'policy';
  readonly insuNum: string;
  /** insu_type: 01 종신, 02 정기, 03 건강, 04 암, 05 상해, 06 실손, 07 연금, 08 저축, 09 변액, 10 자동차. */
  readonly insuType: string;
  readonly renewable: boolean;
  readonly variable: boolean;
  readonly universal: boolean;
  readonly loanable: boolean;
  readonly faceAmt: number;
  readonly expDay?: number;
  readonly insured: readonly { readonly no: string; readonly name: string }[];
  /** Its kind (policy-kinds.ts, or 'car'): riders and coverages derive from it, the sum insured and a seed. */
  readonly kindKey: string;
  readonly riderSeed: number;
  readonly premium: number;
  /** 1M monthly, 1Y yearly (car insurance). */
  readonly payCycle: '1M' | '1Y';
  readonly payDom: number;
  readonly payEndDay: number;
  readonly payVia: Payer;
  /** The day premiums stopped (실효 follows two months later). */
  readonly lapseDay?: number;
  readonly pension?: { readonly startDay: number; readonly cycle: string };
  readonly car?: {
    readonly number: string;
    readonly name: string;
    readonly age: string;
    readonly driver: string;
    readonly ownDamage: boolean;
    readonly selfPayRate: string;
    readonly selfPayAmt: number;
  };
}

export interface PolicyLoanSlot extends SlotBase {
  readonly kind: 'policyLoan';
  readonly accountNum: string;
  readonly policy: number;
  readonly terms: LoanTerms;
  readonly repayFrom: number;
  readonly disburseTo: number;
}

export interface EfinMoneySlot extends SlotBase {
  readonly kind: 'efinMoney';
  readonly fobId: string;
  readonly accountId: string;
  /** 01 below a base amount, 02 on a day each month. */
  readonly chargeOption: '01' | '02';
  readonly chargeBase: number;
  readonly chargeAmt: number;
  readonly chargeDom: number;
  readonly chargeFrom: number;
  readonly limit: number;
  readonly openingBalance: number;
}

export type Payer = { readonly kind: 'bank'; readonly slot: number } | { readonly kind: 'card'; readonly slot: number };

export interface EfinPaySlot extends SlotBase {
  readonly kind: 'efinPay';
  readonly accountId: string;
  /** Registered means: cards and bank accounts of the customer, and the provider's own money. */
  readonly methods: readonly { readonly kind: 'card' | 'bank' | 'money'; readonly slot: number }[];
  readonly primary: number;
  readonly perMonth: number;
}

export interface CapitalLoanSlot extends SlotBase {
  readonly kind: 'capitalLoan';
  readonly accountNum: string;
  readonly accountType: string;
  readonly terms: LoanTerms;
  readonly repayFrom: number;
  readonly disburseTo: number;
}

export interface LeaseSlot extends SlotBase {
  readonly kind: 'lease';
  readonly accountNum: string;
  readonly monthly: number;
  readonly months: number;
  readonly payDom: number;
  readonly repayFrom: number;
  readonly carName: string;
}

export interface GuaranteeSlot extends SlotBase {
  readonly kind: 'guarantee';
  readonly insuNum: string;
  /** Guarantee insurers' own codes (ours): 31 휴대폰보증, 32 전세금보장, 33 이행보증. */
  readonly insuType: string;
  readonly faceAmt: number;
  readonly premium: number;
  readonly expDay: number;
  readonly insuredName: string;
  readonly payVia: Payer;
}

export interface TelecomSlot extends SlotBase {
  readonly kind: 'telecom';
  readonly mgmtId: string;
  readonly telecomNum: string;
  /** 01 이동전화, 02 인터넷, 04 IPTV. */
  readonly type: '01' | '02' | '04';
  readonly planFee: number;
  readonly device?: { readonly monthly: number; readonly months: number };
  readonly billDom: number;
  readonly payVia: Payer;
  readonly carrierPerMonth: number;
}

export interface P2pSlot extends SlotBase {
  readonly kind: 'p2p';
  readonly lendingId: string;
  readonly prodType: string;
  readonly terms: LoanTerms;
  readonly repayFrom: number;
  readonly disburseTo: number;
}

export interface ClaimSlot extends SlotBase {
  readonly kind: 'claim';
  readonly bondNum: string;
  /** 01 인수채권, 02 금전대부. */
  readonly bondType: '01' | '02';
  /** 금전대부: a loan; 인수채권: a claim being settled monthly (as a bullet-free annuity at 0 %). */
  readonly terms: LoanTerms;
  readonly repayFrom: number;
  readonly disburseTo: number;
  /** For 인수채권: who sold the claim. */
  readonly originalCreditor?: string;
}

export type Slot =
  | DepositSlot
  | SavingsSlot
  | TimeDepositSlot
  | BankFundSlot
  | BankLoanSlot
  | IrpSlot
  | CardIssuerSlot
  | CardSlot
  | PrepaidCardSlot
  | SecuritiesSlot
  | PensionSlot
  | PolicySlot
  | PolicyLoanSlot
  | EfinMoneySlot
  | EfinPaySlot
  | CapitalLoanSlot
  | LeaseSlot
  | GuaranteeSlot
  | TelecomSlot
  | P2pSlot
  | ClaimSlot;

export type SlotKind = Slot['kind'];
export type SlotOf<K extends SlotKind> = Extract<Slot, { kind: K }>;

export interface Plan {
  readonly index: number;
  readonly ci: string;
  readonly person: Person;
  readonly persona: Persona;
  /** The first day of this customer's generated history. */
  readonly since: number;
  readonly slots: readonly Slot[];
}

/** The status of a slot on a day. */
export function statusOn(slot: Slot, day: number): HoldingStatus {
  if (slot.statusChange && day >= slot.statusChange.day) return slot.statusChange.status;
  return 'normal';
}

/** Whether a slot is a holding some list API lists (the card issuer's customer-level data is not). */
export function isHolding(slot: Slot): boolean {
  return slot.kind !== 'cardIssuer';
}
