/** One number a benchmark reports. */
export interface Measurement {
  readonly name: string;
  readonly value: number;
  readonly unit: 'ops/s' | 'req/s' | 'ratio' | 'ms' | 'µs' | 's' | 'MB/s' | 'MB' | 'count';
  readonly note?: string;
}

/** What a benchmark's run returns: its measurements (taken side by side in one run) and parameters. */
export interface BenchResult {
  readonly measurements: readonly Measurement[];
  /** What was measured (sizes, iterations), so a table can be read on its own. */
  readonly parameters: Readonly<Record<string, string | number>>;
}

export interface Benchmark {
  /** Short kebab-case name: the results file is `bench/results/<name>.json`. */
  readonly name: string;
  readonly description: string;
  run(): Promise<BenchResult>;
}

export interface MachineInfo {
  readonly cpu: string;
  readonly cores: number;
  readonly memoryBytes: number;
  readonly node: string;
  readonly platform: string;
}

/** A results file: the result with its benchmark, machine and date. */
export interface BenchRecord extends BenchResult {
  readonly name: string;
  readonly description: string;
  readonly machine: MachineInfo;
  /** ISO 8601. */
  readonly date: string;
}
