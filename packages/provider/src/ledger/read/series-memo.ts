import type { Row } from '../ledger.ts';

/**
 * The last series answers, so that the engine paging through one request (same request, same first-page
 * time) reuses its rows instead of rebuilding them for every page. Bounded by entries and by rows held, as
 * one answer over a heavy user's five years can be tens of thousands of rows.
 */
export class SeriesMemo {
  private readonly map = new Map<string, readonly Row[]>();
  private rows = 0;

  constructor(
    private readonly maxEntries = 64,
    private readonly maxRows = 100_000,
  ) {}

  get(key: string): readonly Row[] | undefined {
    return this.map.get(key);
  }

  set(key: string, rows: readonly Row[]): void {
    if (rows.length > this.maxRows) return;
    const old = this.map.get(key);
    if (old) {
      this.rows -= old.length;
      this.map.delete(key);
    }
    this.map.set(key, rows);
    this.rows += rows.length;
    while (this.map.size > this.maxEntries || this.rows > this.maxRows) {
      const oldest = this.map.entries().next();
      if (oldest.done) break;
      this.map.delete(oldest.value[0]);
      this.rows -= oldest.value[1].length;
    }
  }

  /** Rows currently held. */
  get size(): number {
    return this.rows;
  }
}
