import { describe, expect, it } from 'vitest';
import { kstToEpochMs } from '../clock/kst.ts';
import { cycleWindow, parseCycle } from './consent-cycle.ts';

describe('consent cycles', () => {
  it("reads '1/w' as once a week and '1m' as once a month", () => {
    expect(parseCycle('1/w')).toEqual({ unit: 'w', span: 1, times: 1 });
    expect(parseCycle('2/d')).toEqual({ unit: 'd', span: 1, times: 2 });
    expect(parseCycle('1m')).toEqual({ unit: 'm', span: 1, times: 1 });
    expect(parseCycle('2w')).toEqual({ unit: 'w', span: 2, times: 1 });
    for (const bad of ['', 'w', '0/w', '1/y', '1/ww', ' 1/w']) expect(parseCycle(bad)).toBeUndefined();
  });

  it('a weekly window runs from Sunday 00:00 to Saturday 23:59 in Korean time', () => {
    const weekly = parseCycle('1/w')!;
    // 2025-03-16 is a Sunday.
    const saturdayNight = kstToEpochMs(2025, 3, 15, 23, 59, 59);
    const sundayMorning = kstToEpochMs(2025, 3, 16, 0, 0, 0);
    const nextSaturday = kstToEpochMs(2025, 3, 22, 23, 59, 59);
    expect(cycleWindow(weekly, sundayMorning)).toBe(cycleWindow(weekly, saturdayNight) + 1);
    expect(cycleWindow(weekly, nextSaturday)).toBe(cycleWindow(weekly, sundayMorning));
  });

  it('a monthly window is the Korean calendar month', () => {
    const monthly = parseCycle('1m')!;
    const lastOfMarch = kstToEpochMs(2025, 3, 31, 23, 59, 59);
    const firstOfApril = kstToEpochMs(2025, 4, 1, 0, 0, 0);
    expect(cycleWindow(monthly, firstOfApril)).toBe(cycleWindow(monthly, lastOfMarch) + 1);
    expect(cycleWindow(monthly, kstToEpochMs(2025, 3, 1))).toBe(cycleWindow(monthly, lastOfMarch));
  });
});
