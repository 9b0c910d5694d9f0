import { describe, expect, it } from 'vitest';
import { cpuSpent, type LoadRound, ratio, summariseRounds } from './load-rounds.ts';
import { median } from './measure.ts';

const round = (over: Partial<LoadRound>): LoadRound => ({
  requests: 1000,
  seconds: 1,
  wallSeconds: 1,
  p99Ms: 5,
  errors: 0,
  non2xx: 0,
  bytes: 1000 * 200,
  serverCpuUs: 1_000_000,
  clientCpuUs: 500_000,
  ...over,
});

describe('median', () => {
  it('takes the middle of an odd count and the mean of the two middles of an even one, in any order', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
  });

  it('is NaN for no values', () => {
    expect(median([])).toBeNaN();
  });
});

describe('summariseRounds', () => {
  it('takes the median round for rates and latencies, and sums counts over the rounds', () => {
    const s = summariseRounds([
      round({ requests: 1000, seconds: 1, p99Ms: 9, non2xx: 1 }),
      round({ requests: 3000, seconds: 1, p99Ms: 4, errors: 2, bytes: 3000 * 200 }),
      round({ requests: 4000, seconds: 2, p99Ms: 6 }),
    ]);
    expect(s.rounds).toBe(3);
    expect(s.reqPerSec).toBe(2000);
    expect(s.p99Ms).toBe(6);
    expect(s.requests).toBe(8000);
    expect(s.errors).toBe(2);
    expect(s.non2xx).toBe(1);
  });

  it('gives bytes per response over every round, CPU as a share of a core, and CPU per response', () => {
    const s = summariseRounds([
      round({ requests: 1000, bytes: 300_000, wallSeconds: 2, serverCpuUs: 1_800_000, clientCpuUs: 1_000_000 }),
      round({ requests: 3000, bytes: 900_000, wallSeconds: 2, serverCpuUs: 1_800_000, clientCpuUs: 1_000_000 }),
    ]);
    expect(s.bytesPerResponse).toBe(300);
    expect(s.serverCpu).toBeCloseTo(0.9);
    expect(s.clientCpu).toBeCloseTo(0.5);
    // 1,800 µs per response in the first round, 600 in the second: the median of two is their mean.
    expect(s.serverUsPerResponse).toBeCloseTo(1200);
  });

  it('answers NaN, not Infinity, for rounds that received nothing', () => {
    const s = summariseRounds([round({ requests: 0, seconds: 0, bytes: 0 })]);
    expect(s.reqPerSec).toBeNaN();
    expect(s.bytesPerResponse).toBeNaN();
    expect(s.serverUsPerResponse).toBeNaN();
  });
});

describe('ratio', () => {
  it('divides, and is NaN when the whole is zero, negative or not a number', () => {
    expect(ratio(3, 4)).toBe(0.75);
    expect(ratio(3, 0)).toBeNaN();
    expect(ratio(3, -1)).toBeNaN();
    expect(ratio(Number.NaN, 4)).toBeNaN();
    expect(ratio(3, Number.POSITIVE_INFINITY)).toBeNaN();
  });
});

describe('cpuSpent', () => {
  it('adds the user and system time between two readings', () => {
    expect(cpuSpent({ user: 100, system: 50 }, { user: 400, system: 70 })).toBe(320);
  });
});
