import {
  addMonths,
  billOutlook,
  budgetStatus,
  cardHabits,
  carInsuranceRenewals,
  cashFlow,
  categoryTrends,
  creditReport,
  detectIncome,
  detectRecurring,
  fixedCosts,
  forecastMonth,
  investmentPatterns,
  netWorth,
  recommend,
  retirementProjection,
  savingsPlan,
  spendingByCategory,
  thinFileScorecard,
  unusualSpending,
} from '@hannun/analysis';
import { loose } from '../model/model-db.ts';
import type { OperatorDomain } from '../operator-domain.ts';
import { formatYmd, kstDate } from '../time/kst.ts';
import { type PersonSnapshot, readSnapshot } from './person-snapshot.ts';

export interface ViewContext {
  readonly domain: OperatorDomain;
  readonly personId: string;
  readonly name: (orgCode: string) => string;
}

export function todayOf(domain: OperatorDomain): string {
  return formatYmd(kstDate(domain.clock.nowMs()));
}

/** What most views need: the rollups of the last 13 months and the recurring payments and income found in them. */
async function basics(c: ViewContext, today: string) {
  const month = today.slice(0, 6);
  const from = addMonths(month, -12);
  const [months, spent, earned] = await Promise.all([
    c.domain.analysis.months(c.personId, from, month),
    // Recurring: merchants paid in at least 3 of the last 4 complete months (the database groups).
    c.domain.analysis.merchantMonths(c.personId, addMonths(month, -4), month, {
      flow: 'out',
      inMonths: { from: addMonths(month, -4), to: addMonths(month, -1), atLeast: 3 },
    }),
    // Income: payers of the last 12 months (inflows only: a few rows a month).
    c.domain.analysis.merchantMonths(c.personId, from, month, { flow: 'in' }),
  ]);
  const merchants = [...spent, ...earned];
  const found = detectRecurring(spent, month);
  const detected = detectIncome(earned, month);
  // Only what is shown gets its name opened (merchants are keyed by their opaque id until here).
  const ids = [
    ...found.map((r) => r.merchantKey),
    ...detected.sources.flatMap((s) => (s.merchantKey === null ? [] : [s.merchantKey])),
  ];
  const names = await c.domain.analysis.merchantNames(c.personId, [...new Set(ids)]);
  const recurring = found.map((r) => ({ ...r, name: names.get(r.merchantKey) ?? r.name }));
  const income = {
    ...detected,
    sources: detected.sources.map((s) => ({
      ...s,
      name: s.merchantKey === null ? s.name : (names.get(s.merchantKey) ?? s.name),
    })),
  };
  return { month, months, merchants, recurring, income };
}

/** 통합조회: one glance — net worth by sector and institution, this month's spending, recurring, credit, top recommendations. */
export async function summaryView(c: ViewContext) {
  const today = todayOf(c.domain);
  const [snap, b, history] = await Promise.all([
    readSnapshot(c.domain, c.personId, c.name),
    basics(c, today),
    c.domain.analysis.netWorthHistory(c.personId, 400),
  ]);
  const worth = netWorth(snap.holdings, snap.failures, history);
  await c.domain.analysis.recordNetWorth(c.personId, today, worth.knownAssets, worth.knownLiabilities, worth.net.known);
  const credit = creditOf(snap, b.income, today);
  const recs = recommend({
    today,
    months: b.months,
    deposits: snap.deposits,
    loans: snap.loans,
    dsr: credit.dsr,
    carPolicies: snap.carPolicies,
  });
  return {
    today,
    netWorth: worth,
    spending: spendingByCategory(b.months, b.month),
    recurring: b.recurring,
    income: b.income,
    bills: billOutlook(snap.bills, snap.installments, today),
    credit: {
      debt: credit.debt.total,
      dsr: credit.dsr,
      signals: credit.signals,
      topTip: credit.tips[0] ?? null,
    },
    recommendations: recs.slice(0, 3),
  };
}

function creditOf(snap: PersonSnapshot, income: ReturnType<typeof detectIncome>, today: string) {
  return creditReport({
    today,
    loans: snap.loans,
    revolving: snap.revolving,
    cashAdvances: snap.cashAdvances,
    bills: snap.bills,
    telecom: snap.telecom,
    income,
    creditCards: snap.creditCards,
  });
}

