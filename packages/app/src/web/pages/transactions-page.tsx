import { useVirtualizer } from '@tanstack/react-virtual';
import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/api.ts';
import { ErrorNote } from '../components/error-note.tsx';
import { PageTitle } from '../components/page-title.tsx';
import { useLoad } from '../components/use-load.ts';
import { formatWon, formatYmd } from '../format.ts';
import { monthEnd, monthStart, useDebounced } from '../transactions/tx-filter-input.ts';
import { type AnTx, useAnalysisTransactions } from '../transactions/use-analysis-transactions.ts';

interface CategoryInfo {
  readonly key: string;
  readonly ko: string;
  readonly en: string;
  readonly kind: string;
}

const ROW_HEIGHT = 60;

/**
 * Transactions: every one of them newest first in a virtualised list (only the rows in view are in the page, so
 * 100,000 scroll as fast as 100), re-categorise a row and make it a rule. Words, in/out and a period are searched
 * by the server over the whole history (a search stops after 5,000 movements read: the person goes on or narrows
 * the period); the category narrows either way.
 */
export default function TransactionsPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'ko';
  const categories = useLoad(() => api<{ categories: CategoryInfo[] }>('/api/analysis/categories'));
  const [category, setCategory] = useState('');
  const [query, setQuery] = useState('');
  const q = useDebounced(query.trim(), 300);
  const [direction, setDirection] = useState<'all' | 'in' | 'out'>('all');
  const [fromMonth, setFromMonth] = useState('');
  const [toMonth, setToMonth] = useState('');
  const [editing, setEditing] = useState<AnTx>();
  const [message, setMessage] = useState<string>();
  const filter = useMemo(
    () => ({ category, q, direction, from: monthStart(fromMonth), to: monthEnd(toMonth) }),
    [category, q, direction, fromMonth, toMonth],
  );
  const list = useAnalysisTransactions(filter);
  const names = useMemo(
    () => new Map((categories.data?.categories ?? []).map((c) => [c.key, c[lang]])),
    [categories.data, lang],
  );
  const shown = list.rows;

  const scroller = useRef<HTMLElement>(null);
  const virtual = useVirtualizer({
    count: shown.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  const items = virtual.getVirtualItems();
  const lastIndex = items[items.length - 1]?.index ?? -1;
  const { more, done, loading, limited } = list;
  useEffect(() => {
    if (!done && !loading && !limited && lastIndex >= shown.length - 40) void more();
  }, [lastIndex, shown.length, done, loading, limited, more]);

  return (
    <section>
      <PageTitle>{t('tx.title')}</PageTitle>
      <ErrorNote error={list.error ?? categories.error} />
      {message ? (
        <p className="note ok" role="status">
          {message}
        </p>
      ) : null}
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('tx.search')}
          <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
        </label>
        <label>
          {t('tx.category')}
          <select value={category} onChange={(e) => setCategory(e.target.value)}>
            <option value="">{t('tx.all')}</option>
            {(categories.data?.categories ?? []).map((c) => (
              <option key={c.key} value={c.key}>
                {c[lang]}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('tx.direction')}
          <select value={direction} onChange={(e) => setDirection(e.target.value as 'all' | 'in' | 'out')}>
            <option value="all">{t('tx.all')}</option>
            <option value="in">{t('tx.in')}</option>
            <option value="out">{t('tx.out')}</option>
          </select>
        </label>
        <label>
          {t('tx.fromMonth')}
          <input
            type="month"
            value={fromMonth}
            max={toMonth || undefined}
            onChange={(e) => setFromMonth(e.target.value)}
          />
        </label>
        <label>
          {t('tx.toMonth')}
          <input
            type="month"
            value={toMonth}
            min={fromMonth || undefined}
            onChange={(e) => setToMonth(e.target.value)}
          />
        </label>
      </form>
      <p aria-live="polite" className="muted">
        {t('tx.count', { count: shown.length })}
        {list.search ? ` · ${t('tx.searched')}` : ''}
        {loading ? ` · ${t('tx.loadMore')}` : ''}
      </p>
      {limited ? (
        <div className="note scan-limited" role="status">
          <p>{t('tx.scanLimited')}</p>
          <button type="button" onClick={() => void more(true)}>
            {t('tx.searchOn')}
          </button>
        </div>
      ) : null}
      {editing ? (
        <Recategorise
          tx={editing}
          categories={categories.data?.categories ?? []}
          lang={lang}
          onDone={(category, rule) => {
            list.patch(editing.id, { category, locked: true, source: 'person' });
            setMessage(rule ? t('tx.ruleMade') : t('tx.saved'));
            setEditing(undefined);
          }}
          onCancel={() => setEditing(undefined)}
        />
      ) : null}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: the scrolling list must be reachable by keyboard (axe: scrollable-region-focusable) */}
      <section className="tx-list" ref={scroller} aria-label={t('tx.title')} tabIndex={0}>
        <ul style={{ height: virtual.getTotalSize(), position: 'relative' }}>
          {items.map((v) => {
            const r = shown[v.index]!;
            return (
              <li
                key={r.id}
                className="tx-row"
                data-id={r.id}
                style={{
                  position: 'absolute',
                  top: 0,
                  left: 0,
                  right: 0,
                  height: ROW_HEIGHT,
                  transform: `translateY(${v.start}px)`,
                }}
              >
                <span className="tx-date">{formatYmd(r.date)}</span>
                <span className="tx-text">
                  <span className="tx-merchant">{r.merchant ?? '—'}</span>
                  <button
                    type="button"
                    className="chip"
                    onClick={() => setEditing(r)}
                    aria-label={`${t('tx.recategorise')}: ${r.merchant ?? ''} ${names.get(r.category) ?? r.category}`}
                  >
                    {names.get(r.category) ?? r.category}
                  </button>
                </span>
                <span className={`tx-amount ${r.amount < 0 ? 'out' : 'in'}`}>{formatWon(r.amount, lang)}</span>
              </li>
            );
          })}
        </ul>
      </section>
      {shown.length === 0 && !loading && !limited ? <p>{t(list.search ? 'tx.noMatch' : 'tx.empty')}</p> : null}
    </section>
  );
}

function Recategorise(props: {
  readonly tx: AnTx;
  readonly categories: readonly CategoryInfo[];
  readonly lang: 'ko' | 'en';
  readonly onDone: (category: string, rule: boolean) => void;
  readonly onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>();
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const category = String(f.get('category'));
    const rule = f.get('rule') === 'on';
    setError(undefined);
    try {
      await api(`/api/analysis/transactions/${encodeURIComponent(props.tx.id)}/category`, { body: { category } });
      if (rule && props.tx.merchant) {
        await api('/api/analysis/rules', { body: { pattern: props.tx.merchant, match: 'contains', category } });
      }
      props.onDone(category, rule);
    } catch (err) {
      setError(err);
    }
  };
  return (
    <form className="card recategorise" onSubmit={(e) => void submit(e)}>
      <h2>{t('tx.recategorise')}</h2>
      <p>
        {formatYmd(props.tx.date)} · {props.tx.merchant ?? '—'} · {formatWon(props.tx.amount, props.lang)}
      </p>
      <label>
        {t('tx.category')}
        <select name="category" defaultValue={props.tx.category}>
          {props.categories
            .filter((c) => c.key !== 'uncategorised')
            .map((c) => (
              <option key={c.key} value={c.key}>
                {c[props.lang]}
              </option>
            ))}
        </select>
      </label>
      {props.tx.merchant ? (
        <label className="check">
          <input type="checkbox" name="rule" />
          {t('tx.makeRule')}
        </label>
      ) : null}
      <ErrorNote error={error} />
      <div className="buttons">
        <button type="submit" className="primary">
          {t('common.save')}
        </button>
        <button type="button" onClick={props.onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
