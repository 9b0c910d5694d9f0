import { describe, expect, it } from 'vitest';
import { kstMinuteOfDay, parseNpWindows } from './np-time.ts';

/** An instant at this Korean time on 2026-03-10. */
const at = (h: number, m = 0) => Date.UTC(2026, 2, 10, h - 9, m);

describe('np_time windows (지원-002 np_time_list)', () => {
  it('open inside a window, the next opening otherwise (over midnight too)', () => {
    const w = parseNpWindows(['0000:0600', '1200:1300']);
    expect(kstMinuteOfDay(at(3, 30))).toBe(210);
    expect(w.isOpen(at(3))).toBe(true);
    expect(w.isOpen(at(6))).toBe(false);
    expect(w.nextOpening(at(6, 1))).toBe(at(12));
    expect(w.nextOpening(at(13, 30))).toBe(at(24));
    expect(w.nextOpening(at(12, 15))).toBe(at(12, 15));
    const night = parseNpWindows(['2200:0400']);
    expect(night.isOpen(at(23))).toBe(true);
    expect(night.isOpen(at(3, 59))).toBe(true);
    expect(night.nextOpening(at(10))).toBe(at(22));
  });

  it('no windows registered: always open; a malformed window is a clear error', () => {
    expect(parseNpWindows(undefined).isOpen(at(15))).toBe(true);
    expect(() => parseNpWindows(['0000-0600'])).toThrow(/np_time '0000-0600' is not hhmm:hhmm/);
  });
});
