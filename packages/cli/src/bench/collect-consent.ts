import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type CallResult,
  createCollectionEngine,
  createOperatorDomain,
  createProviderClient,
  generateKeyRing,
  type InfoCall,
  openOperatorStore,
  type ProviderClient,
} from '@hannun/operator';
import { createRegistry, hashClientSecret, type RegisteredOrg, type Registry } from '@hannun/registry';
import { INDUSTRY_SCOPES, listScope } from '@hannun/spec';
import { sql } from '@hannun/store';
import { type BenchChild, forkBenchChild } from './bench-child.ts';
import type { Benchmark, BenchResult, Measurement } from './bench-types.ts';
import {
  COLLECT_CLIENT_ID,
  COLLECT_OPERATOR_ORG,
  type CollectProviderReady,
  type GrantReply,
  type ProviderCpu,
} from './collect-consent-protocol.ts';
import { median } from './measure.ts';
import { type Target, targetNote } from './target-note.ts';

export interface CollectConsentOptions {
  /** Measured rounds, each a fresh operator database and fresh consents. */
  readonly rounds: number;
  readonly warmupRounds: number;
}

export const COLLECT_CONSENT_DEFAULTS: CollectConsentOptions = { rounds: 5, warmupRounds: 1 };

/** Issue #6: consent-to-data within 1.25 × the floor (the slowest institution's own sequential page chain). */
export const COLLECT_CONSENT_TARGET: Target = { op: '≤', limit: 1.25 };

const STARTUP_MS = 180_000;
export const CLIENT_SECRET = 'BenchSecret000000000000000000000000000000000000001';

interface Round {
  readonly ms: number;
  readonly floorMs: number;
  /** The institution whose chain was the floor, and its chain's calls. */
  readonly floorOrg: string;
  readonly calls: number;
  readonly rows: number;
  readonly operatorCpuMs: number;
  readonly providerCpuMs: number;
  /** The operator process's CPU while the floor's calls were replayed (fetch and validate, nothing stored). */
  readonly floorOperatorCpuMs: number;
}

async function providerCpu(child: BenchChild): Promise<number> {
  child.send({ type: 'cpu' });
  const c = await child.next<ProviderCpu>('cpu', 5_000);
  return (c.user + c.system) / 1000;
}

/** The operator's registry of the benchmark: the provider's institutions at its URL, and the operator. */
export function operatorRegistry(ready: Pick<CollectProviderReady, 'url' | 'institutions' | 'now'>): Registry {
  const orgs: RegisteredOrg[] = [
    ...ready.institutions.map(
      (i): RegisteredOrg => ({
        orgCode: i.orgCode,
        orgType: '01',
        industry: i.industry,
        name: i.name,
        serialNum: i.regNo,
        ips: ['127.0.0.1'],
        baseUrl: `${ready.url}${i.basePath}`,
        npTimes: i.npTimes,
      }),
    ),
    { orgCode: COLLECT_OPERATOR_ORG, orgType: '03', name: '한눈', serialNum: '2208100101', ips: ['127.0.0.1'] },
  ];
  return createRegistry({
    orgs,
    services: [
      {
        clientId: COLLECT_CLIENT_ID,
        orgCode: COLLECT_OPERATOR_ORG,
        name: '한눈 벤치',
        clientSecretHash: hashClientSecret(CLIENT_SECRET),
        redirectUris: ['http://127.0.0.1:3000/callback'],
        appSchemes: [],
      },
    ],
    takenAt: ready.now,
  });
}

/**
 * One round: a fresh operator database (SQLite), the person signed up with a consent at each of their 20
 * institutions (tokens from the provider), then consent-to-data: from `afterConsent` until every
 * institution's 12 months are stored. Then the floor: each institution's own calls — the very requests the
 * engine made, cursors included — replayed one after another with a bare client that stores nothing, all
 * institutions at once; the floor is the slowest institution's chain.
 */
