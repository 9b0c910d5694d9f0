import { categoryOf } from '../categorise/categories.ts';
import type { LoanInfo } from '../credit/credit-input.ts';
import type { Dsr } from '../credit/debt-service.ts';
import type { MonthCategoryTotal } from '../rollup/rollups.ts';
import { addMonths, daysBetween, monthOf } from '../shared/dates.ts';
import { CATALOGUE, type CardProduct, type DepositProduct, type LoanProduct, type Product } from './data/catalogue.ts';

export interface Text {
  readonly ko: string;
  readonly en: string;
}

export interface Recommendation {
  readonly productId: string;
  readonly kind: Product['kind'];
  readonly provider: string;
  readonly name: string;
  /** Why, in the person's own numbers. Never empty. */
  readonly reason: Text;
  /** The numbers behind the reason. */
  readonly numbers: Readonly<Record<string, number | string | null>>;
  /** Won a year the person would gain or save (comparable across kinds); null when it cannot be known. */
  readonly yearlyBenefit: number | null;
  /** Every product of its kind side by side on the person's numbers. */
  readonly comparison: { readonly columns: readonly string[]; readonly rows: readonly (string | number | null)[][] };
}

export interface DepositHolding {
  readonly institution: string;
  readonly name: string | null;
  readonly kind: 'demand' | 'deposit' | 'savings';
  readonly balance: number;
  /** % a year, when known. */
  readonly rate: number | null;
}

export interface CarPolicy {
  readonly institution: string;
  readonly carName: string | null;
  readonly endDate: string;
  /** Yearly premium, when known. */
  readonly premium: number | null;
}

export interface RecommendInput {
  readonly today: string;
  readonly months: readonly MonthCategoryTotal[];
  readonly deposits: readonly DepositHolding[];
  readonly loans: readonly LoanInfo[];
  readonly dsr: Dsr;
  readonly carPolicies: readonly CarPolicy[];
  readonly catalogue?: readonly Product[];
}

const won = (n: number) => `${Math.round(n).toLocaleString('ko-KR')}원`;

function spendOf(months: readonly MonthCategoryTotal[], month: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of months)
    if (r.month === month && r.kind === 'spend') out.set(r.category, (out.get(r.category) ?? 0) - r.total);
  return out;
}

/** What a card would have paid on one month of spending (its minimum met or not). */
export function cardBenefit(card: CardProduct, spend: ReadonlyMap<string, number>): number {
  const total = [...spend.values()].reduce((a, b) => a + Math.max(0, b), 0);
  if (total < card.minMonthlySpend) return 0;
  let benefit = 0;
  const covered = new Set<string>();
  for (const b of card.benefits) {
    const s = b.categories.reduce((a, c) => a + Math.max(0, spend.get(c) ?? 0), 0);
    for (const c of b.categories) covered.add(c);
    benefit += Math.min(b.monthlyCap, Math.floor((s * b.rate) / 100));
  }
  if (card.baseRate) {
    const rest = [...spend].filter(([c]) => !covered.has(c)).reduce((a, [, v]) => a + Math.max(0, v), 0);
    benefit += Math.floor((rest * card.baseRate) / 100);
  }
  return benefit;
}

function cards(i: RecommendInput, catalogue: readonly Product[]): Recommendation[] {
  const thisMonth = monthOf(i.today);
  const last3 = [addMonths(thisMonth, -3), addMonths(thisMonth, -2), addMonths(thisMonth, -1)];
  const spends = last3.map((m) => spendOf(i.months, m));
  if (spends.every((s) => s.size === 0)) return [];
  const products = catalogue.filter((p): p is CardProduct => p.kind === 'card');
  const scored = products.map((card) => {
    const gross = spends.reduce((s, m) => s + cardBenefit(card, m), 0);
    const net = gross - Math.round((card.annualFee * 3) / 12);
    return { card, gross, net };
  });
  const columns = ['카드', '3개월 혜택', '연회비(3개월분)', '순혜택', '전월실적 조건'];
  const rows = scored.map((s) => [
    s.card.name,
    s.gross,
    Math.round((s.card.annualFee * 3) / 12),
    s.net,
    s.card.minMonthlySpend,
  ]);
  return scored
    .filter((s) => s.net > 0)
    .sort((a, b) => b.net - a.net)
    .slice(0, 2)
    .map(({ card, gross, net }) => {
      const cats = card.benefits.flatMap((b) => b.categories);
      const spentOn = cats
        .map((c) => ({ c, v: spends.reduce((s, m) => s + (m.get(c) ?? 0), 0) }))
        .filter((x) => x.v > 0)
        .sort((a, b) => b.v - a.v)
        .slice(0, 3);
      const detail = spentOn.map((x) => `${categoryOf(x.c)?.ko ?? x.c} ${won(x.v)}`).join(', ');
      return {
        productId: card.id,
        kind: 'card' as const,
        provider: card.provider,
        name: card.name,
        reason: {
          ko: `최근 3개월 지출(${detail || '전체 지출'})에 이 카드를 썼다면 ${won(gross)}의 혜택, 연회비를 빼고 ${won(net)}을 받았을 것입니다.`,
          en: `On your last 3 months of spending this card would have paid ${gross} KRW, ${net} KRW after its fee.`,
        },
        numbers: {
          benefit3Months: gross,
          fee3Months: Math.round((card.annualFee * 3) / 12),
          net3Months: net,
          months: last3.join(','),
        },
        yearlyBenefit: net * 4,
        comparison: { columns, rows },
      };
    });
}

