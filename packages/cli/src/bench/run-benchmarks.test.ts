import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Benchmark, BenchRecord } from './bench-types.ts';
import { runBenchmarks } from './run-benchmarks.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hannun-bench-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const fake = (name: string, value: number): Benchmark => ({
  name,
  description: `fake ${name}`,
  run: async () => ({
    parameters: { items: 3 },
    measurements: [
      { name: 'fast | path', value, unit: 'ops/s' },
      { name: 'ratio', value: 2.5, unit: 'ratio', note: 'side by side' },
    ],
  }),
});

const sink = { write: () => undefined };

describe('runBenchmarks', () => {
  it('writes one results file per benchmark and a report with the machine and a table each', async () => {
    const resultsDir = join(dir, 'bench', 'results');
    const reportPath = join(dir, 'docs', 'benchmarks.md');
    const now = () => new Date('2026-01-02T03:04:05Z');
    await runBenchmarks({
      benchmarks: [fake('alpha', 12345.6), fake('beta', 7)],
      resultsDir,
      reportPath,
      out: sink,
      now,
    });

    const alpha = JSON.parse(await readFile(join(resultsDir, 'alpha.json'), 'utf8')) as BenchRecord;
    expect(alpha).toMatchObject({
      name: 'alpha',
      description: 'fake alpha',
      date: '2026-01-02T03:04:05.000Z',
      parameters: { items: 3 },
    });
    expect(alpha.machine.node).toBe(process.version);
    expect(alpha.machine.cores).toBeGreaterThan(0);

    const report = await readFile(reportPath, 'utf8');
    expect(report).toMatch(/^# Benchmarks\n/);
    expect(report).toContain(`| Node.js | ${process.version}`);
    expect(report).toContain('| Date | 2026-01-02 |');
    expect(report).toMatch(/\| CPU \| .+ \|/);
    expect(report).toContain('## alpha');
    expect(report).toContain('| fast \\| path | 12,346 | ops/s |  |');
    expect(report).toContain('| ratio | 2.50× | ratio | side by side |');
    expect(report).toContain('## beta');
    expect(report).toContain('| fast \\| path | 7.00 | ops/s |  |');
  });

  it('with only, runs one benchmark and keeps the other tables in the report', async () => {
    const resultsDir = join(dir, 'results');
    const reportPath = join(dir, 'benchmarks.md');
    let betaRuns = 0;
    const beta: Benchmark = {
      ...fake('beta', 1),
      run: async () => {
        betaRuns++;
        return fake('beta', 1).run();
      },
    };
    await runBenchmarks({ benchmarks: [fake('alpha', 1), beta], resultsDir, reportPath, out: sink });
    await runBenchmarks({ benchmarks: [fake('alpha', 99), beta], only: 'alpha', resultsDir, reportPath, out: sink });
    expect(betaRuns).toBe(1);
    const report = await readFile(reportPath, 'utf8');
    expect(report).toContain('## alpha');
    expect(report).toContain('| fast \\| path | 99.0 |');
    expect(report).toContain('## beta');
  });
});
