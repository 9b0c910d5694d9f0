import { describe, expect, it } from 'vitest';
import { type AuthRound, phaseCpu, spreadNote, spreadOf, summariseAuthRounds } from './integrated-auth-rounds.ts';

const cpu = (ca: number, provider: number, operator: number) => ({ ca, provider, operator });
const round = (over: Partial<AuthRound>): AuthRound => ({
  ceremonyMs: 40,
  tokensMs: 80,
  floorMs: [20, 10, 12],
  cpu: { ceremony: cpu(30, 1, 3), tokens: cpu(45, 80, 9), floor: cpu(1, 15, 5) },
  caCalls: 30,
  caWaitMs: 600,
  ...over,
});

describe('spreadOf / spreadNote', () => {
  it('gives the median and the ends, leaving out what is not a number', () => {
    expect(spreadOf([5, 1, Number.NaN, 3])).toEqual({ n: 3, median: 3, min: 1, max: 5 });
    expect(spreadNote(spreadOf([5, 1, 3]), ' ms')).toBe('median of 3 rounds, range 1.0–5.0 ms');
  });

  it('says so when there is one round or none', () => {
    expect(spreadOf([])).toMatchObject({ n: 0, median: Number.NaN });
    expect(spreadNote(spreadOf([]), ' ms')).toBe('no rounds');
    expect(spreadNote(spreadOf([2]), ' ms')).toBe('one round');
  });
});

describe('summariseAuthRounds', () => {
  it('takes the floor from each round’s first batch and divides within the round before taking the median', () => {
    const s = summariseAuthRounds([
      round({ ceremonyMs: 40, tokensMs: 80, floorMs: [20, 10, 12] }), // whole 120 → 6×, tokens 4×
      round({ ceremonyMs: 30, tokensMs: 60, floorMs: [10, 5, 7] }), // whole 90 → 9×, tokens 6×
      round({ ceremonyMs: 50, tokensMs: 150, floorMs: [25, 20, 30] }), // whole 200 → 8×, tokens 6×
    ]);
    expect(s.whole).toEqual({ n: 3, median: 120, min: 90, max: 200 });
    expect(s.floor).toEqual({ n: 3, median: 20, min: 10, max: 25 });
    expect(s.floorCached.median).toBe(11); // the medians of the later batches: 11, 6, 25
    expect(s.wholeToFloor).toEqual({ n: 3, median: 8, min: 6, max: 9 });
    expect(s.tokensToFloor).toEqual({ n: 3, median: 6, min: 4, max: 6 });
  });

  it('gives the median CPU of each process per phase and the mean wait per CA call', () => {
    const s = summariseAuthRounds([
      round({ caWaitMs: 300 }),
      round({ cpu: { ceremony: cpu(10, 0, 1), tokens: cpu(50, 90, 9), floor: cpu(1, 15, 5) }, caWaitMs: 900 }),
      round({ cpu: { ceremony: cpu(20, 2, 2), tokens: cpu(40, 70, 9), floor: cpu(1, 15, 5) }, caWaitMs: 600 }),
    ]);
    expect(s.cpu.ceremony).toEqual(cpu(20, 1, 2));
    expect(s.cpu.tokens).toEqual(cpu(45, 80, 9));
    expect(s.caWaitPerCallMs).toBe(20);
  });

  it('answers NaN, not Infinity, for a round without a floor or CA calls', () => {
    const s = summariseAuthRounds([round({ floorMs: [], caCalls: 0 })]);
    expect(s.wholeToFloor.n).toBe(0);
    expect(s.caWaitPerCallMs).toBeNaN();
  });
});

describe('phaseCpu', () => {
  it('turns two process.cpuUsage readings (µs) per process into ms spent between them', () => {
    expect(phaseCpu({ ca: 1000, provider: 0, operator: 500 }, { ca: 4000, provider: 2500, operator: 500 })).toEqual(
      cpu(3, 2.5, 0),
    );
  });
});
