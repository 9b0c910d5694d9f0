import { randomBytes } from 'node:crypto';
import type { ApiType } from '@hannun/spec';
import { isConflict, type Kysely, type Store, sql, type Transaction } from '@hannun/store';
import type { OperatorDatabase } from '../schema/operator-database.ts';

type Db = Kysely<OperatorDatabase>;
type JobRow = OperatorDatabase['op_collect_job'];

export type JobStatus = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';
const LIVE: readonly JobStatus[] = ['queued', 'running'];
/** The first key of the advisory locks on person × institution pairs (PostgreSQL): 'hCLJ'. */
const PAIR_LOCK_SPACE = 0x68434c4a;

/** A collection job as the engine and the app see it. */
export interface CollectJob {
  readonly id: string;
  readonly personId: string;
  readonly orgCode: string;
  readonly consentId: string;
  readonly apiType: ApiType;
  /** user-search: the asset; null otherwise. */
  readonly assetId: string | null;
  readonly params: JobParams;
  readonly status: JobStatus;
  readonly notBefore: number;
  readonly attempts: number;
  readonly requestedAt: number;
  readonly startedAt: number | null;
  readonly finishedAt: number | null;
  readonly failure: Reason | null;
}

/** user-search: the dates the person asked for (YYYYMMDD). */
export interface JobParams {
  readonly from?: string;
  readonly to?: string;
}

/** Why something failed or was put off: a short code and the person's wording. */
export interface Reason {
  readonly code: string;
  readonly ko: string;
  readonly en: string;
}

function toJob(r: JobRow): CollectJob {
  return {
    id: r.id,
    personId: r.person_id,
    orgCode: r.org_code,
    consentId: r.consent_id,
    apiType: r.api_type as ApiType,
    assetId: r.asset_id === '' ? null : r.asset_id,
    params: JSON.parse(r.params) as JobParams,
    status: r.status as JobStatus,
    notBefore: Number(r.not_before),
    attempts: Number(r.attempts),
    requestedAt: Number(r.requested_at),
    startedAt: r.started_at === null ? null : Number(r.started_at),
    finishedAt: r.finished_at === null ? null : Number(r.finished_at),
    failure: r.failure === null ? null : { code: r.failure, ko: r.failure_ko ?? '', en: r.failure_en ?? '' },
  };
}

export interface EnqueueInput {
  readonly personId: string;
  readonly orgCode: string;
  readonly consentId: string;
  readonly apiType: ApiType;
  readonly assetId?: string | null;
  readonly params?: JobParams;
  readonly notBefore: number;
  readonly now: number;
}

/** A finished unit of a job, for the step table. */
export interface StepMark {
  readonly key: string;
  readonly status: 'done' | 'skipped' | 'failed';
  readonly rspCode: string | null;
  readonly rows: number;
}

/** The lease a worker holds on a running job: checked (fencing) whenever it writes progress. */
export interface Lease {
  readonly jobId: string;
  readonly owner: string;
}

export class LeaseLost extends Error {
  override readonly name = 'LeaseLost';
  readonly code = 'OP_COLLECT_LEASE_LOST';
}

/**
 * The job table (op_collect_job) and its steps: an embedded queue on the operator's own database, the same
 * on SQLite and PostgreSQL. Claiming is a compare-and-set on the status and lease, so two workers never run
 * one job; a worker renews its lease while it runs, and a job whose lease ran out (its worker died, kill -9)
 * is claimed again by anyone. Leases are wall-clock (`leaseNow`); `not_before` is the domain clock.
 */
export class JobStore {
  readonly #store: Store<OperatorDatabase>;

  constructor(store: Store<OperatorDatabase>) {
    this.#store = store;
  }

  /**
   * A job, or the live one already there for the same person, institution, x-api-type and asset (the
   * database's unique index decides, so two enqueuers at once get the same job).
   */
  async enqueue(e: EnqueueInput): Promise<{ job: CollectJob; created: boolean }> {
    const assetId = e.assetId ?? '';
    const row: JobRow = {
      id: `j_${randomBytes(12).toString('base64url')}`,
      person_id: e.personId,
      org_code: e.orgCode,
      consent_id: e.consentId,
      api_type: e.apiType,
      asset_id: assetId,
      params: JSON.stringify(e.params ?? {}),
      status: 'queued',
      not_before: e.notBefore,
      lease_owner: null,
      lease_until: null,
      attempts: 0,
      requested_at: e.now,
      started_at: null,
      finished_at: null,
      failure: null,
      failure_ko: null,
      failure_en: null,
      late_noticed_at: null,
    };
    for (let attempt = 0; attempt < 3; attempt++) {
      const live = await this.#live(e.personId, e.orgCode, e.apiType, assetId);
      if (live) return { job: toJob(live), created: false };
      try {
        await this.#store.db.insertInto('op_collect_job').values(row).execute();
        return { job: toJob(row), created: true };
      } catch (err) {
        if (!isConflict(err, { table: 'op_collect_job' })) throw err;
      }
    }
    throw new Error('could not enqueue a collection job: the live job kept changing');
  }

