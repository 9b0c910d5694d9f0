import { describe, expect, it } from 'vitest';
import { COLLECT_MEMORY_DEFAULTS, COLLECT_MEMORY_TARGET, collectMemoryBenchmark } from './collect-memory.ts';
import { COLLECT_SCHEDULED_DEFAULTS, collectScheduledBenchmark } from './collect-scheduled.ts';
import { BENCHMARKS, benchmarks } from './registry.ts';
import { meetsTarget } from './target-note.ts';

describe('collection scale benchmarks', () => {
  it('refuse options that would measure nothing, naming the option', () => {
    expect(() => collectScheduledBenchmark({ people: 0 })).toThrow(/collect-scheduled: people must be 1 or more/);
    expect(() => collectMemoryBenchmark({ orgsPerPerson: 0 })).toThrow(
      /collect-memory: orgsPerPerson must be 1 or more/,
    );
    expect(() => collectMemoryBenchmark({ people: 1.5 })).toThrow(/collect-memory: people must be 1 or more/);
  });

  it('are registered in the full and quick sets, the full memory run at the issue’s 1,000 people', () => {
    for (const set of [BENCHMARKS, benchmarks({ quick: true })]) {
      expect(set.map((b) => b.name)).toEqual(expect.arrayContaining(['collect-scheduled', 'collect-memory']));
    }
    expect(COLLECT_MEMORY_DEFAULTS.people).toBe(1_000);
    expect(COLLECT_SCHEDULED_DEFAULTS.people).toBeGreaterThan(8);
    expect(BENCHMARKS.find((b) => b.name === 'collect-memory')!.description).toMatch(/1,000 people collect at once/);
  });

  it('holds the operator to the issue’s 400 MB', () => {
    expect([meetsTarget(400, COLLECT_MEMORY_TARGET), meetsTarget(401, COLLECT_MEMORY_TARGET)]).toEqual([true, false]);
  });
});
