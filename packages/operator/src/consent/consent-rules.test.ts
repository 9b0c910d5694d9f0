import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { T0 } from '../testing/operator-test-kit.ts';
import { addKstMonths } from '../time/kst.ts';
import { canExtend, extensionOpensOn, isAllowedEndDate, isPastEnd } from './consent-dates.ts';
import { CONSENT_STATUSES, type ConsentEvent, type ConsentStatus, isFinal, nextStatus } from './consent-status.ts';
import { cycleDays, isAllowedCycle } from './cycle.ts';
import { inactivityCutoff, inactivityDeadlines, inactivityStage, scheduledCollectionAllowed } from './inactivity.ts';

/** KST noon of a YYYYMMDD day. */
const kst = (ymd: string) => Date.UTC(Number(ymd.slice(0, 4)), Number(ymd.slice(4, 6)) - 1, Number(ymd.slice(6, 8)), 3);

describe('consent rules (pure)', () => {
  it.each([
    ['1/w', true],
    ['2w', true],
    ['3w', true],
    ['4w', true],
    ['1/m', true],
    ['1m', true],
    ['4/m', true],
    ['5/m', false],
    ['2/w', false],
    ['1/d', false],
    ['5w', false],
    ['2m', false],
    ['weekly', false],
  ])('MyData 2.0 cycle %s allowed (1 week … 1 month): %s', (cycle, ok) => {
    expect(isAllowedCycle(cycle)).toBe(ok);
  });

  it('cycleDays reads both spellings', () => {
    expect(cycleDays('1/w')).toBe(7);
    expect(cycleDays('2w')).toBe(14);
    expect(cycleDays('3/m')).toBe(10);
  });

  it('AC: the end date is after today and at most 5 years ahead (KST)', () => {
    expect(isAllowedEndDate('20261124', T0)).toBe(false);
    expect(isAllowedEndDate('20261125', T0)).toBe(true);
    expect(isAllowedEndDate('20311124', T0)).toBe(true);
    expect(isAllowedEndDate('20311125', T0)).toBe(false);
    expect(isAllowedEndDate('2031-11-24', T0)).toBe(false);
  });

  it('AC: extension only from one month before the end date, up to the end date', () => {
    expect(extensionOpensOn('20271231')).toBe('20271130');
    expect(canExtend('20271231', kst('20271129'))).toBe(false);
    expect(canExtend('20271231', kst('20271130'))).toBe(true);
    expect(canExtend('20271231', kst('20271231'))).toBe(true);
    expect(canExtend('20271231', kst('20280101'))).toBe(false);
    expect(extensionOpensOn('20270331')).toBe('20270228');
  });

  it('a consent is past its end from the day after the end date (KST)', () => {
    expect(isPastEnd('20271231', kst('20271231'))).toBe(false);
    // 2027-12-31 23:30 UTC is already 2028-01-01 in Korea.
    expect(isPastEnd('20271231', Date.UTC(2027, 11, 31, 15, 30))).toBe(true);
  });

  it('AC (MyData 2.0): 6 months without login stops scheduled collection; 1 year deletes', () => {
    const last = T0;
    expect(inactivityStage(last, addKstMonths(last, 6) - 1)).toBe('active');
    expect(scheduledCollectionAllowed(last, addKstMonths(last, 6) - 1)).toBe(true);
    expect(inactivityStage(last, addKstMonths(last, 6))).toBe('stop-scheduled');
    expect(scheduledCollectionAllowed(last, addKstMonths(last, 6))).toBe(false);
    expect(inactivityStage(last, addKstMonths(last, 12) - 1)).toBe('stop-scheduled');
    expect(inactivityStage(last, addKstMonths(last, 12))).toBe('delete');
    expect(inactivityDeadlines(last).deleteAt).toBe(addKstMonths(last, 12));
  });

  it('the sweep cutoff never misses anyone past a stage (property over last logins and nows)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: T0 - 800 * 86_400_000, max: T0 }),
        fc.integer({ min: 0, max: 800 * 86_400_000 }),
        (last, dt) => {
          const now = last + dt;
          for (const stage of ['stop-scheduled', 'delete'] as const) {
            const past =
              stage === 'delete' ? inactivityStage(last, now) === 'delete' : inactivityStage(last, now) !== 'active';
            if (past) expect(last).toBeLessThan(inactivityCutoff(stage, now));
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('consent state machine (property)', () => {
  const EVENTS: ConsentEvent[] = ['activate', 'supersede', 'withdraw', 'abandon', 'expire'];

  it('final states never move; every move leads to a known status; pending never jumps to superseded or expired', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...EVENTS), { maxLength: 20 }), (events) => {
        let s: ConsentStatus = 'pending';
        const seen: ConsentStatus[] = [s];
        for (const e of events) {
          const n = nextStatus(s, e);
          if (isFinal(s)) expect(n).toBeUndefined();
          if (n) {
            expect(CONSENT_STATUSES).toContain(n);
            if (s === 'pending') expect(['active', 'withdrawn']).toContain(n);
            s = n;
            seen.push(s);
          }
        }
        // A consent is active at most once in its life.
        expect(seen.filter((x) => x === 'active').length).toBeLessThanOrEqual(1);
      }),
      { numRuns: 1000 },
    );
  });

  it('exactly the documented transitions exist', () => {
    const table = CONSENT_STATUSES.flatMap((s) => EVENTS.map((e) => [s, e, nextStatus(s, e)] as const)).filter(
      ([, , n]) => n,
    );
    expect(table).toEqual([
      ['pending', 'activate', 'active'],
      ['pending', 'withdraw', 'withdrawn'],
      ['pending', 'abandon', 'withdrawn'],
      ['active', 'supersede', 'superseded'],
      ['active', 'withdraw', 'withdrawn'],
      ['active', 'expire', 'expired'],
    ]);
  });
});
