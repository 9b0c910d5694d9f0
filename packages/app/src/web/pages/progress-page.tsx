import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api } from '../api/api.ts';
import type { Consent } from '../api/types.ts';
import { ErrorNote } from '../components/error-note.tsx';
import { PageTitle } from '../components/page-title.tsx';
import { useLoad } from '../components/use-load.ts';
import { ProgressList } from '../progress/progress-list.tsx';
import { useLiveProgress } from '../progress/use-live-progress.ts';

/** Live collection per connected institution; also where 개별인증 returns (`?connected=` / `?connect_error=`). */
export default function ProgressPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const consents = useLoad(() => api<{ consents: Consent[] }>('/api/consents'));
  const live = useLiveProgress();
  const connected = params.get('connected');
  const failed = params.get('connect_error');
  const institutions = (consents.data?.consents ?? [])
    .filter((c) => c.status === 'active')
    .map((c) => ({ orgCode: c.orgCode, name: c.institution }));
  const [error, setError] = useState<unknown>();
  const refreshAll = async () => {
    setError(undefined);
    try {
      await api('/api/refresh', { body: {} });
    } catch (e) {
      setError(e);
    }
  };
  const name = (org: string) => consents.data?.consents.find((c) => c.orgCode === org)?.institution ?? org;
  return (
    <section>
      <PageTitle>{t('progress.title')}</PageTitle>
      {connected ? (
        <p className="note ok" role="status">
          {t('auth.returned', { institution: name(connected) })}
        </p>
      ) : null}
      {failed ? (
        <p className="note error" role="alert">
          {t('auth.returnError', { code: failed })}
        </p>
      ) : null}
      <ErrorNote error={consents.error} onRetry={consents.reload} />
      {institutions.length > 0 ? (
        <>
          <button type="button" onClick={() => void refreshAll()}>
            {t('progress.refreshAll')}
          </button>
          <ErrorNote error={error} />
          <ProgressList institutions={institutions} progress={live.progress} />
        </>
      ) : consents.data ? (
        <p>{t('progress.nothing')}</p>
      ) : null}
      <p>
        <Link className="button" to="/dashboard">
          {t('progress.toDashboard')}
        </Link>
      </p>
    </section>
  );
}
