import type { Segment } from '../merchants/merchant-categories.ts';
import { merchantAt, pickAmount, pickMerchant } from '../merchants/merchant-picker.ts';
import { Rng } from '../random/rng.ts';

/**
 * The average purchase of a kind of customer, measured once by sampling the merchant tables: a plan turns
 * its spending budget into a number of purchases per month with it.
 */
const CACHE = new Map<string, number>();

export function meanTicket(segment: Segment, hasCar: boolean, onlineOnly = false): number {
  const key = `${segment}:${hasCar}:${onlineOnly}`;
  const cached = CACHE.get(key);
  if (cached !== undefined) return cached;
  const rng = new Rng(0x7e57 + key.length);
  let total = 0;
  const n = 4000;
  for (let i = 0; i < n; i++) total += pickAmount(rng, merchantAt(pickMerchant(rng, segment, hasCar, onlineOnly)));
  const mean = total / n;
  CACHE.set(key, mean);
  return mean;
}
