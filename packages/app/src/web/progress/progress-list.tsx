import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../api/api.ts';
import { ErrorNote } from '../components/error-note.tsx';
import type { InstitutionProgress, Reason } from './use-live-progress.ts';

const reasonText = (r: Reason | undefined, lang: string) => (r ? (lang === 'ko' ? r.ko : r.en) : undefined);

function statusOf(p: InstitutionProgress | undefined, t: TFunction, lang: string) {
  const c = p?.collect;
  if (c) {
    switch (c.type) {
      case 'done':
        if ((c.failedUnits ?? 0) > 0) {
          return {
            text: `${t('progress.partly', { count: c.failedUnits })}: ${reasonText(c.reason, lang) ?? ''}`,
            state: 'error',
          };
        }
        return { text: t('progress.done', { assets: c.counts?.assets ?? 0, rows: c.counts?.rows ?? 0 }), state: 'ok' };
      case 'failed':
        return { text: `${t('progress.failed')}: ${reasonText(c.reason, lang) ?? ''}`, state: 'error' };
      case 'deferred':
        return { text: `${t('progress.deferred')} (${reasonText(c.reason, lang) ?? ''})`, state: 'wait' };
      case 'late':
        return { text: t('progress.late'), state: 'wait' };
      case 'queued':
        return { text: t('progress.queued'), state: 'wait' };
      default: {
        const phase = c.phase ? t(`progress.${c.phase}`) : '';
        const n = c.counts && c.counts.total > 0 ? ` ${c.counts.done}/${c.counts.total}` : '';
        return { text: `${phase}${n}`, state: 'busy' };
      }
    }
  }
  const k = p?.connect;
  if (k?.stage === 'failed')
    return { text: `${t('progress.failed')}: ${reasonText(k.reason, lang) ?? ''}`, state: 'error' };
  if (k?.stage === 'connected') return { text: t('progress.connected'), state: 'busy' };
  if (k?.stage === 'connecting') return { text: t('progress.connecting'), state: 'busy' };
  return { text: t('progress.waiting'), state: 'wait' };
}

/** One row per institution: where its connection and collection stand, why it failed, and a retry. */
export function ProgressList({
  institutions,
  progress,
}: {
  readonly institutions: readonly { readonly orgCode: string; readonly name: string }[];
  readonly progress: ReadonlyMap<string, InstitutionProgress>;
}) {
  const { t, i18n } = useTranslation();
  const [error, setError] = useState<unknown>();
  const retry = async (orgCode: string) => {
    setError(undefined);
    try {
      await api('/api/refresh', { body: { orgCodes: [orgCode] } });
    } catch (e) {
      setError(e);
    }
  };
  return (
    <>
      <ul className="progress" aria-live="polite">
        {institutions.map((i) => {
          const p = progress.get(i.orgCode);
          const s = statusOf(p, t, i18n.language);
          const c = p?.collect;
          const pct =
            c?.type === 'done' ? 100 : c?.counts && c.counts.total > 0 ? (100 * c.counts.done) / c.counts.total : 0;
          return (
            <li key={i.orgCode} className={`progress-item ${s.state}`} data-org={i.orgCode} data-state={s.state}>
              <div className="progress-head">
                <strong>{i.name}</strong>
                <span>{s.text}</span>
              </div>
              <progress max={100} value={pct} aria-label={`${i.name} ${s.text}`} />
              {s.state === 'error' ? (
                <button type="button" onClick={() => void retry(i.orgCode)}>
                  {t('progress.retry')}
                </button>
              ) : null}
              {s.state === 'reconnect' ? <Link to="/consents">{t('progress.reconnect')}</Link> : null}
            </li>
          );
        })}
      </ul>
      <ErrorNote error={error} />
    </>
  );
}
