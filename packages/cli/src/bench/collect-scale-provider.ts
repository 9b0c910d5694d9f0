// The provider process of the collection scale benchmarks: the provider engine over the synthetic ledger on
// plain HTTP on loopback, a manual clock (03:00 KST, inside every np_time window, moved when asked), and
// `people` customers with the institutions to connect each to (at most `orgsPerPerson`, argv). On `grant` it
// stores a consent (all assets) and mints an access token for every (person, institution) asked.
import { randomUUID } from 'node:crypto';
import { createLogger } from '@hannun/infra';
import {
  type ConsentRecord,
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
import { type InformationScope, listScope } from '@hannun/spec';
import { runAsBenchChild, tellParent } from './bench-child.ts';
import { COLLECT_CLIENT_ID, COLLECT_OPERATOR_ORG, type ProviderCpu } from './collect-consent-protocol.ts';
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
    const at = kstDateTime(now);
    const tokens: ScaleGrantReply['tokens'][number][] = [];
    for (const g of m.grants) {
      const book = ledger.get(g.orgCode)?.customer(g.ci);
      if (!book) throw new Error(`${g.orgCode} holds nothing of a benchmark person`);
      const lists = engine.provider.apisOf(g.orgCode).filter((a) => a.kind === 'list');
      const consent: ConsentRecord = {
        id: `bench-${randomUUID()}`,
        orgCode: g.orgCode,
        ci: g.ci,
        recipientOrgCode: COLLECT_OPERATOR_ORG,
        clientId: COLLECT_CLIENT_ID,
        scopes: g.scopes as InformationScope[],
        assets: lists.flatMap((a) => book.holdings(a.id, at)).map((h) => ({ listApi: h.listApi, key: h.key })),
        isScheduled: true,
        fndCycle: '1/w',
        addCycle: '1/w',
        endDate: kstDate(now).add({ years: 1 }),
        purpose: '자산 통합조회 및 분석',
        period: '서비스 탈퇴 시까지',
        flags: { transMemo: true, merchantNameRegno: true, transCategory: true },
        createdAt: now,
      };
      consents.put(consent);
      const iat = Math.floor(now / 1000);
      const scope = [listScope(industryOf.get(g.orgCode)!), ...g.scopes].join(' ');
      const exp = iat + 90 * 86_400;
      const accessToken = await engine.provider.mintAccessToken({
        iss: g.orgCode,
        aud: COLLECT_OPERATOR_ORG,
        sub: consent.id,
        jti: randomUUID(),
        scope,
        iat,
        exp,
      });
      tokens.push({ accessToken, scope, accessExpiresAt: exp * 1000 });
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
