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
import type {
  BenchInstitution,
  CollectProviderReady,
  GrantReply,
  GrantRequest,
  ProviderCpu,
} from './collect-consent-protocol.ts';

/** Enough customers that one holds products at 20 of the 26 demo institutions (the figure). */
const CUSTOMERS = 6_000;
const SEED = 'hannun-bench';
const INSTITUTIONS_WANTED = 20;
/** A fixed provider time: the same data every run. */
const NOW_MS = kstToEpochMs(2026, 3, 10, 13, 0, 0);
const START = kstDate(kstToEpochMs(2024, 3, 1, 0, 0, 0));

async function main(): Promise<void> {
  const clock = createManualClock(NOW_MS);
  const ledger = createLedger({ institutions: DEMO_INSTITUTIONS, customers: CUSTOMERS, seed: SEED, start: START });
  const plan = populationOf(ledger).plans.find((p) => new Set(p.slots.map((s) => s.org)).size >= INSTITUTIONS_WANTED);
  if (!plan) throw new Error(`no customer at ${INSTITUTIONS_WANTED} institutions among ${CUSTOMERS}`);
  const orgs = new Set(plan.slots.map((s) => s.org));
  const institutions = DEMO_INSTITUTIONS.filter((i) => orgs.has(i.orgCode));
  const consents = createMemoryConsentStore();
  const engine = createProviderEngine({
    institutions: DEMO_INSTITUTIONS,
    books: ledger.values(),
    consents,
    clock,
    config: { logger: createLogger({ service: 'provider-bench', level: 'error' }) },
  });
  const url = await engine.start({ host: '127.0.0.1', port: 0 });
  const _at = kstDateTime(NOW_MS);

  process.on('message', (m: { type?: unknown; scopes?: GrantRequest['scopes'] }) => {
    if (m.type === 'cpu') {
      const { user, system } = process.cpuUsage();
      void tellParent({ type: 'cpu', user, system } satisfies ProviderCpu);
    }
    if (m.type === 'grant') {
      void (async () => {
        const grants: GrantReply['grants'][number][] = [];
        for (const inst of institutions) {
          const book = ledger.get(inst.orgCode)!.customer(plan.ci)!;
          const scopes = (m.scopes?.[inst.orgCode] ?? []) as InformationScope[];
          const grant = await benchGrant(engine, consents, {
            orgCode: inst.orgCode,
            industry: inst.industry,
            ci: plan.ci,
            book,
            scopes,
            now: NOW_MS,
          });
          grants.push({ orgCode: inst.orgCode, ...grant });
        }
        await tellParent({ type: 'granted', grants } satisfies GrantReply);
      })();
    }
  });
  process.on('SIGTERM', () => {
    void engine.stop().finally(() => process.exit(0));
  });
  await tellParent({
    type: 'ready',
    url,
    now: NOW_MS,
    ci: plan.ci,
    customers: CUSTOMERS,
    institutions: institutions.map(
      (i): BenchInstitution => ({
        orgCode: i.orgCode,
        industry: i.industry,
        name: i.name,
        regNo: i.regNo,
        basePath: i.basePath,
        npTimes: i.npTimes,
      }),
    ),
  } satisfies CollectProviderReady);
}

runAsBenchChild(main);
