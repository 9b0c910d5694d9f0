import type { CursorCodec } from '../cursor/cursor-codec.ts';
import type { CustomerBook } from '../ledger/ledger.ts';

/**
 * The last encoded answers of paginated reads per customer book, for books whose reads are pure
 * (`CustomerBook.pure`): a request identical to a recent one (same binding, position, page size, version,
 * withheld fields, and second of the read time) gets the same bytes without reading, paging or encoding
 * again. The next_page cursor is the only part that depends on the read time to the millisecond: its 36
 * characters are found once in the answer and written over when another millisecond asks.
 */
export interface MemoAnswer {
  /** The body as sent last. */
  body: Buffer;
  /** The read time (epoch ms) the cursor in `body` carries. */
  asOf: number;
  /** Where the cursor's characters start in `body`; -1 without a cursor. */
  readonly cursorAt: number;
  readonly cursorLength: number;
  /** The next page's offset (for the cursor). */
  readonly nextOffset: number;
  /** The codec that signed the cursor (engines sharing books have their own secrets). */
  readonly codec: CursorCodec;
}

const PER_BOOK = 16;
const memos = new WeakMap<CustomerBook, Map<string, MemoAnswer>>();

export function memoFor(book: CustomerBook): Map<string, MemoAnswer> | undefined {
  if (book.pure !== true) return undefined;
  let memo = memos.get(book);
  if (!memo) {
    memo = new Map();
    memos.set(book, memo);
  }
  return memo;
}

export function remember(memo: Map<string, MemoAnswer>, key: string, answer: MemoAnswer): void {
  memo.delete(key);
  memo.set(key, answer);
  if (memo.size > PER_BOOK) memo.delete(memo.keys().next().value!);
}

/** The memo's body for a read at `asOf`, its cursor re-signed when the millisecond differs. */
export function recall(memo: MemoAnswer, binding: string, asOf: number, codec: CursorCodec): Buffer | undefined {
  if (memo.codec !== codec) return undefined;
  if (memo.cursorAt < 0 || memo.asOf === asOf) return memo.body;
  const cursor = codec.encode(binding, { offset: memo.nextOffset, asOf });
  if (cursor.length !== memo.cursorLength) return undefined;
  const body = Buffer.allocUnsafe(memo.body.length);
  memo.body.copy(body);
  body.write(cursor, memo.cursorAt, 'latin1');
  memo.body = body;
  memo.asOf = asOf;
  return body;
}
