import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore, type Store, sql } from '@hannun/store';
import { testPgUrl } from '@hannun/store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKeyRing, keyRingToFile } from '../crypto/key-ring.ts';
import type { OperatorDatabase } from '../schema/operator-database.ts';
import { formatYmd, kstDate } from '../time/kst.ts';
import { createCollectionEngine } from './collect-engine.ts';
import { compareWithTruth } from './testing/compare-truth.ts';
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
 * Exactly once (issue #6 item 5): a worker process is killed with SIGKILL in the middle of collecting a
 * person's 18 institutions, three times, each time at a later point; a new worker process resumes after
 * the dead one's lease runs out. Compared with the providers' truth at the end: nothing lost, nothing twice.
 */
let world: CollectWorld;
const dir = mkdtempSync(join(tmpdir(), 'hannun-kill-'));
beforeAll(async () => {
  world = await startCollectWorld();
}, 60_000);
afterAll(async () => {
  await world?.close();
  rmSync(dir, { recursive: true, force: true });
});

const CHILD = fileURLToPath(new URL('./testing/collect-worker-child.ts', import.meta.url));

function startWorker(env: Record<string, string>, name: string): ChildProcess {
  return spawn(process.execPath, ['--import', import.meta.resolve('tsx'), CHILD], {
    env: { ...process.env, ...env, HANNUN_COLLECT_WORKER: name },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

const exited = (child: ChildProcess) =>
  new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null)
      resolve({ code: child.exitCode, signal: child.signalCode });
    else child.once('exit', (code, signal) => resolve({ code, signal }));
  });

async function steps(store: Store<OperatorDatabase>): Promise<number> {
  const r = await sql<{ n: number }>`select count(*) as n from op_collect_step`.execute(store.db);
  return Number(r.rows[0]?.n ?? 0);
}

async function killDuring(store: Store<OperatorDatabase>, env: Record<string, string>, name: string, atSteps: number) {
  const child = startWorker(env, name);
  const deadline = Date.now() + 60_000;
  while ((await steps(store)) < atSteps) {
    if (child.exitCode !== null) throw new Error(`${name} finished before step ${atSteps}`);
    if (Date.now() > deadline) throw new Error(`${name} never reached step ${atSteps}`);
    await new Promise((r) => setTimeout(r, 15));
  }
  child.kill('SIGKILL');
  return exited(child);
}

for (const dialect of ['sqlite', 'postgres'] as const) {
  describe(`exactly once [${dialect}]`, () => {
    it('AC14: a worker killed (SIGKILL) three times mid-job; restarted, it collects everything exactly once', async () => {
      const schema = `kill_${randomBytes(6).toString('hex')}`;
      const url = dialect === 'sqlite' ? `sqlite:${join(dir, 'operator.db')}` : testPgUrl();
      const store = await openStore<OperatorDatabase>({ url, ...(dialect === 'postgres' ? { schema } : {}) });
      try {
        const keyRing = generateKeyRing();
        const domain = await collectDomain(store, world, keyRing);
        const { ci, orgs } = world.customer(27);
        const { personId } = await connectPerson(domain, world, ci, orgs);
        const engine = createCollectionEngine({
          domain,
          registry: world.registry,
          orgCode: OPERATOR,
          service: { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET },
        });
        await engine.afterConsent(personId);
        const env = {
          HANNUN_COLLECT_STORE_URL: url,
          ...(dialect === 'postgres' ? { HANNUN_COLLECT_SCHEMA: schema } : {}),
          HANNUN_COLLECT_KEYS: JSON.stringify(keyRingToFile(keyRing)),
          HANNUN_COLLECT_REGISTRY: JSON.stringify({
            orgs: world.registryOrgs,
            services: world.registry.snapshot.services,
          }),
          HANNUN_COLLECT_NOW: String(world.clock.nowMs()),
        };

        for (const [i, at] of [10, 60, 140].entries()) {
          const end = await killDuring(store, env, `worker-${i}`, at);
          expect(end.signal).toBe('SIGKILL');
          const running = await store.db
            .selectFrom('op_collect_job')
            .select(['id', 'lease_owner'])
            .where('status', '=', 'running')
            .execute();
          // Killed holding jobs (their leases run out; nobody released them): this worker's, and maybe some of
          // an earlier one whose lease had not run out yet.
          expect(running.some((r) => r.lease_owner === `worker-${i}`)).toBe(true);
          expect(running.every((r) => /^worker-\d$/.test(r.lease_owner ?? ''))).toBe(true);
        }
        const last = await exited(startWorker(env, 'worker-last'));
        expect(last.code).toBe(0);

        const jobs = await engine.jobs.forPerson(personId);
        expect(jobs.map((j) => `${j.orgCode} ${j.status}`).sort()).toEqual(orgs.map((o) => `${o} done`));
        expect(jobs.some((j) => j.attempts > 1)).toBe(true);
        const today = kstDate(world.clock.nowMs());
        const from = formatYmd(today.subtract({ months: 12 }));
        const monthFrom = formatYmd(today.toPlainYearMonth().subtract({ months: 11 }).toPlainDate({ day: 1 }));
        const diffs: string[] = [];
        for (const orgCode of orgs) {
          const truth = await world.truth(orgCode, ci, { from, to: formatYmd(today) });
          const monthTruth = await world.truth(orgCode, ci, { from: monthFrom, to: formatYmd(today) });
          const chargeMonth = formatYmd(today).slice(0, 6);
          diffs.push(...(await compareWithTruth({ domain, personId, orgCode, truth, monthTruth, chargeMonth })));
        }
        expect(diffs).toEqual([]);
      } finally {
        if (dialect === 'postgres') await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(store.db);
        await store.close();
      }
    }, 240_000);
  });
}
