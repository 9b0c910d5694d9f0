import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  changeTimestamp,
  epochMsOfKst,
  kstDateNumber,
  kstDateTime,
  kstDayNumber,
  kstMinuteOfDay,
  kstTimestamp,
  kstToEpochMs,
} from './kst.ts';
import { createManualClock, isManualClock } from './manual-clock.ts';
import { systemClock } from './provider-clock.ts';

describe('KST time', () => {
  it('15:00 UTC is midnight of the next day in Seoul', () => {
    const ms = Date.UTC(2025, 2, 14, 15, 0, 0);
    expect(kstDateTime(ms).toString()).toBe('2025-03-15T00:00:00');
    expect(kstDateNumber(ms)).toBe(20250315);
    expect(kstMinuteOfDay(ms)).toBe(0);
    expect(kstTimestamp(ms)).toBe(20250315000000);
  });

  it('kstToEpochMs inverts kstDateTime for any instant', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_000_000_000_000 }), (ms) => {
        const whole = ms - (ms % 1000);
        expect(epochMsOfKst(kstDateTime(whole))).toBe(whole);
      }),
    );
  });

  it('two instants share a day number exactly when they share a Korean date', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4e12 }), fc.integer({ min: 0, max: 4e12 }), (a, b) => {
        expect(kstDayNumber(a) === kstDayNumber(b)).toBe(kstDateNumber(a) === kstDateNumber(b));
      }),
    );
  });

  it('a change inside a second is stamped with the next second', () => {
    const at = kstToEpochMs(2025, 3, 15, 12, 0, 0);
    expect(changeTimestamp(at)).toBe(20250315120000);
    expect(changeTimestamp(at + 1)).toBe(20250315120001);
  });
});

describe('provider clocks', () => {
  it('a manual clock moves only when set or advanced', () => {
    const clock = createManualClock(1000);
    expect(clock.nowMs()).toBe(1000);
    clock.advance(500);
    expect(clock.nowMs()).toBe(1500);
    clock.set(42);
    expect(clock.nowMs()).toBe(42);
    expect(() => clock.advance(Number.NaN)).toThrow(RangeError);
    expect(isManualClock(clock)).toBe(true);
  });

  it('the system clock reads real time and cannot be set', () => {
    const before = Date.now();
    const now = systemClock.nowMs();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(isManualClock(systemClock)).toBe(false);
  });
});
