import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { DEMO_INSTITUTIONS } from '../institutions/demo-institutions.ts';
import { createLedger, planOf } from './create-ledger.ts';
import type { InstitutionBook, Row } from './ledger.ts';
import { customerBooks, NOW, num, period, sampleLedger, START } from './testing/sample-ledger.ts';

/** A fingerprint of what a ledger answers for its first customers: lists, balances, transactions. */
function fingerprint(ledger: ReadonlyMap<string, InstitutionBook>, now = NOW): string {
  const out: unknown[] = [];
  const request = period('2026-02-01', now.toPlainDate().toString());
  for (const [org, cb] of customerBooks(ledger)) {
    for (const listApi of ['은행-001', '카드-001', '전금-101', '통신-001']) {
      for (const h of cb.holdings(listApi, now)) {
        out.push(org, cb.ci, h.key, h.listItem, h.status);
        const api =
          listApi === '은행-001'
            ? '은행-004'
            : listApi === '카드-001'
              ? '카드-008'
              : listApi === '전금-101'
                ? '전금-103'
                : '통신-004';
        for (const row of cb.series(api, h, { request, now }))
          out.push(
            Object.entries(row)
              .map(([k, v]) => `${k}=${String(v)}`)
              .join(','),
          );
      }
    }
  }
  return JSON.stringify(out);
}

describe('createLedger: determinism', () => {
  it('the same seed gives identical data, a different seed different data', () => {
    const a = createLedger({ institutions: DEMO_INSTITUTIONS, customers: 6, seed: 'hannun', start: START });
    const b = createLedger({ institutions: DEMO_INSTITUTIONS, customers: 6, seed: 'hannun', start: START });
    const c = createLedger({ institutions: DEMO_INSTITUTIONS, customers: 6, seed: 'other', start: START });
    const fa = fingerprint(a);
    expect(fa.length).toBeGreaterThan(10_000);
    expect(fingerprint(b)).toBe(fa);
    expect(fingerprint(c)).not.toBe(fa);
  });

  it('a month regenerated after eviction from the cache is identical', () => {
    const small = createLedger({
      institutions: DEMO_INSTITUTIONS,
      customers: 4,
      seed: 3,
      start: START,
      cacheMonths: 2,
    });
    const large = createLedger({ institutions: DEMO_INSTITUTIONS, customers: 4, seed: 3, start: START });
    expect(fingerprint(small)).toBe(fingerprint(large));
  });
});

describe('createLedger: customers', () => {
  const ledger = sampleLedger(24);

  it('identifies customers by an 88-character Base64 CI, unique, with a Korean name and birth date', () => {
    const cis = new Set<string>();
    for (const b of ledger.values()) for (const ci of b.customers()) cis.add(ci);
    expect(cis.size).toBe(24);
    for (const ci of cis) {
      expect(ci).toMatch(/^[A-Za-z0-9+/]{86}==$/);
      const p = planOf(ledger, ci);
      expect(p?.person.name).toMatch(/^[가-힣]{2,4}$/);
      expect(['M', 'F']).toContain(p?.person.sex);
    }
  });

  it('an institution lists only the customers with a product there, and knows no one else', () => {
    for (const [org, b] of ledger) {
      for (const ci of b.customers()) expect(planOf(ledger, ci)?.slots.some((s) => s.org === org)).toBe(true);
    }
    expect(ledger.get('BKNURI0001')?.customer(`${'A'.repeat(86)}==`)).toBeUndefined();
  });

  it('some holdings are closed, lost, dormant, lapsed or matured (the engine answers 40305 for them)', () => {
    const statuses = new Set<string>();
    for (const [, cb] of customerBooks(sampleLedger(40))) {
      for (const listApi of [
        '은행-001',
        '카드-001',
        '보험-001',
        '통신-001',
        '할부금융-001',
        '보증보험-001',
        'P2P-001',
      ]) {
        for (const h of cb.holdings(listApi, NOW)) statuses.add(h.status);
      }
    }
    expect(statuses.has('normal')).toBe(true);
    expect([...statuses].filter((s) => s !== 'normal').length).toBeGreaterThanOrEqual(3);
  });
});

describe('createLedger: time moves', () => {
  const ledger = sampleLedger(24);

  it('holdings opened after now are absent, and appear once the clock passes their opening', () => {
    let seen = 0;
    for (const [, cb] of customerBooks(ledger)) {
      for (const h of cb.holdings('은행-001', NOW)) {
        const opened = h.openedOn;
        if (Temporal.PlainDate.compare(opened, START) <= 0) continue;
        const before = opened.subtract({ days: 1 }).toPlainDateTime({ hour: 23 });
        expect(cb.holdings('은행-001', before).some((x) => x.id === h.id)).toBe(false);
        seen++;
      }
    }
    expect(seen).toBeGreaterThan(0);
  });

  it('data extends day by day: a later clock keeps every earlier transaction and adds new ones', () => {
    let grew = 0;
    for (const [org, cb] of customerBooks(ledger)) {
      if (!org.startsWith('BK')) continue;
      for (const h of cb.holdings('은행-001', NOW)) {
        if (h.scope !== 'bank.deposit') continue;
        const request = period('2026-03-01', '2026-03-31');
        const early = cb.series('은행-004', h, { request, now: NOW });
        const late = cb.series('은행-004', h, { request, now: NOW.add({ days: 5 }) });
        expect(late.slice(late.length - early.length).map(key)).toEqual(early.map(key));
        if (late.length > early.length) grew++;
      }
    }
    expect(grew).toBeGreaterThan(5);
  });

  it('with an end date nothing happens after it, whatever the clock says', () => {
    const end = Temporal.PlainDate.from('2025-06-30');
    const ended = createLedger({ institutions: DEMO_INSTITUTIONS, customers: 3, seed: 7, start: START, end });
    for (const [, cb] of customerBooks(ended)) {
      for (const h of cb.holdings('은행-001', NOW)) {
        if (h.scope !== 'bank.deposit') continue;
        const late = cb.series('은행-004', h, { request: period('2025-06-01', '2026-03-15'), now: NOW });
        for (const t of late) expect(String(t['trans_dtime']) <= '2025-06-30T23:59:59').toBe(true);
      }
    }
  });

  it('search_timestamp is meaningful: an unchanged balance keeps its changedAt across days without transactions', () => {
    let checked = 0;
    for (const [org, cb] of customerBooks(ledger)) {
      if (!org.startsWith('BK')) continue;
      for (const h of cb.holdings('은행-001', NOW)) {
        if (h.scope !== 'bank.deposit') continue;
        const a = cb.snapshot('은행-003', h, { request: {}, now: NOW });
        const txs = cb.series('은행-004', h, {
          request: period('2026-03-15', '2026-03-16'),
          now: NOW.add({ hours: 2 }),
        });
        const b = cb.snapshot('은행-003', h, { request: {}, now: NOW.add({ hours: 2 }) });
        const movedInBetween = txs.some((t) => String(t['trans_dtime']) > NOW.toString());
        if (movedInBetween) expect(b?.changedAt).toBeGreaterThan(a?.changedAt ?? 0);
        else expect(b?.changedAt).toBe(a?.changedAt);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(10);
  });
});

function key(row: Row): string {
  return `${String(row['trans_dtime'])}|${num(row['trans_amt'])}|${num(row['balance_amt'])}`;
}