  #live(personId: string, orgCode: string, apiType: string, assetId: string) {
    return this.#store.db
      .selectFrom('op_collect_job')
      .selectAll()
      .where('person_id', '=', personId)
      .where('org_code', '=', orgCode)
      .where('api_type', '=', apiType)
      .where('asset_id', '=', assetId)
      .where('status', 'in', LIVE)
      .executeTakeFirst();
  }

  /**
   * Claims one runnable job: queued and due, or running with a lease that ran out. Never one whose person
   * and institution has another job running (two jobs never call one institution for one person at once).
   *
   * Safe across processes and machines, in one short transaction: on PostgreSQL the candidates are locked
   * `for update skip locked` (racing workers take different rows, none waits), and the person × institution
   * pair with `pg_try_advisory_xact_lock` (two workers never claim two jobs of one pair from the same
   * snapshot: the second waits for nothing, it skips the pair). The update itself is conditional — still
   * runnable, and no sibling running under a live lease, read after the lock — so a claim that lost a race
   * changes nothing. On SQLite the transaction holds the single writer lock, which serialises claims.
   */
  async claim(o: { owner: string; now: number; leaseNow: number; leaseMs: number; skip?: ReadonlySet<string> }) {
    const postgres = this.#store.dialect === 'postgres';
    return this.#store.transaction(async (trx) => {
      const runnable = sql<boolean>`((j.status = 'queued' and j.not_before <= ${o.now}) or (j.status = 'running' and j.lease_until <= ${o.leaseNow}))`;
      const noSiblingRunning = sql<boolean>`not exists (select 1 from op_collect_job r where r.person_id = j.person_id and r.org_code = j.org_code and r.id <> j.id and r.status = 'running' and r.lease_until > ${o.leaseNow})`;
      let query = trx
        .selectFrom('op_collect_job as j')
        .select(['j.id', 'j.person_id', 'j.org_code'])
        .where(runnable)
        .where(noSiblingRunning)
        .orderBy('j.not_before')
        .orderBy('j.requested_at')
        .limit(20);
      if (postgres) query = query.forUpdate(['j']).skipLocked();
      const candidates = await query.execute();
      const tried = new Set<string>();
      for (const c of candidates) {
        const pair = `${c.person_id}|${c.org_code}`;
        if (o.skip?.has(pair) || tried.has(pair)) continue;
        tried.add(pair);
        if (postgres) {
          const lock = await sql<{
            ok: boolean;
          }>`select pg_try_advisory_xact_lock(${PAIR_LOCK_SPACE}, hashtext(${pair})) as ok`.execute(trx);
          if (lock.rows[0]?.ok !== true) continue;
        }
        const r = await trx
          .updateTable('op_collect_job as j')
          .set((eb) => ({
            status: 'running',
            lease_owner: o.owner,
            lease_until: o.leaseNow + o.leaseMs,
            attempts: eb('j.attempts', '+', 1),
            started_at: eb.fn.coalesce('j.started_at', eb.val(o.now)),
          }))
          .where('j.id', '=', c.id)
          .where(runnable)
          .where(noSiblingRunning)
          .executeTakeFirst();
        if (r.numUpdatedRows === 1n) {
          const row = await trx
            .selectFrom('op_collect_job')
            .selectAll()
            .where('id', '=', c.id)
            .executeTakeFirstOrThrow();
          return toJob(row);
        }
      }
      return undefined;
    });
  }

  /** Extends the lease; false when it is no longer this worker's (taken over, cancelled). */
  async renew(lease: Lease, leaseNow: number, leaseMs: number): Promise<boolean> {
    const r = await this.#store.db
      .updateTable('op_collect_job')
      .set({ lease_until: leaseNow + leaseMs })
      .where('id', '=', lease.jobId)
      .where('lease_owner', '=', lease.owner)
      .where('status', '=', 'running')
      .executeTakeFirst();
    return r.numUpdatedRows === 1n;
  }

  /** Inside the caller's transaction: throws LeaseLost unless the job is still running under this lease. */
  async fence(trx: Transaction<OperatorDatabase>, lease: Lease): Promise<void> {
    const row = await trx
      .selectFrom('op_collect_job')
      .select(['status', 'lease_owner'])
      .where('id', '=', lease.jobId)
      .executeTakeFirst();
    if (row?.status !== 'running' || row.lease_owner !== lease.owner) {
      throw new LeaseLost(`job ${lease.jobId} is no longer held by ${lease.owner}`);
    }
  }

  async markStep(trx: Transaction<OperatorDatabase>, job: CollectJob, step: StepMark, now: number): Promise<void> {
    await trx
      .insertInto('op_collect_step')
      .values({
        job_id: job.id,
        step_key: step.key,
        person_id: job.personId,
        status: step.status,
        rsp_code: step.rspCode,
        rows: step.rows,
        finished_at: now,
      })
      .onConflict((oc) =>
        oc
          .columns(['job_id', 'step_key'])
          .doUpdateSet({ status: step.status, rsp_code: step.rspCode, rows: step.rows }),
      )
      .execute();
  }

  /** Steps of a job already finished, by key. */
  async steps(jobId: string): Promise<Map<string, StepMark>> {
    const rows = await this.#store.db.selectFrom('op_collect_step').selectAll().where('job_id', '=', jobId).execute();
    return new Map(
      rows.map((r) => [
        r.step_key,
        { key: r.step_key, status: r.status as StepMark['status'], rspCode: r.rsp_code, rows: Number(r.rows) },
      ]),
    );
  }

  /** The job ends (done, failed or cancelled by its worker); nothing happens when the lease is gone. */
  async finish(lease: Lease, status: 'done' | 'failed' | 'cancelled', now: number, why?: Reason): Promise<boolean> {
    const r = await this.#store.db
      .updateTable('op_collect_job')
      .set({
        status,
        finished_at: now,
        lease_owner: null,
        lease_until: null,
        failure: why?.code ?? null,
        failure_ko: why?.ko ?? null,
        failure_en: why?.en ?? null,
      })
      .where('id', '=', lease.jobId)
      .where('lease_owner', '=', lease.owner)
      .where('status', '=', 'running')
      .executeTakeFirst();
    return r.numUpdatedRows === 1n;
  }

  /** Back to the queue until `notBefore` (np_time, a provider unavailable, a worker stopping), with why. */
  async putOff(lease: Lease, notBefore: number, why: Reason | null): Promise<boolean> {
    const r = await this.#store.db
      .updateTable('op_collect_job')
      .set({
        status: 'queued',
        not_before: notBefore,
        lease_owner: null,
        lease_until: null,
        failure: why?.code ?? null,
        failure_ko: why?.ko ?? null,
        failure_en: why?.en ?? null,
      })
      .where('id', '=', lease.jobId)
      .where('lease_owner', '=', lease.owner)
      .where('status', '=', 'running')
      .executeTakeFirst();
    return r.numUpdatedRows === 1n;
  }

  /** Cancels every live job of a person at an institution (withdrawal, expiry: the stop-jobs follow-up). */
  async cancel(personId: string, orgCode: string, now: number): Promise<number> {
    const r = await this.#store.db
      .updateTable('op_collect_job')
      .set({
        status: 'cancelled',
        finished_at: now,
        lease_owner: null,
        lease_until: null,
        failure: 'consent-ended',
        failure_ko: '전송요구가 종료되어 수집을 중단했습니다',
        failure_en: 'the consent ended: collection stopped',
      })
      .where('person_id', '=', personId)
      .where('org_code', '=', orgCode)
      .where('status', 'in', LIVE)
      .executeTakeFirst();
    return Number(r.numUpdatedRows);
  }

  async get(jobId: string): Promise<CollectJob | undefined> {
    const row = await this.#store.db
      .selectFrom('op_collect_job')
      .selectAll()
      .where('id', '=', jobId)
      .executeTakeFirst();
    return row && toJob(row);
  }

  /** A person's jobs, newest first (the app's view of what is being collected, across worker processes). */
  async forPerson(personId: string, limit = 200): Promise<CollectJob[]> {
    const rows = await this.#store.db
      .selectFrom('op_collect_job')
      .selectAll()
      .where('person_id', '=', personId)
      .orderBy('requested_at', 'desc')
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map(toJob);
  }

  /** When the last finished collection of a person at an institution ended (any x-api-type but user-search). */
  async lastDone(personId: string, orgCode: string): Promise<number | undefined> {
    const r = await this.#store.db
      .selectFrom('op_collect_job')
      .select((eb) => eb.fn.max('finished_at').as('at'))
      .where('person_id', '=', personId)
      .where('org_code', '=', orgCode)
      .where('status', '=', 'done')
      .where('api_type', '<>', 'user-search')
      .executeTakeFirst();
    return r?.at === null || r?.at === undefined ? undefined : Number(r.at);
  }

  /** Whether a live job of this x-api-type exists for the person and institution. */
  async hasLive(personId: string, orgCode: string, apiType: ApiType): Promise<boolean> {
    const r = await this.#store.db
      .selectFrom('op_collect_job')
      .select('id')
      .where('person_id', '=', personId)
      .where('org_code', '=', orgCode)
      .where('api_type', '=', apiType)
      .where('status', 'in', LIVE)
      .executeTakeFirst();
    return r !== undefined;
  }

  /** Irregular jobs requested before `cutoff`, still not done, not yet noticed as late. */
  async lateJobs(cutoff: number, limit = 200): Promise<CollectJob[]> {
    const rows = await this.#store.db
      .selectFrom('op_collect_job')
      .selectAll()
      .where('status', 'in', LIVE)
      .where('api_type', '<>', 'scheduled')
      .where('requested_at', '<=', cutoff)
      .where('late_noticed_at', 'is', null)
      .orderBy('requested_at')
      .limit(limit)
      .execute();
    return rows.map(toJob);
  }

  /** Marks the late notice written (once per job), in the notice's transaction. */
  async markLate(trx: Db, jobId: string, now: number): Promise<boolean> {
    const r = await trx
      .updateTable('op_collect_job')
      .set({ late_noticed_at: now })
      .where('id', '=', jobId)
      .where('late_noticed_at', 'is', null)
      .executeTakeFirst();
    return r.numUpdatedRows === 1n;
  }
}
