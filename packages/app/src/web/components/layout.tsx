import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useNavigate } from 'react-router';
import { api } from '../api/api.ts';
import type { SessionInfo } from '../api/types.ts';
import { switchLang } from '../i18n/i18n.ts';
import { useSession } from '../session/session.tsx';

const NAV = [
  ['/dashboard', 'nav.dashboard'],
  ['/transactions', 'nav.transactions'],
  ['/connect', 'nav.connect'],
  ['/budgets', 'nav.budgets'],
  ['/services', 'nav.services'],
  ['/credit', 'nav.credit'],
  ['/consents', 'nav.consents'],
  ['/journey', 'nav.journey'],
  ['/account', 'nav.account'],
] as const;

/** Header (name, language switch, menu when logged in) and the page below it. */
export function Layout() {
  const { t, i18n } = useTranslation();
  const { session, setSession } = useSession();
  const navigate = useNavigate();
  const logout = async () => {
    await api<SessionInfo>('/api/logout', { body: {} }).catch(() => undefined);
    setSession({ authenticated: false });
    await navigate('/login');
  };
  return (
    <>
      <a className="skip" href="#main">
        {t('app.skip')}
      </a>
      <header className="top">
        <div className="brand">
          <span className="logo" aria-hidden="true">
            한
          </span>
          <span>
            <strong>{t('app.name')}</strong> <small>{t('app.tagline')}</small>
          </span>
        </div>
        <div className="top-actions">
          <button
            type="button"
            className="link"
            title={t('app.languageLabel')}
            lang={i18n.language === 'ko' ? 'en' : 'ko'}
            onClick={() => void switchLang(i18n.language === 'ko' ? 'en' : 'ko')}
          >
            {t('app.language')}
          </button>
          {session?.authenticated ? (
            <button type="button" className="link" onClick={() => void logout()}>
              {t('nav.logout')}
            </button>
          ) : null}
        </div>
      </header>
      {session?.authenticated ? (
        <nav className="menu" aria-label={t('nav.label')}>
          <ul>
            {NAV.map(([to, key]) => (
              <li key={to}>
                <NavLink to={to}>{t(key)}</NavLink>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<p className="muted">{t('common.loading')}</p>}>
          <Outlet />
        </Suspense>
      </main>
    </>
  );
}
