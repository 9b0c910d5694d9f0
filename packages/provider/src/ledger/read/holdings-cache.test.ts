import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { kstDateTime } from '../../clock/kst.ts';
import { DEMO_INSTITUTIONS } from '../../institutions/demo-institutions.ts';
import { createLedger } from '../create-ledger.ts';
import { START } from '../testing/sample-ledger.ts';

/**
 * A customer book keeps its holdings for the span of time they cannot change over (no opening, same day):
 * read in any order of times, they must be what a book read in another order gives, to the byte.
 */
describe('holdings kept across reads', () => {
  it('equal those of a book read in another order, around every opening, change and midnight', () => {
    const make = () =>
      createLedger({ institutions: DEMO_INSTITUTIONS, customers: 6, seed: 'holdings-cache', start: START });
    const a = make();
    const b = make();
    const end = Temporal.PlainDateTime.from('2026-03-15T13:00:00');
    let compared = 0;
    for (const [org, bookA] of a) {
      const bookB = b.get(org)!;
      for (const ci of bookA.customers()) {
        const ca = bookA.customer(ci)!;
        const cb = bookB.customer(ci)!;
        const lists = [
          '은행-001',
          'IRP-001',
          '카드-001',
          '선불-001',
          '금투-001',
          '보험-001',
          '전금-001',
          '할부금융-001',
        ];
        const times = new Set<number>();
        for (const list of lists) {
          for (const h of ca.holdings(list, end)) {
            const opened = Date.UTC(h.openedOn.year, h.openedOn.month - 1, h.openedOn.day) - 9 * 3_600_000;
            for (const t of [opened - 1000, opened, h.changedAt - 1000, h.changedAt, h.changedAt + 1000]) times.add(t);
            times.add(opened + 86_400_000);
          }
        }
        const sorted = [...times].sort((x, y) => x - y);
        const shuffled = [...sorted].reverse();
        const seenA = new Map<string, string>();
        for (const t of sorted)
          for (const list of lists) seenA.set(`${list}@${t}`, JSON.stringify(ca.holdings(list, kstDateTime(t))));
        for (const t of shuffled) {
          for (const list of lists) {
            expect(JSON.stringify(cb.holdings(list, kstDateTime(t))), `${org} ${list} @${t}`).toBe(
              seenA.get(`${list}@${t}`),
            );
            compared++;
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(100);
  }, 60_000);
});
