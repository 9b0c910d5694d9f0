import autocannon from 'autocannon';
import { type BenchChild, forkBenchChild } from './bench-child.ts';
import type { Benchmark, BenchResult, Measurement } from './bench-types.ts';
import { cpuSpent, type LoadRound, type LoadSummary, ratio, summariseRounds } from './load-rounds.ts';
import { type ChainServerCpu, type ChainServerReady, OPERATOR_ORG } from './provider-chain-protocol.ts';
import { type Target, targetNote } from './target-note.ts';
import { tokenRotation } from './token-rotation.ts';
import { randomPrefix, tranIdSequence } from './tran-id-sequence.ts';

export interface ProviderChainOptions {
  readonly connections: number;
  /** Seconds of each timed round. */
  readonly seconds: number;
  /** Rounds per route; the routes take turns (plain, chain, plain, chain …). */
  readonly rounds: number;
  /** Seconds of untimed load on each route first. */
  readonly warmupSeconds: number;
}

export const PROVIDER_CHAIN_DEFAULTS: ProviderChainOptions = {
  connections: 50,
  seconds: 5,
  rounds: 3,
  warmupSeconds: 2,
};

/** Issue target: the check chain keeps at least 60 % of the plain route's throughput. */
export const CHAIN_RATIO_TARGET: Target = { op: '≥', limit: 0.6 };

const STARTUP_MS = 60_000;
/** A route below this share of a core was limited by the load generator, not by the server. */
const SATURATED = 0.9;

/** The plain route; the chain with its one token (verified once, then cached); the chain with a new token each request. */
type Route = 'plain' | 'chain' | 'cold';
const ROUTES: readonly Route[] = ['plain', 'chain', 'cold'];

async function serverCpu(child: BenchChild): Promise<ChainServerCpu> {
  child.send({ type: 'cpu' });
  return child.next<ChainServerCpu>('cpu', 5_000);
}

/** Load one route for `seconds`, each request with its own tran id; CPU of both sides measured around it. */
async function loadRound(
  child: BenchChild,
  server: ChainServerReady,
  route: Route,
  seconds: number,
  connections: number,
  nextTranId: () => string,
): Promise<LoadRound> {
  const serverBefore = await serverCpu(child);
  const clientBefore = process.cpuUsage();
  const started = process.hrtime.bigint();
  const nextToken = route === 'cold' ? tokenRotation(server.coldTokens) : undefined;
  const result = await autocannon({
    url: `${server.url}${route === 'plain' ? server.plainPath : server.chainPath}`,
    connections,
    duration: seconds,
    method: 'POST',
    headers: { ...server.headers },
    body: server.requestBody,
    requests: [
      {
        setupRequest: (request) => {
          request.headers['x-api-tran-id'] = nextTranId();
          if (nextToken) request.headers['authorization'] = `Bearer ${nextToken()}`;
          return request;
        },
      },
    ],
  });
  const clientAfter = process.cpuUsage();
  const serverAfter = await serverCpu(child);
  return {
    requests: result.requests.total,
    seconds: result.duration,
    wallSeconds: Number(process.hrtime.bigint() - started) / 1e9,
    p99Ms: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
    bytes: result.throughput.total,
    serverCpuUs: cpuSpent(serverBefore, serverAfter),
    clientCpuUs: cpuSpent(clientBefore, clientAfter),
  };
}

