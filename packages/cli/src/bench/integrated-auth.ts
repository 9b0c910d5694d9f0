import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clientAgent } from '@hannun/pki';
import { kstTimestamp } from '@hannun/provider';
import { encodeConsentDocument, utf8Length } from '@hannun/spec';
import { Agent } from 'undici';
import { HANNUN_OPERATOR } from '../ecosystem/demo-organisations.ts';
import { type BenchChild, forkBenchChild } from './bench-child.ts';
import type { Benchmark, BenchResult, Measurement } from './bench-types.ts';
import {
  consentsCall,
  type OperatorSide,
  operatorCaToken,
  passwordGrant,
  type SigningRequest,
  signAtCa,
} from './integrated-auth-operator.ts';
import type { CaReady, ChildProfile, ChildStats, ProviderReady, ProviderStart } from './integrated-auth-protocol.ts';
import {
  type AuthRound,
  type AuthSummary,
  type PhaseCpu,
  phaseCpu,
  type Spread,
  spreadNote,
  summariseAuthRounds,
} from './integrated-auth-rounds.ts';
import { createBenchTrust, pkiOf } from './integrated-auth-trust.ts';
import { BENCH_CLONES, type BenchPerson, benchConsent, benchPerson, signingIds } from './integrated-auth-world.ts';
import { addKinds, type CpuKind, describeKinds } from './profile-categories.ts';
import { type Target, targetNote } from './target-note.ts';
import { randomPrefix, tranIdSequence } from './tran-id-sequence.ts';

export interface IntegratedAuthOptions {
  /** Measured rounds (warm connections, warm CA tokens), each a fresh person. */
  readonly rounds: number;
  /** Warm rounds after the cold one that are not measured. */
  readonly warmupRounds: number;
  /**
   * Floor batches (30 공통-002 at once) per round: the first, with the tokens just issued, is the floor; the
   * others (the same tokens again, verified already) are reported beside it.
   */
  readonly floorBatches: number;
  /**
   * Rounds after the measured ones with the children's CPU profiled during the ceremony and the token requests:
   * where their time goes, by kind of work (profile-categories.ts). Not counted in the measured figures.
   */
  readonly profiledRounds: number;
  /** Also write whole V8 CPU profiles of the CA and provider children here (`--cpu-prof`), to dig further. */
  readonly profileDir?: string;
}

export const INTEGRATED_AUTH_DEFAULTS: IntegratedAuthOptions = {
  rounds: 21,
  warmupRounds: 5,
  floorBatches: 3,
  profiledRounds: 5,
};

/** Issue target: integrated authentication for 30 institutions within twice the floor. */
export const INTEGRATED_AUTH_TARGET: Target = { op: '≤', limit: 2 };

const STARTUP_MS = 120_000;
const STATS_MS = 5_000;

interface Processes {
  readonly ca: BenchChild;
  readonly provider: BenchChild;
}

interface CpuReading {
  readonly ca: number;
  readonly provider: number;
  readonly operator: number;
  readonly caCalls: number;
  readonly caWaitMs: number;
}

async function statsOf(child: BenchChild): Promise<ChildStats> {
  child.send({ type: 'stats' });
  return child.next<ChildStats>('stats', STATS_MS);
}

async function readCpu(p: Processes): Promise<CpuReading> {
  const [ca, provider] = await Promise.all([statsOf(p.ca), statsOf(p.provider)]);
  const own = process.cpuUsage();
  return {
    ca: ca.user + ca.system,
    provider: provider.user + provider.system,
    operator: own.user + own.system,
    caCalls: provider.caCalls ?? 0,
    caWaitMs: provider.caWaitMs ?? 0,
  };
}

/** CPU by kind of work of each child over the profiled rounds, per phase. */
interface ProfileTally {
  readonly ceremony: { readonly ca: Map<CpuKind, number>; readonly provider: Map<CpuKind, number> };
  readonly tokens: { readonly ca: Map<CpuKind, number>; readonly provider: Map<CpuKind, number> };
}

const newTally = (): ProfileTally => ({
  ceremony: { ca: new Map(), provider: new Map() },
  tokens: { ca: new Map(), provider: new Map() },
});

async function startProfiles(p: Processes): Promise<void> {
  for (const child of [p.ca, p.provider]) child.send({ type: 'profile-start' });
  await Promise.all([p.ca.next('profile-started', STATS_MS), p.provider.next('profile-started', STATS_MS)]);
}

async function stopProfiles(p: Processes, into: ProfileTally[keyof ProfileTally]): Promise<void> {
  for (const child of [p.ca, p.provider]) child.send({ type: 'profile-stop' });
  const [ca, provider] = await Promise.all([
    p.ca.next<ChildProfile>('profile', STATS_MS),
    p.provider.next<ChildProfile>('profile', STATS_MS),
  ]);
  addKinds(into.ca, new Map(Object.entries(ca.kinds)) as Map<CpuKind, number>);
  addKinds(into.provider, new Map(Object.entries(provider.kinds)) as Map<CpuKind, number>);
}

