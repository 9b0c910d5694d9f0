import type { Known } from '@hannun/analysis';
import { useTranslation } from 'react-i18next';
import { ErrorNote } from '../components/error-note.tsx';
import { PageTitle } from '../components/page-title.tsx';
import { useLoad } from '../components/use-load.ts';
import { type Credit, optional, type Recommendations, type ThinFile } from '../dashboard/analysis.ts';
import { formatWon } from '../format.ts';

function show(k: Known<number>, lang: 'ko' | 'en', as: (v: number) => string): string {
  return k.known ? as(k.value) : `${lang === 'ko' ? '알 수 없음' : 'Unknown'} (${k.reason[lang]})`;
}

/** Credit management, the alternative (thin-file) scorecard and recommendations, each with its reasons (issue #7). */
export default function CreditPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'ko';
  const won = (v: number) => formatWon(v, lang);
  const data = useLoad(async () => {
    const [credit, thinFile, recs] = await Promise.all([
      optional<Credit>('/api/analysis/credit'),
      optional<ThinFile>('/api/analysis/thin-file'),
      optional<Recommendations>('/api/analysis/recommendations'),
    ]);
    return { credit, thinFile, recs };
  });
  const d = data.data;
  return (
    <section>
      <PageTitle>{t('credit.title')}</PageTitle>
      <ErrorNote error={data.error} onRetry={data.reload} />
      {d && !d.credit && !d.thinFile && !d.recs ? <p>{t('credit.none')}</p> : null}
      {d?.credit ? (
        <article className="card" data-section="credit">
          <h2>{t('credit.management')}</h2>
          <dl className="pair">
            <dt>{t('credit.debt')}</dt>
            <dd>{show(d.credit.debt.total, lang, won)}</dd>
            <dt>DSR</dt>
            <dd>{show(d.credit.dsr.ratio, lang, (v) => `${Math.round(v * 1000) / 10}%`)}</dd>
            <dt>{t('credit.cardUse')}</dt>
            <dd>{show(d.credit.cardUse.utilisation, lang, (v) => `${Math.round(v * 100)}%`)}</dd>
          </dl>
          <p className="muted">{d.credit.dsr.explanation[lang]}</p>
          {d.credit.signals.length > 0 ? (
            <>
              <h3>{t('credit.signals')}</h3>
              <ul>
                {d.credit.signals.map((s) => (
                  <li key={s.kind}>{s.text[lang]}</li>
                ))}
              </ul>
            </>
          ) : null}
          {d.credit.highInterest.length > 0 ? (
            <>
              <h3>{t('credit.highInterest')}</h3>
              <ul>
                {d.credit.highInterest.map((l) => (
                  <li key={l.id}>
                    {l.institution} {l.name ?? ''} · {l.rate}% · {show(l.balance, lang, won)}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {d.credit.tips.length > 0 ? (
            <>
              <h3>{t('credit.tips')}</h3>
              <ul className="tips">
                {d.credit.tips.map((tip) => (
                  <li key={tip.id}>
                    <strong>{tip.text[lang]}</strong> <span className="muted">{tip.change[lang]}</span>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {d.credit.suspicious.length > 0 ? (
            <>
              <h3>{t('credit.suspicious')}</h3>
              <ul>
                {d.credit.suspicious.map((s) => (
                  <li key={s.item}>
                    {s.item}: {s.why[lang]}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </article>
      ) : null}
      {d?.thinFile ? (
        <article className="card" data-section="thin-file">
          <h2>{t('credit.alternative')}</h2>
          <p className="big">
            {d.thinFile.scorecard.grade.known ? d.thinFile.scorecard.grade.value : '—'}{' '}
            <small>
              {d.thinFile.scorecard.points}/{d.thinFile.scorecard.outOf}
            </small>
          </p>
          <p className="muted">{d.thinFile.scorecard.method[lang]}</p>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('credit.factor')}</th>
                <th scope="col" className="num">
                  {t('credit.points')}
                </th>
                <th scope="col">{t('credit.because')}</th>
              </tr>
            </thead>
            <tbody>
              {d.thinFile.scorecard.factors.map((f) => (
                <tr key={f.key}>
                  <th scope="row">{f[lang]}</th>
                  <td className="num">
                    {f.points.known ? f.points.value : '—'}/{f.max}
                  </td>
                  <td>
                    {f.evidence[lang]} <span className="muted">{f.improve[lang]}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </article>
      ) : null}
      {d?.recs ? (
        <article className="card" data-section="recommendations">
          <h2>{t('credit.recommendations')}</h2>
          {d.recs.recommendations.length === 0 ? <p>{t('credit.none')}</p> : null}
          <ul className="recs">
            {d.recs.recommendations.map((r) => (
              <li key={r.productId} className="rec">
                <h3>
                  {r.provider} {r.name}
                </h3>
                <p>
                  <strong>{t('credit.because')}:</strong> {r.reason[lang]}
                </p>
                {r.yearlyBenefit !== null ? <p>{t('credit.benefit', { value: won(r.yearlyBenefit) })}</p> : null}
                {r.comparison.rows.length > 0 ? (
                  // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (axe: scrollable-region-focusable)
                  <section className="table-scroll" tabIndex={0} aria-label={`${r.provider} ${r.name}`}>
                    <table>
                      <thead>
                        <tr>
                          {r.comparison.columns.map((c) => (
                            <th key={c} scope="col">
                              {c}
                            </th>
                          ))}
                        </tr>
                      </thead>
                      <tbody>
                        {r.comparison.rows.map((row, i) => (
                          // biome-ignore lint/suspicious/noArrayIndexKey: comparison rows have no id and never reorder
                          <tr key={i}>
                            {row.map((cell, j) => (
                              // biome-ignore lint/suspicious/noArrayIndexKey: cells of a fixed row
                              <td key={j}>{cell ?? '—'}</td>
                            ))}
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </section>
                ) : null}
              </li>
            ))}
          </ul>
        </article>
      ) : null}
    </section>
  );
}
