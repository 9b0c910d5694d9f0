import { createRegistry, type Registry } from '@hannun/registry';
import type { OperatorDomain } from '../../operator-domain.ts';
import type { Clock } from '../../time/clock.ts';
import { formatYmd, kstDate } from '../../time/kst.ts';
import type { CollectionEngine } from '../collect-engine.ts';
import type { CollectJob } from '../job-store.ts';
import { compareWithTruth } from './compare-truth.ts';
import type { CollectWorld } from './collect-world.ts';

/**
 * Helpers of the fault suite (collect/faults/): an operator clock of its own, a registry that reaches some
 * institutions through a fault front, collection run to its end the way the engine schedules it, and the
 * comparison with the providers' truth.
 */

/**
 * The operator's clock: the world's (the providers') plus an offset the test moves on, so put-off jobs come
 * due while the providers' clock — and with it their data and every "today" — stays where it is.
 */
export interface OperatorClock extends Clock {
  advance(ms: number): void;
  readonly offset: number;
}

export function operatorClock(world: Pick<CollectWorld, 'clock'>): OperatorClock {
  let offset = 0;
  return {
    nowMs: () => world.clock.nowMs() + offset,
    advance(ms) {
      offset += Math.max(0, ms);
    },
    get offset() {
      return offset;
    },
  };
}

/** The world's registry with these institutions (all when absent) reached through `frontUrl`. */
export function registryVia(
  world: Pick<CollectWorld, 'registryOrgs' | 'registry' | 'url' | 'clock'>,
  frontUrl: string,
  orgCodes?: readonly string[],
): Registry {
  return createRegistry({
    orgs: world.registryOrgs.map((o) =>
      o.baseUrl && (!orgCodes || orgCodes.includes(o.orgCode))
        ? { ...o, baseUrl: o.baseUrl.replace(world.url, frontUrl) }
        : o,
    ),
    services: world.registry.snapshot.services,
    takenAt: world.clock.nowMs(),
  });
}

/** The newest job of each institution of the person. */
export async function latestJobs(engine: CollectionEngine, personId: string): Promise<Map<string, CollectJob>> {
  const out = new Map<string, CollectJob>();
  for (const j of await engine.jobs.forPerson(personId, 1_000)) if (!out.has(j.orgCode)) out.set(j.orgCode, j);
  return out;
}

export interface CollectToEnd {
  /** Runs of runUntilIdle. */
  readonly runs: number;
  /** Institutions asked again (user-refresh) after their job failed, in order. */
  readonly refreshed: readonly string[];
  /** How far the operator's clock moved on for put-off jobs. */
  readonly advancedMs: number;
}

/**
 * Collection to its end, as the engine schedules it: every job that may run runs; a job put off (the provider
 * unavailable, Retry-After, an open circuit) runs again when its not_before comes (the operator's clock moved
 * to it); a job that failed (an answer refused) is asked again as the person's next refresh (user-refresh)
 * would. Ends when the newest job of every institution is done; throws after `maxRuns`.
 */
export async function collectToEnd(
  engine: CollectionEngine,
  personId: string,
  clock: OperatorClock,
  maxRuns = 40,
): Promise<CollectToEnd> {
  const refreshed: string[] = [];
  const start = clock.offset;
  for (let runs = 1; runs <= maxRuns; runs++) {
    await engine.runUntilIdle();
    const latest = [...(await latestJobs(engine, personId)).values()];
    const live = latest.filter((j) => j.status === 'queued' || j.status === 'running');
    const failed = latest.filter((j) => j.status === 'failed');
    if (live.length === 0 && failed.length === 0) return { runs, refreshed, advancedMs: clock.offset - start };
    if (live.length > 0) {
      const next = Math.min(...live.map((j) => j.notBefore));
      clock.advance(next - clock.nowMs());
    }
    if (failed.length > 0) {
      const orgs = failed.map((j) => j.orgCode);
      refreshed.push(...orgs);
      clock.advance(1_000);
      await engine.refresh(personId, orgs);
    }
  }
  const latest = [...(await latestJobs(engine, personId)).values()];
  throw new Error(
    `collection did not end in ${maxRuns} runs: ${latest.map((j) => `${j.orgCode} ${j.status} ${j.failure?.code ?? ''}`).join(', ')}`,
  );
}

/** What the operator holds of the person at these institutions against their truth (none: exact). */
export async function truthDifferences(
  domain: OperatorDomain,
  world: CollectWorld,
  personId: string,
  ci: string,
  orgs: readonly string[],
): Promise<string[]> {
  const today = kstDate(world.clock.nowMs());
  const from = formatYmd(today.subtract({ months: 12 }));
  const monthFrom = formatYmd(today.toPlainYearMonth().subtract({ months: 11 }).toPlainDate({ day: 1 }));
  const out: string[] = [];
  for (const orgCode of orgs) {
    const truth = await world.truth(orgCode, ci, { from, to: formatYmd(today) });
    const monthTruth = await world.truth(orgCode, ci, { from: monthFrom, to: formatYmd(today) });
    const chargeMonth = formatYmd(today).slice(0, 6);
    out.push(...(await compareWithTruth({ domain, personId, orgCode, truth, monthTruth, chargeMonth })));
  }
  return out;
}
