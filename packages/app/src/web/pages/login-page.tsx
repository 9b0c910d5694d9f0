import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { api, ApiError } from '../api/api.ts';
import type { SessionInfo } from '../api/types.ts';
import { ErrorNote } from '../components/error-note.tsx';
import { Field } from '../components/field.tsx';
import { PageTitle } from '../components/page-title.tsx';
import { useSession } from '../session/session.tsx';

/** Login: login name and password, then the authenticator code when the person turned it on. */
export function LoginPage() {
  const { t } = useTranslation();
  const { session, setSession } = useSession();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [error, setError] = useState<unknown>(undefined);
  const [needTotp, setNeedTotp] = useState(false);
  const [busy, setBusy] = useState(false);
  const next = params.get('next')?.startsWith('/') ? params.get('next')! : '/dashboard';
  if (session?.authenticated && !busy) return <Navigate to={next} replace />;

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setBusy(true);
    setError(undefined);
    try {
      const s = await api<SessionInfo>('/api/login', {
        body: {
          loginName: form.get('loginName'),
          password: form.get('password'),
          ...(needTotp ? { totpCode: form.get('totpCode') } : {}),
        },
      });
      setSession(s);
      await navigate(next, { replace: true });
    } catch (err) {
      if (err instanceof ApiError && err.code === 'OP_TOTP_REQUIRED') setNeedTotp(true);
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="narrow">
      <PageTitle>{t('login.title')}</PageTitle>
      {params.get('left') ? (
        <p className="note ok" role="status">
          {t('account.left')}
        </p>
      ) : null}
      {params.get('totpOn') || params.get('totpOff') ? (
        <p className="note ok" role="status">
          {t(params.get('totpOn') ? 'totp.turnedOn' : 'totp.turnedOff')}
        </p>
      ) : null}
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Field label={t('login.loginName')} name="loginName" autoComplete="username" required />
        <Field label={t('login.password')} name="password" type="password" autoComplete="current-password" required />
        {needTotp ? (
          <Field label={t('login.totp')} name="totpCode" inputMode="numeric" autoComplete="one-time-code" required />
        ) : null}
        <ErrorNote error={error} />
        <button type="submit" className="primary" disabled={busy}>
          {t('login.submit')}
        </button>
      </form>
      <p>
        {t('login.noAccount')} <Link to="/signup">{t('login.signup')}</Link>
      </p>
    </section>
  );
}