/** 소비 분석: a month's spending, cash flow, trends, unusual spending, budgets, forecast, income, recurring, bills. */
export async function spendingView(c: ViewContext, month?: string) {
  const today = todayOf(c.domain);
  const b = await basics(c, today);
  const m = month ?? b.month;
  const [days, budgets, snap] = await Promise.all([
    c.domain.analysis.days(c.personId, `${addMonths(b.month, -6)}01`, `${b.month}31`),
    c.domain.analysis.budgets(c.personId),
    readSnapshot(c.domain, c.personId, c.name),
  ]);
  const months = m === b.month ? b.months : await c.domain.analysis.months(c.personId, addMonths(m, -12), m);
  const spending = spendingByCategory(months, m);
  return {
    today,
    month: m,
    spending,
    cashFlow: cashFlow(b.months, addMonths(b.month, -11), b.month),
    trends: categoryTrends(months, m),
    unusual: unusualSpending(months, m),
    budgets: budgetStatus(budgets, spending, m === b.month ? today : `${m}31`),
    forecast: forecastMonth(days, b.recurring, today),
    income: b.income,
    recurring: b.recurring,
    fixedCosts: fixedCosts(b.recurring),
    bills: billOutlook(snap.bills, snap.installments, today),
  };
}

/** 신용관리. */
export async function creditView(c: ViewContext) {
  const today = todayOf(c.domain);
  const [snap, b] = await Promise.all([readSnapshot(c.domain, c.personId, c.name), basics(c, today)]);
  return { today, ...creditOf(snap, b.income, today) };
}

/** 씬파일러 scorecard. */
export async function thinFileView(c: ViewContext) {
  const today = todayOf(c.domain);
  const [snap, b] = await Promise.all([readSnapshot(c.domain, c.personId, c.name), basics(c, today)]);
  const yearAgo = `${addMonths(b.month, -12)}01000000`;
  const db = loose(c.domain.store.db);
  const [payments, deposits] = await Promise.all([
    db
      .selectFrom('op_m_payment')
      .select('trans_dtime')
      .where('person_id', '=', c.personId)
      .where('trans_dtime', '>=', yearAgo)
      .execute(),
    db
      .selectFrom('op_m_deposit_tx')
      .select(['asset_id', 'trans_dtime', 'balance_amt'])
      .where('person_id', '=', c.personId)
      .where('trans_dtime', '>=', yearAgo)
      .where('currency_code', '=', 'KRW')
      .orderBy('trans_dtime')
      .execute(),
  ]);
  const efinConnected = snap.listApis.some((api) => api.startsWith('전금-'));
  const epayMonths =
    payments.length > 0 || efinConnected ? new Set(payments.map((p) => String(p.trans_dtime).slice(0, 6))).size : null;
  const endByMonth = new Map<string, Map<string, number>>();
  for (const r of deposits) {
    const m = String(r.trans_dtime).slice(0, 6);
    const per = endByMonth.get(m) ?? new Map<string, number>();
    per.set(String(r.asset_id), Number(r.balance_amt ?? 0));
    endByMonth.set(m, per);
  }
  const last = new Map<string, number>();
  const depositMonths = [...endByMonth.keys()]
    .sort()
    .filter((m) => m < b.month)
    .map((m) => {
      for (const [a, v] of endByMonth.get(m)!) last.set(a, v);
      return { month: m, endBalance: [...last.values()].reduce((s, v) => s + v, 0) };
    });
  return {
    today,
    scorecard: thinFileScorecard({
      telecom: snap.telecom.filter((t) => t.month < b.month).slice(-12),
      epayMonths,
      depositMonths,
      income: b.income,
      hasDeposits: snap.deposits.length > 0,
    }),
  };
}

/** 금융상품 추천. */
export async function recommendationsView(c: ViewContext) {
  const today = todayOf(c.domain);
  const [snap, b] = await Promise.all([readSnapshot(c.domain, c.personId, c.name), basics(c, today)]);
  const credit = creditOf(snap, b.income, today);
  return {
    today,
    recommendations: recommend({
      today,
      months: b.months,
      deposits: snap.deposits,
      loans: snap.loans,
      dsr: credit.dsr,
      carPolicies: snap.carPolicies,
    }),
  };
}

/** Sector services: 자산형성, 노후설계, 소비습관, 투자, 자동차보험 갱신. */
export async function sectorView(c: ViewContext, goal?: { amount: number; months: number }) {
  const today = todayOf(c.domain);
  const [snap, b, profile] = await Promise.all([
    readSnapshot(c.domain, c.personId, c.name),
    basics(c, today),
    c.domain.people.profile(c.personId),
  ]);
  const days = await c.domain.analysis.days(c.personId, `${addMonths(b.month, -3)}01`, `${b.month}31`);
  const flows = cashFlow(b.months, addMonths(b.month, -3), addMonths(b.month, -1));
  const liquid = snap.deposits.filter((d) => d.kind === 'demand').reduce((s, d) => s + d.balance, 0);
  const monthlySpending = flows.length ? Math.round(flows.reduce((s, f) => s + f.spending, 0) / flows.length) : 0;
  return {
    today,
    savingsPlan: savingsPlan(flows, liquid, goal),
    retirement: retirementProjection(snap.pensionPots, profile?.birthDate ?? null, today, monthlySpending),
    cardHabits: cardHabits(b.months, days, b.month),
    investment: investmentPatterns(snap.positions, snap.taxAccounts),
    carInsurance: carInsuranceRenewals(snap.carPolicies, today),
  };
}
