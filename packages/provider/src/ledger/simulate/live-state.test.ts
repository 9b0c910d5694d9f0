import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEMO_INSTITUTIONS } from '../../institutions/demo-institutions.ts';
import { buildPlan } from '../plan/build-plan.ts';
import { InstitutionPool } from '../plan/institution-pool.ts';
import { dayFromCivil } from '../time/day-number.ts';
import { A, LiveState, POS, StateLayout } from './live-state.ts';

const plan = buildPlan(
  {
    seed: 1,
    start: dayFromCivil(2025, 1, 1),
    horizon: dayFromCivil(2026, 1, 1),
    pool: new InstitutionPool(DEMO_INSTITUTIONS),
  },
  0,
);

describe('carried state', () => {
  it('property: pack then unpack gives the same state', () => {
    const layout = new StateLayout(plan);
    fc.assert(
      fc.property(
        fc.array(fc.double({ noNaN: true, min: -1e12, max: 1e12 }), { minLength: layout.size, maxLength: layout.size }),
        fc.array(fc.integer({ min: 0, max: 1e9 }), { maxLength: 40 }),
        fc.array(fc.integer({ min: 0, max: 1e9 }), { maxLength: 45 }),
        (f, pos, inst) => {
          const s = new LiveState(layout, Float64Array.from(f), pos, inst);
          const back = LiveState.unpack(layout, s.pack());
          expect(Array.from(back.f)).toEqual(f);
          expect(back.pos).toEqual(pos);
          expect(back.inst).toEqual(inst);
        },
      ),
    );
  });

  it('positions move and disappear when sold out; products without state are refused', () => {
    const layout = new StateLayout(plan);
    const s = LiveState.empty(layout);
    const securities = plan.slots.find((x) => x.kind === 'securities');
    if (!securities) throw new Error('the heaviest customer has a securities account');
    s.move(securities.idx, 3, 10, 1000);
    s.move(securities.idx, 3, 5, 600);
    expect(s.qty(securities.idx, 3)).toBe(15);
    expect(s.cost(securities.idx, 3)).toBe(1600);
    s.move(securities.idx, 3, -15, -1600);
    expect(s.pos.length % POS).toBe(0);
    expect(s.positions(securities.idx)).toEqual([]);
    const loan = plan.slots.find((x) => x.kind === 'p2p' || x.kind === 'bankLoan' || x.kind === 'capitalLoan');
    if (loan) expect(() => s.get(loan.idx, A)).toThrow();
  });
});
