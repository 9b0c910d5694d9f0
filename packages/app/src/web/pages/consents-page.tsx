import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../api/api.ts';
import type { Consent, DeletionOffer } from '../api/types.ts';
import { ErrorNote } from '../components/error-note.tsx';
import { PageTitle } from '../components/page-title.tsx';
import { useLoad } from '../components/use-load.ts';
import { formatYmd } from '../format.ts';

const today = () => new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 10).replaceAll('-', '');

function addYear(ymd: string): string {
  return `${Number(ymd.slice(0, 4)) + 1}${ymd.slice(4)}`;
}

/**
 * Consents per institution: the seven items, change the data items, extend by a year (from a month before the
 * end), withdraw in one click and answer the deletion offer; pending ones can be authenticated from here.
 */
export default function ConsentsPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const lang = i18n.language === 'en' ? 'en' : 'ko';
  const data = useLoad(async () => {
    const [c, o] = await Promise.all([
      api<{ consents: Consent[] }>('/api/consents'),
      api<{ offers: DeletionOffer[] }>('/api/deletion-offers'),
    ]);
    return { consents: c.consents, offers: o.offers };
  });
  const [message, setMessage] = useState<string>();
  const [error, setError] = useState<unknown>();
  const [editing, setEditing] = useState<string>();
  const act = async (run: () => Promise<string | undefined>) => {
    setError(undefined);
    setMessage(undefined);
    try {
      setMessage(await run());
      data.reload();
    } catch (e) {
      setError(e);
    }
  };
  const withdraw = (c: Consent) =>
    act(async () => {
      if (!window.confirm(t('consents.withdrawConfirm', { institution: c.institution }))) return undefined;
      await api(`/api/consents/${c.id}/withdraw`, { body: {} });
      return t('consents.withdrawn', { institution: c.institution });
    });
  const extend = (c: Consent) =>
    act(async () => {
      await api(`/api/consents/${c.id}/extend`, { body: { endDate: addYear(c.endDate) } });
      return t('consents.changed');
    });
  const answer = (o: DeletionOffer, del: boolean) =>
    act(async () => {
      const r = await api<{ deleted: boolean; rows: number }>(`/api/deletion-offers/${o.id}`, {
        body: { delete: del },
      });
      return r.deleted ? t('consents.deleted', { rows: r.rows }) : t('consents.kept');
    });
  const change = (c: Consent, scopes: string[]) =>
    act(async () => {
      const r = await api<{ consent: Consent }>(`/api/consents/${c.id}/change`, { body: { scopes } });
      setEditing(undefined);
      // Items added: a new 전송요구, so the person authenticates it now, the same way as connecting.
      if (scopes.some((s) => !c.scopes.includes(s))) {
        await navigate('/connect/consent', {
          state: { orgCodes: [c.orgCode], authPath: c.authPath, existing: r.consent.id },
        });
        return undefined;
      }
      return t('consents.changed');
    });
  const authenticate = (c: Consent) =>
    navigate('/connect/consent', { state: { orgCodes: [c.orgCode], authPath: c.authPath, existing: c.id } });

  return (
    <section>
      <PageTitle>{t('consents.title')}</PageTitle>
      <p>{t('consents.intro')}</p>
      {message ? (
        <p className="note ok" role="status">
          {message}
        </p>
      ) : null}
      <ErrorNote error={error ?? data.error} />
      {data.data?.offers.map((o) => (
        <div key={o.id} className="card offer">
          <p>{t('consents.deleteOffer', { institution: o.institution })}</p>
          <div className="buttons">
            <button type="button" className="danger" onClick={() => void answer(o, true)}>
              {t('consents.deleteYes')}
            </button>
            <button type="button" onClick={() => void answer(o, false)}>
              {t('consents.deleteNo')}
            </button>
          </div>
        </div>
      ))}
      {data.data && data.data.consents.length === 0 ? <p>{t('consents.none')}</p> : null}
      <ul className="consents">
        {data.data?.consents.map((c) => {
          const canExtend = c.extendableFrom !== undefined && c.extendableFrom <= today();
          return (
            <li key={c.id} className="card" data-org={c.orgCode} data-status={c.status}>
              <div className="row">
                <h2>{c.institution}</h2>
                <span className={`badge ${c.status}`}>
                  {t(`consents.status.${c.status}`, { defaultValue: c.status })}
                </span>
              </div>
              <p className="muted">{t('consents.endDate', { date: formatYmd(c.endDate) })}</p>
              {editing === c.id ? (
                <ChangeItems
                  consent={c}
                  lang={lang}
                  onSave={(s) => void change(c, s)}
                  onCancel={() => setEditing(undefined)}
                />
              ) : (
                <ul className="items">
                  {c.items.map((s) => (
                    <li key={s.scope}>{s[lang]}</li>
                  ))}
                </ul>
              )}
              {c.status === 'active' && c.extendableFrom && !canExtend ? (
                <p className="muted">{t('consents.extendNotYet', { date: formatYmd(c.extendableFrom) })}</p>
              ) : null}
              <div className="buttons">
                {c.status === 'pending' ? (
                  <button type="button" className="primary" onClick={() => void authenticate(c)}>
                    {t('consents.authenticate')}
                  </button>
                ) : null}
                {c.status === 'active' && editing !== c.id ? (
                  <button type="button" onClick={() => setEditing(c.id)}>
                    {t('consents.change')}
                  </button>
                ) : null}
                {canExtend ? (
                  <button type="button" onClick={() => void extend(c)}>
                    {t('consents.extend')}
                  </button>
                ) : null}
                <button type="button" className="danger" onClick={() => void withdraw(c)}>
                  {t('consents.withdraw')}
                </button>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function ChangeItems(props: {
  readonly consent: Consent;
  readonly lang: 'ko' | 'en';
  readonly onSave: (scopes: string[]) => void;
  readonly onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [on, setOn] = useState<ReadonlySet<string>>(new Set(props.consent.scopes));
  const adding = props.consent.addable.filter((s) => on.has(s.scope));
  const box = (s: { scope: string; ko: string; en: string }) => (
    <label key={s.scope} className="check">
      <input
        type="checkbox"
        checked={on.has(s.scope)}
        onChange={(e) =>
          setOn((prev) => {
            const next = new Set(prev);
            if (e.target.checked) next.add(s.scope);
            else next.delete(s.scope);
            return next;
          })
        }
      />
      {s[props.lang]}
    </label>
  );
  return (
    <fieldset className="change-items">
      <legend>{t('consent.items')}</legend>
      {props.consent.items.map(box)}
      {props.consent.addable.length > 0 ? (
        <fieldset className="addable">
          <legend>{t('consents.addable')}</legend>
          <p className="muted" id={`add-help-${props.consent.id}`}>
            {t(props.consent.authPath === 'integrated' ? 'consents.addHelpIntegrated' : 'consents.addHelpIndividual')}
          </p>
          {props.consent.addable.map(box)}
        </fieldset>
      ) : null}
      {adding.length > 0 ? (
        <p className="note" role="status">
          {t('consents.addNeedsApproval', { items: adding.map((s) => s[props.lang]).join(', ') })}
        </p>
      ) : null}
      <div className="buttons">
        <button type="button" className="primary" disabled={on.size === 0} onClick={() => props.onSave([...on])}>
          {adding.length > 0 ? t('consents.saveAndApprove') : t('common.save')}
        </button>
        <button type="button" onClick={props.onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </fieldset>
  );
}
