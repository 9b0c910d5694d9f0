/** Codes of the refusals of @hannun/analysis (a person's malformed rule, a bad budget …). */
export type AnalysisErrorCode =
  | 'ANALYSIS_RULE_PATTERN'
  | 'ANALYSIS_RULE_MATCH'
  | 'ANALYSIS_RULE_CATEGORY'
  | 'ANALYSIS_RULE_AMOUNT'
  | 'ANALYSIS_CATEGORY'
  | 'ANALYSIS_BUDGET'
  | 'ANALYSIS_INPUT';

/** A refusal with a code, the field at fault and a message in Korean and English a person can act on. */
export class AnalysisError extends Error {
  readonly code: AnalysisErrorCode;
  readonly field: string;
  readonly ko: string;

  constructor(code: AnalysisErrorCode, field: string, en: string, ko: string) {
    super(`${field}: ${en}`);
    this.name = 'AnalysisError';
    this.code = code;
    this.field = field;
    this.ko = ko;
  }
}
