import { describeEachDialect } from '@hannun/store/testing';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { openTestDomain } from '../testing/operator-test-kit.ts';
import { personWithCard, rollupsMatchRows } from './testing/analysis-fixtures.ts';

const MERCHANTS = ['스타벅스 강남점', '(주)쿠팡', '이마트 성수점', '한눈공방', 'ZXQW'];

const approval = fc.record({
  num: fc.integer({ min: 1, max: 40 }).map(String),
  day: fc.integer({ min: 1, max: 28 }),
  month: fc.constantFrom('09', '10', '11'),
  merchant: fc.constantFrom(...MERCHANTS),
  amount: fc.integer({ min: 1, max: 2_000 }).map((n) => n * 100),
  status: fc.constantFrom('01', '01', '01', '02', '03') as fc.Arbitrary<'01' | '02' | '03'>,
});

describeEachDialect('analysis: rollups stay the sum of their rows (property)', (open) => {
  it('after any sequence of pages (re-sent, cancelled, corrected), edits and a rule, every rollup equals a GROUP BY of the rows', async () => {
    const d = await openTestDomain(open);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(approval, { minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: 4 }),
        fc.nat(),
        fc.boolean(),
        async (pages, pick, withRule) => {
          const p = await personWithCard(d);
          for (const page of pages) {
            const unique = [...new Map(page.map((a) => [`${a.num}|${a.month}|${a.day}`, a])).values()];
            await p.storeApprovals(
              unique.map((a) => ({
                num: a.num,
                when: `2026${a.month}${String(a.day).padStart(2, '0')}120000`,
                merchant: a.merchant,
                amount: a.amount,
                status: a.status,
                modified: Math.floor(a.amount / 2),
              })),
            );
          }
          const rows = (await d.analysis.transactions(p.personId, { month: '202611', limit: 100, offset: 0 })).rows;
          if (rows.length > 0) await d.analysis.recategorise(p.personId, rows[pick % rows.length]!.id, 'pet');
          if (withRule)
            await d.analysis.addRule(p.personId, { match: 'contains', pattern: '쿠팡', category: 'living' });
          const { rollup, rows: sums } = await rollupsMatchRows(d, p.personId);
          expect(rollup).toEqual(sums);
        },
      ),
      { numRuns: 8 },
    );
  });
});
