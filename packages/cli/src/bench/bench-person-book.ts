import type { CustomerBook, InstitutionBook } from '@hannun/provider';

/** A customer book under another CI: the same data, read through. */
function underCi(book: CustomerBook, ci: string): CustomerBook {
  return {
    ci,
    ...(book.pure ? { pure: true } : {}),
    holdings: (listApi, now) => book.holdings(listApi, now),
    snapshot: (apiId, holding, ctx) => book.snapshot(apiId, holding, ctx),
    series: (apiId, holding, ctx) => book.series(apiId, holding, ctx),
  };
}

/**
 * An institution's book in which each of `people` (CIs) is a customer holding exactly what the ledger's customer
 * `stand-in` holds there; everyone else is as the book has them. The benchmark needs people who are customers
 * of all 30 institutions, and the synthetic ledger has nobody who banks with 30; each person's data at one
 * institution is a real ledger customer's, so the reads behind 통합인증-002 and the check chain are the real ones.
 * Throws when the stand-in is not a customer of the book.
 */
export function bookWithPeople(inner: InstitutionBook, standIn: string, people: readonly string[]): InstitutionBook {
  const source = inner.customer(standIn);
  if (!source) throw new Error(`${standIn.slice(0, 8)}… is not a customer of ${inner.orgCode}`);
  const mapped = new Map(people.map((ci) => [ci, underCi(source, ci)]));
  return {
    orgCode: inner.orgCode,
    customer: (ci) => mapped.get(ci) ?? inner.customer(ci),
    *customers() {
      yield* mapped.keys();
      for (const ci of inner.customers()) if (!mapped.has(ci)) yield ci;
    },
  };
}
