import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/api.ts';
import { ErrorNote } from '../components/error-note.tsx';
import { PageTitle } from '../components/page-title.tsx';
import { useLoad } from '../components/use-load.ts';
import { formatTime } from '../format.ts';

interface Journey {
  readonly transmissions: readonly {
    readonly id: string;
    readonly at: number;
    readonly institution: string;
    readonly items: { readonly ko: string; readonly en: string };
    readonly purpose: string | null;
    readonly apiType: string | null;
    readonly result: string | null;
    readonly ok: boolean;
    readonly rows: number;
  }[];
  readonly uses: readonly {
    readonly seq: number;
    readonly at: number;
    readonly action: string;
    readonly by: string;
    readonly orgCode: string | null;
  }[];
}

const ACTIONS: Record<string, { ko: string; en: string }> = {
  'person.signup': { ko: '회원가입', en: 'Signed up' },
  'person.login': { ko: '로그인', en: 'Logged in' },
  'data.export': { ko: '내 데이터 내려받기', en: 'Downloaded my data' },
  'data.delete-institution': { ko: '기관 정보 삭제', en: 'Deleted an institution’s data' },
};

/** How often the page asks again while open: the journey is shown live. */
const LIVE_MS = 5000;

/** My data's journey: every transmission (institution, items, time, purpose, x-api-type, result) and every use. */
export default function JourneyPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'ko';
  const data = useLoad(() => api<Journey>('/api/journey?days=90'));
  const { reload } = data;
  useEffect(() => {
    const timer = setInterval(reload, LIVE_MS);
    return () => clearInterval(timer);
  }, [reload]);
  const j = data.data;
  return (
    <section>
      <PageTitle>{t('journey.title')}</PageTitle>
      <p>
        {t('journey.intro')} <span className="badge active">{t('journey.live')}</span>
      </p>
      <ErrorNote error={data.error} />
      <article className="card">
        <h2>{t('journey.transmissions')}</h2>
        {j && j.transmissions.length === 0 ? <p>{t('journey.none')}</p> : null}
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (axe: scrollable-region-focusable) */}
        <section className="table-scroll" aria-label={t('journey.transmissions')} tabIndex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('journey.time')}</th>
                <th scope="col">{t('journey.institution')}</th>
                <th scope="col">{t('journey.items')}</th>
                <th scope="col">{t('journey.purpose')}</th>
                <th scope="col">{t('journey.apiType')}</th>
                <th scope="col">{t('journey.result')}</th>
              </tr>
            </thead>
            <tbody>
              {j?.transmissions.map((r) => (
                <tr key={r.id} className="transmission">
                  <td>{formatTime(r.at, lang)}</td>
                  <td>{r.institution}</td>
                  <td>{r.items[lang]}</td>
                  <td>{r.purpose ?? '—'}</td>
                  <td>
                    <code>{r.apiType ?? '—'}</code>
                  </td>
                  <td className={r.ok ? 'ok-text' : 'error-text'}>{r.result ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </article>
      <article className="card">
        <h2>{t('journey.uses')}</h2>
        <ul className="uses">
          {j?.uses.map((u) => (
            <li key={u.seq}>
              <span className="muted">{formatTime(u.at, lang)}</span> {ACTIONS[u.action]?.[lang] ?? u.action}
              {u.orgCode ? ` · ${u.orgCode}` : ''}
            </li>
          ))}
        </ul>
      </article>
    </section>
  );
}