function savings(i: RecommendInput, catalogue: readonly Product[]): Recommendation[] {
  const thisMonth = monthOf(i.today);
  const last3 = [addMonths(thisMonth, -3), addMonths(thisMonth, -2), addMonths(thisMonth, -1)];
  const nets = last3.map((m) => {
    let income = 0;
    let spend = 0;
    for (const r of i.months) {
      if (r.month !== m) continue;
      if (r.kind === 'income') income += r.total;
      else if (r.kind === 'spend') spend -= r.total;
    }
    return income - spend;
  });
  const surplus = Math.round(nets.reduce((a, b) => a + b, 0) / 3);
  if (surplus < 100_000) return [];
  const products = catalogue.filter((p): p is DepositProduct => p.kind === 'savings');
  const scored = products.map((p) => {
    const monthly = Math.min(p.limit, Math.floor((surplus * 0.5) / 10_000) * 10_000);
    const interest = Math.round((monthly * ((p.months * (p.months + 1)) / 2) * (p.maxRate / 100)) / 12);
    return { p, monthly, interest, yearly: Math.round((interest * 12) / p.months) };
  });
  const columns = ['상품', '기간(개월)', '최고금리(%)', '월 납입', '만기 이자(세전)'];
  const rows = scored.map((s) => [s.p.name, s.p.months, s.p.maxRate, s.monthly, s.interest]);
  const best = scored.filter((s) => s.monthly > 0).sort((a, b) => b.yearly - a.yearly)[0];
  if (!best) return [];
  return [
    {
      productId: best.p.id,
      kind: 'savings',
      provider: best.p.provider,
      name: best.p.name,
      reason: {
        ko: `최근 3개월 동안 매달 평균 ${won(surplus)}이 남았습니다. 그 절반인 ${won(best.monthly)}씩 ${best.p.months}개월 넣으면 최고 연 ${best.p.maxRate}%로 만기 이자 약 ${won(best.interest)}(세전)입니다. 조건: ${best.p.conditions}.`,
        en: `You kept about ${surplus} KRW a month over the last 3 months; saving ${best.monthly} KRW a month earns about ${best.interest} KRW (pre-tax).`,
      },
      numbers: {
        monthlySurplus: surplus,
        monthly: best.monthly,
        months: best.p.months,
        rate: best.p.maxRate,
        interest: best.interest,
      },
      yearlyBenefit: best.yearly,
      comparison: { columns, rows },
    },
  ];
}

function deposits(i: RecommendInput, catalogue: readonly Product[]): Recommendation[] {
  const idle = i.deposits.filter((d) => d.kind === 'demand' && (d.rate === null || d.rate < 1));
  const idleTotal = idle.reduce((s, d) => s + d.balance, 0);
  const thisMonth = monthOf(i.today);
  const lastSpend = [...spendOf(i.months, addMonths(thisMonth, -1)).values()].reduce((a, b) => a + b, 0);
  const movable = Math.floor((idleTotal - Math.max(lastSpend, 1_000_000)) / 100_000) * 100_000;
  if (movable < 1_000_000) return [];
  const products = catalogue.filter((p): p is DepositProduct => p.kind === 'deposit');
  const currentRate = Math.max(0, ...idle.map((d) => d.rate ?? 0.1));
  const scored = products.map((p) => ({ p, gain: Math.round((movable * (p.maxRate - currentRate)) / 100) }));
  const best = scored.sort((a, b) => b.gain - a.gain)[0];
  if (!best || best.gain <= 0) return [];
  return [
    {
      productId: best.p.id,
      kind: 'deposit',
      provider: best.p.provider,
      name: best.p.name,
      reason: {
        ko: `입출금 계좌에 ${won(idleTotal)}이 연 ${currentRate}% 이하로 있습니다. 한 달 지출(${won(lastSpend)})을 남기고 ${won(movable)}을 ${best.p.name}(최고 연 ${best.p.maxRate}%)에 넣으면 1년에 약 ${won(best.gain)}을 더 받습니다(세전).`,
        en: `${idleTotal} KRW sits at ≤${currentRate}%; moving ${movable} KRW earns about ${best.gain} KRW more a year.`,
      },
      numbers: { idle: idleTotal, movable, currentRate, newRate: best.p.maxRate, yearlyGain: best.gain },
      yearlyBenefit: best.gain,
      comparison: {
        columns: ['상품', '기간(개월)', '최고금리(%)', '연 추가 이자'],
        rows: scored.map((s) => [s.p.name, s.p.months, s.p.maxRate, s.gain]),
      },
    },
  ];
}

