// The public entry of @hannun/analysis: pure analysis over the operator's normalised data (no I/O, no DB).

// shared
export { type Known, known, type Reason, sumKnown, unknown, valueOr } from './shared/known.ts';
export { AnalysisError, type AnalysisErrorCode } from './shared/analysis-error.ts';
export { addDays, addMonths, dateInMonth, daysBetween, daysInMonth, monthOf, monthsBetween } from './shared/dates.ts';

// categorise
export {
  CATEGORIES,
  type Category,
  type CategoryKind,
  categoryOf,
  isCategory,
  kindOf,
  MERCHANT_CATEGORIES,
  UNCATEGORISED,
} from './categorise/categories.ts';
export { gatewayOf, normaliseMerchant } from './categorise/normalise-merchant.ts';
export { dictionaryEntries, MERCHANTS_BY_CATEGORY } from './categorise/data/merchants.ts';
export { INDUSTRY_CATEGORIES } from './categorise/data/regno-categories.ts';
export { MerchantDictionary } from './categorise/dictionary.ts';
export { type Example, features, NaiveBayes, type Prediction } from './categorise/naive-bayes.ts';
export {
  type CheckedRule,
  checkRule,
  describeRule,
  type PersonRule,
  type RuleMatch,
  ruleMatches,
} from './categorise/person-rules.ts';
export { LEARN_AGREE, LEARN_WINDOW, learnedCategory, type RecentChoice } from './categorise/learned-rules.ts';
export {
  Categoriser,
  type CategoriserOptions,
  DEFAULT_THRESHOLD,
  dictionaryModel,
  type PersonContext,
  PersonCategoriser,
} from './categorise/categoriser.ts';
export type { Categorised, CategorySource, Tx, TxSource } from './categorise/transaction.ts';
export { type HeldOutReport, heldOutAccuracy } from './categorise/held-out.ts';

// rollups
export {
  type CategorisedTx,
  type Contribution,
  contributionOf,
  type DayTotal,
  type MerchantMonth,
  type MonthCategoryTotal,
  rollUp,
  type Rollups,
} from './rollup/rollups.ts';

// spending
export { type CategorySpend, type MonthSpending, spendingByCategory } from './spending/spending-by-category.ts';
export { cashFlow, type MonthCashFlow } from './spending/cash-flow.ts';
export {
  type CategoryTrend,
  categoryTrends,
  type UnusualSpending,
  unusualSpending,
} from './spending/category-trends.ts';
export {
  type PaymentRow,
  UNUSUAL_PAYMENT,
  type UnusualPayment,
  unusualPayments,
} from './spending/unusual-payments.ts';
export { type Budget, type BudgetAlert, type BudgetStatus, budgetStatus, checkBudget } from './spending/budgets.ts';
export { detectIncome, type IncomeKind, type IncomeSource, type IncomeSummary } from './spending/income.ts';
export {
  type Cadence,
  detectRecurring,
  type FixedCosts,
  fixedCosts,
  type RecurringPayment,
} from './spending/recurring.ts';
export { forecastMonth, type Range, type SpendingForecast } from './spending/forecast.ts';
export {
  type BillOutlook,
  billOutlook,
  type CardBill,
  type InstallmentLine,
  type InstallmentPlan,
  type UpcomingBill,
} from './spending/card-bills.ts';

// one glance
export { FX_TABLE } from './glance/data/fx-rates.ts';
export { type FxRate, fxRate, toKrw } from './glance/fx.ts';
export { type Failure, type Holding, SECTORS, type Sector } from './glance/holdings.ts';
export { type NetWorth, type NetWorthPoint, netWorth, type SideTotals } from './glance/net-worth.ts';
export {
  type BalancePoint,
  BEFORE_FIRST_WITHIN,
  type Coverage,
  type HoldingPast,
  type PastBill,
  type PastNetWorthPoint,
  pastNetWorth,
  type SectorCoverage,
} from './glance/past-net-worth.ts';

// credit
export type {
  CashAdvance,
  CreditInput,
  LoanInfo,
  LoanKind,
  RevolvingInfo,
  TelecomMonth,
} from './credit/credit-input.ts';
export { annualDebtService, type Dsr, DSR_LIMIT, dsr } from './credit/debt-service.ts';
export {
  type CreditReport,
  creditReport,
  HIGH_RATE,
  LEGAL_MAX_RATE,
  type Signal,
  type Suspicious,
  type Tip,
} from './credit/credit-report.ts';
export { type Factor, type Scorecard, type ThinFileInput, thinFileScorecard } from './thin-file/scorecard.ts';

// recommendations
export {
  CATALOGUE,
  type CardBenefit,
  type CardProduct,
  type DepositProduct,
  type InsuranceProduct,
  type LoanProduct,
  type Product,
} from './recommend/data/catalogue.ts';
export {
  type CarPolicy,
  cardBenefit,
  type DepositHolding,
  type Recommendation,
  type RecommendInput,
  recommend,
} from './recommend/recommend.ts';

// sector services
export { type SavingsPlan, savingsPlan } from './sector/savings-plan.ts';
export {
  ASSUMED_RETURN,
  type PensionPot,
  type RetirementProjection,
  retirementProjection,
} from './sector/retirement.ts';
export { type CardHabits, cardHabits } from './sector/card-habits.ts';
export {
  type InvestmentPatterns,
  investmentPatterns,
  type Position,
  TAX_LIMITS,
  type TaxAccount,
} from './sector/investment.ts';
export { type CarInsuranceAlert, carInsuranceRenewals } from './sector/car-insurance.ts';
