// The provider process of the consent-to-data benchmark: the provider engine over the synthetic ledger, on
// plain HTTP on loopback, at a fixed time, with the person who holds products at 20 institutions; on each
// `grant` it stores a fresh consent (all assets) and mints an access token at every one of them.
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
import {
  type BenchInstitution,
  COLLECT_CLIENT_ID,
  COLLECT_OPERATOR_ORG,
  type CollectProviderReady,
  type GrantReply,
  type GrantRequest,
  type ProviderCpu,
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
  const at = kstDateTime(NOW_MS);

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
          const lists = engine.provider.apisOf(inst.orgCode).filter((a) => a.kind === 'list');
          const scopes = (m.scopes?.[inst.orgCode] ?? []) as InformationScope[];
          const consent: ConsentRecord = {
            id: `bench-${randomUUID()}`,
            orgCode: inst.orgCode,
            ci: plan.ci,
            recipientOrgCode: COLLECT_OPERATOR_ORG,
            clientId: COLLECT_CLIENT_ID,
            scopes,
            assets: lists.flatMap((a) => book.holdings(a.id, at)).map((h) => ({ listApi: h.listApi, key: h.key })),
            isScheduled: true,
            fndCycle: '1/w',
            addCycle: '1/w',
            endDate: kstDate(NOW_MS).add({ years: 1 }),
            purpose: '자산 통합조회 및 분석',
            period: '서비스 탈퇴 시까지',
            flags: { transMemo: true, merchantNameRegno: true, transCategory: true },
            createdAt: NOW_MS,
          };
          consents.put(consent);
          const iat = Math.floor(NOW_MS / 1000);
          const scope = [listScope(inst.industry), ...scopes].join(' ');
          const exp = iat + 90 * 86_400;
          const accessToken = await engine.provider.mintAccessToken({
            iss: inst.orgCode,
            aud: COLLECT_OPERATOR_ORG,
            sub: consent.id,
            jti: randomUUID(),
            scope,
            iat,
            exp,
          });
          grants.push({ orgCode: inst.orgCode, accessToken, scope, accessExpiresAt: exp * 1000 });
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
