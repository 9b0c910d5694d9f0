import type { Industry } from '@hannun/spec';
import type { Institution } from '../../institutions/institution.ts';
import type { Rng } from '../random/rng.ts';

/**
 * The institutions a plan can choose from, by industry. Earlier institutions of an industry are bigger
 * (more customers); a company group (누리은행, 누리카드, 누리캐피탈) attracts the customers of its bank.
 */
export class InstitutionPool {
  private readonly byIndustry = new Map<Industry, Institution[]>();
  /** A 3-digit bank code per bank org_code (linked_bank_code), fictional: 9 + the bank's place. */
  readonly bankCodes = new Map<string, string>();

  constructor(institutions: readonly Institution[]) {
    for (const inst of institutions) {
      const list = this.byIndustry.get(inst.industry) ?? [];
      list.push(inst);
      this.byIndustry.set(inst.industry, list);
    }
    (this.byIndustry.get('bank') ?? []).forEach((bank, i) => {
      this.bankCodes.set(bank.orgCode, String(901 + i).padStart(3, '0'));
    });
  }

  has(industry: Industry): boolean {
    return (this.byIndustry.get(industry)?.length ?? 0) > 0;
  }

  all(industry: Industry): readonly Institution[] {
    return this.byIndustry.get(industry) ?? [];
  }

  /** Pick one, preferring a group (45 %) and avoiding some org_codes when there is a choice. */
  pick(
    rng: Rng,
    industry: Industry,
    opts: { group?: string; avoid?: ReadonlySet<string> } = {},
  ): Institution | undefined {
    const list = this.byIndustry.get(industry) ?? [];
    if (list.length === 0) return undefined;
    const open = opts.avoid ? list.filter((inst) => !opts.avoid?.has(inst.orgCode)) : list;
    const choices = open.length > 0 ? open : list;
    if (opts.group && rng.chance(0.45)) {
      const same = choices.find((inst) => inst.group === opts.group);
      if (same) return same;
    }
    return rng.weighted(
      choices,
      choices.map((_, i) => 1 / Math.sqrt(i + 1)),
    );
  }
}
