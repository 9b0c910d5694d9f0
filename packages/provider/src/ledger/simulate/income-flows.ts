import { STREAM } from '../random/rng.ts';
import { businessDay, dayInMonth, monthNumberOf, monthOfDay, weekday } from '../time/day-number.ts';
import type { MonthContext } from './month-context.ts';

/** Salaries are paid the business day before a weekend payday; pensions and allowances likewise. */
export function payDayBefore(mi: number, dom: number): number {
  const scheduled = dayInMonth(mi, dom);
  let day = scheduled;
  while (weekday(day) === 0 || weekday(day) === 6) day--;
  if (monthOfDay(day) !== mi) {
    day = scheduled;
    while (weekday(day) === 0 || weekday(day) === 6) day++;
  }
  return day;
}

/**
 * Income into the main account: salary (with bonus months), part-time pay, allowance from a parent,
 * public pension, or a business owner's card settlements spread over the month.
 */
export function incomeFlows(ctx: MonthContext): void {
  const { persona } = ctx.plan;
  const main = persona.main;
  const rng = ctx.rng(STREAM.income);
  if (persona.incomeKind === 'business') {
    const n = rng.between(8, 14);
    const monthly = persona.income * (0.75 + rng.next() * 0.5);
    const acquirers = ctx.world.institutions.filter((i) => i.industry === 'card');
    for (let k = 0; k < n; k++) {
      const day = businessDay(ctx.first + Math.floor(((k + rng.next()) / n) * (ctx.last - ctx.first + 1)));
      if (!ctx.inRange(day)) continue;
      const acquirer = acquirers.length > 0 ? rng.pick(acquirers).name : '카드사';
      const amt = Math.round(monthly / n / 10) * 10;
      ctx.post(main, ctx.at(day, rng.next(), 9, 11), amt, '가맹점대금', `${acquirer} 가맹점대금`);
    }
    return;
  }
  const day = payDayBefore(ctx.mi, persona.payday);
  if (!ctx.inRange(day)) return;
  let amt = persona.income;
  let cls = '급여';
  let memo = persona.payer;
  switch (persona.incomeKind) {
    case 'partTime':
      amt = Math.round((persona.income * (0.75 + rng.next() * 0.45)) / 10) * 10;
      memo = persona.payer;
      break;
    case 'allowance':
      cls = '타행이체';
      memo = persona.payer;
      break;
    case 'pension':
      cls = '연금';
      break;
    case 'salary':
      if (persona.bonusMonths.includes(monthNumberOf(ctx.mi))) amt += Math.round((persona.income * 0.8) / 10) * 10;
      memo = `${persona.payer} 급여`;
      break;
  }
  ctx.post(main, ctx.at(day, rng.next(), 8.5, 10), amt, cls, memo);
}
