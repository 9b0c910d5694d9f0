import { openStore, type Store, sql } from '@hannun/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OperatorDatabase } from '../../schema/operator-database.ts';
import type { Clock } from '../../time/clock.ts';
import { type CollectWorld, collectDomain, connectPerson, startCollectWorld } from '../testing/collect-world.ts';
import { truthDifferences } from '../testing/fault-world.ts';
import { type PrivatePostgres, startPrivatePostgres } from '../testing/private-postgres.ts';
import { testEngine } from '../testing/test-engine.ts';

/**
 * The fault suite, the database (issue #9 item 3): the operator's PostgreSQL restarted (`pg_ctl -m fast
 * restart` of a cluster this test starts itself, never the machine's shared one) twice in the middle of a
 * collection by the engine's worker loop. Every connection is cut; calls in flight fail; the engine logs,
 * reconnects, takes its jobs up again when their leases run out, and ends with every transaction once.
 */
let world: CollectWorld;
let pg: PrivatePostgres;
beforeAll(async () => {
  [world, pg] = await Promise.all([startCollectWorld(), startPrivatePostgres()]);
}, 60_000);
afterAll(async () => {
  await world?.close();
  await pg?.stop();
});

/** A query that survives the restart: retried until the database answers again. */
async function patiently<T>(f: () => Promise<T>): Promise<T> {
  for (let i = 0; ; i++) {
    try {
      return await f();
    } catch (e) {
      if (i > 200) throw e;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

async function stepCount(store: Store<OperatorDatabase>): Promise<number> {
  const r = await sql<{ n: number }>`select count(*) as n from op_collect_step`.execute(store.db);
  return Number(r.rows[0]?.n ?? 0);
}

async function liveJobs(store: Store<OperatorDatabase>): Promise<number> {
  const r = await sql<{
    n: number;
  }>`select count(*) as n from op_collect_job where status in ('queued', 'running')`.execute(store.db);
  return Number(r.rows[0]?.n ?? 0);
}

async function until(what: string, deadline: number, check: () => Promise<boolean>): Promise<void> {
  while (!(await patiently(check))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('fault suite: the database restarted', () => {
  it('PostgreSQL restarted twice mid-collection: the engine reconnects, retries its jobs, every transaction once', async () => {
    const store = await openStore<OperatorDatabase>({ url: pg.url });
    // The operator's clock runs on in real time from the providers' (put-off jobs come due).
    const t0 = Date.now();
    const base = world.clock.nowMs();
    const clock: Clock = { nowMs: () => base + (Date.now() - t0) };
    const domain = await collectDomain(store, { registry: world.registry, clock });
    const people: { personId: string; ci: string; orgs: readonly string[] }[] = [];
    for (const index of [27, 11]) {
      const { ci, orgs } = world.customer(index);
      people.push({ ci, orgs, ...(await connectPerson(domain, world, ci, orgs)) });
    }
    const { engine } = testEngine(domain, world, {
      leaseMs: 1_500,
      pollMs: 50,
      maxJobs: 6,
      unavailableMs: 200,
      housekeepingMs: 3_600_000,
    });
    for (const p of people) await engine.afterConsent(p.personId);
    engine.start();
    try {
      const deadline = Date.now() + 90_000;
      const restartsAt: number[] = [];
      for (const at of [40, 160]) {
        await until(`${at} steps`, deadline, async () => (await stepCount(store)) >= at);
        expect(await patiently(() => liveJobs(store))).toBeGreaterThan(0);
        restartsAt.push(await patiently(() => stepCount(store)));
        await pg.restart();
      }
      await until('every job is finished', deadline, async () => (await liveJobs(store)) === 0);
      await engine.stop();

      // The restarts cut the collection in the middle; it ended anyway, every job done.
      const steps = await stepCount(store);
      expect(restartsAt.every((n) => n < steps)).toBe(true);
      const jobs = await store.db.selectFrom('op_collect_job').select(['org_code', 'status', 'attempts']).execute();
      expect(jobs.length).toBe(people.reduce((n, p) => n + p.orgs.length, 0));
      expect(jobs.filter((j) => j.status !== 'done')).toEqual([]);
      // Jobs cut by a restart were claimed again (a second run) and finished.
      expect(jobs.filter((j) => Number(j.attempts) > 1).length).toBeGreaterThan(0);
      const diffs: string[] = [];
      for (const p of people) diffs.push(...(await truthDifferences(domain, world, p.personId, p.ci, p.orgs)));
      expect(diffs).toEqual([]);
    } finally {
      await engine.stop();
      await store.close();
    }
  }, 150_000);
});
