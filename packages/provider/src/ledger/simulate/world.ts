import type { Institution } from '../../institutions/institution.ts';
import type { Market } from '../market/market.ts';
import { brandOf } from '../plan/product-names.ts';

/** What every customer of one ledger shares: the seed, the market, the institutions, the end of time. */
export class World {
  readonly instIndex = new Map<string, number>();
  readonly brands: readonly string[];

  constructor(
    readonly seed: number,
    readonly market: Market,
    readonly institutions: readonly Institution[],
    /** Last day anything happens (Infinity when the ledger runs with the clock). */
    readonly endDay: number,
  ) {
    institutions.forEach((inst, i) => {
      this.instIndex.set(inst.orgCode, i);
    });
    this.brands = institutions.map((inst) => brandOf(inst.name));
  }

  index(org: string): number {
    const i = this.instIndex.get(org);
    if (i === undefined) throw new Error(`unknown institution ${org}`);
    return i;
  }

  institution(org: string): Institution {
    const inst = this.institutions[this.index(org)];
    if (!inst) throw new Error(`unknown institution ${org}`);
    return inst;
  }

  name(org: string): string {
    return this.institution(org).name;
  }

  brand(org: string): string {
    return this.brands[this.index(org)] ?? '';
  }
}
