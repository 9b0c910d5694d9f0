import { securityAt } from '../market/securities-universe.ts';
import type { Plan } from '../plan/plan-types.ts';
import { Rng } from '../random/rng.ts';
import { A, B, C, LAST, LiveState, type StateLayout } from './live-state.ts';
import { maturityOf, savingsPayDay } from './saving-flows.ts';
import type { World } from './world.ts';

/**
 * The state when a customer's history begins (plan.since): balances of products held before it, points,
 * positions valued at that day's prices, a revolving balance already running.
 */
export function initialState(plan: Plan, world: World, layout: StateLayout): LiveState {
  const state = LiveState.empty(layout);
  const since = plan.since;
  const rng = Rng.of(world.seed, plan.index, 0x1417);
  const market = world.market;
  for (const slot of plan.slots) {
    const before = slot.opened < since;
    const openedTs = slot.opened * 86_400 + slot.openedSec;
    switch (slot.kind) {
      case 'deposit':
        if (before) state.set(slot.idx, A, slot.openingBalance);
        state.set(slot.idx, LAST, before ? openedTs : 0);
        break;
      case 'savings': {
        if (!before) break;
        const maturity = maturityOf(slot);
        let count = 0;
        for (let k = 1; k <= slot.months; k++)
          if (savingsPayDay(slot, k) < since && savingsPayDay(slot, k) < maturity) count = k;
        if (maturity <= since) count = 0;
        state.set(slot.idx, A, slot.monthly * count);
        state.set(slot.idx, B, count);
        state.set(slot.idx, LAST, count > 0 ? savingsPayDay(slot, count) * 86_400 + 6 * 3600 : openedTs);
        break;
      }
      case 'timeDeposit':
        if (before && maturityOf(slot) > since) state.set(slot.idx, A, slot.amount);
        state.set(slot.idx, LAST, openedTs);
        break;
      case 'bankFund':
        if (before) {
          state.set(slot.idx, A, slot.openingUnits);
          state.set(slot.idx, B, slot.openingPrincipal);
        }
        state.set(slot.idx, LAST, openedTs);
        break;
      case 'irp':
        if (before) {
          const employee = slot.monthly * Math.max(0, Math.round((since - slot.opened) / 30.4));
          const total = slot.employerAmt + employee;
          state.set(slot.idx, A, total);
          state.set(slot.idx, B, employee);
          slot.products.forEach((p, i) => {
            const part = Math.floor(total * p.share);
            if (p.security < 0) state.move(slot.idx, i, part, part);
            else {
              const price = market.price(p.security, since);
              const per = securityAt(p.security).market === 'fund' ? price / 1000 : price;
              state.move(slot.idx, i, Math.round((part / per) * 0.92 * 1000) / 1000, part);
            }
          });
        }
        state.set(slot.idx, LAST, openedTs);
        break;
      case 'cardIssuer':
        state.set(slot.idx, B, rng.between(500, 40_000));
        if (slot.revolving && slot.revolving.reqDay < since) state.set(slot.idx, C, slot.revolving.balance);
        state.set(slot.idx, LAST, openedTs);
        break;
      case 'prepaidCard':
        if (before) state.set(slot.idx, A, Math.round(slot.topUp / 2));
        state.set(slot.idx, LAST, openedTs);
        break;
      case 'securities':
        if (before) {
          state.set(slot.idx, A, slot.openingCash);
          for (const [sec, qty] of slot.openingPositions) {
            const us = securityAt(sec).market === 'us';
            const price = us ? Math.round(market.price(sec, since) * 100) : market.price(sec, since);
            state.move(slot.idx, sec, qty, Math.round(qty * price * (0.85 + rng.next() * 0.3)));
          }
        }
        state.set(slot.idx, LAST, openedTs);
        break;
      case 'pension':
        if (before) {
          state.set(slot.idx, B, slot.openingPaidIn);
          const share = slot.openingPaidIn / slot.funds.length;
          for (const fund of slot.funds) {
            const sec = securityAt(fund);
            const price = market.price(fund, since);
            const units =
              sec.market === 'fund'
                ? Math.round(((share * 1.08) / price) * 1000 * 1000) / 1000
                : Math.floor((share * 1.08) / price);
            if (units > 0) state.move(slot.idx, fund, units, Math.round(share));
          }
        }
        state.set(slot.idx, LAST, openedTs);
        break;
      case 'efinMoney':
        if (before) state.set(slot.idx, A, slot.openingBalance);
        state.set(slot.idx, LAST, openedTs);
        break;
      case 'telecom':
        state.set(slot.idx, LAST, openedTs);
        break;
      default:
        break;
    }
  }
  return state;
}
