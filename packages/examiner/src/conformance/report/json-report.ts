import { isRspCode, RSP_CODES } from '@hannun/spec';
import type { CaseResult, Exchange } from '../case-types.ts';
import type { ConformanceRun, TargetReport } from '../run/run-conformance.ts';
import type { Summary } from '../run/summary.ts';

export interface CaseRow {
  readonly id: string;
  readonly orgCode: string;
  readonly industry: string;
  readonly apiId: string;
  readonly category: string;
  readonly title: string;
  readonly negative: boolean;
  readonly provisional?: string;
  readonly expected: { readonly rspCodes: readonly string[]; readonly http: readonly number[] };
  readonly actual?: { readonly rspCode?: string; readonly http?: number };
  readonly verdict: string;
  readonly problems: readonly string[];
  readonly setup: readonly Exchange[];
  readonly exchanges: readonly Exchange[];
}

export interface JsonReport {
  readonly tool: 'hannun conformance';
  readonly standard: string;
  readonly startedAt: string;
  readonly durationMs: number;
  readonly summary: Summary;
  readonly targets: readonly TargetReport[];
  readonly cases: readonly CaseRow[];
}

export function caseRow(r: CaseResult): CaseRow {
  const c = r.case;
  return {
    id: c.id,
    orgCode: c.orgCode,
    industry: c.industry,
    apiId: c.apiId,
    category: c.category,
    title: c.title,
    negative: c.negative,
    ...(c.provisional ? { provisional: c.provisional } : {}),
    expected: c.expect.oauth
      ? { rspCodes: [c.expect.oauth.error ?? 'granted'], http: [c.expect.oauth.status] }
      : {
          rspCodes: c.expect.rspCodes,
          http: [...new Set(c.expect.rspCodes.filter(isRspCode).map((code) => RSP_CODES[code].http))],
        },
    ...(r.actual !== undefined || r.status !== undefined
      ? { actual: { ...(r.actual ? { rspCode: r.actual } : {}), ...(r.status ? { http: r.status } : {}) } }
      : {}),
    verdict: r.verdict,
    problems: r.problems,
    setup: r.setup,
    exchanges: r.exchanges,
  };
}

/** The run as data: summary, targets (with discovery's requests), one row per case. Tokens are never in it. */
export function jsonReport(run: ConformanceRun): JsonReport {
  return {
    tool: 'hannun conformance',
    standard: '금융분야 마이데이터 표준 API 규격 (information APIs), as @hannun/spec holds it',
    startedAt: run.startedAt,
    durationMs: run.durationMs,
    summary: run.summary,
    targets: run.targets,
    cases: run.results.map(caseRow),
  };
}
