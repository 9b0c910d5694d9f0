import { median } from './measure.ts';

/** CPU time as `process.cpuUsage()` gives it (µs). */
export interface CpuTime {
  readonly user: number;
  readonly system: number;
}

/** One timed round of load against one route. */
export interface LoadRound {
  /** Responses received. */
  readonly requests: number;
  /** How long the load ran, in seconds (the load generator's count). */
  readonly seconds: number;
  /** The wall time the CPU figures cover, in seconds (a little more than `seconds`). */
  readonly wallSeconds: number;
  /** The round's 99th-percentile latency, in milliseconds. */
  readonly p99Ms: number;
  /** Connection errors and timeouts. */
  readonly errors: number;
  readonly non2xx: number;
  /** Bytes received (status lines, headers and bodies). */
  readonly bytes: number;
  /** CPU time the server spent in the round (µs). */
  readonly serverCpuUs: number;
  /** CPU time the load generator spent in the round (µs). */
  readonly clientCpuUs: number;
}

/** A route's rounds taken together. */
export interface LoadSummary {
  readonly rounds: number;
  /** Median of the rounds' requests per second. */
  readonly reqPerSec: number;
  /** Median of the rounds' p99 latencies (ms). */
  readonly p99Ms: number;
  /** Sums over the rounds. */
  readonly requests: number;
  readonly errors: number;
  readonly non2xx: number;
  /** Bytes received per response, over every round: equal for two routes answering the same bytes. */
  readonly bytesPerResponse: number;
  /** Median share of one core the server used (1 = one core busy the whole round). */
  readonly serverCpu: number;
  /** The same for the load generator. */
  readonly clientCpu: number;
  /** Median server CPU time per response (µs): what a response costs even when the server is not saturated. */
  readonly serverUsPerResponse: number;
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
const per = (a: number, b: number) => (b > 0 ? a / b : Number.NaN);

export function summariseRounds(rounds: readonly LoadRound[]): LoadSummary {
  const requests = sum(rounds.map((r) => r.requests));
  return {
    rounds: rounds.length,
    reqPerSec: median(rounds.map((r) => per(r.requests, r.seconds))),
    p99Ms: median(rounds.map((r) => r.p99Ms)),
    requests,
    errors: sum(rounds.map((r) => r.errors)),
    non2xx: sum(rounds.map((r) => r.non2xx)),
    bytesPerResponse: per(sum(rounds.map((r) => r.bytes)), requests),
    serverCpu: median(rounds.map((r) => per(r.serverCpuUs, r.wallSeconds * 1e6))),
    clientCpu: median(rounds.map((r) => per(r.clientCpuUs, r.wallSeconds * 1e6))),
    serverUsPerResponse: median(rounds.map((r) => per(r.serverCpuUs, r.requests))),
  };
}

/** `part / whole`, or NaN when either is not a positive finite number. */
export function ratio(part: number, whole: number): number {
  return Number.isFinite(whole) && whole > 0 && Number.isFinite(part) && part >= 0 ? part / whole : Number.NaN;
}

/** CPU time spent between two readings (µs). */
export function cpuSpent(before: CpuTime, after: CpuTime): number {
  return after.user - before.user + (after.system - before.system);
}
