import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/api.ts';
import { ErrorNote, errorText } from '../components/error-note.tsx';
import { Field } from '../components/field.tsx';
import { useSession } from '../session/session.tsx';
import { QrCode } from './qr-code.tsx';

/** The secret in groups of four, easier to type into an authenticator app by hand. */
const grouped = (secret: string) => secret.replace(/(.{4})(?=.)/g, '$1 ');

/**
 * Two-factor login (TOTP): begin (a new secret and its otpauth URI for an authenticator app), confirm with the
 * first code (every session then ends: the person logs in again, now with a code), or turn it off with a code.
 */
export function TwoFactor() {
  const { t, i18n } = useTranslation();
  const { session } = useSession();
  const [enrol, setEnrol] = useState<{ secret: string; otpauthUri: string }>();
  const [error, setError] = useState<unknown>();
  const on = session?.person?.totpEnabled === true;

  const begin = async () => {
    setError(undefined);
    try {
      setEnrol(await api<{ secret: string; otpauthUri: string }>('/api/totp/begin', { body: {} }));
    } catch (e) {
      setError(e);
    }
  };
  const submit =
    (path: '/api/totp/confirm' | '/api/totp/disable', done: string) => async (e: FormEvent<HTMLFormElement>) => {
      e.preventDefault();
      const code = String(new FormData(e.currentTarget).get('code')).replace(/\s/g, '');
      setError(undefined);
      try {
        await api(path, { body: { code } });
        // The server ended every session: a fresh start on the login page (with the code when it is on).
        window.location.replace(`/login?${done}=1`);
      } catch (err) {
        setError(err);
      }
    };

  // The authenticator's current code: asked to turn two-step login on (confirming the secret) and off.
  const codeField = (
    <Field
      label={t('totp.code')}
      name="code"
      inputMode="numeric"
      autoComplete="one-time-code"
      required
      error={errorText(error, i18n.language)}
    />
  );

  return (
    <div className="card two-factor" data-totp={on ? 'on' : 'off'}>
      <h2>{t('totp.title')}</h2>
      <p>{on ? t('totp.isOn') : t('totp.help')}</p>
      {on ? (
        <form onSubmit={(e) => void submit('/api/totp/disable', 'totpOff')(e)} noValidate>
          {codeField}
          <button type="submit">{t('totp.disable')}</button>
        </form>
      ) : enrol ? (
        <form onSubmit={(e) => void submit('/api/totp/confirm', 'totpOn')(e)} noValidate>
          <ol className="steps">
            <li>{t('totp.step1')}</li>
            <li>
              {t('totp.step2')}
              <QrCode text={enrol.otpauthUri} label={t('totp.qr')} />
              <dl className="pair">
                <dt>{t('totp.secret')}</dt>
                <dd>
                  <code data-testid="totp-secret">{grouped(enrol.secret)}</code>
                </dd>
                <dt>{t('totp.uri')}</dt>
                <dd>
                  <code className="wrap" data-testid="totp-uri">
                    {enrol.otpauthUri}
                  </code>
                </dd>
              </dl>
            </li>
            <li>{t('totp.step3')}</li>
          </ol>
          {codeField}
          <button type="submit" className="primary">
            {t('totp.confirm')}
          </button>
        </form>
      ) : (
        <>
          <ErrorNote error={error} />
          <button type="button" className="primary" onClick={() => void begin()}>
            {t('totp.begin')}
          </button>
        </>
      )}
    </div>
  );
}
