import type { Plan } from '../plan/plan-types.ts';
import { cardBilling } from './card-billing.ts';
import { cardSpending } from './card-spending.ts';
import { efinFlows } from './efin-flows.ts';
import { householdFlows, foreignFlows, openingTransfers } from './household-flows.ts';
import { incomeFlows } from './income-flows.ts';
import { insuranceFlows } from './insurance-flows.ts';
import { investFlows } from './invest-flows.ts';
import type { LiveState } from './live-state.ts';
import { loanFlows } from './loan-flows.ts';
import type { MonthBundle } from './month-bundle.ts';
import { MonthContext } from './month-context.ts';
import { prepaidCardFlows } from './prepaid-card-flows.ts';
import { savingFlows } from './saving-flows.ts';
import { settleBank } from './settle-bank.ts';
import { telecomFlows } from './telecom-flows.ts';
import type { World } from './world.ts';

/**
 * One month of one customer's life, from the state at its start: every sector in dependency order (those
 * that charge cards or post to bank accounts before the card issuers close their bills, and the bank
 * accounts settled last), giving the month's bundle and the state at its end.
 */
export function simulateMonth(
  plan: Plan,
  world: World,
  mi: number,
  start: LiveState,
): { bundle: MonthBundle; end: LiveState } {
  const ctx = new MonthContext(plan, world, mi, start.clone());
  if (ctx.fromDay <= ctx.toDay) {
    incomeFlows(ctx);
    openingTransfers(ctx);
    householdFlows(ctx);
    foreignFlows(ctx);
    savingFlows(ctx);
    loanFlows(ctx);
    insuranceFlows(ctx);
    telecomFlows(ctx);
    investFlows(ctx);
    efinFlows(ctx);
    prepaidCardFlows(ctx);
    cardSpending(ctx);
    cardBilling(ctx);
    settleBank(ctx);
    for (const list of ctx.bundle.carrier) list?.sort((x, y) => x.ts - y.ts);
  }
  return { bundle: ctx.bundle, end: ctx.state };
}
