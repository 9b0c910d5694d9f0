import { lazy, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { createBrowserRouter, Navigate, RouterProvider, useLocation } from 'react-router';
import { DASHBOARD_DATA } from './api/dashboard-data.ts';
import { prefetch } from './api/prefetch.ts';
import { Layout } from './components/layout.tsx';
import { RequireLogin } from './components/require-login.tsx';
import { LoginPage } from './pages/login-page.tsx';
import { useSession } from './session/session.tsx';

const loadDashboard = () => import('./pages/dashboard-page.tsx');
// The page a person lands on most: its code is fetched at once, alongside the session check, not after it.
if (window.location.pathname === '/dashboard') {
  void loadDashboard();
  prefetch(DASHBOARD_DATA);
}

const SignupPage = lazy(() => import('./pages/signup-page.tsx'));
const ConnectPage = lazy(() => import('./pages/connect-page.tsx'));
const ConsentPage = lazy(() => import('./pages/consent-page.tsx'));
const ProgressPage = lazy(() => import('./pages/progress-page.tsx'));
const DashboardPage = lazy(loadDashboard);
const TransactionsPage = lazy(() => import('./pages/transactions-page.tsx'));
const CreditPage = lazy(() => import('./pages/credit-page.tsx'));
const BudgetsPage = lazy(() => import('./pages/budgets-page.tsx'));
const ServicesPage = lazy(() => import('./pages/services-page.tsx'));
const ConsentsPage = lazy(() => import('./pages/consents-page.tsx'));
const JourneyPage = lazy(() => import('./pages/journey-page.tsx'));
const AccountPage = lazy(() => import('./pages/account-page.tsx'));

/** `/`: the dashboard for a logged-in person, the login page otherwise; `?connected=` / `?connect_error=` (개별인증's return) go to the progress page. */
function Home() {
  const { session } = useSession();
  const { search } = useLocation();
  const { t } = useTranslation();
  if (!session) return <p className="muted">{t('common.loading')}</p>;
  const q = new URLSearchParams(search);
  if (q.has('connected') || q.has('connect_error')) return <Navigate to={`/progress${search}`} replace />;
  return <Navigate to={session.authenticated ? '/dashboard' : '/login'} replace />;
}

const guarded = (node: ReactNode) => <RequireLogin>{node}</RequireLogin>;

const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { path: '/', element: <Home /> },
      { path: '/login', element: <LoginPage /> },
      { path: '/signup', element: <SignupPage /> },
      { path: '/connect', element: guarded(<ConnectPage />) },
      { path: '/connect/consent', element: guarded(<ConsentPage />) },
      { path: '/progress', element: guarded(<ProgressPage />) },
      { path: '/dashboard', element: guarded(<DashboardPage />) },
      { path: '/transactions', element: guarded(<TransactionsPage />) },
      { path: '/credit', element: guarded(<CreditPage />) },
      { path: '/budgets', element: guarded(<BudgetsPage />) },
      { path: '/services', element: guarded(<ServicesPage />) },
      { path: '/consents', element: guarded(<ConsentsPage />) },
      { path: '/journey', element: guarded(<JourneyPage />) },
      { path: '/account', element: guarded(<AccountPage />) },
      { path: '*', element: <Navigate to="/" replace /> },
    ],
  },
]);

export function App() {
  return <RouterProvider router={router} />;
}
