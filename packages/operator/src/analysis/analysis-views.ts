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
  type MonthCategoryTotal,
  investmentPatterns,
  dateInMonth,
  netWorth,
  pastNetWorth,
  recommend,
  retirementProjection,
  savingsPlan,
  spendingByCategory,
  thinFileScorecard,
  unusualPayments,
  unusualSpending,
} from '@hannun/analysis';
import { loose } from '../model/model-db.ts';
import type { OperatorDomain } from '../operator-domain.ts';
import { formatYmd, kstDate } from '../time/kst.ts';
import { pastBalances } from './past-balances.ts';
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
  const past = await pastOfKept(c, snap, today, b.months);
  // Month-ends before the first day the operator recorded: reconstructed, each with its coverage.
  const first = history[0]?.date ?? today;
  const now = netWorth(snap.holdings, snap.failures);
  const todayPoint = {
    date: today,
    assets: now.knownAssets,
    liabilities: now.knownLiabilities,
    net: now.knownAssets - now.knownLiabilities,
    complete: now.net.known,
  };
  // Nothing connected yet: no point today (a 0원 point would read as a net worth of zero).
  const holding = snap.holdings.length > 0 || snap.failures.length > 0;
  const trend = [
    ...past.filter((p) => p.date < first),
    ...history.filter((h) => h.date !== today).map((h) => ({ ...h, source: 'recorded' as const })),
    ...(holding ? [{ ...todayPoint, source: 'recorded' as const }] : []),
  ];
  const worth = { ...now, history: trend };
  if (holding)
    await c.domain.analysis.recordNetWorth(c.personId, today, now.knownAssets, now.knownLiabilities, now.net.known);
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
    // Insurance and telecom, listed beside net worth (the standard carries premiums and bills, no cash value).
    insurance: snap.policies.map((p) => ({
      institution: p.institution,
      name: p.name,
      premium: p.premium,
      cycle: p.cycle,
      expDate: p.expDate,
    })),
    telecom: snap.telecom.at(-1) ?? null,
    credit: {
      debt: credit.debt.total,
      dsr: credit.dsr,
      signals: credit.signals,
      topTip: credit.tips[0] ?? null,
    },
    recommendations: recs.slice(0, 3),
  };
}

/** Months of past month-ends the one glance reconstructs on a fresh install. */
const PAST_MONTHS = 12;

/** Net worth at the last 12 month-ends from the balances after each movement, the card loans' starts and the bills. */
/** Rebuilt month-ends per person, kept while nothing they are built from has changed (the stamp). */
const pastCache = new Map<string, { stamp: string; points: ReturnType<typeof pastNetWorth> }>();

/**
 * pastOf, kept per person: the stamp is today, the 13 months of rollups (a new or changed bank movement changes
 * them), and every holding's amount today (a new loan repayment changes the loan's balance), so a summary reads the
 * movements' month-ends once, not on every call.
 */
async function pastOfKept(
  c: ViewContext,
  snap: PersonSnapshot,
  today: string,
  months: readonly MonthCategoryTotal[],
): Promise<ReturnType<typeof pastNetWorth>> {
  const stamp = [
    today,
    ...months.map((r) => `${r.month}|${r.category}|${r.kind}|${r.count}|${r.total}`).sort(),
    ...snap.holdings.map((h) => `${h.id}|${h.kind}|${h.amount.known ? h.amount.value : '?'}`).sort(),
    ...snap.bills.map((b) => `${b.chargeMonth}|${b.amount}|${b.paidOutDate ?? ''}`).sort(),
  ].join(',');
  const hit = pastCache.get(c.personId);
  if (hit && hit.stamp === stamp) return hit.points;
  const points = await pastOf(c, snap, today);
  if (pastCache.size > 5_000) pastCache.clear();
  pastCache.set(c.personId, { stamp, points });
  return points;
}

