import { describe, expect, it } from 'vitest';
import { integratedAuthBenchmark } from './integrated-auth.ts';
import { BENCHMARKS, benchmarks } from './registry.ts';

describe('integratedAuthBenchmark', () => {
  it('refuses options that would measure nothing or count backwards, naming the option', () => {
    expect(() => integratedAuthBenchmark({ rounds: 0 })).toThrow(/rounds must be 1 or more/);
    expect(() => integratedAuthBenchmark({ floorBatches: 0 })).toThrow(/floorBatches/);
    expect(() => integratedAuthBenchmark({ warmupRounds: -1 })).toThrow(/warmupRounds must be 0 or more/);
    expect(() => integratedAuthBenchmark({ profiledRounds: 1.5 })).toThrow(/profiledRounds/);
  });

  it('is registered, in the full and the quick sets, and so runs with `hannun bench --only integrated-auth`', () => {
    expect(BENCHMARKS.map((b) => b.name)).toContain('integrated-auth');
    expect(benchmarks({ quick: true }).map((b) => b.name)).toEqual(BENCHMARKS.map((b) => b.name));
  });
});
