import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../api/api.ts';
import type { Asset, Sector } from '../api/types.ts';
import { ErrorNote } from '../components/error-note.tsx';
import { PageTitle } from '../components/page-title.tsx';
import { useLoad } from '../components/use-load.ts';

export interface ConnectChoice {
  readonly orgCodes: readonly string[];
  readonly authPath: 'integrated' | 'individual';
  /** A pending consent to authenticate as it is (from the consents page), instead of new proposals. */
  readonly existing?: string;
}

/** Pick institutions (a whole sector or single ones), see what each already holds, choose how to authenticate. */
export default function ConnectPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const lang = i18n.language === 'en' ? 'en' : 'ko';
  const data = useLoad(async () => {
    const [inst, assets] = await Promise.all([
      api<{ sectors: Sector[] }>('/api/institutions'),
      api<{ assets: Asset[] }>('/api/assets'),
    ]);
    return { sectors: inst.sectors, assets: assets.assets };
  });
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [authPath, setAuthPath] = useState<'integrated' | 'individual'>('integrated');
  if (!data.data) {
    return (
      <section>
        <PageTitle>{t('connect.title')}</PageTitle>
        {data.error ? <ErrorNote error={data.error} onRetry={data.reload} /> : <p>{t('common.loading')}</p>}
      </section>
    );
  }
  const { sectors, assets } = data.data;
  const free = (s: Sector) => s.institutions.filter((i) => i.consent === null).map((i) => i.orgCode);
  const toggle = (orgs: readonly string[], on: boolean) =>
    setChosen((prev) => {
      const next = new Set(prev);
      for (const o of orgs) {
        if (on) next.add(o);
        else next.delete(o);
      }
      return next;
    });
  const go = () => {
    const choice: ConnectChoice = { orgCodes: [...chosen], authPath };
    void navigate('/connect/consent', { state: choice });
  };

  return (
    <section>
      <PageTitle>{t('connect.title')}</PageTitle>
      <p>{t('connect.intro')}</p>
      <div className="sectors">
        {sectors.map((s) => {
          const open = free(s);
          const all = open.length > 0 && open.every((o) => chosen.has(o));
          return (
            <fieldset key={s.industry} className="card sector" data-industry={s.industry}>
              <legend>{s.name[lang]}</legend>
              {open.length > 0 ? (
                <label className="check whole">
                  <input type="checkbox" checked={all} onChange={(e) => toggle(open, e.target.checked)} />
                  {t('connect.wholeSector', { sector: s.name[lang] })}
                </label>
              ) : null}
              <ul className="institutions">
                {s.institutions.map((i) => {
                  const held = assets.filter((a) => a.orgCode === i.orgCode);
                  return (
                    <li key={i.orgCode}>
                      {i.consent ? (
                        <span className="check done">
                          <span>{i.name}</span>{' '}
                          <span className={`badge ${i.consent.status}`}>
                            {i.consent.status === 'active' ? t('connect.connected') : t('connect.pending')}
                          </span>
                        </span>
                      ) : (
                        <label className="check">
                          <input
                            type="checkbox"
                            name="org"
                            value={i.orgCode}
                            checked={chosen.has(i.orgCode)}
                            onChange={(e) => toggle([i.orgCode], e.target.checked)}
                          />
                          {i.name}
                        </label>
                      )}
                      {i.consent?.status === 'active' ? (
                        <details className="held">
                          <summary>
                            {held.length > 0 ? t('connect.assets', { count: held.length }) : t('connect.noAssets')}
                          </summary>
                          <ul>
                            {held.map((a) => (
                              <li key={a.id}>
                                {a.name ?? a.listApi} {a.number ? <span className="muted">{a.number}</span> : null}
                              </li>
                            ))}
                          </ul>
                        </details>
                      ) : null}
                    </li>
                  );
                })}
              </ul>
            </fieldset>
          );
        })}
      </div>
      <div className="sticky-bar">
        <fieldset className="method">
          <legend>{t('connect.method')}</legend>
          <label className="check">
            <input
              type="radio"
              name="authPath"
              value="integrated"
              checked={authPath === 'integrated'}
              onChange={() => setAuthPath('integrated')}
            />
            {t('connect.integrated')}
          </label>
          <label className="check">
            <input
              type="radio"
              name="authPath"
              value="individual"
              checked={authPath === 'individual'}
              onChange={() => setAuthPath('individual')}
            />
            {t('connect.individual')}
          </label>
        </fieldset>
        <p aria-live="polite">{t('connect.chosen', { count: chosen.size })}</p>
        <button type="button" className="primary" disabled={chosen.size === 0} onClick={go}>
          {t('connect.toConsent')}
        </button>
      </div>
    </section>
  );
}
