import { addMonths, monthOf } from '../shared/dates.ts';
import { type Known, known, sumKnown, unknown } from '../shared/known.ts';
import { dateInMonth } from '../shared/dates.ts';
import type { CreditInput, LoanInfo, LoanKind } from './credit-input.ts';
import { annualDebtService, type Dsr, dsr } from './debt-service.ts';

/** Rates at or above this (% a year) are high-interest (cash advance, card loan and 대부 territory). */
export const HIGH_RATE = 15;
/** The legal maximum rate (이자제한법 / 대부업법, since 2021-07): a record above it looks wrong. */
export const LEGAL_MAX_RATE = 20;

export interface Text {
  readonly ko: string;
  readonly en: string;
}

export interface Tip {
  readonly id: string;
  readonly text: Text;
  /** What it would change, in the person's numbers. */
  readonly change: Text;
  /** Won a year it would save, when that is the change. */
  readonly savesPerYear?: number;
}

export interface Signal {
  readonly kind: 'overdue-loan' | 'unpaid-card-bill' | 'unpaid-phone-bill' | 'revolving' | 'repeated-cash-advance';
  readonly text: Text;
}

export interface Suspicious {
  readonly item: string;
  readonly why: Text;
}

export interface CreditReport {
  readonly debt: {
    readonly total: Known<number>;
    readonly byKind: readonly { kind: LoanKind; total: Known<number>; count: number }[];
  };
  readonly dsr: Dsr;
  readonly revolving: { readonly inUse: boolean; readonly balance: number };
  readonly cashAdvance: { readonly last12Months: number; readonly count: number; readonly balance: number };
  readonly highInterest: readonly {
    id: string;
    institution: string;
    name: string | null;
    rate: number;
    balance: Known<number>;
    yearlyInterest: Known<number>;
  }[];
  readonly cardUse: {
    readonly averageBill: number;
    readonly lastBill: number;
    /** Use against the credit limit: the standard's card APIs carry no limit, so it is unknown. */
    readonly utilisation: Known<number>;
    /** Card fees in won: annual fees, fees and interest on bill lines (12 months), and their total. */
    readonly fees: {
      readonly annual: Known<number>;
      readonly charged12Months: Known<number>;
      readonly total: Known<number>;
    };
  };
  readonly signals: readonly Signal[];
  readonly tips: readonly Tip[];
  readonly suspicious: readonly Suspicious[];
}

const won = (n: number) => `${Math.round(n).toLocaleString('ko-KR')}원`;
const label = (l: LoanInfo) => `${l.institution} ${l.name ?? ''}`.trim();

/**
 * Credit management (신용관리) from the person's own records: debt, DSR, revolving and cash-advance use,
 * high-interest loans, card use, overdue signals; tips that say what to do and what it would change; records
 * that look wrong flagged for the person to dispute with the institution.
 */
