import type { Row } from '../ledger.ts';
import type { Slot } from '../plan/plan-types.ts';
import type { Reader } from './reader.ts';

/** A snapshot's body and when it last changed (ts); the book turns the ts into epoch ms. */
export interface Answer {
  readonly body: Row;
  readonly changedAt: number;
}

export type SnapshotRead = (r: Reader, slot: Slot | null, request: Row) => Answer | undefined;
/** A series read: every item the request selects up to now, newest first (undefined: not for this asset). */
export type SeriesRead = (r: Reader, slot: Slot | null, request: Row) => Row[] | undefined;

export type ApiReader =
  | { readonly kind: 'snapshot'; readonly read: SnapshotRead }
  | { readonly kind: 'series'; readonly read: SeriesRead };

export const snapshot = (read: SnapshotRead): ApiReader => ({ kind: 'snapshot', read });
export const series = (read: SeriesRead): ApiReader => ({ kind: 'series', read });

/** The latest ts among items (newest first) or a fallback. */
export function latest(items: readonly { ts: number }[], fallback: number): number {
  return items.length > 0 ? Math.max(fallback, items[0]?.ts ?? 0) : fallback;
}
