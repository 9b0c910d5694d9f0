import { createHmac, timingSafeEqual } from 'node:crypto';
import { sql, type Store } from '@hannun/store';
import type { PersonCipher } from '../crypto/field-cipher.ts';
import type { OperatorCrypto } from '../crypto/operator-crypto.ts';
import type { OperatorDatabase } from '../schema/operator-database.ts';
import { invalid, OperatorError } from '../shared/operator-error.ts';
import { type LooseRow, loose } from './model-db.ts';
import type { ModelTableDef } from './model-table.ts';
import {
  directionOf,
  directionRule,
  MOVEMENT_TABLE_DEFS,
  MOVEMENT_TABLES,
  SEARCHABLE_COLUMNS,
} from './movement-tables.ts';
import { type ModelValue, readValues } from './row-values.ts';

/** What narrows a person's movements. Dates are the providers' (KST) calendar days, inclusive. */
export interface TransactionFilter {
  /** One asset (op_asset id): its list API's movement tables only. */
  readonly assetId?: string;
  readonly orgCode?: string;
  /** YYYYMMDD, inclusive. */
  readonly from?: string;
  readonly to?: string;
  /** Which way money moved (see movement-tables.ts); tables without a rule are left out. */
  readonly direction?: 'in' | 'out';
  /** Words in a name or description (merchant, memo, product …), case-insensitive; searched on opened rows. */
  readonly text?: string;
}

export interface TransactionPageRequest extends TransactionFilter {
  readonly limit: number;
  /** The `nextCursor` of the previous page, with the same filter. */
  readonly cursor?: string;
  /** Only these movement tables (a caller's own narrowing, e.g. the analysis's counted ones); bound to the cursor. */
  readonly tables?: readonly string[];
  /** A lower scan cap for this request (a caller that pages on in a loop shares one budget between calls). */
  readonly maxScan?: number;
}

/** One movement (a transaction, an approval, a payment), opened. */
export interface Movement {
  readonly id: string;
  /** The model table (op_m_deposit_tx, op_m_approval …). */
  readonly table: string;
  readonly orgCode: string;
  readonly assetId: string;
  readonly apiId: string;
  readonly apiType: string;
  readonly collectedAt: number;
  /** The row's time as 14 digits (a date or month padded with zeros), so rows of every table sort together. */
  readonly time: string;
  readonly direction: 'in' | 'out' | null;
  readonly values: Readonly<Record<string, ModelValue>>;
}

export interface TransactionPage {
  readonly items: readonly Movement[];
  /** Opaque, bound to the person and the filter; null when nothing follows. */
  readonly nextCursor: string | null;
  /** Rows read (and opened) to answer: more than the page only with a text search. */
  readonly scanned: number;
  /** A text search stopped at `maxScan` rows read: the page may be short (even empty); go on with nextCursor. */
  readonly scanLimited: boolean;
}

export const MAX_TRANSACTION_PAGE = 500;
/** How many rows one text-search request reads at most (each is opened with the person's key). */
const DEFAULT_MAX_SCAN = 5_000;
/** Rows fetched per table and round trip while a text search scans. */
const SCAN_BATCH = 250;
const DATE = /^\d{8}$/;
const ROW_ID = /^[A-Za-z0-9_-]{43}$/;
const TIME14 = /^\d{14}$/;

interface Key {
  /** 14 digits. */
  readonly time: string;
  readonly id: string;
}

const before = (a: Key, b: Key) => (a.time === b.time ? a.id > b.id : a.time > b.time);

/** One table's rows after the cursor, newest first, read in batches. */
interface Stream {
  readonly table: ModelTableDef;
  readonly timeColumn: string;
  readonly width: number;
  buffer: LooseRow[];
  /** Where the next batch starts (exclusive). */
  after: Key | null;
  done: boolean;
}

