import type { MonthBundle } from '../simulate/month-bundle.ts';

/** A bounded least-recently-used cache of generated months (Map keeps insertion order). */
export class BundleCache {
  private readonly map = new Map<number, MonthBundle>();

  constructor(readonly capacity: number) {}

  get(key: number): MonthBundle | undefined {
    const hit = this.map.get(key);
    if (hit) {
      this.map.delete(key);
      this.map.set(key, hit);
    }
    return hit;
  }

  set(key: number, bundle: MonthBundle): void {
    this.map.delete(key);
    this.map.set(key, bundle);
    if (this.map.size > this.capacity) {
      const oldest = this.map.keys().next();
      if (!oldest.done) this.map.delete(oldest.value);
    }
  }

  get size(): number {
    return this.map.size;
  }

  clear(): void {
    this.map.clear();
  }
}