async function round(child: BenchChild, ready: CollectProviderReady, registry: Registry): Promise<Round> {
  const dir = await mkdtemp(join(tmpdir(), 'hannun-collect-bench-'));
  const store = await openOperatorStore({ url: `sqlite:${join(dir, 'operator.db')}` });
  try {
    const domain = createOperatorDomain({
      store,
      keyRing: generateKeyRing(),
      clock: { nowMs: () => ready.now },
      registry,
      recipient: { orgCode: COLLECT_OPERATOR_ORG, clientId: COLLECT_CLIENT_ID },
    });
    const { personId } = await domain.people.signUp({
      ci: ready.ci,
      name: '김벤치',
      birthDate: '19800101',
      loginName: 'benchperson',
      password: 'correct horse battery',
    });
    const consentIds = new Map<string, string>();
    const scopes: Record<string, string[]> = {};
    for (const inst of ready.institutions) {
      const industryScopes = INDUSTRY_SCOPES[inst.industry].filter((s) => s !== listScope(inst.industry));
      const c = await domain.consents.propose(personId, {
        orgCode: inst.orgCode,
        authPath: 'integrated',
        scopes: industryScopes,
        target: 'all',
        assets: [],
        isScheduled: true,
        fndCycle: '1/w',
        addCycle: '1/w',
        endDate: '20270309',
        purpose: '자산 통합조회 및 분석',
        period: '서비스 탈퇴 시까지',
        flags: { transMemo: true, merchantNameRegno: true, transCategory: true },
      });
      consentIds.set(inst.orgCode, c.id);
      scopes[inst.orgCode] = industryScopes;
    }
    child.send({ type: 'grant', scopes });
    const { grants } = await child.next<GrantReply>('granted', 60_000);
    for (const g of grants) {
      const consentId = consentIds.get(g.orgCode)!;
      await domain.vault.put(personId, {
        clientId: COLLECT_CLIENT_ID,
        orgCode: g.orgCode,
        consentId,
        accessToken: g.accessToken,
        accessExpiresAt: g.accessExpiresAt,
        scope: g.scope,
      });
      await domain.consents.activate(personId, consentId);
    }

    const bare = createProviderClient({ orgCode: COLLECT_OPERATOR_ORG });
    const chains = new Map<string, InfoCall[]>();
    const recording: ProviderClient = {
      call(c) {
        const org = c.baseUrl.slice(c.baseUrl.lastIndexOf('/') + 1);
        const { signal: _signal, ...call } = c;
        chains.set(org, [...(chains.get(org) ?? []), call]);
        return bare.call(c);
      },
    };
    const engine = createCollectionEngine({
      domain,
      registry,
      orgCode: COLLECT_OPERATOR_ORG,
      service: { clientId: COLLECT_CLIENT_ID, clientSecret: CLIENT_SECRET },
      client: recording,
      settings: { maxJobs: ready.institutions.length },
    });
    const p0 = await providerCpu(child);
    const o0 = process.cpuUsage();
    const t0 = performance.now();
    await engine.afterConsent(personId);
    const report = await engine.runUntilIdle();
    const ms = performance.now() - t0;
    const o1 = process.cpuUsage(o0);
    const p1 = await providerCpu(child);
    if (report.ended.done !== ready.institutions.length) {
      const jobs = await engine.jobs.forPerson(personId);
      throw new Error(
        `consent-to-data: ${report.ended.done} of ${ready.institutions.length} institutions done: ${jobs
          .filter((j) => j.status !== 'done')
          .map((j) => `${j.orgCode} ${j.status} ${j.failure?.en ?? ''}`)
          .join('; ')}`,
      );
    }
    const stored = await sql<{ n: number }>`select coalesce(sum(rows_stored), 0) as n from op_transmission`.execute(
      store.db,
    );

    // The operator's CPU for the floor's calls: fetching and validating the same answers, storing nothing.
    const f0 = process.cpuUsage();
    const replayed = await Promise.all(
      [...chains].map(async ([org, calls]) => {
        const t = performance.now();
        for (const c of calls) {
          const r: CallResult = await bare.call(c);
          if (r.kind === 'timeout' || r.kind === 'connection' || r.kind === 'malformed') {
            throw new Error(`floor: ${org} ${c.apiId} ${r.kind}`);
          }
        }
        return { org, ms: performance.now() - t };
      }),
    );
    const f1 = process.cpuUsage(f0);
    const slowest = replayed.reduce((a, b) => (b.ms > a.ms ? b : a));
    return {
      ms,
      floorMs: slowest.ms,
      floorOrg: `${slowest.org} (${chains.get(slowest.org)!.length} calls)`,
      calls: [...chains.values()].reduce((n, c) => n + c.length, 0),
      rows: Number(stored.rows[0]?.n ?? 0),
      operatorCpuMs: (o1.user + o1.system) / 1000,
      providerCpuMs: p1 - p0,
      floorOperatorCpuMs: (f1.user + f1.system) / 1000,
    };
  } finally {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  }
}

