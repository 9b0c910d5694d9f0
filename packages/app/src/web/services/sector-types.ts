import type {
  CardHabits,
  CarInsuranceAlert,
  InvestmentPatterns,
  RetirementProjection,
  SavingsPlan,
} from '@hannun/analysis';

/** `GET /api/analysis/sector` (issue #7's sector services), with `goalAmount`/`goalMonths` for a savings goal. */
export interface SectorServices {
  readonly today: string;
  readonly savingsPlan: SavingsPlan;
  readonly retirement: RetirementProjection;
  readonly cardHabits: CardHabits;
  readonly investment: InvestmentPatterns;
  readonly carInsurance: readonly CarInsuranceAlert[];
}
