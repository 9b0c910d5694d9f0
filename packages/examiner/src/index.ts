// The public entry of @hannun/examiner: conformance of a provider to the standard, generated from @hannun/spec.
export type {
  CaseCategory,
  CaseResult,
  ConformanceCase,
  Exchange,
  Expectation,
  ForgedToken,
  GivenToken,
  ProbeRequest,
  TokenRef,
  TranIdRef,
  Verdict,
} from './conformance/case-types.ts';
export type { ConformanceTarget, TokenSet } from './conformance/target.ts';
export { type Discovery, discover, targetApis } from './conformance/discovery.ts';
export { generateCases } from './conformance/generate/generate-cases.ts';
export {
  type ConformanceOptions,
  type ConformanceRun,
  runConformance,
  type TargetReport,
} from './conformance/run/run-conformance.ts';
export { closingLine, type Summary, type Tally } from './conformance/run/summary.ts';
export { peekClaims } from './conformance/run/forge-tokens.ts';
export { type CaseRow, jsonReport, type JsonReport } from './conformance/report/json-report.ts';
export { htmlReport } from './conformance/report/html-report.ts';
export { redactSecrets, secretsOf } from './conformance/report/redact.ts';
export { type WrittenReports, writeReports } from './conformance/report/write-reports.ts';
export { type KnownSecrets, masked, type Needle, needlesOf, type SecretKind } from './security/known-secrets.ts';
export { type Finding, passesLuhn, type ScanPatterns, scanLogLines, scanRows, scanText } from './security/scan-text.ts';
export { scanDatabaseFiles, scanLogFiles } from './security/scan-files.ts';
export {
  type FaultFront,
  type FaultFrontOptions,
  type Injected,
  startFaultFront,
} from './faults/fault-front.ts';
export { ANSWER_FAULTS, type Fault, FAULTS, faultPicker, seededRandom } from './faults/fault-kinds.ts';
// Operator checks (issue #9 item 2): the recording provider, its recorder and the judge.
export { type CallRecord, describeCall, type TokenIdentity } from './operator-checks/call-record.ts';
export { createRecorder, type Recorder, type RecorderOptions } from './operator-checks/recorder.ts';
export {
  judgeOperator,
  OPERATOR_RULES,
  type OperatorVerdict,
  type RuleResult,
  verdictLine,
} from './operator-checks/judge.ts';
export type { Offence, OperatorRule, RuleVerdict } from './operator-checks/rules/rule.ts';
export {
  type ExaminedOperator,
  type GrantOptions,
  type IssuedPair,
  type RecordingProvider,
  type RecordingProviderOptions,
  startRecordingProvider,
} from './operator-checks/recording-provider.ts';
export { type OperatorReport, operatorReport, type RunInfo } from './operator-checks/report/operator-report.ts';
export { operatorHtml } from './operator-checks/report/operator-html.ts';
export { writeOperatorReports } from './operator-checks/report/write-operator-reports.ts';
