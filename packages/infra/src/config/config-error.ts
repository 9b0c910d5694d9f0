/** One thing wrong with one environment variable. */
export interface ConfigProblem {
  readonly variable: string;
  /** What is wrong: `is required but not set`, `is not a whole number`, … */
  readonly rule: string;
  /** The value seen, quoted; `(hidden: secret)` for secret settings; absent when unset. */
  readonly seen?: string;
  /** What would be accepted. */
  readonly accepted: string;
  readonly description: string;
}

function line(p: ConfigProblem): string {
  const seen = p.seen === undefined ? '' : ` (got ${p.seen})`;
  return `  - ${p.variable} ${p.rule}${seen}. Accepted: ${p.accepted}. ${p.variable}: ${p.description}.`;
}

/** Every problem of the configuration at once, each naming the variable, the rule and what would do. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  readonly problems: readonly ConfigProblem[];

  constructor(problems: readonly ConfigProblem[]) {
    const n = problems.length;
    super(
      [
        `설정 오류: 환경 변수 ${n}개를 고쳐 주세요. / Invalid configuration: ${n} environment variable${n === 1 ? '' : 's'} to fix:`,
        ...problems.map(line),
        'Set them in the environment (e.g. `PORT=3001 npm start`) and start again.',
      ].join('\n'),
    );
    this.problems = problems;
  }
}
