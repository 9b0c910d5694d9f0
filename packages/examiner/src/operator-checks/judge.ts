import type { CallRecord } from './call-record.ts';
import { noSplitRule } from './rules/no-split.ts';
import { npTimeRule } from './rules/np-time.ts';
import { periodRule } from './rules/period.ts';
import { revocationRule } from './rules/revocation.ts';
import type { Offence, OperatorRule, RuleVerdict } from './rules/rule.ts';
import { scheduledCycleRule } from './rules/scheduled-cycle.ts';
import { tokenRefreshRule } from './rules/token-refresh.ts';

/** The rules, in the order the report shows them. */
export const OPERATOR_RULES: readonly OperatorRule[] = [
  scheduledCycleRule,
  npTimeRule,
  periodRule,
  noSplitRule,
  tokenRefreshRule,
  revocationRule,
];

export interface RuleResult {
  readonly id: string;
  readonly title: string;
  readonly reference: string;
  readonly verdict: RuleVerdict;
  readonly considered: number;
  readonly offences: readonly Offence[];
}

export interface OperatorVerdict {
  readonly rules: readonly RuleResult[];
  readonly calls: number;
  readonly passed: number;
  readonly failed: number;
  readonly notExercised: number;
}

/** Apply every rule to the recorded calls: per rule passed, failed (with the offending calls) or not exercised. */
export function judgeOperator(
  records: readonly CallRecord[],
  npTimes: ReadonlyMap<string, readonly string[]>,
  rules: readonly OperatorRule[] = OPERATOR_RULES,
): OperatorVerdict {
  const results = rules.map((rule): RuleResult => {
    const { considered, offences } = rule.judge({ records, npTimes });
    const verdict: RuleVerdict = offences.length > 0 ? 'failed' : considered === 0 ? 'not-exercised' : 'passed';
    return { id: rule.id, title: rule.title, reference: rule.reference, verdict, considered, offences };
  });
  const count = (v: RuleVerdict) => results.filter((r) => r.verdict === v).length;
  return {
    rules: results,
    calls: records.length,
    passed: count('passed'),
    failed: count('failed'),
    notExercised: count('not-exercised'),
  };
}

/** The closing line of every run: `N passed, N failed`. */
export const verdictLine = (v: OperatorVerdict): string => `${v.passed} passed, ${v.failed} failed`;
