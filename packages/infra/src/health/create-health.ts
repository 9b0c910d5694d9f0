/**
 * A readiness check, e.g. `() => db.ping()`: ready when it returns or resolves; not ready when it throws,
 * rejects, returns `false` or outlasts the timeout.
 */
export type ReadinessCheck = () => unknown;

export interface CheckResult {
  readonly status: 'ok' | 'fail';
  readonly durationMs: number;
}

export interface ReadinessReport {
  readonly status: 'ok' | 'unavailable';
  readonly checks: Readonly<Record<string, CheckResult>>;
  /** Names of the failing checks (and `shutting_down` while the service stops). */
  readonly failing: readonly string[];
}

export interface Health {
  /** Register a check, e.g. `addCheck('database', () => db.ping())`. Names must be unique. */
  addCheck(name: string, check: ReadinessCheck): void;
  /** Run every check (concurrently, each bounded by the timeout). */
  check(): Promise<ReadinessReport>;
  /** From now on readiness fails with `shutting_down`, so load balancers stop sending traffic. */
  markShuttingDown(): void;
}

export interface HealthOptions {
  /** A check slower than this fails. Default 2000 ms. */
  readonly timeoutMs?: number;
  /** Told about each failing check (the error stays in the log, never in the response). */
  readonly onFailure?: (name: string, error: unknown) => void;
}

const SHUTTING_DOWN = 'shutting_down';

async function runOne(check: ReadinessCheck, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`readiness check timed out after ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    const ok = await Promise.race([Promise.resolve().then(check), timeout]);
    if (ok === false) throw new Error('readiness check returned false');
  } finally {
    clearTimeout(timer);
  }
}

export function createHealth(opts: HealthOptions = {}): Health {
  const checks = new Map<string, ReadinessCheck>();
  const timeoutMs = opts.timeoutMs ?? 2000;
  let shuttingDown = false;
  return {
    addCheck(name, check) {
      if (checks.has(name)) throw new Error(`a readiness check named '${name}' is already registered`);
      checks.set(name, check);
    },
    async check() {
      const entries = await Promise.all(
        [...checks].map(async ([name, check]): Promise<[string, CheckResult]> => {
          const started = performance.now();
          let status: CheckResult['status'] = 'ok';
          try {
            await runOne(check, timeoutMs);
          } catch (error) {
            status = 'fail';
            opts.onFailure?.(name, error);
          }
          return [name, { status, durationMs: Math.round(performance.now() - started) }];
        }),
      );
      const failing = entries.filter(([, r]) => r.status === 'fail').map(([name]) => name);
      if (shuttingDown) failing.push(SHUTTING_DOWN);
      return { status: failing.length ? 'unavailable' : 'ok', checks: Object.fromEntries(entries), failing };
    },
    markShuttingDown() {
      shuttingDown = true;
    },
  };
}
