import type { BudgetStatus, MonthSpending } from '@hannun/analysis';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/api.ts';
import { ErrorNote } from '../components/error-note.tsx';
import { PageTitle } from '../components/page-title.tsx';
import { useLoad } from '../components/use-load.ts';
import { formatWon } from '../format.ts';

interface CategoryInfo {
  readonly key: string;
  readonly ko: string;
  readonly en: string;
  readonly kind: string;
}

/** Budgets per spending category against this month so far: spent, left, the pace, and an alert when near or over. */
export default function BudgetsPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'ko';
  const data = useLoad(async () => {
    const [c, s] = await Promise.all([
      api<{ categories: CategoryInfo[] }>('/api/analysis/categories'),
      api<{ month: string; spending: MonthSpending; budgets: BudgetStatus[] }>('/api/analysis/spending'),
    ]);
    return { categories: c.categories.filter((x) => x.kind === 'spend'), ...s };
  });
  const [error, setError] = useState<unknown>();
  const [message, setMessage] = useState<string>();
  const name = (key: string) => {
    const c = data.data?.categories.find((x) => x.key === key);
    return c ? c[lang] : key;
  };

  const save = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const category = String(f.get('category'));
    const monthly = Number(String(f.get('monthly')).replace(/[,\s원₩]/g, ''));
    setError(undefined);
    setMessage(undefined);
    try {
      await api('/api/analysis/budgets', { body: { category, monthly } });
      setMessage(t('budgets.saved', { category: name(category) }));
      data.reload();
    } catch (err) {
      setError(err);
    }
  };
  const remove = async (b: BudgetStatus) => {
    setError(undefined);
    setMessage(undefined);
    try {
      await api(`/api/analysis/budgets/${encodeURIComponent(b.category)}/delete`, { body: {} });
      setMessage(t('budgets.deleted', { category: name(b.category) }));
      data.reload();
    } catch (err) {
      setError(err);
    }
  };

  const budgets = data.data?.budgets ?? [];
  const alerts = budgets.filter((b) => b.alert !== 'ok');
  return (
    <section>
      <PageTitle>{t('budgets.title')}</PageTitle>
      <p>{t('budgets.intro')}</p>
      <ErrorNote error={data.error} onRetry={data.reload} />
      {alerts.length > 0 ? (
        <ul className="budget-alerts" aria-label={t('budgets.alerts')}>
          {alerts.map((b) => (
            <li key={b.category} className={`note alert-${b.alert}`} data-alert={b.alert}>
              <strong>{t(`budgets.alert.${b.alert}`)}</strong> {b.message[lang]}
            </li>
          ))}
        </ul>
      ) : null}
      {message ? (
        <p className="note ok" role="status">
          {message}
        </p>
      ) : null}
      <form className="card budget-form" onSubmit={(e) => void save(e)} noValidate>
        <h2>{t('budgets.set')}</h2>
        <label>
          {t('budgets.category')}
          <select name="category" required>
            {(data.data?.categories ?? []).map((c) => {
              const spent = data.data?.spending.categories.find((x) => x.category === c.key)?.amount;
              return (
                <option key={c.key} value={c.key}>
                  {c[lang]}
                  {spent ? ` (${t('budgets.spentSoFar', { amount: formatWon(spent, lang) })})` : ''}
                </option>
              );
            })}
          </select>
        </label>
        <label>
          {t('budgets.monthly')}
          <input name="monthly" inputMode="numeric" autoComplete="off" required />
        </label>
        <ErrorNote error={error} />
        <button type="submit" className="primary">
          {t('common.save')}
        </button>
      </form>
      {data.data && budgets.length === 0 ? <p>{t('budgets.none')}</p> : null}
      <ul className="budgets">
        {budgets.map((b) => (
          <li key={b.category} className="card budget" data-category={b.category} data-alert={b.alert}>
            <div className="row">
              <h2>{name(b.category)}</h2>
              <span className={`badge alert-${b.alert}`}>{t(`budgets.alert.${b.alert}`)}</span>
            </div>
            <p>
              {t('budgets.usage', {
                spent: formatWon(b.spent, lang),
                monthly: formatWon(b.monthly, lang),
                share: Math.round(b.share * 100),
              })}
            </p>
            <div
              className="bar"
              role="progressbar"
              aria-label={t('budgets.used', { category: name(b.category) })}
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={Math.min(100, Math.round(b.share * 100))}
            >
              <span className="fill" style={{ width: `${Math.min(100, Math.round(b.share * 100))}%` }} />
            </div>
            <p className="muted">
              {b.left >= 0
                ? t('budgets.left', { amount: formatWon(b.left, lang) })
                : t('budgets.over', { amount: formatWon(-b.left, lang) })}{' '}
              · {t('budgets.projected', { amount: formatWon(b.projected, lang) })}
            </p>
            <p>{b.message[lang]}</p>
            <button
              type="button"
              onClick={() => void remove(b)}
              aria-label={`${t('budgets.delete')}: ${name(b.category)}`}
            >
              {t('budgets.delete')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