interface RoundContext {
  readonly op: OperatorSide;
  readonly processes: Processes;
  readonly provider: ProviderReady;
  readonly caCode: string;
  readonly floorBatches: number;
  /** The operator's CA token, once it has one (cached, as an operator does, for its lifetime). */
  caToken?: string;
}

/**
 * One integrated authentication of a fresh person at every institution, then the floor with the tokens just
 * issued. CPU readings are taken between the phases, outside the timed spans.
 */
async function authRound(
  ctx: RoundContext,
  person: BenchPerson,
  serial: number,
  tally?: ProfileTally,
): Promise<AuthRound> {
  const { op, provider } = ctx;
  const nowKst = String(kstTimestamp(Date.now()));
  const ids = signingIds(
    { operator: op.operatorOrgCode, caCode: ctx.caCode, nowKst, serial },
    provider.institutions.map((i) => i.orgCode),
  );
  const to = { operatorOrgCode: op.operatorOrgCode, clientId: op.serviceCredentials.clientId };
  const request: SigningRequest = {
    person,
    signTxId: ids.signTxId,
    items: provider.institutions.map((institution, i) => ({
      institution,
      txId: ids.txIds[i]!,
      consent: benchConsent(institution, to, nowKst),
    })),
  };

  const c0 = await readCpu(ctx.processes);
  if (tally) await startProfiles(ctx.processes);
  const t0 = performance.now();
  ctx.caToken ??= await operatorCaToken(op);
  const signed = await signAtCa(op, ctx.caToken, request);
  const ceremonyMs = performance.now() - t0;
  if (tally) await stopProfiles(ctx.processes, tally.ceremony);

  const c1 = await readCpu(ctx.processes);
  if (tally) await startProfiles(ctx.processes);
  const t1 = performance.now();
  const tokens = await Promise.all(signed.map((s) => passwordGrant(op, s, person)));
  const tokensMs = performance.now() - t1;
  if (tally) await stopProfiles(ctx.processes, tally.tokens);

  const c2 = await readCpu(ctx.processes);
  const floorBatch = async () => {
    const tf = performance.now();
    await Promise.all(signed.map((s, i) => consentsCall(op, s.institution, tokens[i]!)));
    return performance.now() - tf;
  };
  const floorMs = [await floorBatch()];
  const c3 = await readCpu(ctx.processes);
  for (let b = 1; b < ctx.floorBatches; b++) floorMs.push(await floorBatch());
  return {
    ceremonyMs,
    tokensMs,
    floorMs,
    cpu: { ceremony: phaseCpu(c0, c1), tokens: phaseCpu(c1, c2), floor: phaseCpu(c2, c3) },
    caCalls: c2.caCalls - c1.caCalls,
    caWaitMs: c2.caWaitMs - c1.caWaitMs,
  };
}

const ms = (s: Spread) => spreadNote(s, ' ms', 1);
const cpuNote = (c: PhaseCpu) =>
  `CPU: provider ${c.provider.toFixed(1)} ms, CA ${c.ca.toFixed(1)} ms, operator ${c.operator.toFixed(1)} ms`;
const cpuSum = (c: PhaseCpu) => c.provider + c.ca + c.operator;

const kindsTotal = (kinds: ReadonlyMap<CpuKind, number>) => [...kinds.values()].reduce((a, b) => a + b, 0);

function profileRows(tally: ProfileTally, rounds: number, n: number): Measurement[] {
  const row = (name: string, kinds: ReadonlyMap<CpuKind, number>): Measurement => ({
    name,
    value: kindsTotal(kinds) / rounds,
    unit: 'ms',
    note: `per round, over ${rounds} profiled rounds (V8 sampling profiler, main thread; not the measured rounds): ${describeKinds(kinds, rounds)}`,
  });
  return [
    row('profile: CA, signing ceremony (main-thread CPU by kind of work)', tally.ceremony.ca),
    row(`profile: CA, ${n} × 통합인증-104 during the token requests`, tally.tokens.ca),
    row(`profile: provider, ${n} × 통합인증-002`, tally.tokens.provider),
  ];
}

