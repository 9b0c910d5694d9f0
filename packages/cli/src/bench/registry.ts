import type { Benchmark } from './bench-types.ts';
import { collectConsentBenchmark } from './collect-consent.ts';
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
  ];
}

export const BENCHMARKS: readonly Benchmark[] = benchmarks();
