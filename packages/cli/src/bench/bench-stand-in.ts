import { apiKind, createLedger, type Institution, type InstitutionBook, kstDate, kstDateTime } from '@hannun/provider';
import { apisForIndustry } from '@hannun/spec';

/** Enough customers that every institution, the clones included, has some with a live asset. */
export const BENCH_LEDGER_CUSTOMERS = 150;
const HISTORY_MONTHS = 6;

/** The synthetic ledger behind the integrated-auth benchmark's institutions: six months up to `nowMs`. */
export function benchLedger(institutions: readonly Institution[], nowMs: number): ReadonlyMap<string, InstitutionBook> {
  return createLedger({
    institutions,
    customers: BENCH_LEDGER_CUSTOMERS,
    seed: 'integrated-auth-bench',
    start: kstDate(nowMs).subtract({ months: HISTORY_MONTHS }),
  });
}

/** The list APIs of an institution's industry (은행-001, 카드-001 …): what 통합인증-002 reads a customer's assets from. */
export function listApisOf(institution: Pick<Institution, 'industry'>): string[] {
  const apis = apisForIndustry(institution.industry);
  return apis.filter((a) => apiKind(a, institution.industry, apis) === 'list').map((a) => a.id);
}

/**
 * The first customer of the book with a normal asset on one of the industry's lists at `nowMs`: who the benchmark's
 * people stand in for at this institution. Reading the holdings generates that customer's months, so the measured
 * rounds never pay for the synthetic data's generation. Throws when nobody qualifies.
 */
export function standInOf(book: InstitutionBook, institution: Institution, nowMs: number): string {
  const now = kstDateTime(nowMs);
  const lists = listApisOf(institution);
  for (const ci of book.customers()) {
    const customer = book.customer(ci);
    if (lists.some((api) => customer?.holdings(api, now).some((h) => h.status === 'normal'))) return ci;
  }
  throw new Error(`no customer of ${institution.orgCode} holds a live asset`);
}
