import { openStore } from '@hannun/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OperatorDatabase } from '../schema/operator-database.ts';
import { createCollectionEngine } from './collect-engine.ts';
import { createProviderClient } from './provider-client.ts';
import {
  CLIENT_ID,
  CLIENT_SECRET,
  type CollectWorld,
  collectDomain,
  connectPerson,
  OPERATOR,
  startCollectWorld,
} from './testing/collect-world.ts';

/**
 * Memory at scale (issue #6, Performance): fetched pages are held until stored, so the units in progress —
 * not the jobs — are bounded (`unitsInFlight`), and a worker whose units wait for that bound claims no
 * more jobs: they stay in the table for another worker instead of waiting in this one's memory.
 */
let world: CollectWorld;
beforeAll(async () => {
  world = await startCollectWorld();
}, 60_000);
afterAll(() => world?.close());

describe('units in flight', () => {
  it('bound the calls in progress whatever maxJobs says, and keep unstartable jobs in the table', async () => {
    const store = await openStore<OperatorDatabase>({ url: 'sqlite::memory:' });
    try {
      const domain = await collectDomain(store, world);
      const people = [];
      for (const index of [6, 9, 12]) {
        const { ci, orgs } = world.customer(index);
        people.push({ ...(await connectPerson(domain, world, ci, orgs)), orgs });
      }
      const jobs = people.reduce((n, p) => n + p.orgs.length, 0);
      const real = createProviderClient({ orgCode: OPERATOR, now: () => domain.clock.nowMs() });
      let inFlight = 0;
      let callsPeak = 0;
      let runningPeak = 0;
      const engine = createCollectionEngine({
        domain,
        registry: world.registry,
        orgCode: OPERATOR,
        service: { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET },
        settings: { maxJobs: 100, unitsInFlight: 2 },
        client: {
          async call(c) {
            inFlight++;
            callsPeak = Math.max(callsPeak, inFlight);
            const running = await domain.store.db
              .selectFrom('op_collect_job')
              .select('id')
              .where('status', '=', 'running')
              .execute();
            runningPeak = Math.max(runningPeak, running.length);
            try {
              return await real.call(c);
            } finally {
              inFlight--;
            }
          },
        },
      });
      for (const p of people) await engine.afterConsent(p.personId);
      const report = await engine.runUntilIdle();
      expect(report.ended.done).toBe(jobs);
      expect(jobs).toBeGreaterThan(20);
      expect(callsPeak).toBe(2);
      // Two units at work and a few jobs between two units (without the rule: every pair at once, 21 here).
      expect(runningPeak).toBeGreaterThanOrEqual(2);
      expect(runningPeak).toBeLessThanOrEqual(10);
    } finally {
      await store.close();
    }
  }, 120_000);
});