function measurements(warm: AuthSummary, cold: AuthRound, n: number): Measurement[] {
  const coldWhole = cold.ceremonyMs + cold.tokensMs;
  const coldFloor = cold.floorMs[0] ?? Number.NaN;
  const coldRatio = coldWhole / coldFloor;
  const coldWait = cold.caCalls > 0 ? cold.caWaitMs / cold.caCalls : Number.NaN;
  const { cpu } = warm;
  return [
    {
      name: `warm: integrated authentication, whole (102 + approval + 103 + ${n} × 통합인증-002)`,
      value: warm.whole.median,
      unit: 'ms',
      note: `${ms(warm.whole)}; warm: connections open, every CA token cached (the operator's and each provider's), code optimised; a fresh person each round`,
    },
    {
      name: 'warm: signing ceremony (102 + approval page GET and POST with the PIN + 103)',
      value: warm.ceremony.median,
      unit: 'ms',
      note: `${ms(warm.ceremony)}; ${cpuNote(cpu.ceremony)}; one approval signs ${n} consents`,
    },
    {
      name: `warm: ${n} × 통합인증-002 sent at once`,
      value: warm.tokens.median,
      unit: 'ms',
      note: `${ms(warm.tokens)}; ${cpuNote(cpu.tokens)} (${cpuSum(cpu.tokens).toFixed(0)} ms of CPU on 2 cores); the provider waited ${warm.caWaitPerCallMs.toFixed(1)} ms per 통합인증-104 on average`,
    },
    {
      name: `floor: ${n} × 공통-002 sent at once with the tokens just issued`,
      value: warm.floor.median,
      unit: 'ms',
      note: `${ms(warm.floor)}; each token verified on first sight; the same operator agent and mTLS connections; ${cpuNote(cpu.floor)}; again with the same tokens (verified already): ${warm.floorCached.median.toFixed(1)} ms`,
    },
    {
      name: `warm: ${n} token requests / floor`,
      value: warm.tokensToFloor.median,
      unit: 'ratio',
      note: `${spreadNote(warm.tokensToFloor, '×', 2)}; CPU ${(cpuSum(cpu.tokens) / cpuSum(cpu.floor)).toFixed(1)}× the floor's; the issue's target is for the whole (next row), this part alone: ${targetNote(warm.tokensToFloor.median, INTEGRATED_AUTH_TARGET)}`,
    },
    {
      name: 'warm: whole integrated authentication / floor',
      value: warm.wholeToFloor.median,
      unit: 'ratio',
      note: `${targetNote(warm.wholeToFloor.median, INTEGRATED_AUTH_TARGET)}; ${spreadNote(warm.wholeToFloor, '×', 2)}; each ratio within one round`,
    },
    {
      name: 'cold first round: whole integrated authentication',
      value: coldWhole,
      unit: 'ms',
      note: `ceremony ${cold.ceremonyMs.toFixed(1)} ms with the operator's 통합인증-101; ${n} × 통합인증-002 ${cold.tokensMs.toFixed(1)} ms with each provider's 통합인증-101 (${coldWait.toFixed(1)} ms per CA call); cold: processes just started, no connection open (every mTLS handshake inside), no CA token, code not yet optimised`,
    },
    {
      name: 'cold first round: whole / floor',
      value: coldRatio,
      unit: 'ratio',
      note: `${targetNote(coldRatio, INTEGRATED_AUTH_TARGET)}; its floor (${coldFloor.toFixed(1)} ms) ran right after, on the connections the round had opened`,
    },
  ];
}

/**
 * Integrated authentication (사설인증서, Flow B) for 30 institutions on loopback, mutual TLS 1.3 on every hop:
 * one signing at the CA, then 30 통합인증-002 sent at once, against the floor of 30 plain authenticated calls
 * (공통-002) to the same providers with the same connections. The CA and the provider engine run in child
 * processes, as `hannun up` runs them (SQLite stores, PKI and registry from `prepareTrust`); the operator and
 * the person's browser are this process.
 */
