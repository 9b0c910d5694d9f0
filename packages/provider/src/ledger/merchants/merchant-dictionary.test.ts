import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ALL_BRANCHES } from '../people/home-areas.ts';
import { Rng } from '../random/rng.ts';
import { businessNumber, isValidBusinessNumber } from './business-number.ts';
import { CATEGORIES, SEGMENTS } from './merchant-categories.ts';
import { MERCHANTS } from './merchant-dictionary.ts';
import { merchantAt, merchantName, merchantRegno, pickAmount, pickMerchant } from './merchant-picker.ts';
import { ORDER_CATEGORY, ORDER_TITLES } from './order-titles.ts';
import { OVERSEAS_MERCHANTS } from './overseas-merchants.ts';

describe('merchant dictionary', () => {
  it('has at least 150 distinct Korean merchants in every category', () => {
    expect(MERCHANTS.length).toBeGreaterThanOrEqual(150);
    expect(new Set(MERCHANTS.map((m) => m.name)).size).toBe(MERCHANTS.length);
    for (let c = 0; c < CATEGORIES.length; c++) expect(MERCHANTS.some((m) => m.category === c)).toBe(true);
    for (const name of [
      '스타벅스',
      '이마트',
      'GS25',
      'CU',
      '쿠팡',
      '배달의민족',
      '카카오T 택시',
      '올리브영',
      '다이소',
      '교보문고',
      'CGV',
    ]) {
      expect(MERCHANTS.some((m) => m.name === name)).toBe(true);
    }
  });

  it('amount ranges are ordered and every online category has order titles', () => {
    for (const m of MERCHANTS) {
      expect(m.amount[0]).toBeLessThanOrEqual(m.amount[1]);
      expect(m.amount[1]).toBeLessThanOrEqual(m.amount[2]);
      const key = CATEGORIES[m.category]?.key ?? '';
      if (m.online) {
        expect(ORDER_TITLES[key]?.length ?? 0, key).toBeGreaterThan(0);
        expect(ORDER_CATEGORY[key], key).toBeDefined();
      }
    }
    for (const o of OVERSEAS_MERCHANTS) expect(o.currency).not.toBe('KRW');
  });

  it('property: every merchant and branch has a valid 10-digit business number and a name that fits AH(300)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: MERCHANTS.length - 1 }),
        fc.integer({ min: 0, max: ALL_BRANCHES.length - 1 }),
        (m, b) => {
          expect(isValidBusinessNumber(merchantRegno(m, b))).toBe(true);
          const name = merchantName(m, b);
          expect(Buffer.byteLength(name)).toBeLessThanOrEqual(300);
          if (merchantAt(m).style === 'branch') expect(name).toContain(ALL_BRANCHES[b] ?? '');
        },
      ),
    );
  });

  it('business numbers carry the right type digits', () => {
    expect(businessNumber('branch', 1, 2).slice(3, 5)).toBe('85');
    expect(['81', '86', '87']).toContain(businessNumber('corporate', 3).slice(3, 5));
    expect(Number(businessNumber('individual', 4).slice(3, 5))).toBeLessThan(80);
  });

  it('picking follows the segment: a thin-file customer does not fill up at a fuel station without a car', () => {
    for (const segment of SEGMENTS) {
      const rng = new Rng(5);
      for (let i = 0; i < 500; i++) {
        const m = merchantAt(pickMerchant(rng, segment, false));
        expect(CATEGORIES[m.category]?.carOnly ?? false).toBe(false);
        const amt = pickAmount(rng, m);
        expect(amt).toBeGreaterThanOrEqual(m.amount[0] - m.unit);
        expect(amt).toBeLessThanOrEqual(m.amount[2] + m.unit);
      }
    }
  });
});
