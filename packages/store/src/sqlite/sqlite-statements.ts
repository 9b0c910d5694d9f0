import type BetterSqlite3 from 'better-sqlite3';
import { bigintToSafeNumber } from '../safe-number.ts';

type Row = Record<string, unknown>;

/** A prepared statement with what the driver needs to know about it. */
export interface PreparedStatement {
  readonly statement: BetterSqlite3.Statement;
  /** Returns rows (a select, or a write with `returning`). */
  readonly reader: boolean;
  /** Changes nothing in the database (so needs no write lock). */
  readonly readonly: boolean;
  /** Result columns declared `boolean` in their table: 0/1 become false/true. */
  readonly booleans: readonly string[];
}

const DDL = /^\s*(create|alter|drop)\b/i;
const MAX_CACHED = 512;

/**
 * Prepares statements once per SQL text (Kysely would prepare on every query) and keeps what is needed to
 * turn SQLite's values into the ones PostgreSQL gives: integers arrive as bigint (safe-integer mode) and
 * become numbers, or a {@link StoreRangeError} beyond Number.MAX_SAFE_INTEGER; booleans become booleans.
 */
export class StatementCache {
  readonly #db: BetterSqlite3.Database;
  readonly #cache = new Map<string, PreparedStatement>();

  constructor(db: BetterSqlite3.Database) {
    this.#db = db;
  }

  get(sql: string): PreparedStatement {
    const hit = this.#cache.get(sql);
    if (hit) return hit;
    const prepared = this.prepareFresh(sql);
    if (DDL.test(sql)) {
      // A schema change may change declared types: plans made before it are dropped (it runs right after this).
      this.#cache.clear();
      return prepared;
    }
    if (this.#cache.size >= MAX_CACHED) {
      const oldest = this.#cache.keys().next().value;
      if (oldest !== undefined) this.#cache.delete(oldest);
    }
    this.#cache.set(sql, prepared);
    return prepared;
  }

  /** A statement of its own (for iteration, which keeps a statement busy). */
  prepareFresh(sql: string): PreparedStatement {
    const statement = this.#db.prepare(sql).safeIntegers(true);
    const booleans = statement.reader
      ? statement
          .columns()
          .filter((c) => c.type !== null && /^bool(ean)?$/i.test(c.type))
          .map((c) => c.name)
      : [];
    return { statement, reader: statement.reader, readonly: statement.readonly, booleans };
  }
}

/** JavaScript values as SQLite binds them: booleans as 1/0 (better-sqlite3 rejects booleans). */
export function bindable(parameters: readonly unknown[]): unknown[] {
  const out = new Array<unknown>(parameters.length);
  for (let i = 0; i < parameters.length; i++) {
    const p = parameters[i];
    out[i] = p === true ? 1 : p === false ? 0 : p;
  }
  return out;
}

/** Convert one result row in place (see {@link StatementCache}). */
export function convertRow(row: Row, booleans: readonly string[]): Row {
  for (const key in row) {
    const v = row[key];
    if (typeof v === 'bigint') row[key] = bigintToSafeNumber(v, key);
  }
  for (const key of booleans) {
    const v = row[key];
    if (v === 1) row[key] = true;
    else if (v === 0) row[key] = false;
  }
  return row;
}
