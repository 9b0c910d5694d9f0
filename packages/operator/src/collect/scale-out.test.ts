import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { type FaultFront, startFaultFront } from '@hannun/examiner';
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
 * Scale (issue #6 item 10): three worker processes share one PostgreSQL job table and collect for several
 * people at once from providers that fail the way networks do (500s, calls never answered, connections
 * dropped before an answer and in the middle of a page); one worker is killed with SIGKILL while it holds
 * jobs. The two others take its jobs over when its leases run out, and at the end every institution of every
 * person holds exactly the providers' truth: nothing lost, nothing twice.
 */
const PEOPLE = [2, 5, 8, 11, 14, 17, 20, 23, 26, 29, 32, 35];
const CHILD = fileURLToPath(new URL('./testing/scale-worker-child.ts', import.meta.url));

let world: CollectWorld;
let front: FaultFront;
beforeAll(async () => {
  world = await startCollectWorld();
  front = await startFaultFront({
    upstream: world.url,
    rates: { 'status-500': 0.06, hang: 0.015, drop: 0.03, 'cut-mid-body': 0.03 },
    seed: 20_260_310,
  });
}, 60_000);
afterAll(async () => {
  await front?.close();
  await world?.close();
});

interface Worker {
  readonly name: string;
  readonly child: ChildProcess;
  calls: number;
}

function startWorker(env: Record<string, string>, name: string): Worker {
  const child = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), CHILD], {
    env: { ...process.env, ...env, HANNUN_COLLECT_WORKER: name },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const w: Worker = { name, child, calls: 0 };
  child.on('message', (m: { calls?: number }) => {
    if (typeof m.calls === 'number') w.calls = m.calls;
  });
  return w;
}

const exited = (child: ChildProcess) =>
  new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null)
      resolve({ code: child.exitCode, signal: child.signalCode });
    else child.once('exit', (code, signal) => resolve({ code, signal }));
  });

async function count(store: Store<OperatorDatabase>, query: 'steps' | 'live'): Promise<number> {
  const r =
    query === 'steps'
      ? await sql<{ n: number }>`select count(*) as n from op_collect_step`.execute(store.db)
      : await sql<{
          n: number;
        }>`select count(*) as n from op_collect_job where status in ('queued', 'running')`.execute(store.db);
  return Number(r.rows[0]?.n ?? 0);
}