async function pastOf(c: ViewContext, snap: PersonSnapshot, today: string) {
  const deposits = snap.holdings.filter((h) => h.sector === 'deposits' && h.side === 'asset' && !h.foreign);
  const loans = snap.holdings.filter((h) => h.sector === 'loans' && h.kind === 'loan');
  const from = addMonths(today.slice(0, 6), -PAST_MONTHS);
  const db = loose(c.domain.store.db);
  const [dep, loan] = await Promise.all([
    pastBalances(db, c.personId, 'op_m_deposit_tx', [...new Set(deposits.map((h) => h.id))], from),
    pastBalances(db, c.personId, 'op_m_loan_tx', [...new Set(loans.map((h) => h.id))], from),
  ]);
  const pasts = new Map(snap.pasts);
  for (const [id, points] of [...dep, ...loan]) pasts.set(id, { kind: 'balances', points });
  return pastNetWorth({
    today,
    months: PAST_MONTHS,
    holdings: snap.holdings,
    pasts,
    bills:
      snap.bills.length === 0
        ? null
        : snap.bills
            .filter((b) => /^\d{6}$/.test(b.chargeMonth))
            .map((b) => ({
              orgCode: b.orgCode,
              institution: b.institution,
              dueDate: dateInMonth(b.chargeMonth, b.chargeDay),
              amount: b.amount,
              paidOutDate: b.paidOutDate ?? null,
            })),
  });
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
    ...(snap.cardFees ? { cardFees: snap.cardFees } : {}),
  });
}

/** 소비 분석: a month's spending, cash flow, trends, unusual spending, budgets, forecast, income, recurring, bills. */
export async function spendingView(c: ViewContext, month?: string) {
  const today = todayOf(c.domain);
  const b = await basics(c, today);
  const m = month ?? b.month;
  const months = m === b.month ? b.months : await c.domain.analysis.months(c.personId, addMonths(m, -12), m);
  const [days, budgets, snap, unusualTx] = await Promise.all([
    c.domain.analysis.days(c.personId, `${addMonths(b.month, -6)}01`, `${b.month}31`),
    c.domain.analysis.budgets(c.personId),
    readSnapshot(c.domain, c.personId, c.name),
    unusualPaymentsOf(c, m, months),
  ]);
  const spending = spendingByCategory(months, m);
  return {
    today,
    month: m,
    spending,
    cashFlow: cashFlow(b.months, addMonths(b.month, -11), b.month),
    trends: categoryTrends(months, m),
    unusual: unusualSpending(months, m),
    unusualTransactions: unusualTx,
    budgets: budgetStatus(budgets, spending, m === b.month ? today : `${m}31`),
    forecast: forecastMonth(days, b.recurring, today),
    income: b.income,
    recurring: b.recurring,
    fixedCosts: fixedCosts(b.recurring),
    bills: billOutlook(snap.bills, snap.installments, today),
  };
}

type UnusualTx = Omit<ReturnType<typeof unusualPayments>[number], 'merchantKey'> & { merchant: string | null };

/** Flags per person and month, kept while the month's window of rollups is unchanged (the flags' stamp). */
const unusualCache = new Map<string, { stamp: string; flags: UnusualTx[] }>();

/**
 * Single payments of `month` far above the person's usual at the merchant or in the category, named. Reading the
 * 12 months of rows they are judged against costs more than the rest of the page, so the answer is kept per
 * person and month while the rollups of those 13 months (`months`: every count and total by category) are the
 * same: a new row, a changed one or a re-categorisation changes the stamp, and the flags are judged again.
 */
async function unusualPaymentsOf(c: ViewContext, month: string, months: readonly MonthCategoryTotal[]) {
  const stamp = months
    .filter((r) => r.kind === 'spend' && r.month >= addMonths(month, -12) && r.month <= month)
    .map((r) => `${r.month}|${r.category}|${r.count}|${r.total}`)
    .sort()
    .join(',');
  const key = `${c.personId}|${month}`;
  const hit = unusualCache.get(key);
  if (hit && hit.stamp === stamp) return hit.flags;
  const { payments, history } = await c.domain.analysis.paymentHistory(c.personId, month);
  const found = unusualPayments(payments, history);
  const ids = [...new Set(found.flatMap((f) => (f.merchantKey === null ? [] : [f.merchantKey])))];
  const names = await c.domain.analysis.merchantNames(c.personId, ids);
  // The merchant's name opened for the person; its opaque id is not shown.
  const flags = found.map(({ merchantKey, ...f }): UnusualTx => {
    const merchant = merchantKey === null ? null : (names.get(merchantKey) ?? null);
    return { ...f, merchant, reason: { ...f.reason, ko: merchant ? `${merchant} ${f.reason.ko}` : f.reason.ko } };
  });
  if (unusualCache.size > 5_000) unusualCache.clear();
  unusualCache.set(key, { stamp, flags });
  return flags;
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