/**
 * A person's movements newest first, by keyset: every movement table is read with `(time, id) < cursor`
 * ordered by `time desc, id desc` on an index `(person_id | asset_id, time, id)` (migration
 * 0009_transaction_keyset), and the tables are merged, so a page costs the same at row 100,000 as at row 0.
 * The id is the tie-break (rows of one second), compared bytewise on both dialects (`collate "C"` on
 * PostgreSQL). The cursor is the last row's (time, id), HMAC-signed with the person and the filter: a forged,
 * altered or borrowed cursor is a clear 400 (`OP_INVALID_INPUT`, field `cursor`).
 *
 * Text search: trans_memo is sealed with the person's key, so the search opens rows server-side, one batch at
 * a time, and stops after `maxScan` rows (`scanLimited`, the cursor where it stopped). Dates, asset, provider
 * and direction are SQL conditions on clear columns.
 */
export class TransactionPages {
  readonly #store: Store<OperatorDatabase>;
  readonly #crypto: OperatorCrypto;
  readonly #cursorKey: Buffer;
  readonly #maxScan: number;

  constructor(o: { store: Store<OperatorDatabase>; crypto: OperatorCrypto; maxScan?: number }) {
    this.#store = o.store;
    this.#crypto = o.crypto;
    this.#cursorKey = o.crypto.derive('transaction-cursor');
    this.#maxScan = o.maxScan ?? DEFAULT_MAX_SCAN;
  }

