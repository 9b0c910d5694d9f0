import { describeEachDialect } from '@hannun/store/testing';
import { expect, it } from 'vitest';
import { openTestDomain, signUpInput, T0 } from '../testing/operator-test-kit.ts';
import { JobStore, LeaseLost } from './job-store.ts';

describeEachDialect('collection jobs (op_collect_job)', (open, { openAgain }) => {
  async function setUp() {
    const d = await openTestDomain(open);
    const { personId } = await d.people.signUp(signUpInput());
    return { d, personId, jobs: new JobStore(d.store) };
  }
  const job = (personId: string, orgCode = 'BKTESTAA01') => ({
    personId,
    orgCode,
    consentId: 'c_1',
    apiType: 'user-consent' as const,
    notBefore: T0,
    now: T0,
  });

  it('one live job per (person, institution, x-api-type, asset): enqueuing again gives the same job', async () => {
    const { jobs, personId } = await setUp();
    const a = await jobs.enqueue(job(personId));
    const b = await jobs.enqueue(job(personId));
    expect(a.created).toBe(true);
    expect(b).toEqual({ job: a.job, created: false });
    const other = await jobs.enqueue({ ...job(personId), apiType: 'user-refresh' });
    expect(other.created).toBe(true);
  });

  it('a job is claimed by one worker only, even by two stores at once; not before its time', async () => {
    const { d, jobs, personId } = await setUp();
    const second = new JobStore((await openAgain(d.store)) as typeof d.store);
    await jobs.enqueue({ ...job(personId), notBefore: T0 + 1_000 });
    const claim = (s: JobStore, owner: string, now: number) => s.claim({ owner, now, leaseNow: 1_000, leaseMs: 500 });
    expect(await claim(jobs, 'w1', T0)).toBeUndefined();
    const [x, y] = await Promise.all([claim(jobs, 'w1', T0 + 1_000), claim(second, 'w2', T0 + 1_000)]);
    expect([x, y].filter(Boolean)).toHaveLength(1);
    expect((x ?? y)!.attempts).toBe(1);
    expect(await claim(jobs, 'w3', T0 + 1_000)).toBeUndefined();
  });

  it('a lease that runs out (the worker died) lets another worker claim the job; the dead one is fenced off', async () => {
    const { d, jobs, personId } = await setUp();
    await jobs.enqueue(job(personId));
    const first = await jobs.claim({ owner: 'dead', now: T0, leaseNow: 1_000, leaseMs: 500 });
    expect(first).toBeDefined();
    // Renewing keeps it; another worker cannot take it while the lease holds.
    expect(await jobs.renew({ jobId: first!.id, owner: 'dead' }, 1_400, 500)).toBe(true);
    expect(await jobs.claim({ owner: 'next', now: T0, leaseNow: 1_800, leaseMs: 500 })).toBeUndefined();
    const taken = await jobs.claim({ owner: 'next', now: T0, leaseNow: 1_900, leaseMs: 500 });
    expect([taken?.id, taken?.attempts]).toEqual([first!.id, 2]);
    const lease = { jobId: first!.id, owner: 'dead' };
    expect(await jobs.renew(lease, 2_000, 500)).toBe(false);
    await expect(d.store.transaction((trx) => jobs.fence(trx, lease))).rejects.toBeInstanceOf(LeaseLost);
    expect(await jobs.finish(lease, 'done', T0)).toBe(false);
    expect(await jobs.finish({ jobId: first!.id, owner: 'next' }, 'done', T0)).toBe(true);
  });

  it('two jobs of one person at one institution never run at once; other institutions do', async () => {
    const { jobs, personId } = await setUp();
    await jobs.enqueue(job(personId));
    await jobs.enqueue({ ...job(personId), apiType: 'user-refresh' });
    await jobs.enqueue(job(personId, 'BKTESTBB01'));
    const claim = (owner: string) => jobs.claim({ owner, now: T0, leaseNow: 1_000, leaseMs: 500 });
    const a = await claim('w1');
    const b = await claim('w2');
    expect(await claim('w3')).toBeUndefined();
    expect(new Set([a!.orgCode, b!.orgCode])).toEqual(new Set(['BKTESTAA01', 'BKTESTBB01']));
  });

  it('workers racing on two pools: never one job twice, never two jobs of one person at one institution at once', async () => {
    const { d, jobs } = await setUp();
    const second = new JobStore((await openAgain(d.store)) as typeof d.store);
    const people: string[] = [];
    for (let i = 0; i < 3; i++) {
      people.push((await d.people.signUp(signUpInput())).personId);
    }
    const orgs = ['BKTESTAA01', 'BKTESTBB01', 'BKTESTCC01'];
    for (const personId of people) {
      for (const orgCode of orgs) {
        for (const apiType of ['user-consent', 'user-refresh', 'scheduled'] as const) {
          await jobs.enqueue({ ...job(personId, orgCode), apiType });
        }
      }
    }
    const claimed: { id: string; pair: string }[] = [];
    const worker = async (s: JobStore, owner: string) => {
      for (;;) {
        const j = await s.claim({ owner, now: T0, leaseNow: 1_000, leaseMs: 60_000 });
        if (!j) return;
        claimed.push({ id: j.id, pair: `${j.personId}|${j.orgCode}` });
      }
    };
    await Promise.all(Array.from({ length: 12 }, (_, i) => worker(i % 2 === 0 ? jobs : second, `w${i}`)));
    // Every (person, institution) got exactly one running job; the two other jobs of each wait for it.
    expect(new Set(claimed.map((c) => c.id)).size).toBe(claimed.length);
    expect(claimed.map((c) => c.pair).sort()).toEqual(people.flatMap((p) => orgs.map((o) => `${p}|${o}`)).sort());
  });

  it('cancel (stop-jobs) ends live jobs only; putOff returns a job to the queue with its reason', async () => {
    const { jobs, personId } = await setUp();
    const { job: j } = await jobs.enqueue(job(personId));
    await jobs.claim({ owner: 'w', now: T0, leaseNow: 1_000, leaseMs: 500 });
    const why = { code: 'np-time', ko: '다음 시간대', en: 'next window' };
    expect(await jobs.putOff({ jobId: j.id, owner: 'w' }, T0 + 60_000, why)).toBe(true);
    const queued = await jobs.get(j.id);
    expect([queued!.status, queued!.notBefore, queued!.failure]).toEqual(['queued', T0 + 60_000, why]);
    expect(await jobs.cancel(personId, 'BKTESTAA01', T0)).toBe(1);
    expect(await jobs.cancel(personId, 'BKTESTAA01', T0)).toBe(0);
    expect((await jobs.get(j.id))!.status).toBe('cancelled');
  });
});