export function creditReport(c: CreditInput): CreditReport {
  const kinds = new Map<LoanKind, LoanInfo[]>();
  for (const l of c.loans) kinds.set(l.kind, [...(kinds.get(l.kind) ?? []), l]);
  const debtTotal = sumKnown(c.loans.map((l) => l.balance));
  const ratio = dsr(c.loans, c.income.annual, c.today);
  const yearAgo = `${addMonths(monthOf(c.today), -12)}01`;
  const advances = c.cashAdvances.filter((a) => a.date >= yearAgo);
  const revolvingBalance = c.revolving.reduce((s, r) => s + r.remained, 0);
  const highInterest = c.loans
    .filter((l) => l.rate.known && l.rate.value >= HIGH_RATE)
    .map((l) => ({
      id: l.id,
      institution: l.institution,
      name: l.name,
      rate: (l.rate as { value: number }).value,
      balance: l.balance,
      yearlyInterest: l.balance.known
        ? known(Math.round((l.balance.value * (l.rate as { value: number }).value) / 100))
        : l.balance,
    }));
  const billsByMonth = new Map<string, number>();
  for (const b of c.bills) billsByMonth.set(b.chargeMonth, (billsByMonth.get(b.chargeMonth) ?? 0) + b.amount);
  const months = [...billsByMonth.keys()].sort();
  const recent = months.slice(-6).map((m) => billsByMonth.get(m)!);
  const averageBill = recent.length ? Math.round(recent.reduce((a, b) => a + b, 0) / recent.length) : 0;

  const signals: Signal[] = [];
  for (const l of c.loans) {
    if (l.nextRepayDate && l.nextRepayDate < c.today && l.balance.known && l.balance.value > 0) {
      signals.push({
        kind: 'overdue-loan',
        text: {
          ko: `${label(l)}: 다음 상환일(${l.nextRepayDate})이 지났는데 잔액이 남아 있습니다. 연체인지 확인하세요.`,
          en: `${l.id}: the next repayment date ${l.nextRepayDate} has passed with a balance left`,
        },
      });
    }
  }
  for (const b of c.bills) {
    const due = dateInMonth(b.chargeMonth, b.chargeDay);
    if (due < c.today && !b.paidOutDate && b.amount > 0 && b.chargeMonth >= addMonths(monthOf(c.today), -2)) {
      signals.push({
        kind: 'unpaid-card-bill',
        text: {
          ko: `${b.institution} ${b.chargeMonth} 청구 ${won(b.amount)}의 결제일이 지났지만 결제 기록이 없습니다.`,
          en: `${b.orgCode} bill ${b.chargeMonth} not shown as paid`,
        },
      });
    }
  }
  for (const t of c.telecom) {
    if (t.paid !== null && t.paid < t.charged && t.month < monthOf(c.today)) {
      signals.push({
        kind: 'unpaid-phone-bill',
        text: {
          ko: `${t.month} 통신요금 ${won(t.charged)} 중 ${won(t.charged - t.paid)}이 납부되지 않았습니다.`,
          en: `phone bill ${t.month}: ${t.charged - t.paid} KRW unpaid`,
        },
      });
    }
  }
  if (revolvingBalance > 0) {
    signals.push({
      kind: 'revolving',
      text: {
        ko: `리볼빙 잔액 ${won(revolvingBalance)}이 이월되고 있습니다.`,
        en: `revolving balance ${revolvingBalance} KRW carried over`,
      },
    });
  }
  const advanceMonths = new Set(advances.map((a) => monthOf(a.date)));
  if (advanceMonths.size >= 3) {
    signals.push({
      kind: 'repeated-cash-advance',
      text: {
        ko: `최근 12개월 중 ${advanceMonths.size}개월에 현금서비스를 받았습니다. 신용평가에 불리할 수 있습니다.`,
        en: `cash advances in ${advanceMonths.size} of the last 12 months`,
      },
    });
  }

  const tips: Tip[] = [];
  for (const h of highInterest) {
    if (!h.balance.known || !h.yearlyInterest.known) continue;
    const target = 7;
    const saves = Math.round((h.balance.value * (h.rate - target)) / 100);
    tips.push({
      id: `refinance-${h.id}`,
      text: {
        ko: `${h.institution} ${h.name ?? '대출'}(연 ${h.rate}%)을 더 낮은 금리의 대출로 갈아타세요.`,
        en: `Refinance ${h.id} at ${h.rate}%`,
      },
      change: {
        ko: `연 ${target}%로 바꾸면 이자가 1년에 약 ${won(saves)} 줄어듭니다 (지금 1년 이자 ${won(h.yearlyInterest.value)}).`,
        en: `At ${target}% the yearly interest falls by about ${saves} KRW`,
      },
      savesPerYear: saves,
    });
  }
  if (revolvingBalance > 0) {
    const saves = Math.round(revolvingBalance * 0.17);
    tips.push({
      id: 'stop-revolving',
      text: { ko: `리볼빙 잔액 ${won(revolvingBalance)}을 먼저 갚으세요.`, en: 'Pay off the revolving balance first' },
      change: {
        ko: `리볼빙 금리(보통 연 15~19%)를 기준으로 1년에 약 ${won(saves)}의 이자를 아낍니다.`,
        en: `saves about ${saves} KRW a year in interest at ~17%`,
      },
      savesPerYear: saves,
    });
  }
  const advanceBalance = c.cashAdvances.reduce((s, a) => s + a.balance, 0);
  if (advanceBalance > 0) {
    const saves = Math.round(advanceBalance * 0.18);
    tips.push({
      id: 'repay-cash-advance',
      text: { ko: `현금서비스 ${won(advanceBalance)}을 결제일 전에 갚으세요.`, en: 'Repay cash advances early' },
      change: {
        ko: `현금서비스 이자(연 약 18%) 기준 1년에 약 ${won(saves)}을 아끼고, 신용점수 하락 요인이 사라집니다.`,
        en: `saves about ${saves} KRW a year; removes a credit-score drag`,
      },
      savesPerYear: saves,
    });
  }
  if (
    ratio.ratio.known &&
    ratio.ratio.value > ratio.limit &&
    ratio.annualIncome.known &&
    ratio.annualDebtService.known
  ) {
    const needCut = ratio.annualDebtService.value - ratio.limit * ratio.annualIncome.value;
    tips.push({
      id: 'lower-dsr',
      text: {
        ko: 'DSR이 은행권 한도(40%)를 넘습니다. 금리가 높은 대출부터 줄이세요.',
        en: 'DSR above 40%: pay down the dearest loans first',
      },
      change: {
        ko: `연간 원리금을 ${won(needCut)} 줄이면 DSR이 40% 아래로 내려가 새 대출 심사에서 불리함이 사라집니다.`,
        en: `cutting yearly repayments by ${Math.round(needCut)} KRW brings DSR under 40%`,
      },
    });
  }
  if (c.telecom.length > 0 && !signals.some((s) => s.kind === 'unpaid-phone-bill')) {
    tips.push({
      id: 'register-telecom',
      text: {
        ko: '통신요금을 제때 낸 기록을 신용평가사에 제출하세요 (비금융정보 반영).',
        en: 'Submit your on-time phone payments to the credit bureau',
      },
      change: {
        ko: `최근 ${c.telecom.length}개월 통신요금을 빠짐없이 냈습니다. 제출하면 신용점수에 가점이 될 수 있습니다.`,
        en: `${c.telecom.length} months paid on time can add points`,
      },
    });
  }

  const suspicious: Suspicious[] = [];
  for (const l of c.loans) {
    if (l.rate.known && l.rate.value > LEGAL_MAX_RATE) {
      suspicious.push({
        item: label(l),
        why: {
          ko: `금리 연 ${l.rate.value}%가 법정 최고금리(연 20%)보다 높습니다. 기관에 확인을 요청하세요.`,
          en: `rate ${l.rate.value}% above the 20% legal maximum`,
        },
      });
    }
    if (l.balance.known && l.principal && l.balance.value > l.principal * 1.05 && l.kind !== 'overdraft') {
      suspicious.push({
        item: label(l),
        why: {
          ko: `대출 잔액(${won(l.balance.value)})이 원금(${won(l.principal)})보다 많습니다.`,
          en: 'balance above the principal',
        },
      });
    }
    if (l.expDate && l.expDate < c.today && l.balance.known && l.balance.value > 0) {
      suspicious.push({
        item: label(l),
        why: {
          ko: `만기일(${l.expDate})이 지났는데 잔액 ${won(l.balance.value)}이 남아 있습니다.`,
          en: 'past maturity with a balance',
        },
      });
    }
  }
  for (const b of c.bills) {
    if (b.amount < 0)
      suspicious.push({
        item: `${b.institution} ${b.chargeMonth}`,
        why: { ko: '청구 금액이 음수입니다.', en: 'a negative bill' },
      });
  }

  return {
    debt: {
      total: debtTotal,
      byKind: [...kinds].map(([kind, ls]) => ({ kind, total: sumKnown(ls.map((l) => l.balance)), count: ls.length })),
    },
    dsr: ratio,
    revolving: { inUse: revolvingBalance > 0, balance: revolvingBalance },
    cashAdvance: {
      last12Months: advances.reduce((s, a) => s + a.amount, 0),
      count: advances.length,
      balance: advanceBalance,
    },
    highInterest,
    cardUse: {
      averageBill,
      lastBill: recent.at(-1) ?? 0,
      utilisation: {
        known: false,
        reason: {
          code: 'NO_CARD_LIMIT',
          ko: '카드 API에 한도 정보가 없어 한도 대비 사용률은 알 수 없습니다',
          en: 'the standard card APIs carry no credit limit',
        },
      },
      fees: cardFees(c),
    },
    signals,
    tips: tips.sort((a, b) => (b.savesPerYear ?? 0) - (a.savesPerYear ?? 0)),
    suspicious,
  };
}

const NO_CARD_FEES = unknown<number>(
  'NO_CARD_FEES',
  '카드 정보(카드-002 연회비, 카드-005 청구 상세)를 받지 못해 수수료를 알 수 없습니다',
  'no card basic info (카드-002) or bill details (카드-005) collected',
);

function cardFees(c: CreditInput): CreditReport['cardUse']['fees'] {
  const annual = c.cardFees?.annual ?? NO_CARD_FEES;
  const charged12Months = c.cardFees?.charged12Months ?? NO_CARD_FEES;
  return { annual, charged12Months, total: sumKnown([annual, charged12Months]) };
}

export { annualDebtService };
