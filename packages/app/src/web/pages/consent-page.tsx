import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation } from 'react-router';
import { api } from '../api/api.ts';
import type { Consent, IntegratedFlow, Sector } from '../api/types.ts';
import { ErrorNote } from '../components/error-note.tsx';
import { PageTitle } from '../components/page-title.tsx';
import { useLoad } from '../components/use-load.ts';
import { formatYmd } from '../format.ts';
import { ProgressList } from '../progress/progress-list.tsx';
import { useLiveProgress } from '../progress/use-live-progress.ts';
import type { ConnectChoice } from './connect-page.tsx';

/** Items 6 and 7 as the consent document states them (Korean, the legal text); shown translated. */
const PURPOSE = '자산 통합조회 및 분석';
const PERIOD = '서비스 탈퇴 또는 전송요구 철회 시까지';

function inAYear(): string {
  const kst = new Date(Date.now() + 9 * 3600_000);
  kst.setUTCFullYear(kst.getUTCFullYear() + 1);
  return kst.toISOString().slice(0, 10).replaceAll('-', '');
}

/**
 * The consent screen: the seven items in plain words for each chosen institution, the data items chosen (all by
 * default), then authentication: the CA's approval page (integrated) or the institution's login (individual),
 * with live progress per institution.
 */
export default function ConsentPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'ko';
  const choice = useLocation().state as ConnectChoice | null;
  const sectors = useLoad(() => api<{ sectors: Sector[] }>('/api/institutions'));
  // A pending change to authenticate (from the consents page): its own items, the added ones marked.
  const existing = useLoad(
    async () =>
      choice?.existing
        ? api<{ consent: Consent; history: Consent[] }>(`/api/consents/${encodeURIComponent(choice.existing)}`)
        : undefined,
    choice?.existing ?? '',
  );
  const [off, setOff] = useState<ReadonlySet<string>>(new Set());
  const [scheduled, setScheduled] = useState(true);
  const [flags, setFlags] = useState({ transMemo: false, merchantNameRegno: false, transCategory: false });
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [flow, setFlow] = useState<IntegratedFlow>();
  const [consents, setConsents] = useState<readonly Consent[]>();
  const live = useLiveProgress();
  const endDate = inAYear();

  useEffect(() => {
    if (!flow || !['waiting', 'connecting'].includes(flow.status)) return;
    const timer = setInterval(() => {
      api<IntegratedFlow>(`/api/connect/integrated/${flow.id}`).then(setFlow, setError);
    }, 1000);
    return () => clearInterval(timer);
  }, [flow]);

  if (!choice || choice.orgCodes.length === 0) return <Navigate to="/connect" replace />;
  if (!sectors.data) {
    return (
      <section>
        <PageTitle>{t('consent.title')}</PageTitle>
        {sectors.error ? <ErrorNote error={sectors.error} onRetry={sectors.reload} /> : <p>{t('common.loading')}</p>}
      </section>
    );
  }
  const chosen = sectors.data.sectors.flatMap((s) =>
    s.institutions.filter((i) => choice.orgCodes.includes(i.orgCode)).map((i) => ({ ...i, sector: s })),
  );
  const itemKey = (orgCode: string, scope: string) => `${orgCode} ${scope}`;

  const agree = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const made: Consent[] = [];
      if (choice.existing) {
        made.push((await api<{ consent: Consent }>(`/api/consents/${choice.existing}`)).consent);
      }
      // One proposal per institution: its own data items (all of them unless some were unticked).
      const proposals = (choice.existing ? [] : chosen).map((i) => {
        const scopes = i.sector.scopes.map((s) => s.scope).filter((s) => !off.has(itemKey(i.orgCode, s)));
        return {
          orgCodes: [i.orgCode],
          authPath: choice.authPath,
          scopes,
          isScheduled: scheduled,
          endDate,
          purpose: PURPOSE,
          period: PERIOD,
          flags,
        };
      });
      for (const p of proposals)
        made.push(...(await api<{ consents: Consent[] }>('/api/consents', { body: p })).consents);
      setConsents(made);
      if (choice.authPath === 'integrated') {
        setFlow(
          await api<IntegratedFlow>('/api/connect/integrated', {
            body: { consentIds: made.map((c) => c.id), device: matchMedia('(max-width: 40rem)').matches ? 'MO' : 'PC' },
          }),
        );
      } else if (made.length === 1) {
        const r = await api<{ redirectUrl: string }>('/api/connect/individual', { body: { consentId: made[0]!.id } });
        window.location.assign(r.redirectUrl);
      }
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const individualStart = async (consentId: string) => {
    setError(undefined);
    try {
      const r = await api<{ redirectUrl: string }>('/api/connect/individual', { body: { consentId } });
      window.location.assign(r.redirectUrl);
    } catch (e) {
      setError(e);
    }
  };

  return (
    <section>
      <PageTitle>{t('consent.title')}</PageTitle>
      {!consents ? (
        <>
          <p>{t('consent.intro')}</p>
          {chosen.map((i) => (
            <article key={i.orgCode} className="card consent" aria-labelledby={`c-${i.orgCode}`}>
              <h2 id={`c-${i.orgCode}`}>{i.name}</h2>
              <dl className="seven">
                <dt>{t('consent.provider')}</dt>
                <dd>
                  {i.name} ({i.sector.name[lang]})
                </dd>
                <dt>{t('consent.recipient')}</dt>
                <dd>{t('consent.recipientName')}</dd>
                <dt>{t('consent.items')}</dt>
                <dd>
                  {choice.existing ? (
                    <ExistingItems data={existing.data} lang={lang} />
                  ) : (
                    <ul className="items">
                      {i.sector.scopes.map((s) => (
                        <li key={s.scope}>
                          <label className="check">
                            <input
                              type="checkbox"
                              checked={!off.has(itemKey(i.orgCode, s.scope))}
                              onChange={(e) =>
                                setOff((prev) => {
                                  const next = new Set(prev);
                                  if (e.target.checked) next.delete(itemKey(i.orgCode, s.scope));
                                  else next.add(itemKey(i.orgCode, s.scope));
                                  return next;
                                })
                              }
                            />
                            {s[lang]}
                          </label>
                        </li>
                      ))}
                    </ul>
                  )}
                </dd>
                <dt>{t('consent.cycle')}</dt>
                <dd>{scheduled ? t('consent.cycleYes') : t('consent.cycleNo')}</dd>
                <dt>{t('consent.endDate')}</dt>
                <dd>{formatYmd(existing.data?.consent.endDate ?? endDate)}</dd>
                <dt>{t('consent.purpose')}</dt>
                <dd>{lang === 'ko' ? PURPOSE : 'Combined view and analysis of your assets'}</dd>
                <dt>{t('consent.period')}</dt>
                <dd>{lang === 'ko' ? PERIOD : 'Until you leave the service or withdraw this consent'}</dd>
              </dl>
            </article>
          ))}
          {choice.existing ? null : (
            <fieldset className="card">
              <legend>{t('consent.extras')}</legend>
              <label className="check">
                <input type="checkbox" checked={scheduled} onChange={(e) => setScheduled(e.target.checked)} />
                {t('consent.cycleYes')}
              </label>
              <label className="check">
                <input
                  type="checkbox"
                  checked={flags.transMemo}
                  onChange={(e) => setFlags({ ...flags, transMemo: e.target.checked })}
                />
                {t('consent.memo')}
              </label>
              <label className="check">
                <input
                  type="checkbox"
                  checked={flags.merchantNameRegno}
                  onChange={(e) => setFlags({ ...flags, merchantNameRegno: e.target.checked })}
                />
                {t('consent.merchant')}
              </label>
              <label className="check">
                <input
                  type="checkbox"
                  checked={flags.transCategory}
                  onChange={(e) => setFlags({ ...flags, transCategory: e.target.checked })}
                />
                {t('consent.category')}
              </label>
            </fieldset>
          )}
          <ErrorNote error={error} />
          <button type="button" className="primary" disabled={busy} onClick={() => void agree()}>
            {busy ? t('consent.creating') : t('consent.agree')}
          </button>
        </>
      ) : (
        <>
          <h2>{t('auth.title')}</h2>
          {flow ? (
            <div className="card" data-flow={flow.status}>
              {flow.status === 'waiting' ? (
                <>
                  <p>{t('auth.caHelp')}</p>
                  <a className="button primary" href={flow.caPageUrl} target="_blank" rel="noopener">
                    {t('auth.openCa')}
                  </a>
                  <p className="muted" role="status">
                    {t('auth.waiting')}
                  </p>
                </>
              ) : (
                <p
                  role="status"
                  className={flow.status === 'done' ? 'note ok' : flow.status === 'connecting' ? '' : 'note error'}
                >
                  {t(`auth.${flow.status}`)}
                </p>
              )}
            </div>
          ) : choice.authPath === 'individual' ? (
            <ul>
              {consents.map((c) => (
                <li key={c.id}>
                  <button type="button" className="primary" onClick={() => void individualStart(c.id)}>
                    {t('auth.individual', { institution: c.institution })}
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
          <ErrorNote error={error} />
          <h2>{t('progress.live')}</h2>
          <ProgressList institutions={chosen} progress={live.progress} />
          {flow?.status === 'done' ? (
            <Link className="button" to="/dashboard">
              {t('progress.toDashboard')}
            </Link>
          ) : null}
        </>
      )}
    </section>
  );
}

/** The items of a pending change being authenticated; those the consent in force lacks are marked as added. */
function ExistingItems(props: {
  readonly data: { consent: Consent; history: Consent[] } | undefined;
  readonly lang: 'ko' | 'en';
}) {
  const { t } = useTranslation();
  if (!props.data) return <p className="muted">{t('common.loading')}</p>;
  const inForce = props.data.history.find((h) => h.status === 'active' && h.id !== props.data?.consent.id);
  return (
    <ul className="items">
      {props.data.consent.items.map((s) => (
        <li key={s.scope}>
          {s[props.lang]}
          {inForce && !inForce.scopes.includes(s.scope) ? (
            <span className="badge added"> {t('consent.added')}</span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
