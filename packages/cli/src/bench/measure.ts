/** A function to time; its result is kept so the work cannot be optimised away. */
export interface BenchCase {
  readonly name: string;
  readonly fn: () => unknown;
}

export interface MeasureOptions {
  /** Calls of each case before timing starts. */
  readonly warmup: number;
  /** Calls of each case per round. */
  readonly iterations: number;
  /** Rounds; the cases take turns each round and the median round counts. */
  readonly rounds: number;
}

let sink: unknown;
/** The last result of every timed call (read it so no engine can prove the work useless). */
export function blackhole(): unknown {
  return sink;
}

function timeOnce(fn: () => unknown, iterations: number): number {
  const start = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) sink = fn();
  const ns = Number(process.hrtime.bigint() - start);
  return (iterations * 1e9) / Math.max(ns, 1);
}

/** The middle value (the mean of the two middle ones for an even count); NaN for none. */
export function median(xs: readonly number[]): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * Operations per second of each case, measured side by side: after a warm-up, the cases take turns
 * for a fixed number of iterations each round, and each case's median round is reported. Ratios between
 * cases of one call are fair; absolute numbers depend on the machine.
 */
export function measureSideBySide(cases: readonly BenchCase[], opts: MeasureOptions): Map<string, number> {
  for (const c of cases) for (let i = 0; i < opts.warmup; i++) sink = c.fn();
  const samples = new Map<string, number[]>(cases.map((c) => [c.name, []]));
  for (let r = 0; r < opts.rounds; r++) {
    for (const c of cases) samples.get(c.name)!.push(timeOnce(c.fn, opts.iterations));
  }
  return new Map([...samples].map(([name, xs]) => [name, median(xs)]));
}
