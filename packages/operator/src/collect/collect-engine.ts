import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Logger } from '@hannun/infra';
import type { Registry } from '@hannun/registry';
import type { ApiType } from '@hannun/spec';
import type { Dispatcher } from 'undici';
import { cycleDays } from '../consent/cycle.ts';
import { Secret } from '../crypto/secret.ts';
import type { OperatorDomain } from '../operator-domain.ts';
import { createAuthClient } from './auth-client.ts';
import type { BreakerOptions } from './circuit-breaker.ts';
import { type CollectNotice, CollectNotices } from './collect-notices.ts';
import { CollectState } from './collect-state.ts';
import { type CollectJob, type JobParams, JobStore, type Lease, LeaseLost, type Reason } from './job-store.ts';
import { createInstitutionLimiter } from './institution-limiter.ts';
import { type JobDeps, type JobEnd, JobRun } from './job-run.ts';
import { parseNpWindows } from './np-time.ts';
import { ProgressHub } from './progress.ts';
import { createProviderClient, type ProviderClient } from './provider-client.ts';
import { abortableSleep, createResilientCaller, type ResilientCaller } from './resilient-caller.ts';
import { DEFAULT_RETRY, type RetryPolicy } from './retry-policy.ts';
import { TokenKeeper } from './token-keeper.ts';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** The engine's knobs; the defaults suit `hannun up`, tests shorten the waits. */
export interface CollectSettings {
  /** A call without a whole answer after this long is given up (then retried). */
  readonly callTimeoutMs: number;
  readonly retry: RetryPolicy;
  readonly breaker: BreakerOptions;
  /** Calls in flight per institution from this process. */
  readonly perInstitution: number;
  /**
   * Jobs run at once by this worker (different institutions or people). The worker claims no more while
   * units wait for `unitsInFlight`: a job it could not start stays in the table for another worker.
   */
  readonly maxJobs: number;
  /**
   * Units (one API for one asset and period: its pages fetched, then stored together) in progress at once in
   * this worker, over all its jobs. Fetched pages are held until stored, so this, not `maxJobs`, bounds the
   * worker's memory when many jobs run at once; the database writer sets the pace anyway.
   */
  readonly unitsInFlight: number;
  /** A running job's lease; renewed every third of it. */
  readonly leaseMs: number;
  /** How often an idle worker looks for work. */
  readonly pollMs: number;
  /** Tokens expiring within this are refreshed first (개별인증-003). */
  readonly refreshMarginMs: number;
  /** A person's request not done after this long is late: a notice is written (5 minutes, GUIDE §2.1). */
  readonly lateAfterMs: number;
  /** How often the worker schedules due collections, refreshes tokens, handles follow-ups, checks lateness. */
  readonly housekeepingMs: number;
  /** A job whose provider stays unavailable fails after this many runs. */
  readonly maxAttempts: number;
  /** First put-off after a provider stayed unavailable through the retries; doubled per run, at most 1 hour. */
  readonly unavailableMs: number;
  /** Put-off for a provider's maintenance (50008). */
  readonly maintenanceMs: number;
  /**
   * Whether housekeeping also ends expired consents and carries out the consents' follow-ups (stop-jobs,
   * revoke-tokens). Turn off where another part of the process already does (the operator runtime's
   * FollowUpRunner), so revocations are not sent twice.
   */
  readonly consentHousekeeping: boolean;
}

export const DEFAULT_COLLECT_SETTINGS: CollectSettings = {
  callTimeoutMs: 15_000,
  retry: DEFAULT_RETRY,
  breaker: { threshold: 5, cooldownMs: 30_000 },
  perInstitution: 4,
  maxJobs: 16,
  unitsInFlight: 24,
  leaseMs: 30_000,
  pollMs: 1_000,
  refreshMarginMs: 10 * MINUTE,
  lateAfterMs: 5 * MINUTE,
  housekeepingMs: MINUTE,
  maxAttempts: 12,
  unavailableMs: 30_000,
  maintenanceMs: 15 * MINUTE,
  consentHousekeeping: true,
};

