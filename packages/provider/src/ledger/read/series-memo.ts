import type { Row } from '../ledger.ts';

/** The last few series answers, so that the engine paging through one request reuses its items. */
export class SeriesMemo {
  private readonly map = new Map<string, readonly Row[]>();

  constructor(private readonly capacity = 64) {}

  get(key: string): readonly Row[] | undefined {
    return this.map.get(key);
  }

  set(key: string, rows: readonly Row[]): void {
    this.map.set(key, rows);
    if (this.map.size > this.capacity) {
      const oldest = this.map.keys().next();
      if (!oldest.done) this.map.delete(oldest.value);
    }
  }
}