function loans(i: RecommendInput, catalogue: readonly Product[]): Recommendation[] {
  const products = catalogue.filter((p): p is LoanProduct => p.kind === 'loan');
  const out: Recommendation[] = [];
  for (const l of i.loans) {
    if (!l.balance.known || !l.rate.known || l.balance.value <= 0) continue;
    const balance = l.balance.value;
    const rate = l.rate.value;
    const fits = products
      .filter(
        (p) =>
          p.loanKinds.includes(l.kind) &&
          balance <= p.maxAmount &&
          (!i.dsr.ratio.known || i.dsr.ratio.value <= p.maxDsr),
      )
      .map((p) => {
        const expected = Math.round(((p.minRate + p.maxRate) / 2) * 10) / 10;
        return { p, expected, saves: Math.round((balance * (rate - expected)) / 100) };
      });
    const best = fits.filter((f) => f.saves > 0 && rate - f.expected >= 1).sort((a, b) => b.saves - a.saves)[0];
    if (!best) continue;
    out.push({
      productId: best.p.id,
      kind: 'loan',
      provider: best.p.provider,
      name: best.p.name,
      reason: {
        ko: `${l.institution} ${l.name ?? '대출'} 잔액 ${won(balance)}(연 ${rate}%)을 ${best.p.name}(연 ${best.p.minRate}~${best.p.maxRate}%, 예상 ${best.expected}%)로 갈아타면 이자가 1년에 약 ${won(best.saves)} 줄어듭니다. 조건: ${best.p.conditions}.`,
        en: `Refinancing ${balance} KRW at ${rate}% with ${best.p.id} (expected ${best.expected}%) saves about ${best.saves} KRW a year.`,
      },
      numbers: { balance, currentRate: rate, expectedRate: best.expected, yearlySaving: best.saves, loanId: l.id },
      yearlyBenefit: best.saves,
      comparison: {
        columns: ['상품', '금리 범위(%)', '예상 금리(%)', '연 이자 절감'],
        rows: [
          [`현재: ${l.institution}`, `${rate}`, rate, 0],
          ...fits.map((f) => [f.p.name, `${f.p.minRate}~${f.p.maxRate}`, f.expected, f.saves]),
        ],
      },
    });
  }
  return out;
}

function carInsurance(i: RecommendInput, catalogue: readonly Product[]): Recommendation[] {
  const products = catalogue.filter((p) => p.kind === 'insurance' && p.line === 'car');
  const out: Recommendation[] = [];
  for (const c of i.carPolicies) {
    const days = daysBetween(i.today, c.endDate);
    if (days < 0 || days > 60) continue;
    const scored = products.map((p) => ({
      p,
      saves: c.premium === null ? null : Math.round((c.premium * (p.kind === 'insurance' ? p.discount : 0)) / 100),
    }));
    const best = scored.sort((a, b) => (b.saves ?? 0) - (a.saves ?? 0))[0];
    if (!best) continue;
    out.push({
      productId: best.p.id,
      kind: 'insurance',
      provider: best.p.provider,
      name: best.p.name,
      reason: {
        ko:
          c.premium === null
            ? `${c.institution} 자동차보험(${c.carName ?? '차량'})이 ${days}일 뒤(${c.endDate}) 끝납니다. 보험료 정보가 없어 절감액은 알 수 없지만 다이렉트 상품과 비교해 보세요.`
            : `${c.institution} 자동차보험(${c.carName ?? '차량'})이 ${days}일 뒤(${c.endDate}) 끝납니다. 지금 보험료 ${won(c.premium)} 기준 ${best.p.name}로 약 ${won(best.saves ?? 0)}을 아낄 수 있습니다.`,
        en: `Car insurance ends in ${days} days (${c.endDate}); ${best.p.id} could save ${best.saves ?? 'an unknown amount of'} KRW.`,
      },
      numbers: { daysToRenewal: days, endDate: c.endDate, premium: c.premium, yearlySaving: best.saves },
      yearlyBenefit: best.saves,
      comparison: {
        columns: ['상품', '할인(%)', '예상 절감'],
        rows: scored.map((s) => [s.p.name, s.p.kind === 'insurance' ? s.p.discount : null, s.saves]),
      },
    });
  }
  return out;
}

/**
 * Recommendations from the catalogue, each with the person's own numbers, a comparison table and a reason;
 * a product that would not help (no benefit on their numbers) is not recommended at all. Sorted by the
 * yearly benefit, unknown benefits (a renewal) last.
 */
export function recommend(i: RecommendInput): Recommendation[] {
  const catalogue = i.catalogue ?? CATALOGUE;
  const all = [
    ...cards(i, catalogue),
    ...savings(i, catalogue),
    ...deposits(i, catalogue),
    ...loans(i, catalogue),
    ...carInsurance(i, catalogue),
  ];
  return all
    .filter((r) => r.reason.ko.length > 0 && r.reason.en.length > 0)
    .sort((a, b) => (b.yearlyBenefit ?? -1) - (a.yearlyBenefit ?? -1));
}
