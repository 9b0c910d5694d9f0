import { describe, expect, it } from 'vitest';
import type { Holding } from '../ledger.ts';
import { customerBooks, NOW, sampleLedger } from '../testing/sample-ledger.ts';
import { API_READERS } from './api-readers.ts';

/**
 * 규격 §2.5 search_timestamp: a provider answers 00001 ("nothing changed") when the caller's timestamp covers the
 * data's last change. So every change of a basic or detail answer must move its changedAt: whenever the body
 * differs between two days, the later changedAt is later than the earlier one — otherwise a timestamp handed out
 * on the first day hides the change from the operator for good.
 */
const ledger = sampleLedger(10);
const LIST_APIS = [
  '은행-001',
  '카드-001',
  '금투-001',
  'IRP-001',
  '보험-001',
  '할부금융-001',
  '전금-101',
  '대출-001',
  '통신-001',
  'P2P-001',
  '보증-001',
  '대부-001',
];
const SNAPSHOT_APIS = Object.entries(API_READERS)
  .filter(([, r]) => r.kind === 'snapshot')
  .map(([id]) => id);

describe('every basic and detail API: its changedAt moves with every change of its answer', () => {
  it('over 45 days, for every asset of every customer', () => {
    const broken = new Map<string, string>();
    let changes = 0;
    for (const [org, cb] of customerBooks(ledger)) {
      const targets: (Holding | null)[] = [null];
      for (const list of LIST_APIS) {
        try {
          targets.push(...cb.holdings(list, NOW));
        } catch {
          // not this institution's list API
        }
      }
      for (const api of SNAPSHOT_APIS) {
        for (const h of targets) {
          let previous: { body: string; changedAt: number; at: string } | undefined;
          for (let d = 45; d >= 0; d--) {
            const at = NOW.subtract({ days: d }).with({ hour: 12, minute: 0, second: 0 });
            let snap: ReturnType<typeof cb.snapshot>;
            try {
              snap = cb.snapshot(api, h, { request: {}, now: at });
            } catch {
              snap = undefined;
            }
            if (!snap) {
              previous = undefined;
              continue;
            }
            const body = JSON.stringify(snap.body);
            if (previous && body !== previous.body) {
              changes++;
              if (snap.changedAt <= previous.changedAt && !broken.has(api))
                broken.set(api, `${org} ${h?.id ?? '-'} ${previous.at} → ${at.toString()}`);
            }
            previous = { body, changedAt: snap.changedAt, at: at.toString() };
          }
        }
      }
    }
    expect(changes).toBeGreaterThan(50);
    expect(Object.fromEntries(broken)).toEqual({});
  }, 120_000);
});