export function integratedAuthBenchmark(opts: Partial<IntegratedAuthOptions> = {}): Benchmark {
  const o = { ...INTEGRATED_AUTH_DEFAULTS, ...opts };
  for (const key of ['rounds', 'floorBatches'] as const) {
    if (!Number.isSafeInteger(o[key]) || o[key] < 1) throw new RangeError(`integrated-auth: ${key} must be 1 or more`);
  }
  for (const key of ['warmupRounds', 'profiledRounds'] as const) {
    if (!Number.isSafeInteger(o[key]) || o[key] < 0) throw new RangeError(`integrated-auth: ${key} must be 0 or more`);
  }
  return {
    name: 'integrated-auth',
    description:
      'Integrated authentication (통합인증, Flow B) for 30 institutions over mutual TLS 1.3: one signature at the CA, then 30 통합인증-002 at once, vs 30 plain authenticated calls (공통-002) to the same providers',
    async run(): Promise<BenchResult> {
      const dataDir = await mkdtemp(join(tmpdir(), 'hannun-bench-auth-'));
      const opened: { close(): Promise<void> }[] = [];
      const children: BenchChild[] = [];
      try {
        const runTag = randomPrefix(6);
        const total = 1 + o.warmupRounds + o.rounds + o.profiledRounds;
        const trust = await createBenchTrust(
          dataDir,
          Array.from({ length: total }, (_, i) => benchPerson(runTag, i)),
        );
        const { institutions, people } = trust;
        const execArgv = o.profileDir ? ['--cpu-prof', `--cpu-prof-dir=${o.profileDir}`] : [];
        const fork = (script: string) => {
          const child = forkBenchChild(new URL(script, import.meta.url), { args: [dataDir], execArgv });
          children.push(child);
          return child;
        };
        const ca = fork('./integrated-auth-ca.ts');
        const providerChild = fork('./integrated-auth-provider.ts');
        const caReady = await ca.next<CaReady>('ready', STARTUP_MS);
        providerChild.send({ type: 'start', caUrl: caReady.apiUrl } satisfies ProviderStart);
        const provider = await providerChild.next<ProviderReady>('ready', STARTUP_MS);

        const operatorCredentials = trust.orgCredentials.get(HANNUN_OPERATOR.orgCode);
        const serviceCredentials = trust.service;
        if (!operatorCredentials) throw new Error('the operator has no client credentials');
        const agent = clientAgent(pkiOf(trust, HANNUN_OPERATOR.orgCode));
        const browser = new Agent();
        opened.push(agent, browser);
        const ctx: RoundContext = {
          op: {
            agent,
            browser,
            operatorOrgCode: HANNUN_OPERATOR.orgCode,
            orgCredentials: operatorCredentials,
            serviceCredentials,
            caApiUrl: caReady.apiUrl,
            caPagesUrl: caReady.pagesUrl,
            caCode: caReady.caCode,
            providerUrl: provider.url,
            nextTranId: tranIdSequence(HANNUN_OPERATOR.orgCode, randomPrefix()),
          },
          processes: { ca, provider: providerChild },
          provider,
          caCode: caReady.caCode,
          floorBatches: o.floorBatches,
        };

        // Round i signs for person i (serial i + 1): the cold round, the warm-up rounds, the measured ones, the
        // profiled ones.
        const round = (i: number, tally?: ProfileTally) => authRound(ctx, people[i]!, i + 1, tally);
        const cold = await round(0);
        for (let i = 1; i <= o.warmupRounds; i++) await round(i);
        const rounds: AuthRound[] = [];
        for (let i = o.warmupRounds + 1; i <= o.warmupRounds + o.rounds; i++) rounds.push(await round(i));
        const tally = newTally();
        for (let i = o.warmupRounds + o.rounds + 1; i < total; i++) await round(i, tally);
        const warm = summariseAuthRounds(rounds);
        const n = provider.institutions.length;
        const to = { operatorOrgCode: HANNUN_OPERATOR.orgCode, clientId: serviceCredentials.clientId };
        const consentBytes = institutions.map((i) =>
          utf8Length(encodeConsentDocument(benchConsent(i, to, String(kstTimestamp(Date.now()))))),
        );
        return {
          parameters: {
            institutions: `${n} (the demo's ${n - BENCH_CLONES.length} + ${BENCH_CLONES.length} clones: ${BENCH_CLONES.map((c) => c.orgCode).join(' ')}; each its own organisation with its own certificate and credentials)`,
            industries: new Set(provider.institutions.map((i) => i.industry)).size,
            'consent (bytes)': `${Math.min(...consentBytes)}–${Math.max(...consentBytes)} (target all; every scope of the industry)`,
            rounds: `1 cold + ${o.warmupRounds} warm-up + ${o.rounds} measured + ${o.profiledRounds} profiled`,
            'floor batches per round': o.floorBatches,
            people: `a fresh one per round (${total} enrolled at the CA before the rounds in ${caReady.enrolMs.toFixed(0)} ms); each a customer of every institution (a customer of a ${provider.ledgerCustomers}-customer ledger stands in at each)`,
            transport:
              'mutual TLS 1.3 on 127.0.0.1 (operator → CA API and providers; provider → CA as each institution); the approval page over HTTP',
            processes: 'CA child + provider engine child; operator and browser in the parent (undici)',
            stores: 'SQLite files (CA; provider) as in hannun up',
            logs: 'warn and above',
            [`PKI for ${trust.organisations.length} organisations (s)`]: (trust.pkiMs / 1000).toFixed(2),
          },
          measurements: [
            ...measurements(warm, cold, n),
            ...(o.profiledRounds > 0 ? profileRows(tally, o.profiledRounds, n) : []),
          ],
        };
      } finally {
        await Promise.allSettled(opened.map((a) => a.close()));
        await Promise.allSettled(children.map((c) => c.kill(10_000)));
        await rm(dataDir, { recursive: true, force: true });
      }
    },
  };
}
