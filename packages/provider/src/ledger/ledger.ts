import type { InformationScope } from '@hannun/spec';
import type { Temporal } from 'temporal-polyfill';

/**
 * The contract between the synthetic data (what each institution holds for each customer) and the engine
 * that serves it through the check chain. The engine owns everything of the standard's protocol: envelope,
 * search_timestamp, pagination, consent gating, v1/v2, headers. A book owns only the data, as inner values
 * that `encodeMessage` of the API's response shape accepts (numbers, Decimal, Temporal dates, strings).
 */

/** One item or body as inner values, keyed by the standard's field names. */
export type Row = Readonly<Record<string, unknown>>;

/** The state of an asset. Anything but 'normal' answers 40305 on the APIs about that asset. */
export type HoldingStatus = 'normal' | 'dormant' | 'closed' | 'suspended' | 'lost' | 'matured';

/** One asset an institution holds for a customer: an account, card, policy, contract, loan, wallet. */
export interface Holding {
  /** Stable and unique within the institution; never shown on the wire (cursors bind to it). */
  readonly id: string;
  /** The list API that lists it: '은행-001', 'IRP-001', '카드-001', '선불-001', '전금-101' … */
  readonly listApi: string;
  /** The consent scope that covers the APIs about it: 'bank.deposit', 'bank.loan', 'card.card' … */
  readonly scope: InformationScope;
  /** Its key as requests name it, wire strings of the API's assetKeys: { account_num, seqno } or { card_id }. */
  readonly key: Readonly<Record<string, string>>;
  readonly status: HoldingStatus;
  /** The list API's item for it, without `is_consent` (the engine sets that from the consent). */
  readonly listItem: Row;
  /** When its list-level data last changed (opened, closed, renamed), epoch ms. */
  readonly changedAt: number;
  /** When it was opened; it is absent from lists before that. */
  readonly openedOn: Temporal.PlainDate;
}

/** What the engine passes to every read: the decoded request and the provider clock's time. */
export interface ReadContext {
  /** The decoded request (query or body) of the API, inner values. */
  readonly request: Row;
  /** The provider clock's current Korean date-time. Nothing after it exists yet. */
  readonly now: Temporal.PlainDateTime;
}

export interface Snapshot {
  /** The response body's own fields (no rsp_code, rsp_msg, search_timestamp, next_page). */
  readonly body: Row;
  /** When this data last changed, epoch ms: the engine answers 00001 when search_timestamp is not older. */
  readonly changedAt: number;
}

/** Everything one institution holds for one customer. */
export interface CustomerBook {
  /** The customer's CI (연계정보, Base64 of 88 characters). */
  readonly ci: string;
  /**
   * True when every read is a function of its arguments and the second of `now` alone (the generated
   * ledger): the engine may then keep answers for identical requests. A book whose data can change under
   * the same arguments (a test fixture) leaves it out.
   */
  readonly pure?: boolean;
  /** Assets listed by this list API at `now`, in a stable order (closed ones stay listed with their status). */
  holdings(listApi: string, now: Temporal.PlainDateTime): readonly Holding[];
  /**
   * A basic/detail-style API, about one asset or (holding null) about the customer (카드-003 points,
   * 카드-006 payments, 카드-010 loan flags …). undefined when this API has nothing for it (e.g. 은행-002 for a
   * loan account): the engine answers 40402.
   */
  snapshot(apiId: string, holding: Holding | null, ctx: ReadContext): Snapshot | undefined;
  /**
   * A paginated series API (transactions, approvals, bill details): every item the request selects (its
   * from/to dates or months, charge_month …) up to `now`, newest first, as the inner values of one item of
   * the response's list. The engine paginates. An empty array is a valid answer.
   */
  series(apiId: string, holding: Holding | null, ctx: ReadContext): readonly Row[];
}

/** Everything one institution holds. */
export interface InstitutionBook {
  readonly orgCode: string;
  customer(ci: string): CustomerBook | undefined;
  /** Every customer's CI, for the demo and the read-only test view. */
  customers(): Iterable<string>;
}
