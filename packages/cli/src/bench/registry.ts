import { analysisIngestBenchmark } from './analysis-ingest.ts';
import { analysisRollupBenchmark } from './analysis-rollup.ts';
import { analysisSummaryBenchmark } from './analysis-summary.ts';
import { appDashboardBenchmark } from './app-dashboard.ts';
import type { Benchmark } from './bench-types.ts';
import { collectConsentBenchmark } from './collect-consent.ts';
import { collectMemoryBenchmark } from './collect-memory.ts';
import { collectScheduledBenchmark } from './collect-scheduled.ts';
import { integratedAuthBenchmark } from './integrated-auth.ts';
import { ledgerGenerationBenchmark } from './ledger-generation.ts';
import { providerChainBenchmark } from './provider-chain.ts';
import { registryDeltaBenchmark } from './registry-delta.ts';
import { wireCodecBenchmark } from './wire-codec.ts';

/**
 * Every benchmark `hannun bench` knows, in report order. Add new ones here. `quick`: fewer and shorter rounds
 * where a benchmark takes long, for trying a change (its results replace the full ones: commit full runs).
 */
export function benchmarks(opts: { readonly quick?: boolean } = {}): readonly Benchmark[] {
  const quick = opts.quick === true;
  return [
    wireCodecBenchmark(),
    providerChainBenchmark(quick ? { seconds: 2, rounds: 1, warmupSeconds: 1 } : {}),
    integratedAuthBenchmark(quick ? { rounds: 5, warmupRounds: 1, profiledRounds: 2 } : {}),
    ledgerGenerationBenchmark(),
    registryDeltaBenchmark(quick ? { orgs: 200, changes: 2_000, rounds: 5 } : {}),
    collectConsentBenchmark(quick ? { rounds: 2, warmupRounds: 1 } : {}),
    collectScheduledBenchmark(quick ? { people: 8 } : {}),
    collectMemoryBenchmark(quick ? { people: 200 } : {}),
    analysisRollupBenchmark(quick ? { rows: 100_000, rounds: 2 } : {}),
    analysisSummaryBenchmark(quick ? { transactions: 10_000, calls: 50 } : {}),
    analysisIngestBenchmark(quick ? { history: 2_000, pages: 10 } : {}),
    appDashboardBenchmark(quick ? { transactions: 20_000, loads: 3 } : {}),
  ];
}

export const BENCHMARKS: readonly Benchmark[] = benchmarks();
