import type { Benchmark } from './bench-types.ts';
import { ledgerGenerationBenchmark } from './ledger-generation.ts';
import { providerChainBenchmark } from './provider-chain.ts';
import { wireCodecBenchmark } from './wire-codec.ts';

/** Every benchmark `hannun bench` knows, in report order. Add new ones here. */
export const BENCHMARKS: readonly Benchmark[] = [
  wireCodecBenchmark(),
  providerChainBenchmark(),
  ledgerGenerationBenchmark(),
];