/** One chain request after the load: it must answer 00000 with exactly the page the plain route serves. */
async function sampleChain(server: ChainServerReady, nextTranId: () => string, token?: string): Promise<void> {
  const res = await fetch(`${server.url}${server.chainPath}`, {
    method: 'POST',
    headers: {
      ...server.headers,
      'x-api-tran-id': nextTranId(),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: server.requestBody,
  });
  const text = await res.text();
  const code = (JSON.parse(text) as { rsp_code?: unknown }).rsp_code;
  if (res.status !== 200 || code !== '00000') throw new Error(`a sampled chain answer was ${res.status} ${code}`);
  if (text !== server.responseBody)
    throw new Error('a sampled chain answer differs from the page the plain route serves');
}

const pct = (share: number) => `${Math.round(share * 100)}%`;

function routeRows(label: string, s: LoadSummary): Measurement[] {
  return [
    {
      name: `${label}: requests per second (median round)`,
      value: s.reqPerSec,
      unit: 'req/s',
      note: `server CPU ${pct(s.serverCpu)} of a core, load generator ${pct(s.clientCpu)}`,
    },
    { name: `${label}: p99 latency (median round)`, value: s.p99Ms, unit: 'ms' },
    { name: `${label}: server CPU per response (median round)`, value: s.serverUsPerResponse, unit: 'µs' },
    {
      name: `${label}: errors + non-2xx answers`,
      value: s.errors + s.non2xx,
      unit: 'count',
      note: `${s.requests.toLocaleString('en-US')} responses, ${Math.round(s.bytesPerResponse).toLocaleString('en-US')} bytes each on average`,
    },
  ];
}

/**
 * The cold token cache: every request presents a token the engine has not verified (or has forgotten), so the
 * chain verifies its ES256 signature each time. What that adds to a response's server CPU over the warm chain
 * is the cost of a token verification, and its share of the cold chain's CPU.
 */
function coldRows(plain: LoadSummary, chain: LoadSummary, cold: LoadSummary): Measurement[] {
  const verifyUs = cold.serverUsPerResponse - chain.serverUsPerResponse;
  const share = ratio(verifyUs, cold.serverUsPerResponse);
  const coldCpuRatio = ratio(plain.serverUsPerResponse, cold.serverUsPerResponse);
  return [
    ...routeRows('check chain, cold token cache', cold),
    {
      name: 'token verification when the cache is cold (server CPU per response, cold chain − warm chain)',
      value: verifyUs,
      unit: 'µs',
      note: `${Number.isFinite(share) ? `${pct(share)} of the cold chain's server CPU per response` : 'n/a'}; warm, the chain looks the token up instead (cache by token string, expiry, revocation and consent still checked on every call); a sampled cold-cache answer was 00000 and byte-identical to the plain page`,
    },
    {
      name: 'check chain with a cold token cache / plain route (server CPU per response, inverted)',
      value: coldCpuRatio,
      unit: 'ratio',
      note: `the warm chain's is ${ratio(plain.serverUsPerResponse, chain.serverUsPerResponse).toFixed(2)}× (the target is for the chain as operators use it, a token serving many calls); requests per second, cold / plain: ${ratio(cold.reqPerSec, plain.reqPerSec).toFixed(2)}`,
    },
  ];
}

/**
 * The provider's check chain under load: 은행-004, one page of 100 transactions, through every check
 * (headers and tran id, token, scope, org_code, consent, customer, decoding, asset, period, cursor) and the
 * handler, against a plain route of the same server sending the same bytes; then the same chain with a cold
 * token cache (a different valid token on every request, more tokens than the cache holds). The server runs in
 * a child process, so autocannon (in this process) does not share its event loop.
 */
export function providerChainBenchmark(opts: Partial<ProviderChainOptions> = {}): Benchmark {
  const o = { ...PROVIDER_CHAIN_DEFAULTS, ...opts };
  return {
    name: 'provider-chain',
    description:
      'Provider check chain under load: 은행-004, a page of 100 transactions, through the whole chain (token cache warm, then cold) vs a plain route of the same server answering the same bytes',
    async run(): Promise<BenchResult> {
      const child = forkBenchChild(new URL('./provider-chain-server.ts', import.meta.url));
      try {
        const server = await child.next<ChainServerReady>('ready', STARTUP_MS);
        const nextTranId = tranIdSequence(OPERATOR_ORG, randomPrefix());
        const round = (route: Route, seconds: number) =>
          loadRound(child, server, route, seconds, o.connections, nextTranId);

        for (const route of ROUTES) await round(route, o.warmupSeconds);
        const rounds: Record<Route, LoadRound[]> = { plain: [], chain: [], cold: [] };
        for (let r = 0; r < o.rounds; r++) {
          for (const route of ROUTES) rounds[route].push(await round(route, o.seconds));
        }
        const plain = summariseRounds(rounds.plain);
        const chain = summariseRounds(rounds.chain);
        const cold = summariseRounds(rounds.cold);
        for (const [what, s] of [
          ['chain', chain],
          ['chain with a cold token cache', cold],
        ] as const) {
          if (s.errors + s.non2xx > 0) {
            throw new Error(`the ${what} answered ${s.non2xx} non-2xx and ${s.errors} errors under load`);
          }
        }
        await sampleChain(server, nextTranId);
        await sampleChain(server, nextTranId, server.coldTokens.at(-1));

        const chainRatio = ratio(chain.reqPerSec, plain.reqPerSec);
        const cpuRatio = ratio(plain.serverUsPerResponse, chain.serverUsPerResponse);
        return {
          parameters: {
            api: '은행-004',
            'page (transactions)': 100,
            'page size (bytes)': Buffer.byteLength(server.responseBody),
            'x-api-type': 'user-refresh',
            period: `${server.fromDate}–${server.toDate}`,
            'account transactions in the period': server.periodTransactions,
            customers: server.customers,
            connections: o.connections,
            'seconds per round': o.seconds,
            'rounds per route': o.rounds,
            'warm-up seconds per route': o.warmupSeconds,
            server: 'child process, 127.0.0.1, request logs off, metrics on',
            'cold route': `${server.coldTokens.length.toLocaleString('en-US')} tokens of the same consent in turn, verified-token cache ${server.tokenCacheSize} per institution`,
          },
          measurements: [
            ...routeRows('plain route', plain),
            ...routeRows('check chain', chain),
            {
              name: 'check chain / plain route (requests per second)',
              value: chainRatio,
              unit: 'ratio',
              note: [
                plain.serverCpu < SATURATED
                  ? `not a verdict on the target (${CHAIN_RATIO_TARGET.op} ${CHAIN_RATIO_TARGET.limit}): the load generator limited the plain route (server at ${pct(plain.serverCpu)} of a core), so this overstates the chain; see the next row`
                  : targetNote(chainRatio, CHAIN_RATIO_TARGET),
                ...(chain.serverCpu < SATURATED
                  ? [`the chain left the server at ${pct(chain.serverCpu)} of a core`]
                  : []),
                'a sampled chain answer was 00000 and byte-identical to the plain page',
              ].join('; '),
            },
            {
              name: 'check chain / plain route (server CPU per response, inverted)',
              value: cpuRatio,
              unit: 'ratio',
              note: `${targetNote(cpuRatio, CHAIN_RATIO_TARGET)}; the ratio with both routes saturating the server, roughly (a slow reader moves some of the kernel's send cost off the plain route, so this understates the chain a little)`,
            },
            ...coldRows(plain, chain, cold),
          ],
        };
      } finally {
        await child.kill();
      }
    },
  };
}
