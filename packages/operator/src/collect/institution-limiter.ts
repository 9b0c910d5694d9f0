/**
 * At most `limit` calls in flight per institution from this process (all jobs together), the others wait
 * their turn in order. Different institutions never wait for each other.
 */
export interface InstitutionLimiter {
  run<T>(orgCode: string, fn: () => Promise<T>): Promise<T>;
  /** Calls in flight for an institution (tests, metrics). */
  inFlight(orgCode: string): number;
  /** Calls waiting for their turn at an institution. */
  waiting(orgCode: string): number;
}

export function createInstitutionLimiter(limit: number): InstitutionLimiter {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError('the per-institution limit must be at least 1');
  const active = new Map<string, number>();
  const waiting = new Map<string, (() => void)[]>();
  const release = (org: string) => {
    const next = waiting.get(org)?.shift();
    if (next) next();
    else active.set(org, (active.get(org) ?? 1) - 1);
  };
  return {
    async run(org, fn) {
      if ((active.get(org) ?? 0) < limit) active.set(org, (active.get(org) ?? 0) + 1);
      else {
        await new Promise<void>((resolve) => {
          const q = waiting.get(org) ?? [];
          q.push(resolve);
          waiting.set(org, q);
        });
      }
      try {
        return await fn();
      } finally {
        release(org);
      }
    },
    inFlight: (org) => active.get(org) ?? 0,
    waiting: (org) => waiting.get(org)?.length ?? 0,
  };
}
