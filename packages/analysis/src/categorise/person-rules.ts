import { AnalysisError } from '../shared/analysis-error.ts';
import { categoryOf, isCategory, UNCATEGORISED } from './categories.ts';
import { normaliseMerchant } from './normalise-merchant.ts';

export type RuleMatch = 'exact' | 'contains' | 'prefix';

/** A person's rule: merchants matching the pattern (and amount range) go to the category. */
export interface PersonRule {
  readonly id?: string;
  readonly match: RuleMatch;
  /** As the person wrote it; compared after normaliseMerchant. */
  readonly pattern: string;
  readonly category: string;
  /** Outflows only in this range of KRW (inclusive), when given. */
  readonly minAmount?: number;
  readonly maxAmount?: number;
}

/** A rule checked and ready to match (its pattern normalised). */
export interface CheckedRule extends PersonRule {
  readonly normalised: string;
}

const MATCHES: readonly RuleMatch[] = ['exact', 'contains', 'prefix'];

/**
 * Checks a rule a person wrote; a malformed one is refused with a code, the field and a message in Korean and
 * English. Nothing is stored for a refused rule.
 */
export function checkRule(input: unknown): CheckedRule {
  if (typeof input !== 'object' || input === null) {
    throw new AnalysisError('ANALYSIS_RULE_PATTERN', 'rule', 'must be an object', '규칙 형식이 올바르지 않습니다');
  }
  const r = input as Record<string, unknown>;
  const match = r.match ?? 'contains';
  if (typeof match !== 'string' || !MATCHES.includes(match as RuleMatch)) {
    throw new AnalysisError(
      'ANALYSIS_RULE_MATCH',
      'match',
      'must be one of exact, contains, prefix',
      '일치 방식은 exact(정확히), contains(포함), prefix(시작) 중 하나여야 합니다',
    );
  }
  if (typeof r.pattern !== 'string' || r.pattern.trim() === '') {
    throw new AnalysisError(
      'ANALYSIS_RULE_PATTERN',
      'pattern',
      'must name the merchant (1–60 characters)',
      '가맹점 이름을 1~60자로 입력하세요',
    );
  }
  if ([...r.pattern].length > 60) {
    throw new AnalysisError(
      'ANALYSIS_RULE_PATTERN',
      'pattern',
      'is longer than 60 characters',
      '60자 이하로 입력하세요',
    );
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
  if (/[\u0000-\u001f\u007f]/.test(r.pattern)) {
    throw new AnalysisError(
      'ANALYSIS_RULE_PATTERN',
      'pattern',
      'contains control characters',
      '사용할 수 없는 문자가 있습니다',
    );
  }
  const normalised = normaliseMerchant(r.pattern);
  if (normalised.length < 2) {
    throw new AnalysisError(
      'ANALYSIS_RULE_PATTERN',
      'pattern',
      'is too short once spaces, branch names and legal forms are removed (at least 2 characters)',
      '지점명·법인 표기·공백을 빼면 너무 짧습니다 (2자 이상)',
    );
  }
  if (typeof r.category !== 'string' || !isCategory(r.category) || r.category === UNCATEGORISED) {
    throw new AnalysisError(
      'ANALYSIS_RULE_CATEGORY',
      'category',
      'is not a category (see GET /api/analysis/categories)',
      '없는 분류입니다. 분류 목록에서 고르세요',
    );
  }
  const amount = (field: 'minAmount' | 'maxAmount'): number | undefined => {
    const v = r[field];
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) {
      throw new AnalysisError(
        'ANALYSIS_RULE_AMOUNT',
        field,
        'must be a whole number of won, 0 or more',
        '0 이상의 원 단위 정수여야 합니다',
      );
    }
    return v;
  };
  const minAmount = amount('minAmount');
  const maxAmount = amount('maxAmount');
  if (minAmount !== undefined && maxAmount !== undefined && minAmount > maxAmount) {
    throw new AnalysisError(
      'ANALYSIS_RULE_AMOUNT',
      'maxAmount',
      'is below minAmount',
      '최대 금액이 최소 금액보다 작습니다',
    );
  }
  return {
    ...(typeof r.id === 'string' ? { id: r.id } : {}),
    match: match as RuleMatch,
    pattern: r.pattern.trim(),
    normalised,
    category: r.category,
    ...(minAmount !== undefined ? { minAmount } : {}),
    ...(maxAmount !== undefined ? { maxAmount } : {}),
  };
}

/** Does the rule apply to this merchant (normalised) and amount (signed, outflow negative)? */
export function ruleMatches(rule: CheckedRule, normalised: string, amount: number): boolean {
  const ok =
    rule.match === 'exact'
      ? normalised === rule.normalised
      : rule.match === 'prefix'
        ? normalised.startsWith(rule.normalised)
        : normalised.includes(rule.normalised);
  if (!ok) return false;
  const size = Math.abs(amount);
  if (rule.minAmount !== undefined && size < rule.minAmount) return false;
  if (rule.maxAmount !== undefined && size > rule.maxAmount) return false;
  return true;
}

/** The rule in words, for the person. */
export function describeRule(rule: PersonRule): { ko: string; en: string } {
  const cat = categoryOf(rule.category);
  const how = {
    exact: ['이(가) 정확히', 'is exactly'],
    contains: ['을(를) 포함하면', 'contains'],
    prefix: ['(으)로 시작하면', 'starts with'],
  }[rule.match];
  return {
    ko: `가맹점 이름이 '${rule.pattern}'${how[0]} ${cat?.ko ?? rule.category}`,
    en: `merchant name ${how[1]} '${rule.pattern}' → ${cat?.en ?? rule.category}`,
  };
}
