import { describe, expect, it } from 'vitest';
import { registryDeltaBenchmark } from './registry-delta.ts';

describe('registry-delta benchmark', () => {
  it('times a full and a delta 지원-002 sync in one run: the full answers every organisation, the delta only the changes', async () => {
    const result = await registryDeltaBenchmark({ orgs: 30, changes: 120, recent: 5, rounds: 1 }).run();
    const byName = new Map(result.measurements.map((m) => [m.name, m]));
    expect(result.parameters['changes in the log']).toBe(125);
    expect(byName.get('full sync (search_timestamp=0)')?.note).toBe('31 organisations');
    expect(byName.get('delta sync (since the last search_timestamp)')?.note).toBe('5 changed organisations');
    const ratio = byName.get('delta / full')!;
    expect(ratio.unit).toBe('ratio');
    expect(ratio.value).toBeGreaterThan(0);
    expect(ratio.note).toMatch(/^target ≤ 0\.1: (met|NOT met)$/);
  });
});
