import { describe, expect, it } from 'vitest';
import { COLLECT_CONSENT_TARGET, collectConsentBenchmark } from './collect-consent.ts';
import { BENCHMARKS, benchmarks } from './registry.ts';
import { meetsTarget } from './target-note.ts';

describe('collectConsentBenchmark', () => {
  it('refuses options that would measure nothing, naming the option', () => {
    expect(() => collectConsentBenchmark({ rounds: 0 })).toThrow(/rounds must be 1 or more/);
    expect(() => collectConsentBenchmark({ warmupRounds: -1 })).toThrow(/warmupRounds must be 0 or more/);
  });

  it('is registered in the full and quick sets; its target is the issue’s 1.25 × the floor', () => {
    expect(BENCHMARKS.map((b) => b.name)).toContain('collect-consent');
    expect(benchmarks({ quick: true }).map((b) => b.name)).toContain('collect-consent');
    expect([meetsTarget(1.25, COLLECT_CONSENT_TARGET), meetsTarget(1.26, COLLECT_CONSENT_TARGET)]).toEqual([
      true,
      false,
    ]);
  });
});
