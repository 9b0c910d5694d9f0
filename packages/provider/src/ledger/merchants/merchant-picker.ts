import { ALL_BRANCHES, AREA_BRANCH_OFFSET, HOME_AREAS } from '../people/home-areas.ts';
import type { Rng } from '../random/rng.ts';
import { businessNumber } from './business-number.ts';
import { CATEGORIES, SEGMENTS, type Segment } from './merchant-categories.ts';
import { MERCHANTS, type Merchant } from './merchant-dictionary.ts';

/**
 * Picking where a customer spends: a cumulative weight table per (segment, car or not), built once, and a
 * binary search per purchase. Branches follow where the customer lives (mostly) and works.
 */
interface Table {
  readonly cumulative: Float64Array;
  readonly total: number;
}

function buildTable(segment: Segment, hasCar: boolean, onlineOnly: boolean): Table {
  const s = SEGMENTS.indexOf(segment);
  const popByCategory = new Float64Array(CATEGORIES.length);
  for (const merchant of MERCHANTS) {
    if (onlineOnly && !merchant.online) continue;
    popByCategory[merchant.category] = (popByCategory[merchant.category] ?? 0) + merchant.pop;
  }
  const cumulative = new Float64Array(MERCHANTS.length);
  let total = 0;
  MERCHANTS.forEach((merchant, i) => {
    const cat = CATEGORIES[merchant.category];
    let w = 0;
    if (cat && (!onlineOnly || merchant.online) && (hasCar || !cat.carOnly)) {
      w = ((cat.weights[s] ?? 0) * merchant.pop) / (popByCategory[merchant.category] || 1);
    }
    total += w;
    cumulative[i] = total;
  });
  return { cumulative, total };
}

const TABLES = new Map<string, Table>();

function tableFor(segment: Segment, hasCar: boolean, onlineOnly: boolean): Table {
  const key = `${segment}:${hasCar}:${onlineOnly}`;
  let table = TABLES.get(key);
  if (!table) {
    table = buildTable(segment, hasCar, onlineOnly);
    TABLES.set(key, table);
  }
  return table;
}

/** A merchant index, weighted for the segment. */
export function pickMerchant(rng: Rng, segment: Segment, hasCar: boolean, onlineOnly = false): number {
  const { cumulative, total } = tableFor(segment, hasCar, onlineOnly);
  const r = rng.next() * total;
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((cumulative[mid] ?? 0) > r) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

export function merchantAt(index: number): Merchant {
  const merchant = MERCHANTS[index];
  if (!merchant) throw new Error(`no merchant ${index}`);
  return merchant;
}

/** A branch near home (75 %), near the office (20 %) or anywhere (5 %). */
export function pickBranch(rng: Rng, homeArea: number, workArea: number): number {
  const r = rng.next();
  const area = r < 0.75 ? homeArea : r < 0.95 ? workArea : rng.int(HOME_AREAS.length);
  const branches = HOME_AREAS[area]?.branches.length ?? 1;
  return (AREA_BRANCH_OFFSET[area] ?? 0) + rng.int(branches);
}

/** A purchase amount at a merchant: log-normal around the median, inside the range, rounded to its unit. */
export function pickAmount(rng: Rng, merchant: Merchant): number {
  const [min, median, max] = merchant.amount;
  if (min === max) return min;
  const spread = Math.log(max / median) / 2.6;
  const raw = rng.logNormal(median, Math.min(0.8, Math.max(0.15, spread)));
  const clamped = Math.min(max, Math.max(min, raw));
  return Math.max(merchant.unit, Math.round(clamped / merchant.unit) * merchant.unit);
}

/** The merchant's name as a statement shows it, with the branch for chains. */
export function merchantName(index: number, branch: number): string {
  const merchant = merchantAt(index);
  const suffix = ALL_BRANCHES[branch] ?? '';
  switch (merchant.style) {
    case 'branch':
      return `${merchant.name} ${suffix}`;
    case 'fuel':
      return `${merchant.name} ${suffix.replace(/점$/, '')}주유소`;
    case 'plain':
      return merchant.name;
  }
}

/** The merchant's business number (merchant_regno) for a purchase at this branch. */
export function merchantRegno(index: number, branch: number): string {
  const merchant = merchantAt(index);
  if (merchant.style === 'plain') return businessNumber(merchant.online ? 'corporate' : 'individual', index);
  return businessNumber(merchant.franchise ? 'individual' : 'branch', index, branch);
}

export function categoryOf(index: number): (typeof CATEGORIES)[number] {
  const cat = CATEGORIES[merchantAt(index).category];
  if (!cat) throw new Error(`merchant ${index} has no category`);
  return cat;
}

/** Indexes of merchants by name, for recurring payments that name their merchant. */
export function merchantIndex(name: string): number {
  const i = MERCHANTS.findIndex((merchant) => merchant.name === name);
  if (i < 0) throw new Error(`no merchant named ${name}`);
  return i;
}

/** A time of day (seconds) inside the category's hours, leaning to its middle. */
export function pickSecondOfDay(rng: Rng, hours: readonly [number, number]): number {
  const [from, to] = hours;
  const u = (rng.next() + rng.next()) / 2;
  const h = from + (to - from) * u;
  const s = Math.floor(h * 3600) % 86_400;
  return s;
}
