import type { CallRecord } from '../call-record.ts';

export type RuleVerdict = 'passed' | 'failed' | 'not-exercised';

/** A call that broke a rule, and why. */
export interface Offence {
  readonly call: CallRecord;
  readonly reason: string;
}

/** What the judge knows besides the calls: each institution's np_time windows. */
export interface JudgeContext {
  readonly records: readonly CallRecord[];
  readonly npTimes: ReadonlyMap<string, readonly string[]>;
}

export interface RuleFinding {
  /** The calls the rule looked at: none means "not exercised". */
  readonly considered: number;
  readonly offences: readonly Offence[];
}

/** One rule the judge applies to an operator's calls, with the standard's text it comes from. */
export interface OperatorRule {
  readonly id: string;
  readonly title: string;
  /** Where the standard says it (규격, 가이드라인, notes). */
  readonly reference: string;
  judge(ctx: JudgeContext): RuleFinding;
}
