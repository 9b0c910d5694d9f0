import { median } from './measure.ts';

/** CPU time (ms) each process spent in one phase of a round. */
export interface PhaseCpu {
  readonly ca: number;
  readonly provider: number;
  /** The parent: the operator and the person's browser. */
  readonly operator: number;
}

/** One integrated authentication and its floor, as measured. */
export interface AuthRound {
  /** 102, the page (GET, POST with the PIN), 103 — and the operator's own 101 when its CA token was cold. */
  readonly ceremonyMs: number;
  /** The 30 통합인증-002 requests sent at once, until the last answer. */
  readonly tokensMs: number;
  /**
   * The floor's batches, each 30 공통-002 calls sent at once and timed: the first with the tokens just issued
   * (each verified on first sight, as an operator's first collection meets them), the others with the same
   * tokens again (the provider's verified-token cache warm).
   */
  readonly floorMs: readonly number[];
  readonly cpu: { readonly ceremony: PhaseCpu; readonly tokens: PhaseCpu; readonly floor: PhaseCpu };
  /** 통합인증-104 calls the provider made during the token requests, and the time it waited for them (ms, summed). */
  readonly caCalls: number;
  readonly caWaitMs: number;
}

/** The middle and the ends of a set of rounds. */
export interface Spread {
  readonly n: number;
  readonly median: number;
  readonly min: number;
  readonly max: number;
}

export function spreadOf(xs: readonly number[]): Spread {
  const finite = xs.filter(Number.isFinite);
  if (finite.length === 0) return { n: 0, median: Number.NaN, min: Number.NaN, max: Number.NaN };
  return { n: finite.length, median: median(finite), min: Math.min(...finite), max: Math.max(...finite) };
}

const fixed = (x: number, digits: number) => x.toFixed(digits);

/** "median of 9 rounds, range 101–140 ms" */
export function spreadNote(s: Spread, unit: string, digits = 1): string {
  if (s.n === 0) return 'no rounds';
  if (s.n === 1) return `one round`;
  return `median of ${s.n} rounds, range ${fixed(s.min, digits)}–${fixed(s.max, digits)}${unit}`;
}

export interface AuthSummary {
  readonly whole: Spread;
  readonly ceremony: Spread;
  readonly tokens: Spread;
  /** The floor: each round's first batch (tokens just issued). */
  readonly floor: Spread;
  /** Each round's later batches (tokens already verified), their median per round. */
  readonly floorCached: Spread;
  /** Per round, then over the rounds: both sides of each ratio come from the same round. */
  readonly tokensToFloor: Spread;
  readonly wholeToFloor: Spread;
  /** Median CPU (ms) of each process in each phase. */
  readonly cpu: { readonly ceremony: PhaseCpu; readonly tokens: PhaseCpu; readonly floor: PhaseCpu };
  /** Median over the rounds of the provider's mean wait for one 통합인증-104 call (ms). */
  readonly caWaitPerCallMs: number;
}

const per = (a: number, b: number) => (b > 0 && Number.isFinite(a) ? a / b : Number.NaN);

function medianCpu(rounds: readonly AuthRound[], phase: keyof AuthRound['cpu']): PhaseCpu {
  return {
    ca: median(rounds.map((r) => r.cpu[phase].ca)),
    provider: median(rounds.map((r) => r.cpu[phase].provider)),
    operator: median(rounds.map((r) => r.cpu[phase].operator)),
  };
}

export function summariseAuthRounds(rounds: readonly AuthRound[]): AuthSummary {
  const floors = rounds.map((r) => r.floorMs[0] ?? Number.NaN);
  const wholes = rounds.map((r) => r.ceremonyMs + r.tokensMs);
  return {
    whole: spreadOf(wholes),
    ceremony: spreadOf(rounds.map((r) => r.ceremonyMs)),
    tokens: spreadOf(rounds.map((r) => r.tokensMs)),
    floor: spreadOf(floors),
    floorCached: spreadOf(rounds.map((r) => median(r.floorMs.slice(1)))),
    tokensToFloor: spreadOf(rounds.map((r, i) => per(r.tokensMs, floors[i]!))),
    wholeToFloor: spreadOf(wholes.map((whole, i) => per(whole, floors[i]!))),
    cpu: {
      ceremony: medianCpu(rounds, 'ceremony'),
      tokens: medianCpu(rounds, 'tokens'),
      floor: medianCpu(rounds, 'floor'),
    },
    caWaitPerCallMs: median(rounds.map((r) => per(r.caWaitMs, r.caCalls))),
  };
}

/** CPU (ms) of a phase from the readings (µs, as process.cpuUsage) taken before and after it. */
export function phaseCpu(
  before: { readonly ca: number; readonly provider: number; readonly operator: number },
  after: { readonly ca: number; readonly provider: number; readonly operator: number },
): PhaseCpu {
  return {
    ca: (after.ca - before.ca) / 1000,
    provider: (after.provider - before.provider) / 1000,
    operator: (after.operator - before.operator) / 1000,
  };
}
