import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { useSession } from '../session/session.tsx';

/** Pages of a logged-in person: others go to the login page (and come back after). */
export function RequireLogin({ children }: { readonly children: ReactNode }) {
  const { session } = useSession();
  const { t } = useTranslation();
  const location = useLocation();
  if (!session) return <p className="muted">{t('common.loading')}</p>;
  if (!session.authenticated) {
    return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  }
  return <>{children}</>;
}
