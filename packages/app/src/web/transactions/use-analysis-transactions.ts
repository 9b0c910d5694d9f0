import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../api/api.ts';

/** A row of `GET /api/analysis/transactions` (issue #7): categorised, with its merchant. */
export interface AnTx {
  readonly id: string;
  readonly orgCode: string;
  readonly kind: 'spend' | 'income' | 'transfer' | string;
  readonly date: string;
  readonly amount: number;
  readonly merchant: string | null;
  readonly category: string;
  readonly source: string;
  readonly confidence: number;
  readonly locked: boolean;
}

/** What the person narrows the list by. `from`/`to` are YYYYMMDD (inclusive) or ''. */
export interface TxFilter {
  readonly category: string;
  readonly q: string;
  readonly direction: 'all' | 'in' | 'out';
  readonly from: string;
  readonly to: string;
}

/** How far back the month listing goes looking for older months (three years of history, and a margin). */
const MAX_MONTHS = 40;
const PAGE = 200;

function previousMonth(m: string): string {
  const y = Number(m.slice(0, 4));
  const mo = Number(m.slice(4, 6));
  return mo === 1 ? `${y - 1}12` : `${y}${String(mo - 1).padStart(2, '0')}`;
}

function thisMonth(): string {
  return new Date(Date.now() + 9 * 3_600_000).toISOString().slice(0, 7).replace('-', '');
}

/** Words, a direction or a period: the server searches the whole history (keyset) instead of listing months. */
export function isSearch(f: TxFilter): boolean {
  return f.q.trim() !== '' || f.direction !== 'all' || f.from !== '' || f.to !== '';
}

interface At {
  month: string;
  offset: number;
  months: number;
  cursor: string | null;
  generation: number;
}

/**
 * Every transaction newest first, 200 at a time as the list nears its end:
 * - no words, direction or period: month after month backwards (a category narrows on the server);
 * - otherwise the whole history on the server by keyset (`q`, `direction`, `from`, `to`, `category`, `cursor`):
 *   a search that read its 5,000 movements stops (`limited`) until the person asks to go on (`more(true)`).
 * `patch` changes rows in place (after a re-categorisation).
 */
export function useAnalysisTransactions(filter: TxFilter) {
  const [rows, setRows] = useState<AnTx[]>([]);
  const [error, setError] = useState<unknown>();
  const [loading, setLoading] = useState(false);
  const [done, setDone] = useState(false);
  const [limited, setLimited] = useState(false);
  const at = useRef<At>({ month: thisMonth(), offset: 0, months: 0, cursor: null, generation: 0 });
  const busy = useRef(false);
  const search = isSearch(filter);

  const more = useCallback(
    async (goOn = false) => {
      if (busy.current || done || (limited && !goOn)) return;
      busy.current = true;
      setLoading(true);
      setLimited(false);
      const gen = at.current.generation;
      try {
        if (search) {
          const q = new URLSearchParams({ limit: String(PAGE) });
          if (filter.q.trim()) q.set('q', filter.q.trim());
          if (filter.direction !== 'all') q.set('direction', filter.direction);
          if (filter.from) q.set('from', filter.from);
          if (filter.to) q.set('to', filter.to);
          if (filter.category) q.set('category', filter.category);
          if (at.current.cursor) q.set('cursor', at.current.cursor);
          const r = await api<{ transactions: AnTx[]; nextCursor: string | null; scanLimited: boolean }>(
            `/api/analysis/transactions?${q}`,
          );
          if (gen !== at.current.generation) return;
          at.current = { ...at.current, cursor: r.nextCursor };
          if (r.transactions.length > 0) setRows((prev) => [...prev, ...r.transactions]);
          if (r.nextCursor === null) setDone(true);
          else if (r.scanLimited) setLimited(true);
          return;
        }
        // Skip over empty months until something arrives (or history ends).
        for (;;) {
          const { month, offset } = at.current;
          const q = new URLSearchParams({ month, limit: String(PAGE), offset: String(offset) });
          if (filter.category) q.set('category', filter.category);
          const r = await api<{ transactions: AnTx[]; nextOffset: number | null }>(`/api/analysis/transactions?${q}`);
          if (gen !== at.current.generation) return;
          if (r.nextOffset !== null) at.current = { ...at.current, offset: r.nextOffset };
          else at.current = { ...at.current, month: previousMonth(month), offset: 0, months: at.current.months + 1 };
          if (r.transactions.length > 0) setRows((prev) => [...prev, ...r.transactions]);
          if (at.current.months >= MAX_MONTHS) {
            setDone(true);
            return;
          }
          if (r.transactions.length > 0) return;
        }
      } catch (e) {
        setError(e);
      } finally {
        if (gen === at.current.generation) {
          busy.current = false;
          setLoading(false);
        }
      }
    },
    [filter, search, done, limited],
  );

  // A new filter starts a new list (the caller keeps `filter` the same object while it does not change).
  // biome-ignore lint/correctness/useExhaustiveDependencies: `filter` is what triggers the reset.
  useEffect(() => {
    at.current = { month: thisMonth(), offset: 0, months: 0, cursor: null, generation: at.current.generation + 1 };
    busy.current = false;
    setRows([]);
    setDone(false);
    setLimited(false);
    setLoading(false);
    setError(undefined);
  }, [filter]);

  const patch = useCallback((id: string, change: Partial<AnTx>) => {
    setRows((prev) => prev.map((r) => (r.id === id ? { ...r, ...change } : r)));
  }, []);

  return { rows, error, loading, done, limited, search, more, patch };
}
