import { createLogger } from '@hannun/infra';
import {
  createLedger,
  createManualClock,
  createMemoryConsentStore,
  createProviderEngine,
  DEMO_INSTITUTIONS,
  kstDate,
  kstDateTime,
  kstToEpochMs,
  populationOf,
} from '@hannun/provider';
import type { InformationScope } from '@hannun/spec';
import { runAsBenchChild, tellParent } from './bench-child.ts';
import { benchGrant } from './bench-grant.ts';
import type { ProviderCpu } from './collect-consent-protocol.ts';
import type {
  ScaleClockRequest,
  ScaleGrantReply,
  ScaleGrantRequest,
  ScaleProviderReady,
  StandPerson,
} from './collect-scale-protocol.ts';

const SEED = 'hannun-collect-scale';
const NOW_MS = kstToEpochMs(2026, 3, 10, 3, 0, 0);
const START = kstDate(kstToEpochMs(2024, 3, 1, 0, 0, 0));

async function main(): Promise<void> {
  const people = Number(process.argv[2]);
  const orgsPerPerson = Number(process.argv[3]);
  if (!Number.isInteger(people) || people < 1 || !Number.isInteger(orgsPerPerson) || orgsPerPerson < 1) {
    throw new RangeError('usage: collect-scale-provider <people> <orgsPerPerson>');
  }
  const customers = people + 50;
  const clock = createManualClock(NOW_MS);
  const ledger = createLedger({ institutions: DEMO_INSTITUTIONS, customers, seed: SEED, start: START });
  const pop = populationOf(ledger);
  const chosen: StandPerson[] = [];
  for (let i = 0; chosen.length < people && i < customers; i++) {
    const plan = pop.plan(i);
    const orgs = [...new Set(plan.slots.map((s) => s.org))].sort().slice(0, orgsPerPerson);
    if (orgs.length > 0) chosen.push({ ci: plan.ci, orgs });
  }
  if (chosen.length < people) throw new Error(`only ${chosen.length} customers hold products, ${people} wanted`);
  const consents = createMemoryConsentStore();
  const engine = createProviderEngine({
    institutions: DEMO_INSTITUTIONS,
    books: ledger.values(),
    consents,
    clock,
    config: { logger: createLogger({ service: 'provider-bench', level: 'error' }) },
  });
  const url = await engine.start({ host: '127.0.0.1', port: 0 });
  const industryOf = new Map(DEMO_INSTITUTIONS.map((i) => [i.orgCode, i.industry]));

  async function grant(m: ScaleGrantRequest): Promise<ScaleGrantReply> {
    const now = clock.nowMs();
    const _at = kstDateTime(now);
    const tokens: ScaleGrantReply['tokens'][number][] = [];
    for (const g of m.grants) {
      const book = ledger.get(g.orgCode)?.customer(g.ci);
      if (!book) throw new Error(`${g.orgCode} holds nothing of a benchmark person`);
      tokens.push(
        await benchGrant(engine, consents, {
          orgCode: g.orgCode,
          industry: industryOf.get(g.orgCode)!,
          ci: g.ci,
          book,
          scopes: g.scopes as InformationScope[],
          now,
        }),
      );
    }
    return { type: 'granted', tokens };
  }

  process.on('message', (m: { type?: unknown }) => {
    if (m.type === 'cpu') {
      const { user, system } = process.cpuUsage();
      void tellParent({ type: 'cpu', user, system } satisfies ProviderCpu);
    } else if (m.type === 'clock') {
      clock.set((m as ScaleClockRequest).now);
      void tellParent({ type: 'clocked' });
    } else if (m.type === 'grant') {
      grant(m as ScaleGrantRequest).then(
        (reply) => tellParent(reply),
        (error: unknown) => tellParent({ type: 'error', message: String(error) }),
      );
    }
  });
  process.on('SIGTERM', () => {
    void engine.stop().finally(() => process.exit(0));
  });
  const used = new Set(chosen.flatMap((p) => p.orgs));
  await tellParent({
    type: 'ready',
    url,
    now: NOW_MS,
    people: chosen,
    customers,
    institutions: DEMO_INSTITUTIONS.filter((i) => used.has(i.orgCode)).map((i) => ({
      orgCode: i.orgCode,
      industry: i.industry,
      name: i.name,
      regNo: i.regNo,
      basePath: i.basePath,
      npTimes: i.npTimes,
    })),
  } satisfies ScaleProviderReady);
}

runAsBenchChild(main);
