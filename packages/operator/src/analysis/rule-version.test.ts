import { describeEachDialect } from '@hannun/store/testing';
import { expect, it } from 'vitest';
import { createOperatorDomain } from '../operator-domain.ts';
import type { OperatorDatabase } from '../schema/operator-database.ts';
import { OPERATOR_ORG, openTestDomain, SERVICE_CLIENT_ID, T0, testRegistry } from '../testing/operator-test-kit.ts';
import { approvals, CARD_ORG, FLAGS_ON, personWithCard } from './testing/analysis-fixtures.ts';

const spend = async (
  d: {
    analysis: {
      months: (p: string, f: string, t: string) => Promise<{ kind: string; category: string; total: number }[]>;
    };
  },
  personId: string,
) =>
  Object.fromEntries(
    (await d.analysis.months(personId, '202611', '202611'))
      .filter((r) => r.kind === 'spend')
      .map((r) => [r.category, -r.total]),
  );

describeEachDialect('analysis: rules seen by every operator process (version stamp, no TTL)', (open, { openAgain }) => {
  it('a rule added in one process applies on the very next page another process stores; deleting it too', async () => {
    const a = await openTestDomain(open);
    // A second process: its own store connection and AnalysisService (its own cache) over the same database.
    const b = createOperatorDomain({
      store: await openAgain<OperatorDatabase>(a.store),
      keyRing: a.keyRing,
      clock: a.clock,
      registry: testRegistry(),
      recipient: { orgCode: OPERATOR_ORG, clientId: SERVICE_CLIENT_ID },
    });
    const p = await personWithCard(a);
    const storeIn = (d: typeof b, list: Parameters<typeof approvals>[0]) =>
      d.data.store({
        personId: p.personId,
        apiType: 'user-consent',
        collectedAt: T0,
        flags: FLAGS_ON,
        orgCode: CARD_ORG,
        apiId: '카드-008',
        assetId: p.card.id,
        body: approvals(list),
      });
    // B categorises (and caches the person's context) before the rule exists.
    await storeIn(b, [{ num: '1', when: '20261102120000', merchant: '스타벅스 역삼점', amount: 6_000 }]);
    expect(await spend(b, p.personId)).toEqual({ cafe: 6_000 });

    const { id } = await a.analysis.addRule(p.personId, {
      match: 'prefix',
      pattern: '스타벅스',
      category: 'restaurant',
    });
    await storeIn(b, [{ num: '2', when: '20261103120000', merchant: '스타벅스 강남점', amount: 5_000 }]);
    expect(await spend(b, p.personId)).toEqual({ restaurant: 11_000 });

    await a.analysis.deleteRule(p.personId, id);
    await storeIn(b, [{ num: '3', when: '20261104120000', merchant: '스타벅스 서면점', amount: 4_000 }]);
    expect(await spend(b, p.personId)).toEqual({ cafe: 15_000 });
  });

  it('an edit in one process (a correction and, at 3 of 5, a learned rule) reaches the other on its next page', async () => {
    const a = await openTestDomain(open);
    const b = createOperatorDomain({
      store: await openAgain<OperatorDatabase>(a.store),
      keyRing: a.keyRing,
      clock: a.clock,
      registry: testRegistry(),
      recipient: { orgCode: OPERATOR_ORG, clientId: SERVICE_CLIENT_ID },
    });
    const p = await personWithCard(a);
    const page = (from: number, n: number) =>
      Array.from({ length: n }, (_, i) => ({
        num: String(from + i),
        when: `202611${String(from + i).padStart(2, '0')}120000`,
        merchant: '한눈공방',
        amount: 10_000,
      }));
    await b.data.store({
      personId: p.personId,
      apiType: 'user-consent',
      collectedAt: T0,
      flags: FLAGS_ON,
      orgCode: CARD_ORG,
      apiId: '카드-008',
      assetId: p.card.id,
      body: approvals(page(1, 3)),
    });
    const rows = (await a.analysis.transactions(p.personId, { month: '202611', limit: 10, offset: 0 })).rows;
    for (const r of rows) await a.analysis.recategorise(p.personId, r.id, 'education');
    await b.data.store({
      personId: p.personId,
      apiType: 'user-consent',
      collectedAt: T0,
      flags: FLAGS_ON,
      orgCode: CARD_ORG,
      apiId: '카드-008',
      assetId: p.card.id,
      body: approvals(page(4, 1)),
    });
    expect(await spend(b, p.personId)).toEqual({ education: 40_000 });
  });
});
