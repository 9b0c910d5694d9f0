import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TwoFactor } from '../account/two-factor.tsx';
import { api } from '../api/api.ts';
import { ErrorNote } from '../components/error-note.tsx';
import { Field } from '../components/field.tsx';
import { PageTitle } from '../components/page-title.tsx';
import { useSession } from '../session/session.tsx';

/** The person's account: download everything (JSON, CSV), two-factor login, leave the service (password again). */
export default function AccountPage() {
  const { t } = useTranslation();
  const { session } = useSession();
  const [error, setError] = useState<unknown>();
  const leave = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    setError(undefined);
    try {
      await api('/api/leave', { body: { password: f.get('password') } });
      // A fresh start: the server cleared the session cookie; nothing of the person stays in this page's memory.
      window.location.replace('/login?left=1');
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section className="narrow">
      <PageTitle>{t('account.title')}</PageTitle>
      {session?.person ? (
        <p>
          {session.person.name} ({session.person.loginName})
        </p>
      ) : null}
      <div className="card">
        <h2>{t('account.download')}</h2>
        <p>{t('account.downloadHelp')}</p>
        <div className="buttons">
          <a className="button" href="/api/export?format=json" download>
            {t('account.json')}
          </a>
          <a className="button" href="/api/export?format=csv" download>
            {t('account.csv')}
          </a>
        </div>
      </div>
      <TwoFactor />
      <form className="card danger-zone" onSubmit={(e) => void leave(e)} noValidate>
        <h2>{t('account.leave')}</h2>
        <p>{t('account.leaveHelp')}</p>
        <Field label={t('account.password')} name="password" type="password" autoComplete="current-password" required />
        <ErrorNote error={error} />
        <button type="submit" className="danger">
          {t('account.leaveSubmit')}
        </button>
      </form>
    </section>
  );
}