export interface CollectionEngineOptions {
  readonly domain: OperatorDomain;
  /** Institutions' base URLs (`domain`), industries and np_time windows. */
  readonly registry: Registry;
  /** The operator's org_code: the start of every x-api-tran-id. */
  readonly orgCode: string;
  /** The operator service's credentials at the providers (refresh and revoke). */
  readonly service: { readonly clientId: string; readonly clientSecret: string | Secret };
  /** The operator's mutual-TLS agent (`clientAgent` of @hannun/pki). Plain HTTP without it. */
  readonly dispatcher?: Dispatcher;
  /** This worker's name in leases (default host, pid and a random part). */
  readonly workerId?: string;
  readonly settings?: Partial<CollectSettings>;
  readonly progress?: ProgressHub;
  readonly logger?: Logger;
  /** Another client (tests wrap the real one). */
  readonly client?: ProviderClient;
  readonly random?: () => number;
}

/** What a `runUntilIdle` did. */
export interface RunReport {
  readonly jobs: number;
  readonly ended: Readonly<Record<JobEnd['status'], number>>;
}

export interface CollectionEngine {
  readonly workerId: string;
  readonly progress: ProgressHub;
  readonly jobs: JobStore;
  readonly state: CollectState;
  readonly notices: CollectNotices;
  readonly caller: ResilientCaller;
  /** user-consent jobs (12 months) for the person's active consents (of these institutions), right after consent. */
  afterConsent(personId: string, orgCodes?: readonly string[]): Promise<CollectJob[]>;
  /** user-refresh jobs: everything since the last collection (the person logged in or pulled to refresh). */
  refresh(personId: string, orgCodes?: readonly string[]): Promise<CollectJob[]>;
  /** A user-search job: one asset's transactions back as far as asked (5 years at most), less what is held. */
  search(personId: string, assetId: string, range?: JobParams): Promise<CollectJob>;
  /** scheduled jobs for every consent whose cycle is due (people seen within 6 months), in np_time. */
  scheduleDue(): Promise<CollectJob[]>;
  /** Runs every job that may run now, up to `maxJobs` at once, until none is left (tests, one-shot workers). */
  runUntilIdle(opts?: { readonly maxRuns?: number }): Promise<RunReport>;
  /** The worker loop: claims and runs jobs, and housekeeping on its interval. */
  start(): void;
  /** Stops the loop; running jobs stop between calls and go back to the queue. */
  stop(): Promise<void>;
  /** 개별인증-003 for every pair due (vault.dueForRefresh). */
  refreshTokens(): Promise<number>;
  /** The consent follow-ups: stop-jobs (cancel them), revoke-tokens (개별인증-004). */
  processFollowUps(): Promise<{ readonly stopped: number; readonly revoked: number }>;
  /** Notices for people's requests more than `lateAfterMs` late (once per job). */
  checkLate(): Promise<CollectNotice[]>;
  /** Everything housekeeping does, once. */
  housekeeping(): Promise<void>;
}

const REASON_LATE: Reason = {
  code: 'late',
  ko: '데이터 수신이 5분 이상 지연되고 있습니다',
  en: 'the data is more than 5 minutes late',
};

/**
 * The collection engine: jobs per (person, institution, x-api-type) on the operator's own database (an
 * embedded queue with leases, the same on SQLite and PostgreSQL, so several workers — processes or
 * machines — share it), each run by `JobRun` over the resilient provider client, with progress events per
 * person, token refresh, follow-ups and late notices.
 */
