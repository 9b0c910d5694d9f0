import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Output } from '../commands/up.ts';
import { UserError } from '../user-error.ts';
import type { Benchmark, BenchRecord } from './bench-types.ts';
import { describeMachine } from './machine.ts';
import { renderBenchmarksMarkdown } from './render-report.ts';

export interface RunBenchmarksOptions {
  readonly benchmarks: readonly Benchmark[];
  /** Run only the benchmark of this name. */
  readonly only?: string;
  /** Directory of the results files (`<name>.json`). */
  readonly resultsDir: string;
  /** The Markdown report, regenerated from every results file. */
  readonly reportPath: string;
  readonly out: Output;
  readonly now?: () => Date;
}

async function writeAtomically(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(`${path}.tmp`, text);
  await rename(`${path}.tmp`, path);
}

async function readRecords(dir: string): Promise<BenchRecord[]> {
  const names = (await readdir(dir)).filter((f) => f.endsWith('.json')).sort();
  const records: BenchRecord[] = [];
  for (const name of names) records.push(JSON.parse(await readFile(join(dir, name), 'utf8')) as BenchRecord);
  return records;
}

/**
 * Run the benchmarks (or the one named by `only`), write `<resultsDir>/<name>.json` for each, and
 * regenerate the report from every results file (so `--only` keeps the other tables).
 */
export async function runBenchmarks(opts: RunBenchmarksOptions): Promise<BenchRecord[]> {
  const now = opts.now ?? (() => new Date());
  const selected = opts.only ? opts.benchmarks.filter((b) => b.name === opts.only) : opts.benchmarks;
  if (selected.length === 0) {
    throw new UserError(
      `No benchmark named '${opts.only}'. Known: ${opts.benchmarks.map((b) => b.name).join(', ') || '(none)'}.`,
    );
  }
  const machine = describeMachine();
  const resultsDir = resolve(opts.resultsDir);
  const records: BenchRecord[] = [];
  for (const bench of selected) {
    opts.out.write(`running ${bench.name}: ${bench.description}\n`);
    const started = process.hrtime.bigint();
    const result = await bench.run();
    const record: BenchRecord = {
      name: bench.name,
      description: bench.description,
      machine,
      date: now().toISOString(),
      ...result,
    };
    const file = join(resultsDir, `${bench.name}.json`);
    await writeAtomically(file, `${JSON.stringify(record, null, 2)}\n`);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    opts.out.write(`  done in ${seconds.toFixed(1)} s, wrote ${file}\n`);
    records.push(record);
  }
  const report = renderBenchmarksMarkdown(await readRecords(resultsDir), machine, now());
  await writeAtomically(resolve(opts.reportPath), report);
  opts.out.write(`wrote ${resolve(opts.reportPath)}\n`);
  return records;
}
