import type { CallRecord } from '../call-record.ts';
import type { OperatorVerdict } from '../judge.ts';

/** Where the recording provider ran and what an operator connected to. */
export interface RunInfo {
  readonly startedAt: string;
  readonly endedAt: string;
  readonly url: string;
  readonly institutions: readonly {
    readonly orgCode: string;
    readonly baseUrl: string;
    readonly npTimes: readonly string[];
  }[];
  readonly testPerson: string;
}

export interface OperatorReport {
  readonly standard: string;
  readonly run: RunInfo;
  readonly summary: {
    readonly passed: number;
    readonly failed: number;
    readonly notExercised: number;
    readonly calls: number;
  };
  readonly rules: readonly {
    readonly id: string;
    readonly title: string;
    readonly reference: string;
    readonly verdict: string;
    readonly considered: number;
    readonly offences: readonly { readonly seq: number; readonly reason: string }[];
  }[];
  /** Every call recorded, with the provider clock as ISO time. */
  readonly calls: readonly (CallRecord & { readonly at: string })[];
}

/** The JSON report: the summary, each rule with its verdict and offending calls (by number), every call. */
export function operatorReport(verdict: OperatorVerdict, records: readonly CallRecord[], run: RunInfo): OperatorReport {
  return {
    standard: '금융분야 마이데이터 표준 API 규격 §3.3, §5.1; 마이데이터 기술 가이드라인 (operator checks, issue #9)',
    run,
    summary: {
      passed: verdict.passed,
      failed: verdict.failed,
      notExercised: verdict.notExercised,
      calls: verdict.calls,
    },
    rules: verdict.rules.map((r) => ({
      id: r.id,
      title: r.title,
      reference: r.reference,
      verdict: r.verdict,
      considered: r.considered,
      offences: r.offences.map((o) => ({ seq: o.call.seq, reason: o.reason })),
    })),
    calls: records.map((r) => ({ ...r, at: new Date(r.atMs).toISOString() })),
  };
}
