import type { Institution } from '../../institutions/institution.ts';
import type { CustomerBook, InstitutionBook } from '../ledger.ts';
import type { Population } from '../life/population.ts';
import { LedgerCustomerBook } from './customer-book.ts';
import type { SeriesMemo } from './series-memo.ts';

/** Everything one institution holds: its customers are those whose plan has a product there. */
export class LedgerInstitutionBook implements InstitutionBook {
  readonly orgCode: string;
  /** Customer books already handed out, by population index: a book is stateless apart from its caches. */
  private readonly books = new Map<number, LedgerCustomerBook>();

  constructor(
    private readonly pop: Population,
    private readonly institution: Institution,
    private readonly memo: SeriesMemo,
  ) {
    this.orgCode = institution.orgCode;
  }

  customer(ci: string): CustomerBook | undefined {
    const index = this.pop.indexOf(ci);
    if (index === undefined) return undefined;
    const known = this.books.get(index);
    if (known) return known;
    if (!this.pop.plan(index).slots.some((s) => s.org === this.orgCode)) return undefined;
    const book = new LedgerCustomerBook(this.pop, index, this.orgCode, this.institution.industry, this.memo);
    this.books.set(index, book);
    return book;
  }

  *customers(): Iterable<string> {
    for (const index of this.pop.atInstitution.get(this.orgCode) ?? []) yield this.pop.plan(index).ci;
  }
}
