import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { seededRandom } from '@hannun/examiner';
import { openStore } from '@hannun/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKeyRing, keyRingToFile } from '../../crypto/key-ring.ts';
import type { OperatorDatabase } from '../../schema/operator-database.ts';
import { createCollectionEngine } from '../collect-engine.ts';
import {
  CLIENT_ID,
  CLIENT_SECRET,
  type CollectWorld,
  collectDomain,
  connectPerson,
  OPERATOR,
  startCollectWorld,
  WORLD_CUSTOMERS,
} from '../testing/collect-world.ts';
import { truthDifferences } from '../testing/fault-world.ts';

/**
 * The fault suite, operator's side (issue #9 item 3): the collection worker killed with SIGKILL at 20 seeded
 * random points across the collection of people's institutions (three, and more connected meanwhile so that
 * every kill lands in the middle of work), restarted each time (short leases, so
 * the restarted worker takes the dead one's jobs over quickly). At the end: every job done, and exactly the
 * providers' truth for every person at every institution — nothing lost, nothing twice.
 */
const KILLS = 20;
const PEOPLE = [27, 11, 5];
/**
 * More people, connected while the kills go on whenever fewer than MIN_PENDING jobs are left: on a fast machine
 * three people's collection can be over before the twentieth kill, and a kill must land in the middle of work.
 */
const SPARE = Array.from({ length: WORLD_CUSTOMERS }, (_, i) => i).filter((i) => !PEOPLE.includes(i));
const MIN_PENDING = 72;
const CHILD = fileURLToPath(new URL('../testing/collect-worker-child.ts', import.meta.url));

let world: CollectWorld;
const dir = mkdtempSync(join(tmpdir(), 'hannun-kill9-'));
beforeAll(async () => {
  world = await startCollectWorld();
}, 60_000);
afterAll(async () => {
  await world?.close();
  rmSync(dir, { recursive: true, force: true });
});

function startWorker(env: Record<string, string>, name: string): { child: ChildProcess; ready: Promise<boolean> } {
  const child = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), CHILD], {
    env: { ...process.env, ...env, HANNUN_COLLECT_WORKER: name },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const ready = new Promise<boolean>((resolve) => {
    child.on('message', (m: { type?: string }) => {
      if (m.type === 'ready') resolve(true);
    });
    child.once('exit', () => resolve(false));
  });
  return { child, ready };
}

const exited = (child: ChildProcess) =>
  new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null)
      resolve({ code: child.exitCode, signal: child.signalCode });
    else child.once('exit', (code, signal) => resolve({ code, signal }));
  });

describe('fault suite: the operator killed', () => {
  it('kill -9 at 20 random points, restarted each time: every transaction collected exactly once', async () => {
    const store = await openStore<OperatorDatabase>({ url: `sqlite:${join(dir, 'operator.db')}` });
    try {
      const keyRing = generateKeyRing();
      const domain = await collectDomain(store, world, keyRing);
      const people: { personId: string; ci: string; orgs: readonly string[] }[] = [];
      const enqueuer = createCollectionEngine({
        domain,
        registry: world.registry,
        orgCode: OPERATOR,
        service: { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET },
      });
      const connect = async (index: number) => {
        const { ci, orgs } = world.customer(index);
        if (orgs.length === 0) return;
        const { personId } = await connectPerson(domain, world, ci, orgs);
        await enqueuer.afterConsent(personId);
        people.push({ personId, ci, orgs });
      };
      for (const index of PEOPLE) await connect(index);
      const pending = async () =>
        (
          await store.db
            .selectFrom('op_collect_job')
            .select('id')
            .where('status', 'in', ['queued', 'running'])
            .execute()
        ).length;
      const env = {
        HANNUN_COLLECT_STORE_URL: `sqlite:${join(dir, 'operator.db')}`,
        HANNUN_COLLECT_KEYS: JSON.stringify(keyRingToFile(keyRing)),
        HANNUN_COLLECT_REGISTRY: JSON.stringify({
          orgs: world.registryOrgs,
          services: world.registry.snapshot.services,
        }),
        HANNUN_COLLECT_NOW: String(world.clock.nowMs()),
        HANNUN_COLLECT_LEASE_MS: '800',
      };

      const random = seededRandom(20_260_311);
      const stepsAtKill: number[] = [];
      const steps = async () =>
        Number(
          (
            await store.db
              .selectFrom('op_collect_step')
              .select(({ fn }) => fn.countAll().as('n'))
              .executeTakeFirst()
          )?.n ?? 0,
        );
      // A worker that finished every pending job before its kill point (a very fast machine) is not a kill:
      // more work is connected and another worker started, up to twice as many workers as kills.
      let finishedEarly = 0;
      for (let i = 0; stepsAtKill.length < KILLS && i < 2 * KILLS; i++) {
        while ((await pending()) < MIN_PENDING && SPARE.length > 0) await connect(SPARE.shift()!);
        const { child, ready } = startWorker(env, `worker-${i}`);
        expect(await ready, `worker-${i} started`).toBe(true);
        // A random point of its work: 100–700 ms after it began claiming jobs.
        await new Promise((r) => setTimeout(r, 100 + Math.floor(random() * 600)));
        if (child.exitCode !== null) {
          expect(child.exitCode, `worker-${i} ended by itself`).toBe(0);
          finishedEarly++;
          continue;
        }
        child.kill('SIGKILL');
        expect((await exited(child)).signal).toBe('SIGKILL');
        stepsAtKill.push(await steps());
      }
      expect(stepsAtKill.length, `kills (${finishedEarly} workers finished before their kill point)`).toBe(KILLS);
      // Killed across the collection: the work went on between kills, and was not over before the last one.
      expect(new Set(stepsAtKill).size).toBeGreaterThan(KILLS / 2);
      const live = await store.db
        .selectFrom('op_collect_job')
        .select('id')
        .where('status', 'in', ['queued', 'running'])
        .execute();
      expect(live.length).toBeGreaterThan(0);

      const last = startWorker(env, 'worker-last');
      expect((await exited(last.child)).code).toBe(0);

      const jobs = await store.db.selectFrom('op_collect_job').select(['org_code', 'status', 'attempts']).execute();
      expect(jobs.length).toBe(people.reduce((n, p) => n + p.orgs.length, 0));
      expect(jobs.filter((j) => j.status !== 'done')).toEqual([]);
      expect(jobs.filter((j) => Number(j.attempts) > 1).length).toBeGreaterThan(0);
      const diffs: string[] = [];
      for (const p of people) diffs.push(...(await truthDifferences(domain, world, p.personId, p.ci, p.orgs)));
      expect(diffs).toEqual([]);
    } finally {
      await store.close();
    }
  }, 150_000);
});
