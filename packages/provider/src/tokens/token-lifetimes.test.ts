import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { kstToEpochMs } from '../clock/kst.ts';
import {
  ACCESS_MAX_SECONDS,
  CODE_MAX_SECONDS,
  DEFAULT_LIFETIMES,
  endOfKstDate,
  fiveYearsAfter,
  pairExpiry,
  REFRESH_MAX_SECONDS,
  resolveLifetimes,
} from './token-lifetimes.ts';

const now = kstToEpochMs(2025, 3, 15, 3, 0, 0);
const sec = now / 1000;

describe('token lifetimes (규격 §2.2, 참고5, MyData 2.0)', () => {
  it('defaults: access 90 days, refresh capped at 5 years, code 5 minutes', () => {
    expect(DEFAULT_LIFETIMES).toEqual({
      accessSeconds: 90 * 86_400,
      refreshMaxSeconds: REFRESH_MAX_SECONDS,
      codeSeconds: 300,
    });
  });

  it('refuses values above the maxima, and zero or fractions', () => {
    expect(() => resolveLifetimes({ accessSeconds: ACCESS_MAX_SECONDS + 1 })).toThrow(RangeError);
    expect(() => resolveLifetimes({ codeSeconds: CODE_MAX_SECONDS + 1 })).toThrow(/codeSeconds/);
    expect(() => resolveLifetimes({ refreshMaxSeconds: REFRESH_MAX_SECONDS + 1 })).toThrow(/refreshMaxSeconds/);
    expect(() => resolveLifetimes({ accessSeconds: 0 })).toThrow(RangeError);
    expect(() => resolveLifetimes({ accessSeconds: 1.5 })).toThrow(RangeError);
    expect(resolveLifetimes({ accessSeconds: 60, codeSeconds: 600 })).toMatchObject({
      accessSeconds: 60,
      codeSeconds: 600,
    });
  });

  it('the refresh token lasts to the end of the consent’s end date in KST', () => {
    const end = new Temporal.PlainDate(2026, 3, 14);
    expect(endOfKstDate(end)).toBe(kstToEpochMs(2026, 3, 15));
    expect(pairExpiry(DEFAULT_LIFETIMES, end, now)).toEqual({
      accessExp: sec + 90 * 86_400,
      refreshExp: kstToEpochMs(2026, 3, 15) / 1000,
    });
  });

  it('never beyond 5 years from issuance, nor beyond a configured maximum', () => {
    const far = new Temporal.PlainDate(2031, 1, 1);
    expect(pairExpiry(DEFAULT_LIFETIMES, far, now).refreshExp).toBe(kstToEpochMs(2030, 3, 15, 3) / 1000);
    const short = resolveLifetimes({ refreshMaxSeconds: 86_400 });
    expect(pairExpiry(short, far, now).refreshExp).toBe(sec + 86_400);
  });

  it('5 years after 29 February is 28 February', () => {
    expect(fiveYearsAfter(kstToEpochMs(2028, 2, 29, 10))).toBe(kstToEpochMs(2033, 2, 28, 10));
  });
});
