import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api, ApiError } from '../api/api.ts';
import type { SessionInfo } from '../api/types.ts';
import { ErrorNote, errorText } from '../components/error-note.tsx';
import { Field } from '../components/field.tsx';
import { PageTitle } from '../components/page-title.tsx';
import { useSession } from '../session/session.tsx';

type Check = 'idle' | 'waiting' | 'confirmed' | 'refused' | 'expired';

/**
 * Sign-up: (1) name, birth date and mobile → the CA's identity page, where the person confirms with their PIN
 * (this page asks the operator until the CA says so); (2) a login name and password.
 */
export default function SignupPage() {
  const { t, i18n } = useTranslation();
  const { setSession } = useSession();
  const navigate = useNavigate();
  const [check, setCheck] = useState<Check>('idle');
  const [caPageUrl, setCaPageUrl] = useState<string>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (check !== 'waiting') return;
    const timer = setInterval(() => {
      api<{ status: Check }>('/api/signup/identity').then(
        (s) => {
          if (s.status !== 'waiting') setCheck(s.status);
        },
        (e: unknown) => setError(e),
      );
    }, 1000);
    return () => clearInterval(timer);
  }, [check]);

  const begin = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    setBusy(true);
    setError(undefined);
    try {
      const r = await api<{ caPageUrl: string }>('/api/signup/identity', {
        body: { name: f.get('name'), birthDate: f.get('birthDate'), phone: f.get('phone') },
      });
      setCaPageUrl(r.caPageUrl);
      setCheck('waiting');
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const finish = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    setBusy(true);
    setError(undefined);
    try {
      const s = await api<SessionInfo>('/api/signup', {
        body: { loginName: f.get('loginName'), password: f.get('password') },
      });
      setSession(s);
      await navigate('/connect', { replace: true });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const fieldError = (field: string) =>
    error instanceof ApiError && error.field === field ? errorText(error, i18n.language) : undefined;

  /** The error belongs to one of these fields (shown under it, not again below the form). */
  const ownField = (fields: readonly string[]) =>
    error instanceof ApiError && error.field !== undefined && fields.includes(error.field);

  return (
    <section className="narrow">
      <PageTitle>{t('signup.title')}</PageTitle>
      {check !== 'confirmed' ? (
        <>
          <h2>{t('signup.step1')}</h2>
          <p>{t('signup.step1Help')}</p>
          <form onSubmit={(e) => void begin(e)} noValidate>
            <Field label={t('signup.name')} name="name" autoComplete="name" required error={fieldError('name')} />
            <Field
              label={t('signup.birthDate')}
              name="birthDate"
              inputMode="numeric"
              autoComplete="bday"
              maxLength={8}
              required
              error={fieldError('birthDate')}
            />
            <Field
              label={t('signup.phone')}
              name="phone"
              type="tel"
              autoComplete="tel"
              required
              error={fieldError('phone')}
            />
            <ErrorNote error={ownField(['name', 'birthDate', 'phone']) ? undefined : error} />
            <button type="submit" className={caPageUrl ? '' : 'primary'} disabled={busy}>
              {t('signup.start')}
            </button>
          </form>
          {check === 'waiting' && caPageUrl ? (
            <div className="note" role="status">
              <p>{t('signup.waiting')}</p>
              <a className="button primary" href={caPageUrl} target="_blank" rel="noopener">
                {t('signup.openCa')}
              </a>
            </div>
          ) : null}
          {check === 'refused' || check === 'expired' ? (
            <p className="note error" role="alert">
              {t(`signup.${check}`)}
            </p>
          ) : null}
        </>
      ) : (
        <>
          <p className="note ok" role="status">
            {t('signup.confirmed')}
          </p>
          <h2>{t('signup.step2')}</h2>
          <form onSubmit={(e) => void finish(e)} noValidate>
            <Field
              label={t('signup.loginName')}
              name="loginName"
              autoComplete="username"
              required
              error={fieldError('loginName')}
            />
            <Field
              label={t('signup.password')}
              name="password"
              type="password"
              autoComplete="new-password"
              minLength={10}
              required
              error={fieldError('password')}
            />
            <ErrorNote error={ownField(['loginName', 'password']) ? undefined : error} />
            <button type="submit" className="primary" disabled={busy}>
              {t('signup.submit')}
            </button>
          </form>
        </>
      )}
      <p>
        {t('signup.haveAccount')} <Link to="/login">{t('login.title')}</Link>
      </p>
    </section>
  );
}