export function createCollectionEngine(o: CollectionEngineOptions): CollectionEngine {
  const settings: CollectSettings = {
    ...DEFAULT_COLLECT_SETTINGS,
    ...o.settings,
    retry: { ...DEFAULT_COLLECT_SETTINGS.retry, ...o.settings?.retry },
  };
  const { domain, registry } = o;
  const { store, clock } = domain;
  const workerId = o.workerId ?? `${hostname()}-${process.pid}-${randomBytes(4).toString('hex')}`;
  const progress = o.progress ?? new ProgressHub();
  const jobs = new JobStore(store);
  const state = new CollectState(store);
  const notices = new CollectNotices(store);
  const service = {
    clientId: o.service.clientId,
    clientSecret:
      typeof o.service.clientSecret === 'string' ? new Secret(o.service.clientSecret) : o.service.clientSecret,
  };
  const client =
    o.client ??
    createProviderClient({
      orgCode: o.orgCode,
      timeoutMs: settings.callTimeoutMs,
      now: () => clock.nowMs(),
      ...(o.dispatcher ? { dispatcher: o.dispatcher } : {}),
    });
  const caller = createResilientCaller({
    client,
    retry: settings.retry,
    breaker: settings.breaker,
    perInstitution: settings.perInstitution,
    ...(o.random ? { random: o.random } : {}),
  });
  const auth = createAuthClient({
    orgCode: o.orgCode,
    service,
    timeoutMs: settings.callTimeoutMs,
    ...(o.dispatcher ? { dispatcher: o.dispatcher } : {}),
  });
  const tokens = new TokenKeeper({
    vault: domain.vault,
    auth,
    clock,
    clientId: service.clientId,
    marginMs: settings.refreshMarginMs,
  });
  const unitGate = createInstitutionLimiter(settings.unitsInFlight);
  // A job that would only wait for a unit permit is better left in the table, where another worker can take
  // it: no new claims while units wait for the gate.
  const saturated = () => unitGate.waiting('units') > 0;
  const deps: JobDeps = {
    domain,
    registry,
    jobs,
    state,
    caller,
    tokens,
    progress,
    unavailableBackoffMs: (attempt) => Math.min(60 * MINUTE, settings.unavailableMs * 2 ** Math.max(0, attempt - 1)),
    maxAttempts: settings.maxAttempts,
    maintenanceMs: settings.maintenanceMs,
    unitGate: (fn) => unitGate.run('units', fn),
  };
  const stopping = new AbortController();
  const running = new Map<string, Promise<JobEnd['status']>>();

  const emitQueued = (job: CollectJob) =>
    progress.emit({
      type: 'queued',
      personId: job.personId,
      orgCode: job.orgCode,
      jobId: job.id,
      apiType: job.apiType,
      at: clock.nowMs(),
      notBefore: job.notBefore,
    });

  async function enqueueFor(personId: string, apiType: ApiType, orgCodes?: readonly string[]) {
    const active = await domain.consents.active(personId);
    const now = clock.nowMs();
    const out: CollectJob[] = [];
    for (const c of active) {
      if (orgCodes && !orgCodes.includes(c.orgCode)) continue;
      const { job, created } = await jobs.enqueue({
        personId,
        orgCode: c.orgCode,
        consentId: c.id,
        apiType,
        notBefore: now,
        now,
      });
      if (created) emitQueued(job);
      out.push(job);
    }
    return out;
  }

  async function runJob(job: CollectJob): Promise<JobEnd['status']> {
    const lease: Lease = { jobId: job.id, owner: workerId };
    const abort = new AbortController();
    const signal = AbortSignal.any([abort.signal, stopping.signal]);
    const heartbeat = setInterval(
      () => {
        jobs.renew(lease, Date.now(), settings.leaseMs).then(
          (held) => {
            if (!held) abort.abort();
          },
          () => undefined,
        );
      },
      Math.max(50, Math.floor(settings.leaseMs / 3)),
    );
    let end: JobEnd;
    try {
      end = await new JobRun(deps, job, lease, signal).run();
    } catch (e) {
      if (e instanceof LeaseLost) return 'stopped';
      o.logger?.error({ err: e, job: job.id, org: job.orgCode }, 'collection job failed unexpectedly');
      end = {
        status: 'deferred',
        until: clock.nowMs() + deps.unavailableBackoffMs(job.attempts),
        reason: {
          code: 'internal',
          ko: '처리 중 오류가 있어 나중에 다시 수집합니다',
          en: 'an internal error: retried later',
        },
      };
    } finally {
      clearInterval(heartbeat);
    }
    try {
      await endRun(job, lease, end);
    } catch (e) {
      // The database went away (restarted, connection lost): the lease runs out and the job is claimed again.
      o.logger?.error({ err: e, job: job.id, org: job.orgCode }, 'a collection job’s end could not be written');
    }
    return end.status;
  }

  async function endRun(job: CollectJob, lease: Lease, end: JobEnd): Promise<void> {
    const base = { personId: job.personId, orgCode: job.orgCode, jobId: job.id, apiType: job.apiType };
    const now = clock.nowMs();
    switch (end.status) {
      case 'done':
        if (await jobs.finish(lease, 'done', now)) {
          progress.emit({ ...base, at: now, type: 'done', counts: end.counts, failedUnits: end.failedUnits });
        }
        break;
      case 'failed':
        if (await jobs.finish(lease, 'failed', now, end.reason)) {
          await notices.add(store.db, { ...base, kind: 'failed', reason: end.reason, now });
          progress.emit({
            ...base,
            at: now,
            type: 'failed',
            reason: end.reason,
            ...(end.counts ? { counts: end.counts } : {}),
          });
        }
        break;
      case 'cancelled':
        if (await jobs.finish(lease, 'cancelled', now, end.reason)) {
          progress.emit({ ...base, at: now, type: 'failed', reason: end.reason });
        }
        break;
      case 'deferred':
        if (await jobs.putOff(lease, end.until, end.reason)) {
          progress.emit({ ...base, at: now, type: 'deferred', until: end.until, reason: end.reason });
        }
        break;
      case 'stopped':
        // Stopping the worker: back to the queue at once for another worker (or this one, restarted).
        if (stopping.signal.aborted) await jobs.putOff(lease, now, job.failure);
        break;
    }
  }

  async function claimNext(): Promise<CollectJob | undefined> {
    return jobs.claim({
      owner: workerId,
      now: clock.nowMs(),
      leaseNow: Date.now(),
      leaseMs: settings.leaseMs,
    });
  }

  async function runUntilIdle(opts: { readonly maxRuns?: number } = {}): Promise<RunReport> {
    const ended: Record<JobEnd['status'], number> = { done: 0, failed: 0, cancelled: 0, deferred: 0, stopped: 0 };
    const inFlight = new Set<Promise<void>>();
    let runs = 0;
    for (;;) {
      while (inFlight.size < settings.maxJobs && !saturated() && (opts.maxRuns === undefined || runs < opts.maxRuns)) {
        const job = await claimNext();
        if (!job) break;
        runs++;
        const p: Promise<void> = runJob(job).then(
          (status) => {
            ended[status]++;
            inFlight.delete(p);
          },
          () => {
            inFlight.delete(p);
          },
        );
        inFlight.add(p);
      }
      if (inFlight.size === 0) break;
      await Promise.race(inFlight);
    }
    return { jobs: runs, ended };
  }

  let loop: Promise<void> | undefined;
  let lastHousekeeping = 0;
  let lastDuplicateCheck = 0;

  async function housekeeping(): Promise<void> {
    const steps: [string, () => Promise<unknown>][] = [
      ...(settings.consentHousekeeping
        ? ([
            ['expire consents', () => domain.consents.expireDue()],
            ['follow-ups', () => engine.processFollowUps()],
          ] as [string, () => Promise<unknown>][])
        : []),
      ['refresh tokens', () => engine.refreshTokens()],
      ['schedule', () => engine.scheduleDue()],
      ['late notices', () => engine.checkLate()],
    ];
    if (Date.now() - lastDuplicateCheck >= DAY) {
      lastDuplicateCheck = Date.now();
      steps.push(['duplicate tokens', () => domain.vault.duplicateCheck()]);
    }
    for (const [what, step] of steps) {
      try {
        await step();
      } catch (e) {
        o.logger?.error({ err: e, step: what }, 'collection housekeeping step failed');
      }
    }
  }

  async function workLoop(): Promise<void> {
    while (!stopping.signal.aborted) {
      if (Date.now() - lastHousekeeping >= settings.housekeepingMs) {
        lastHousekeeping = Date.now();
        await housekeeping();
      }
      let claimed = false;
      while (running.size < settings.maxJobs && !saturated() && !stopping.signal.aborted) {
        let job: CollectJob | undefined;
        try {
          job = await claimNext();
        } catch (e) {
          o.logger?.error({ err: e }, 'claiming a collection job failed');
        }
        if (!job) break;
        claimed = true;
        const id = job.id;
        const p = runJob(job).finally(() => running.delete(id));
        running.set(id, p);
      }
      if (!claimed) {
        const waits: Promise<unknown>[] = [abortableSleep(settings.pollMs, stopping.signal), ...running.values()];
        await Promise.race(waits);
      }
    }
    await Promise.allSettled(running.values());
  }

  const engine: CollectionEngine = {
    workerId,
    progress,
    jobs,
    state,
    notices,
    caller,
    afterConsent: (personId, orgCodes) => enqueueFor(personId, 'user-consent', orgCodes),
    refresh: (personId, orgCodes) => enqueueFor(personId, 'user-refresh', orgCodes),
    async search(personId, assetId, range = {}) {
      for (const [field, v] of Object.entries(range)) {
        if (v !== undefined && !/^\d{8}$/.test(v)) {
          throw new RangeError(`${field} must be a date YYYYMMDD`);
        }
      }
      const asset = (await domain.data.assets(personId)).find((a) => a.id === assetId);
      if (!asset) throw new RangeError('assetId: no such asset of this person');
      const consent = (await domain.consents.active(personId)).find((c) => c.orgCode === asset.orgCode);
      if (!consent) throw new RangeError('assetId: no active consent covers this asset');
      const now = clock.nowMs();
      const { job, created } = await jobs.enqueue({
        personId,
        orgCode: asset.orgCode,
        consentId: consent.id,
        apiType: 'user-search',
        assetId,
        params: range,
        notBefore: now,
        now,
      });
      if (created) emitQueued(job);
      return job;
    },
    async scheduleDue() {
      const now = clock.nowMs();
      const out: CollectJob[] = [];
      let afterId: string | undefined;
      for (;;) {
        const page = await domain.consents.scheduled({ ...(afterId !== undefined ? { afterId } : {}), limit: 500 });
        if (page.length === 0) break;
        afterId = page.at(-1)!.id;
        for (const c of page) {
          if (await jobs.hasLive(c.personId, c.orgCode, 'scheduled')) continue;
          const last = (await jobs.lastDone(c.personId, c.orgCode)) ?? c.activatedAt ?? c.createdAt;
          const cadence = Math.min(cycleDays(c.fndCycle) ?? 7, cycleDays(c.addCycle) ?? 7);
          const due = last + cadence * DAY;
          if (due > now) continue;
          const windows = parseNpWindows(registry.org(c.orgCode)?.npTimes);
          const { job, created } = await jobs.enqueue({
            personId: c.personId,
            orgCode: c.orgCode,
            consentId: c.id,
            apiType: 'scheduled',
            notBefore: windows.nextOpening(Math.max(due, now)),
            now,
          });
          if (created) {
            emitQueued(job);
            out.push(job);
          }
        }
      }
      return out;
    },
    runUntilIdle,
    start() {
      loop ??= workLoop().catch((e: unknown) => o.logger?.error({ err: e }, 'the collection worker stopped'));
    },
    async stop() {
      stopping.abort();
      await loop;
      await Promise.allSettled(running.values());
    },
    async refreshTokens() {
      const due = await domain.vault.dueForRefresh(clock.nowMs(), settings.refreshMarginMs);
      let n = 0;
      for (const d of due) {
        const base = registry.org(d.orgCode)?.baseUrl;
        if (!base || d.clientId !== service.clientId) continue;
        try {
          await tokens.refresh(d.personId, d.orgCode, base);
          n++;
        } catch (e) {
          o.logger?.warn({ err: e, org: d.orgCode, token: d.id }, 'a token refresh failed');
        }
      }
      return n;
    },
    async processFollowUps() {
      const { followUps } = domain.consents;
      let stopped = 0;
      let revoked = 0;
      for (const f of await followUps.pending(store.db, 'stop-jobs')) {
        await jobs.cancel(f.personRef, f.orgCode, clock.nowMs());
        await followUps.complete(store.db, f.id, clock.nowMs());
        stopped++;
      }
      for (const f of await followUps.pending(store.db, 'revoke-tokens')) {
        const pair = await followUps.revocationTokens(store.db, f.id);
        const base = registry.org(f.orgCode)?.baseUrl;
        if (!pair) {
          await followUps.complete(store.db, f.id, clock.nowMs());
          continue;
        }
        if (!base) {
          await followUps.failed(store.db, f.id);
          continue;
        }
        const r = await auth.revoke(base, f.orgCode, pair.refreshToken ?? pair.accessToken);
        if (r.ok) {
          await followUps.complete(store.db, f.id, clock.nowMs());
          revoked++;
        } else await followUps.failed(store.db, f.id);
      }
      return { stopped, revoked };
    },
    async checkLate() {
      const now = clock.nowMs();
      const out: CollectNotice[] = [];
      for (const job of await jobs.lateJobs(now - settings.lateAfterMs)) {
        const reason: Reason = job.failure
          ? {
              code: job.failure.code,
              ko: `${REASON_LATE.ko} (사유: ${job.failure.ko})`,
              en: `${REASON_LATE.en} (${job.failure.en})`,
            }
          : REASON_LATE;
        const notice = await store.transaction(async (trx) => {
          if (!(await jobs.markLate(trx, job.id, now))) return undefined;
          return notices.add(trx, {
            personId: job.personId,
            orgCode: job.orgCode,
            jobId: job.id,
            kind: 'late',
            reason,
            now,
          });
        });
        if (!notice) continue;
        out.push(notice);
        progress.emit({
          type: 'late',
          personId: job.personId,
          orgCode: job.orgCode,
          jobId: job.id,
          apiType: job.apiType,
          at: now,
          reason,
        });
      }
      return out;
    },
    housekeeping,
  };
  return engine;
}
