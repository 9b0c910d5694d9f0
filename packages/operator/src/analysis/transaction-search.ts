import type { Store } from '@hannun/store';
import type { OperatorCrypto } from '../crypto/operator-crypto.ts';
import type { Movement, TransactionPages } from '../model/transaction-pages.ts';
import type { OperatorDatabase } from '../schema/operator-database.ts';
import { type AnalysedTx, analysedTxQuery, toAnalysedTx } from './analysed-tx.ts';
import { ANALYSED_TABLES } from './tx-from-row.ts';

/** A categorised movement as the app lists it (`GET /api/analysis/transactions`). */

export interface AnalysedSearchRequest {
  /** Words in a merchant, memo or description (opened server-side; see model/transaction-pages.ts). */
  readonly text?: string;
  readonly direction?: 'in' | 'out';
  /** YYYYMMDD, inclusive. */
  readonly from?: string;
  readonly to?: string;
  readonly category?: string;
  readonly limit: number;
  readonly cursor?: string;
}

export interface AnalysedSearchPage {
  readonly transactions: readonly AnalysedTx[];
  readonly nextCursor: string | null;
  /** Movements read to answer. */
  readonly scanned: number;
  /** The search stopped after `maxScan` movements read: go on with nextCursor, or narrow the period. */
  readonly scanLimited: boolean;
}

/** Movements one search request reads at most (each opened with the person's key). */
export const SEARCH_MAX_SCAN = 5_000;
const COUNTED = [...ANALYSED_TABLES];
const CHUNK = 100;

/**
 * The person's categorised movements over the whole history, newest first, by keyset: the movement tables the
 * analysis counts are paged by `TransactionPages` (its signed cursor, its SQL conditions for the period and the
 * direction, its server-side text search over opened rows), and each page is joined to its categorised rows
 * (`op_an_tx`, same ids) for the category, the merchant and the person's edits. A category narrows after the
 * join; movements the analysis does not count (a cancelled approval, a payment made by card) are skipped.
 * Pages are read until `limit` rows are found or `maxScan` movements were read in all (`scanLimited`).
 */
export async function searchAnalysed(
  deps: { readonly pages: TransactionPages; readonly store: Store<OperatorDatabase>; readonly crypto: OperatorCrypto },
  personId: string,
  req: AnalysedSearchRequest,
  maxScan = SEARCH_MAX_SCAN,
): Promise<AnalysedSearchPage> {
  const out: AnalysedTx[] = [];
  let cursor = req.cursor;
  let scanned = 0;
  let scanLimited = false;
  let nextCursor: string | null = null;
  for (;;) {
    const page = await deps.pages.page(personId, {
      // Never more rows than are left of the scan budget (a category narrows after the read).
      limit: Math.min(req.limit - out.length, maxScan - scanned),
      tables: COUNTED,
      maxScan: maxScan - scanned,
      ...(req.text !== undefined ? { text: req.text } : {}),
      ...(req.direction !== undefined ? { direction: req.direction } : {}),
      ...(req.from !== undefined ? { from: req.from } : {}),
      ...(req.to !== undefined ? { to: req.to } : {}),
      ...(cursor !== undefined ? { cursor } : {}),
    });
    scanned += page.scanned;
    const rows = await analysedRows(
      deps,
      personId,
      page.items.map((m) => m.id),
    );
    for (const m of page.items) {
      const r = rows.get(m.id);
      if (r && (req.category === undefined || r.category === req.category))
        out.push({ ...r, merchant: ownName(m) ?? r.merchant });
    }
    nextCursor = page.nextCursor;
    if (nextCursor === null || out.length >= req.limit) break;
    if (page.scanLimited || scanned >= maxScan) {
      scanLimited = true;
      break;
    }
    cursor = nextCursor;
  }
  return { transactions: out, nextCursor, scanned, scanLimited };
}

/**
 * The row's own merchant text (the approval's or payment's merchant_name, the deposit's memo: what txFromRow
 * reads), opened: the merchant table keeps one name per merchant key (its first branch seen), and a search hit
 * must show the words it matched.
 */
function ownName(m: Movement): string | null {
  const v = m.table === 'op_m_deposit_tx' ? m.values.trans_memo : m.values.merchant_name;
  return typeof v === 'string' && v !== '' ? v : null;
}

/** The categorised rows of these movement ids (the person's only), merchant names opened. */
async function analysedRows(
  deps: { readonly store: Store<OperatorDatabase>; readonly crypto: OperatorCrypto },
  personId: string,
  ids: readonly string[],
): Promise<Map<string, AnalysedTx>> {
  const out = new Map<string, AnalysedTx>();
  if (ids.length === 0) return out;
  const { db } = deps.store;
  const cipher = await deps.crypto.cipherFor(db, personId);
  for (let i = 0; i < ids.length; i += CHUNK) {
    const rows = await analysedTxQuery(db, personId)
      .where('t.id', 'in', ids.slice(i, i + CHUNK))
      .execute();
    for (const r of rows) out.set(String(r.id), toAnalysedTx(r, cipher));
  }
  return out;
}
