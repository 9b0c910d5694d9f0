import { INDUSTRY_SCOPES, isIndustry, type Industry, listScope } from '@hannun/spec';
import type { AuthPath, ConsentDraft, ConsentFlags } from '../../consent/consent-draft.ts';
import { invalid } from '../../shared/operator-error.ts';
import { formatYmd, kstDate } from '../../time/kst.ts';

/** The app's default texts for items 6 and 7 (purpose, retention) when the person keeps them. */
export const DEFAULT_PURPOSE = '자산 통합조회 및 분석';
export const DEFAULT_PERIOD = '서비스 탈퇴 또는 전송요구 철회 시까지';

/** The choices common to one institution or a whole sector, as the app sends them (defaults filled in). */
export type DraftChoices = Omit<ConsentDraft, 'orgCode' | 'scopes' | 'target' | 'assets'> & {
  readonly scopes?: readonly string[];
};

const bool = (v: unknown, field: string, fallback: boolean): boolean => {
  if (v === undefined) return fallback;
  if (typeof v !== 'boolean') throw invalid(field, 'must be true or false', 'true 또는 false여야 합니다');
  return v;
};

const text = (v: unknown, field: string, fallback: string): string => {
  if (v === undefined) return fallback;
  if (typeof v !== 'string' || v.length > 200)
    throw invalid(field, 'must be text of at most 200 characters', '200자 이하의 글이어야 합니다');
  return v;
};

export function authPathOf(v: unknown): AuthPath {
  if (v !== 'integrated' && v !== 'individual') {
    throw invalid('authPath', "must be 'integrated' or 'individual'", "'integrated' 또는 'individual'이어야 합니다");
  }
  return v;
}

export function flagsOf(v: unknown, fallback: ConsentFlags): ConsentFlags {
  if (v === undefined) return fallback;
  if (typeof v !== 'object' || v === null || Array.isArray(v))
    throw invalid('flags', 'must be an object', '객체여야 합니다');
  const f = v as Record<string, unknown>;
  return {
    transMemo: bool(f.transMemo, 'flags.transMemo', fallback.transMemo),
    merchantNameRegno: bool(f.merchantNameRegno, 'flags.merchantNameRegno', fallback.merchantNameRegno),
    transCategory: bool(f.transCategory, 'flags.transCategory', fallback.transCategory),
  };
}

export function scopesOf(v: unknown): string[] | undefined {
  if (v === undefined) return undefined;
  if (!Array.isArray(v) || v.length === 0 || v.length > 20 || !v.every((s) => typeof s === 'string')) {
    throw invalid('scopes', 'must be a non-empty list of scopes', 'scope 목록이어야 합니다');
  }
  return v as string[];
}

/** The seven items' choices from a request body, with the app's defaults (1 year, weekly, purpose, retention). */
export function choicesOf(body: Record<string, unknown>, nowMs: number): DraftChoices {
  const scopes = scopesOf(body.scopes);
  return {
    authPath: authPathOf(body.authPath),
    ...(scopes ? { scopes } : {}),
    isScheduled: bool(body.isScheduled, 'isScheduled', true),
    fndCycle: text(body.fndCycle, 'fndCycle', '1/w'),
    addCycle: text(body.addCycle, 'addCycle', '1/w'),
    endDate: text(body.endDate, 'endDate', formatYmd(kstDate(nowMs).add({ years: 1 }))),
    purpose: text(body.purpose, 'purpose', DEFAULT_PURPOSE),
    period: text(body.period, 'period', DEFAULT_PERIOD),
    flags: flagsOf(body.flags, { transMemo: false, merchantNameRegno: false, transCategory: false }),
  };
}

/** The draft for one institution: every asset, the chosen scopes or all of the industry's. */
export function draftFor(orgCode: string, industry: Industry, c: DraftChoices): ConsentDraft {
  const scopes = c.scopes ?? INDUSTRY_SCOPES[industry].filter((s) => s !== listScope(industry));
  return { ...c, orgCode, scopes, target: 'all', assets: [] };
}

export function industryOf(v: unknown): Industry {
  if (typeof v !== 'string' || !isIndustry(v)) throw invalid('industry', 'is not an industry', '업권 코드가 아닙니다');
  return v;
}

export function orgCodesOf(v: unknown): string[] {
  if (!Array.isArray(v) || v.length === 0 || v.length > 100 || !v.every((s) => typeof s === 'string')) {
    throw invalid('orgCodes', 'must list 1–100 org_codes', '기관코드를 1~100개 선택하세요');
  }
  if (new Set(v).size !== v.length)
    throw invalid('orgCodes', 'lists an institution twice', '같은 기관이 두 번 있습니다');
  return v as string[];
}

/** Changes to a live consent (전송요구 변경): only what is sent changes. */
export function changesOf(body: Record<string, unknown>): Partial<Omit<ConsentDraft, 'orgCode'>> {
  const out: Record<string, unknown> = {};
  if (body.authPath !== undefined) out.authPath = authPathOf(body.authPath);
  const scopes = scopesOf(body.scopes);
  if (scopes) out.scopes = scopes;
  if (body.isScheduled !== undefined) out.isScheduled = bool(body.isScheduled, 'isScheduled', true);
  for (const f of ['fndCycle', 'addCycle', 'endDate', 'purpose', 'period'] as const) {
    if (body[f] !== undefined) out[f] = text(body[f], f, '');
  }
  if (body.flags !== undefined) {
    out.flags = flagsOf(body.flags, { transMemo: false, merchantNameRegno: false, transCategory: false });
  }
  if (Object.keys(out).length === 0) throw invalid('body', 'changes nothing', '바꿀 항목이 없습니다');
  return out as Partial<Omit<ConsentDraft, 'orgCode'>>;
}