  async page(personId: string, req: TransactionPageRequest): Promise<TransactionPage> {
    const filter = checkFilter(req);
    const filterKey = JSON.stringify([
      filter.assetId ?? '',
      filter.orgCode ?? '',
      filter.from ?? '',
      filter.to ?? '',
      filter.direction ?? '',
      filter.text ?? '',
      req.tables ?? '',
    ]);
    const start =
      req.cursor === undefined || req.cursor === '' ? null : this.#readCursor(personId, filterKey, req.cursor);
    const tables = (await this.#tables(personId, filter)).filter((t) => !req.tables || req.tables.includes(t.name));
    const maxScan = Math.min(this.#maxScan, req.maxScan ?? this.#maxScan);
    const textual = filter.text !== undefined;
    const streams: Stream[] = tables.map((table) => {
      const timeColumn = table.time!;
      const kind = table.columns[timeColumn]?.kind;
      return {
        table,
        timeColumn,
        width: kind === 'month' ? 6 : kind === 'date' ? 8 : 14,
        buffer: [],
        after: start,
        done: false,
      };
    });
    const batch = textual ? Math.max(req.limit + 1, SCAN_BATCH) : req.limit + 1;
    const { db } = this.#store;
    let cipher: PersonCipher | undefined;
    const open = async (s: Stream, raw: LooseRow): Promise<Movement> => {
      cipher ??= await this.#crypto.cipherFor(db, personId);
      const values = readValues(s.table, raw, cipher);
      return {
        id: String(raw.id),
        table: s.table.name,
        orgCode: String(raw.org_code),
        assetId: String(raw.asset_id),
        apiId: String(raw.api_id),
        apiType: String(raw.api_type),
        collectedAt: Number(raw.collected_at),
        time: pad(raw[s.timeColumn]),
        direction: directionOf(s.table.name, values),
        values,
      };
    };
    const next = async (): Promise<Stream | undefined> => {
      await Promise.all(
        streams.filter((s) => s.buffer.length === 0 && !s.done).map((s) => this.#fill(personId, filter, s, batch)),
      );
      let best: Stream | undefined;
      for (const s of streams) {
        const head = s.buffer[0];
        if (head && (!best || before(keyOf(s, head), keyOf(best, best.buffer[0]!)))) best = s;
      }
      return best;
    };

    const items: Movement[] = [];
    let scanned = 0;
    let last: Key | null = null;
    let scanLimited = false;
    while (items.length < req.limit) {
      const s = await next();
      if (!s) break;
      if (textual && scanned >= maxScan) {
        scanLimited = true;
        break;
      }
      const raw = s.buffer.shift()!;
      scanned += 1;
      last = keyOf(s, raw);
      const m = await open(s, raw);
      if (textual && !matches(m, filter.text!)) continue;
      items.push(m);
    }
    const more = scanLimited || (last !== null && (await next()) !== undefined);
    return {
      items,
      nextCursor: more && last ? this.#writeCursor(personId, filterKey, last) : null,
      scanned,
      scanLimited,
    };
  }

  /** The movement tables to read: the asset's (it must be the person's), or all; narrowed by the filter. */
  async #tables(personId: string, f: TransactionFilter): Promise<readonly ModelTableDef[]> {
    let tables = MOVEMENT_TABLE_DEFS;
    if (f.assetId !== undefined) {
      const asset = await this.#store.db
        .selectFrom('op_asset')
        .select(['api_id'])
        .where('id', '=', f.assetId)
        .where('person_id', '=', personId)
        .executeTakeFirst();
      if (!asset)
        throw new OperatorError('OP_NOT_FOUND', 'no such asset of this person', '해당 자산이 없습니다', 'assetId');
      tables = MOVEMENT_TABLES.get(asset.api_id) ?? [];
    }
    if (f.direction !== undefined) tables = tables.filter((t) => directionRule(t.name) !== undefined);
    if (f.text !== undefined) tables = tables.filter((t) => SEARCHABLE_COLUMNS.some((c) => c in t.columns));
    return tables;
  }

  async #fill(personId: string, f: TransactionFilter, s: Stream, n: number): Promise<void> {
    const { table: t, timeColumn: tc, width } = s;
    const idExpr =
      this.#store.dialect === 'postgres' ? sql<string>`${sql.ref('id')} collate "C"` : sql<string>`${sql.ref('id')}`;
    let q = loose(this.#store.db)
      .selectFrom(t.name)
      .selectAll()
      .where(f.assetId !== undefined ? 'asset_id' : 'person_id', '=', f.assetId ?? personId)
      .where('person_id', '=', personId)
      .where(tc, 'is not', null);
    if (f.orgCode !== undefined) q = q.where('org_code', '=', f.orgCode);
    if (f.from !== undefined) q = q.where(tc, '>=', f.from.padEnd(14, '0').slice(0, width));
    if (f.to !== undefined) q = q.where(tc, '<=', `${f.to}235959`.slice(0, width));
    const rule = f.direction === undefined ? undefined : directionRule(t.name);
    if (rule) {
      // signed: out = a negative amount; spend: out = a positive (or zero) one. Whole KRW in <c>, else <c>_dec.
      const wantNegative = (rule.sign === 'signed') === (f.direction === 'out');
      const dec = `${rule.amount}_dec`;
      q = q.where((eb) =>
        wantNegative
          ? eb.or([eb(rule.amount, '<', 0), eb.and([eb(rule.amount, 'is', null), eb(dec, 'like', '-%')])])
          : eb.or([eb(rule.amount, '>=', 0), eb.and([eb(rule.amount, 'is', null), eb(dec, 'not like', '-%')])]),
      );
    }
    if (s.after) {
      // (padded time, id) < after, in this table's own time width, so the index bounds the scan.
      const p = s.after.time.slice(0, width);
      const finer = !/^0*$/.test(s.after.time.slice(width));
      const id = s.after.id;
      q = finer
        ? q.where(tc, '<=', p)
        : q.where((eb) => eb.and([eb(tc, '<=', p), eb.or([eb(tc, '<', p), eb(idExpr, '<', id)])]));
    }
    const rows = await q.orderBy(tc, 'desc').orderBy(idExpr, 'desc').limit(n).execute();
    s.buffer = rows;
    s.done = rows.length < n;
    const tail = rows.at(-1);
    if (tail) s.after = keyOf(s, tail);
  }

  #mac(personId: string, filterKey: string, k: Key): string {
    return createHmac('sha256', this.#cursorKey)
      .update(JSON.stringify([personId, filterKey, k.time, k.id]))
      .digest()
      .subarray(0, 16)
      .toString('base64url');
  }

  #writeCursor(personId: string, filterKey: string, k: Key): string {
    return `${k.time}.${k.id}.${this.#mac(personId, filterKey, k)}`;
  }

  #readCursor(personId: string, filterKey: string, raw: string): Key {
    const bad = () =>
      invalid(
        'cursor',
        'is not a cursor of this list (from another person or filter, altered or malformed)',
        '잘못된 커서입니다',
      );
    const parts = raw.length <= 100 ? raw.split('.') : [];
    const [time, id, mac] = parts;
    if (parts.length !== 3 || !TIME14.test(time!) || !ROW_ID.test(id!) || !/^[A-Za-z0-9_-]{22}$/.test(mac!))
      throw bad();
    const k = { time: time!, id: id! };
    const want = Buffer.from(this.#mac(personId, filterKey, k));
    if (!timingSafeEqual(want, Buffer.from(mac!))) throw bad();
    return k;
  }
}

function pad(v: unknown): string {
  return (typeof v === 'string' ? v : '').padEnd(14, '0');
}

function keyOf(s: Stream, raw: LooseRow): Key {
  return { time: pad(raw[s.timeColumn]), id: String(raw.id) };
}

function matches(m: Movement, text: string): boolean {
  const needle = text.toLowerCase();
  return SEARCHABLE_COLUMNS.some((c) => {
    const v = m.values[c];
    return typeof v === 'string' && v.toLowerCase().includes(needle);
  });
}

function checkFilter(r: TransactionPageRequest): TransactionFilter {
  if (!Number.isInteger(r.limit) || r.limit < 1 || r.limit > MAX_TRANSACTION_PAGE) {
    throw invalid('limit', `must be 1–${MAX_TRANSACTION_PAGE}`, `1~${MAX_TRANSACTION_PAGE} 사이여야 합니다`);
  }
  for (const k of ['from', 'to'] as const) {
    const v = r[k];
    if (v !== undefined && (!DATE.test(v) || !validDate(v)))
      throw invalid(k, 'must be a date YYYYMMDD', '날짜(YYYYMMDD) 형식이 아닙니다');
  }
  if (r.from !== undefined && r.to !== undefined && r.from > r.to) {
    throw invalid('to', 'must not be before from', '종료일이 시작일보다 앞섭니다');
  }
  if (r.direction !== undefined && r.direction !== 'in' && r.direction !== 'out') {
    throw invalid('direction', 'must be in or out', '입금(in) 또는 출금(out)이어야 합니다');
  }
  if (r.assetId !== undefined && !ROW_ID.test(r.assetId)) {
    throw new OperatorError('OP_NOT_FOUND', 'no such asset of this person', '해당 자산이 없습니다', 'assetId');
  }
  if (r.orgCode !== undefined && !/^[A-Za-z0-9]{10}$/.test(r.orgCode)) {
    throw invalid('orgCode', 'must be an org_code aN(10)', '기관코드 형식 오류');
  }
  const text = r.text?.trim();
  if (text !== undefined && text !== '' && text.length > 100) {
    throw invalid('q', 'must be at most 100 characters', '검색어는 100자 이하여야 합니다');
  }
  return {
    ...(r.assetId !== undefined ? { assetId: r.assetId } : {}),
    ...(r.orgCode !== undefined ? { orgCode: r.orgCode } : {}),
    ...(r.from !== undefined ? { from: r.from } : {}),
    ...(r.to !== undefined ? { to: r.to } : {}),
    ...(r.direction !== undefined ? { direction: r.direction } : {}),
    ...(text ? { text } : {}),
  };
}

function validDate(v: string): boolean {
  const y = Number(v.slice(0, 4));
  const m = Number(v.slice(4, 6));
  const d = Number(v.slice(6, 8));
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}
