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

/** How far back the list goes looking for older months (three years of history, and a margin). */
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

/**
 * Every transaction newest first, month after month backwards, 200 at a time as the list nears its end; a
 * category narrows it on the server. `patch` changes rows in place (after a re-categorisation).
 */
export function useAnalysisTransactions(category: string) {
  const [rows, setRows] = useState<AnTx[]>([]);
  const [error, setError] = useState<unknown>();
  const [loading, setLoading] = useState(false);
  const [done, setDone] = useState(false);
  const at = useRef({ month: thisMonth(), offset: 0, months: 0, generation: 0 });
  const busy = useRef(false);

  const more = useCallback(async () => {
    if (busy.current || done) return;
    busy.current = true;
    setLoading(true);
    const gen = at.current.generation;
    try {
      // Skip over empty months until something arrives (or history ends).
      for (;;) {
        const { month, offset } = at.current;
        const q = new URLSearchParams({ month, limit: String(PAGE), offset: String(offset) });
        if (category) q.set('category', category);
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
      busy.current = false;
      setLoading(false);
    }
  }, [category, done]);

  // A new category starts a new list.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `category` is what triggers the reset.
  useEffect(() => {
    at.current = { month: thisMonth(), offset: 0, months: 0, generation: at.current.generation + 1 };
    busy.current = false;
    setRows([]);
    setDone(false);
    setError(undefined);
  }, [category]);

  const patch = useCallback((id: string, change: Partial<AnTx>) => {
    setRows((prev) => prev.map((r) => (r.id === id ? { ...r, ...change } : r)));
  }, []);

  return { rows, error, loading, done, more, patch };
}
