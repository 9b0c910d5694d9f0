/**
 * mulberry32: a small deterministic generator in [0, 1) — the same seed, the same sequence. For repeatable
 * test data, fault schedules and benchmarks; never for anything secret (use node:crypto there).
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
