import type { CustomerBook, InstitutionBook } from '../ledger/ledger.ts';
import { type CheckFailure, fail } from './check-failure.ts';

/** Step 9, 40403: the consent's data subject must be a customer of this institution. */
export function findCustomer(book: InstitutionBook, ci: string): CustomerBook | CheckFailure {
  return book.customer(ci) ?? fail('40403', undefined, 'the consent names no customer of this institution');
}
