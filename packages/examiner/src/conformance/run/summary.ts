import type { CaseResult, Verdict } from '../case-types.ts';

export interface Tally {
  passed: number;
  failed: number;
  skipped: number;
}

export interface Summary extends Tally {
  /** Cases run (passed + failed). */
  readonly executed: number;
  /** Cases whose expectation is our reading of an unclear standard. */
  readonly provisional: number;
  readonly byIndustry: Readonly<Record<string, Tally>>;
  /** Keyed `<org_code> <API ID>`. */
  readonly byApi: Readonly<Record<string, Tally>>;
  readonly byCategory: Readonly<Record<string, Tally>>;
  /** Requests sent for the cases (setup, probes and every page of walks). */
  readonly requests: number;
}

const bump = (map: Record<string, Tally>, key: string, verdict: Verdict) => {
  map[key] ??= { passed: 0, failed: 0, skipped: 0 };
  map[key][verdict]++;
};

export function summarise(results: readonly CaseResult[]): Summary {
  const total: Tally = { passed: 0, failed: 0, skipped: 0 };
  const byIndustry: Record<string, Tally> = {};
  const byApi: Record<string, Tally> = {};
  const byCategory: Record<string, Tally> = {};
  let provisional = 0;
  let requests = 0;
  for (const r of results) {
    total[r.verdict]++;
    bump(byIndustry, r.case.industry, r.verdict);
    bump(byApi, `${r.case.orgCode} ${r.case.apiId}`, r.verdict);
    bump(byCategory, r.case.category, r.verdict);
    if (r.case.provisional) provisional++;
    requests += r.setup.length + r.exchanges.length;
  }
  return { ...total, executed: total.passed + total.failed, provisional, byIndustry, byApi, byCategory, requests };
}

/** The closing line of every run. */
export const closingLine = (s: Pick<Summary, 'passed' | 'failed'>) => `${s.passed} passed, ${s.failed} failed`;
