import { describe, expect, it } from 'vitest';
import { monthEnd, monthStart } from './tx-filter-input.ts';
import { isSearch } from './use-analysis-transactions.ts';

describe('the transactions filter as the server reads it', () => {
  it('a month input is its first and last day (leap years, December), empty or malformed is no bound', () => {
    expect(monthStart('2025-03')).toBe('20250301');
    expect(monthEnd('2025-03')).toBe('20250331');
    expect(monthEnd('2024-02')).toBe('20240229');
    expect(monthEnd('2025-02')).toBe('20250228');
    expect(monthEnd('2025-12')).toBe('20251231');
    expect(monthStart('')).toBe('');
    expect(monthEnd('2025-3')).toBe('');
  });

  it('words, a direction or a period search the whole history on the server; a category alone lists months', () => {
    const none = { category: '', q: '', direction: 'all', from: '', to: '' } as const;
    expect(isSearch(none)).toBe(false);
    expect(isSearch({ ...none, category: 'cafe' })).toBe(false);
    expect(isSearch({ ...none, q: '  ' })).toBe(false);
    expect(isSearch({ ...none, q: '스타벅스' })).toBe(true);
    expect(isSearch({ ...none, direction: 'in' })).toBe(true);
    expect(isSearch({ ...none, from: '20250101' })).toBe(true);
    expect(isSearch({ ...none, to: '20250131' })).toBe(true);
  });
});
