import type { Temporal } from 'temporal-polyfill';
import { assetApplies } from '../check-chain/asset-applies.ts';
import type { CompiledApi } from '../engine/compile-api.ts';
import type { CustomerBook, Holding, InstitutionBook, Row } from '../ledger/ledger.ts';

/**
 * For one information API, the institution and customer of the ledger its matrix cases are about, found
 * by searching the customers: one with a normal asset the API answers for and, as far as the data allows,
 * at an institution where someone else holds such an asset too, with a second item to page to and a second
 * asset to replay a cursor against. An asset not in its normal state is looked for at every institution of
 * the industry (its own first).
 */
export interface LedgerChoice {
  readonly org: string;
  readonly ci: string;
  /** The subject's normal asset the valid request names (APIs about one asset). */
  readonly holding: Holding | undefined;
  /** Request fields beyond the asset's key (보험-003 insured_no, 보험-007 car_number). */
  readonly extra: Readonly<Record<string, string>>;
  /** Items the valid request's answer has (1 for a body). */
  readonly items: number;
  readonly second: Holding | undefined;
  /** Another customer's asset of the same kind at the institution. */
  readonly theirs: Holding | undefined;
  /**
   * An asset of the kind not in its normal state, its holder and institution: at `org` when one is there,
   * else at another institution of the industry.
   */
  readonly abnormal: { readonly holding: Holding; readonly ci: string; readonly org: string } | undefined;
}

export interface ChoiceInputs {
  readonly orgs: readonly string[];
  readonly books: ReadonlyMap<string, InstitutionBook>;
  readonly now: Temporal.PlainDateTime;
  /** The inner values of the valid request for a holding (with its extra fields). */
  readonly request: (
    api: CompiledApi,
    org: string,
    holding: Holding | undefined,
    extra: Readonly<Record<string, string>>,
  ) => Row;
}

/** Customers' assets this API is about, at one institution: every status. */
function assetsOf(api: CompiledApi, cb: CustomerBook, now: Temporal.PlainDateTime): readonly Holding[] {
  const target = api.asset;
  if (!target) return [];
  return cb.holdings(target.listApi, now).filter((h) => assetApplies(h, target.scope));
}

/** The extra request fields an asset needs beyond its key: the ones its basic information names. */
export function extraFields(
  api: CompiledApi,
  cb: CustomerBook,
  h: Holding,
  now: Temporal.PlainDateTime,
): Record<string, string> {
  const first = (apiId: string, list: string, field: string): string | undefined => {
    const items = cb.snapshot(apiId, h, { request: {}, now })?.body[list];
    const value = Array.isArray(items) ? (items[0] as Row | undefined)?.[field] : undefined;
    return typeof value === 'string' ? value : undefined;
  };
  const extra: Record<string, string> = {};
  const names = new Set(api.requestShape.map((n) => n.name));
  if (names.has('insured_no')) extra['insured_no'] = first('보험-002', 'insured_list', 'insured_no') ?? '01';
  if (names.has('car_number')) extra['car_number'] = first('보험-004', 'car_insu_list', 'car_number') ?? '00가0000';
  return extra;
}

/** How many items the API answers for (a body counts 1), or -1 when it answers 40402. */
function itemsOf(
  api: CompiledApi,
  cb: CustomerBook,
  h: Holding | undefined,
  request: Row,
  now: Temporal.PlainDateTime,
) {
  const ctx = { request, now };
  switch (api.kind) {
    case 'api-list':
    case 'consents':
      return 1;
    case 'list':
      return cb.holdings(api.id, now).length;
    case 'snapshot':
      return cb.snapshot(api.id, h ?? null, ctx) ? 1 : -1;
    case 'series':
      return cb.series(api.id, h ?? null, ctx).length;
  }
}

interface Scored extends LedgerChoice {
  readonly score: number;
}

/** The best institution and customer for the API, or undefined when no customer anywhere has what it needs. */
export function chooseFor(api: CompiledApi, inputs: ChoiceInputs): LedgerChoice | undefined {
  const { now } = inputs;
  const most = api.paginated ? 2 : 1;
  const max = 16 + most * 4 + 2 + 1;
  const customersOf = (org: string) => {
    const book = inputs.books.get(org);
    return book ? [...book.customers()].map((ci) => book.customer(ci)).filter((c) => c !== undefined) : [];
  };
  const abnormalAt = new Map<string, LedgerChoice['abnormal']>();
  for (const org of inputs.orgs) {
    for (const cb of customersOf(org)) {
      const h = assetsOf(api, cb, now).find((x) => x.status !== 'normal');
      if (h) {
        abnormalAt.set(org, { holding: h, ci: cb.ci, org });
        break;
      }
    }
  }
  const anyAbnormal = abnormalAt.values().next().value;
  let best: Scored | undefined;
  for (const org of inputs.orgs) {
    const customers = customersOf(org);
    const holders = customers.filter((cb) => assetsOf(api, cb, now).length > 0);
    const abnormal = abnormalAt.get(org) ?? anyAbnormal;
    for (const cb of api.asset ? holders : customers) {
      const theirs = holders.filter((o) => o !== cb).flatMap((o) => assetsOf(api, o, now))[0];
      const normal = assetsOf(api, cb, now).filter((h) => h.status === 'normal');
      const targets: (Holding | undefined)[] = api.asset ? normal.slice(0, 3) : [undefined];
      for (const holding of targets) {
        const extra = holding ? extraFields(api, cb, holding, now) : {};
        const items = itemsOf(api, cb, holding, inputs.request(api, org, holding, extra), now);
        if (items < 0) continue;
        const second = normal.find((h) => h !== holding);
        // What each gives the matrix: 40402 (theirs); the cursor cases (a second item); the replay against
        // another asset (a second asset); an abnormal asset at the case's own institution is only neater.
        const score =
          (theirs || !api.asset ? 16 : 0) +
          Math.min(items, most) * 4 +
          (second || !api.asset ? 2 : 0) +
          (abnormal?.org === org || !api.asset ? 1 : 0);
        if (!best || score > best.score) {
          best = { org, ci: cb.ci, holding, extra, items, second, theirs, abnormal, score };
          if (score === max) return best;
        }
      }
    }
  }
  return best;
}
