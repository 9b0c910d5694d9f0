/** The parts of a V8 CPU profile (`Profiler.stop`, `--cpu-prof`) that tell where time went. */
export interface CpuProfile {
  readonly nodes: readonly {
    readonly id: number;
    readonly callFrame: { readonly functionName: string; readonly url: string };
    readonly children?: readonly number[];
  }[];
  /** Node id of each sample. */
  readonly samples: readonly number[];
  /** µs between samples (the first from the profile's start). */
  readonly timeDeltas: readonly number[];
}

/** Where a benchmark's server spends its CPU, by kind of work. */
export type CpuKind =
  | 'SQLite (better-sqlite3, kysely, @hannun/store)'
  | 'crypto (ES256 by jose on WebCrypto, X.509, random)'
  | 'HTTP and TLS (node, fastify, undici)'
  | 'Temporal (polyfill)'
  | 'logging and metrics'
  | 'garbage collection'
  | 'Hannun code (spec, ca, provider, infra)'
  | 'other (node internals, async bookkeeping, V8)';

const HTTP_NATIVE = new Set(['writev', 'writeUtf8String', 'writeLatin1String', 'writeBuffer', 'readStop', 'onread']);

/** The kind of work a frame does, by its script and name (the frame where a sample landed: self time). */
export function cpuKindOf(frame: { readonly functionName: string; readonly url: string }): CpuKind | 'idle' {
  const { url, functionName: name } = frame;
  if (name === '(idle)') return 'idle';
  if (name === '(garbage collector)') return 'garbage collection';
  if (/better-sqlite3|\/kysely\/|\/packages\/store\//.test(url))
    return 'SQLite (better-sqlite3, kysely, @hannun/store)';
  if (/\/jose\/|^node:internal\/crypto\/|\/asn1js\/|\/@peculiar\//.test(url)) {
    return 'crypto (ES256 by jose on WebCrypto, X.509, random)';
  }
  if (
    /^node:(_http|_tls|tls|net|https|http|internal\/(streams|stream_base_commons|http|tls|net))/.test(url) ||
    /\/(fastify|undici|find-my-way|light-my-request|@fastify)\//.test(url) ||
    (url === '' && HTTP_NATIVE.has(name))
  ) {
    return 'HTTP and TLS (node, fastify, undici)';
  }
  if (url.includes('temporal-polyfill')) return 'Temporal (polyfill)';
  if (/\/(pino|pino-std-serializers|@pinojs|prom-client)\/|\/packages\/infra\/src\/(logging|metrics)\//.test(url)) {
    return 'logging and metrics';
  }
  if (url.includes('/packages/')) return 'Hannun code (spec, ca, provider, infra)';
  return 'other (node internals, async bookkeeping, V8)';
}

/** V8's own entries: never a native function of some script. */
const V8_ENTRIES = new Set(['(idle)', '(garbage collector)', '(program)', '(root)']);

/**
 * CPU time (ms) by kind of work: each sample's interval to its own frame; idle left out. A native function (no
 * script: better-sqlite3's `run`, a crypto job, a socket write) counts as the kind of the script that called it.
 */
export function categoriseProfile(profile: CpuProfile): Map<CpuKind, number> {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parentOf = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parentOf.set(c, n.id);
  const kinds = new Map<number, CpuKind | 'idle'>();
  const kindOf = (id: number): CpuKind | 'idle' => {
    const known = kinds.get(id);
    if (known !== undefined) return known;
    const frame = byId.get(id)?.callFrame ?? { functionName: '(program)', url: '' };
    let kind = cpuKindOf(frame);
    if (
      frame.url === '' &&
      kind === 'other (node internals, async bookkeeping, V8)' &&
      !V8_ENTRIES.has(frame.functionName)
    ) {
      const parent = parentOf.get(id);
      if (parent !== undefined) kind = kindOf(parent);
    }
    kinds.set(id, kind);
    return kind;
  };
  const out = new Map<CpuKind, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    // A sample stands for the time until the next one (the last sample's length is unknown: left out).
    const us = profile.timeDeltas[i + 1];
    if (us === undefined) continue;
    const kind = kindOf(profile.samples[i]!);
    if (kind === 'idle') continue;
    out.set(kind, (out.get(kind) ?? 0) + us / 1000);
  }
  return out;
}

/** Adds `b` into `a`. */
export function addKinds(a: Map<CpuKind, number>, b: ReadonlyMap<CpuKind, number>): void {
  for (const [k, v] of b) a.set(k, (a.get(k) ?? 0) + v);
}

/** "SQLite … 24.1 ms (30%); crypto … 17.0 ms (21%); …": largest first, per `per` (e.g. per round). */
export function describeKinds(kinds: ReadonlyMap<CpuKind, number>, per: number): string {
  const total = [...kinds.values()].reduce((a, b) => a + b, 0);
  if (total <= 0 || per <= 0) return 'no samples';
  return [...kinds]
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k} ${(v / per).toFixed(1)} ms (${Math.round((100 * v) / total)}%)`)
    .join('; ');
}