export function collectConsentBenchmark(overrides: Partial<CollectConsentOptions> = {}): Benchmark {
  const opts = { ...COLLECT_CONSENT_DEFAULTS, ...overrides };
  if (!Number.isInteger(opts.rounds) || opts.rounds < 1)
    throw new RangeError('collect-consent: rounds must be 1 or more');
  if (!Number.isInteger(opts.warmupRounds) || opts.warmupRounds < 0) {
    throw new RangeError('collect-consent: warmupRounds must be 0 or more');
  }
  return {
    name: 'collect-consent',
    description:
      'Consent-to-data: a person at 20 institutions, 12 months of history each, collected by the operator (SQLite) from the provider engine in another process on loopback, vs the floor: the slowest institution’s own sequential page chain (the same requests, nothing stored), in the same round',
    async run(): Promise<BenchResult> {
      const child = forkBenchChild(new URL('./collect-consent-provider.ts', import.meta.url));
      try {
        const ready = await child.next<CollectProviderReady>('ready', STARTUP_MS);
        const registry = operatorRegistry(ready);
        for (let i = 0; i < opts.warmupRounds; i++) await round(child, ready, registry);
        const rounds: Round[] = [];
        for (let i = 0; i < opts.rounds; i++) rounds.push(await round(child, ready, registry));
        const ratio = median(rounds.map((r) => r.ms / r.floorMs));
        const seconds = median(rounds.map((r) => r.ms)) / 1000;
        const floor = median(rounds.map((r) => r.floorMs)) / 1000;
        const last = rounds.at(-1)!;
        const measurements: Measurement[] = [
          {
            name: 'consent-to-data, 20 institutions, 12 months',
            value: Number(seconds.toFixed(3)),
            unit: 's',
            note: `median of ${opts.rounds} rounds (${rounds.map((r) => (r.ms / 1000).toFixed(2)).join(', ')} s); ${last.calls} calls, ${last.rows} rows stored`,
          },
          {
            name: 'floor: the slowest institution’s own sequential page chain',
            value: Number(floor.toFixed(3)),
            unit: 's',
            note: `median; last round: ${last.floorOrg}`,
          },
          {
            name: 'consent-to-data / floor',
            value: Number(ratio.toFixed(2)),
            unit: 'ratio',
            note: `median of the rounds' ratios; ${targetNote(ratio, COLLECT_CONSENT_TARGET)}`,
          },
          {
            name: 'CPU per consent-to-data: operator / provider',
            value: Number(median(rounds.map((r) => r.operatorCpuMs)).toFixed(0)),
            unit: 'ms',
            note: `operator process (engine, model, SQLite); provider process ${median(rounds.map((r) => r.providerCpuMs)).toFixed(0)} ms`,
          },
          {
            name: 'operator CPU of the floor’s calls (fetch and validate, nothing stored)',
            value: Number(median(rounds.map((r) => r.floorOperatorCpuMs)).toFixed(0)),
            unit: 'ms',
            note: 'the part of the operator’s CPU no storage design removes; see packages/operator/README.md, “How fast consent-to-data can be”',
          },
        ];
        return {
          measurements,
          parameters: {
            institutions: ready.institutions.length,
            customers: ready.customers,
            rounds: opts.rounds,
            warmupRounds: opts.warmupRounds,
            store: 'sqlite',
            transport: 'plain HTTP on loopback',
          },
        };
      } finally {
        await child.kill();
      }
    },
  };
}