async function until(what: string, deadline: number, check: () => Promise<boolean>): Promise<void> {
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('scale: three worker processes on PostgreSQL', () => {
  it('item 10: faults injected, one worker killed (SIGKILL) mid-job; every transaction collected exactly once', async () => {
    const schema = `scale_${randomBytes(6).toString('hex')}`;
    const url = testPgUrl();
    const store = await openStore<OperatorDatabase>({ url, schema });
    const workers: Worker[] = [];
    try {
      const keyRing = generateKeyRing();
      const domain = await collectDomain(store, world, keyRing);
      const people: { personId: string; ci: string; orgs: readonly string[] }[] = [];
      for (const index of PEOPLE) {
        const { ci, orgs } = world.customer(index);
        const { personId } = await connectPerson(domain, world, ci, orgs);
        people.push({ personId, ci, orgs });
      }
      // The people asked (user-consent): the jobs wait in the table for whichever worker claims them.
      const enqueuer = createCollectionEngine({
        domain,
        registry: world.registry,
        orgCode: OPERATOR,
        service: { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET },
      });
      for (const p of people) await enqueuer.afterConsent(p.personId);
      const jobCount = people.reduce((n, p) => n + p.orgs.length, 0);

      const env = {
        HANNUN_COLLECT_STORE_URL: url,
        HANNUN_COLLECT_SCHEMA: schema,
        HANNUN_COLLECT_KEYS: JSON.stringify(keyRingToFile(keyRing)),
        // Every institution reached through the flaky front.
        HANNUN_COLLECT_REGISTRY: JSON.stringify({
          orgs: world.registryOrgs.map((o) =>
            o.baseUrl ? { ...o, baseUrl: o.baseUrl.replace(world.url, front.url) } : o,
          ),
          services: world.registry.snapshot.services,
        }),
        HANNUN_COLLECT_NOW: String(world.clock.nowMs()),
        HANNUN_COLLECT_T0: String(Date.now()),
      };
      for (const name of ['worker-a', 'worker-b', 'worker-c']) workers.push(startWorker(env, name));
      const [a, b, c] = workers as [Worker, Worker, Worker];

      // Kill worker-b once the work is well under way and it holds jobs in the middle of their steps.
      const deadline = Date.now() + 100_000;
      let held: string[] = [];
      await until('worker-b holds running jobs mid-collection', deadline, async () => {
        if (b.calls < 100 || (await count(store, 'steps')) < 100) return false;
        const rows = await store.db
          .selectFrom('op_collect_job as j')
          .select('j.id')
          .where('j.status', '=', 'running')
          .where('j.lease_owner', '=', 'worker-b')
          .where(({ exists, selectFrom }) =>
            exists(selectFrom('op_collect_step as s').select('s.job_id').whereRef('s.job_id', '=', 'j.id')),
          )
          .execute();
        held = rows.map((r) => r.id);
        return held.length > 0;
      });
      b.child.kill('SIGKILL');
      expect((await exited(b.child)).signal).toBe('SIGKILL');
      // A held job worker-b finished between the query and the kill is not one it died holding.
      const stillHeld = await store.db
        .selectFrom('op_collect_job')
        .select('id')
        .where('status', '=', 'running')
        .where('lease_owner', '=', 'worker-b')
        .execute();
      held = held.filter((id) => stillHeld.some((r) => r.id === id));
      expect(held.length, 'jobs worker-b died holding').toBeGreaterThan(0);

      await until('every job is finished', deadline, async () => (await count(store, 'live')) === 0);
      for (const w of [a, c]) w.child.kill('SIGTERM');
      expect((await exited(a.child)).code).toBe(0);
      expect((await exited(c.child)).code).toBe(0);

      // Every job done; those worker-b held were taken over (a second run) and finished by another worker.
      const jobs = await store.db.selectFrom('op_collect_job').select(['id', 'status', 'attempts']).execute();
      expect(jobs.length).toBe(jobCount);
      expect(jobs.filter((j) => j.status !== 'done')).toEqual([]);
      for (const id of held) expect(Number(jobs.find((j) => j.id === id)!.attempts)).toBeGreaterThanOrEqual(2);
      // The work was shared, and every kind of fault happened.
      expect(workers.map((w) => w.calls > 0)).toEqual([true, true, true]);
      for (const fault of ['status-500', 'hang', 'drop', 'cut-mid-body'] as const) {
        expect(front.counts[fault], fault).toBeGreaterThan(0);
      }
      // The operator's transmission records saw them too: calls given up, connections lost, system failures.
      const records = await store.db.selectFrom('op_transmission').select(['failure', 'rsp_code']).execute();
      const seen = new Set(records.map((r) => r.failure ?? r.rsp_code));
      expect(['timeout', 'connection', '50001'].filter((k) => !seen.has(k))).toEqual([]);

      // Exactly the providers' truth, for every person at every institution: nothing missing, nothing twice.
      const today = kstDate(world.clock.nowMs());
      const from = formatYmd(today.subtract({ months: 12 }));
      const monthFrom = formatYmd(today.toPlainYearMonth().subtract({ months: 11 }).toPlainDate({ day: 1 }));
      const diffs: string[] = [];
      for (const p of people) {
        for (const orgCode of p.orgs) {
          const truth = await world.truth(orgCode, p.ci, { from, to: formatYmd(today) });
          const monthTruth = await world.truth(orgCode, p.ci, { from: monthFrom, to: formatYmd(today) });
          const chargeMonth = formatYmd(today).slice(0, 6);
          diffs.push(
            ...(await compareWithTruth({ domain, personId: p.personId, orgCode, truth, monthTruth, chargeMonth })),
          );
        }
      }
      expect(diffs).toEqual([]);
    } finally {
      for (const w of workers) if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill('SIGKILL');
      await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(store.db);
      await store.close();
    }
  }, 150_000);
});
