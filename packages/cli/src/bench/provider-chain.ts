import autocannon from 'autocannon';
import { type BenchChild, forkBenchChild } from './bench-child.ts';
import type { Benchmark, BenchResult, Measurement } from './bench-types.ts';
import { cpuSpent, type LoadRound, type LoadSummary, ratio, summariseRounds } from './load-rounds.ts';
import { type ChainServerCpu, type ChainServerReady, OPERATOR_ORG } from './provider-chain-protocol.ts';
import { type Target, targetNote } from './target-note.ts';
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

type Route = 'plain' | 'chain';

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
async function sampleChain(server: ChainServerReady, nextTranId: () => string): Promise<void> {
  const res = await fetch(`${server.url}${server.chainPath}`, {
    method: 'POST',
    headers: { ...server.headers, 'x-api-tran-id': nextTranId() },
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
 * The provider's check chain under load: 은행-004, one page of 100 transactions, through every check
 * (headers and tran id, token, scope, org_code, consent, customer, decoding, asset, period, cursor) and the
 * handler, against a plain route of the same server sending the same bytes. The server runs in a child
 * process, so autocannon (in this process) does not share its event loop.
 */
export function providerChainBenchmark(opts: Partial<ProviderChainOptions> = {}): Benchmark {
  const o = { ...PROVIDER_CHAIN_DEFAULTS, ...opts };
  return {
    name: 'provider-chain',
    description:
      'Provider check chain under load: 은행-004, a page of 100 transactions, through the whole chain vs a plain route of the same server answering the same bytes',
    async run(): Promise<BenchResult> {
      const child = forkBenchChild(new URL('./provider-chain-server.ts', import.meta.url));
      try {
        const server = await child.next<ChainServerReady>('ready', STARTUP_MS);
        const nextTranId = tranIdSequence(OPERATOR_ORG, randomPrefix());
        const round = (route: Route, seconds: number) =>
          loadRound(child, server, route, seconds, o.connections, nextTranId);

        for (const route of ['plain', 'chain'] as const) await round(route, o.warmupSeconds);
        const rounds: Record<Route, LoadRound[]> = { plain: [], chain: [] };
        for (let r = 0; r < o.rounds; r++) {
          for (const route of ['plain', 'chain'] as const) rounds[route].push(await round(route, o.seconds));
        }
        const plain = summariseRounds(rounds.plain);
        const chain = summariseRounds(rounds.chain);
        if (chain.errors + chain.non2xx > 0) {
          throw new Error(`the chain answered ${chain.non2xx} non-2xx and ${chain.errors} errors under load`);
        }
        await sampleChain(server, nextTranId);

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
          ],
        };
      } finally {
        await child.kill();
      }
    },
  };
}
