import { useLayoutEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { prefetched } from '../api/prefetch.ts';
import type { Asset } from '../api/types.ts';
import { Chart, PALETTE } from '../charts/chart.tsx';
import { ErrorNote } from '../components/error-note.tsx';
import { PageTitle } from '../components/page-title.tsx';
import { useLoad } from '../components/use-load.ts';
import { type AssetKind, assetKind, KIND_NAMES } from '../dashboard/asset-kind.ts';
import { loadAnalysis } from '../dashboard/analysis.ts';
import { AnalysisSections } from '../dashboard/analysis-sections.tsx';

/**
 * One glance: net worth and its trend, allocation, cash flow, spending by category, trends, recurring payments,
 * upcoming bills (from the analysis routes, issue #7), and every asset by kind (loans, insurance, investments…).
 */
export default function DashboardPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'ko';
  const data = useLoad(async () => {
    const [assets, analysis] = await Promise.all([prefetched<{ assets: Asset[] }>('/api/assets'), loadAnalysis()]);
    return { assets: assets.assets, analysis };
  });
  // The moment the numbers are on the page (before the charts' script is asked for): measured by `npm run bench`.
  useLayoutEffect(() => {
    if (!data.data) return;
    performance.mark('hannun:dashboard-rendered');
    // The first free moment after that frame is painted: the page answers input from here.
    requestAnimationFrame(() => setTimeout(() => performance.mark('hannun:dashboard-interactive'), 0));
  }, [data.data]);
  const byKind = useMemo(() => {
    const m = new Map<AssetKind, Asset[]>();
    for (const a of data.data?.assets ?? []) {
      const k = assetKind(a);
      m.set(k, [...(m.get(k) ?? []), a]);
    }
    return m;
  }, [data.data]);

  if (!data.data) {
    return (
      <section>
        <PageTitle>{t('dashboard.title')}</PageTitle>
        {data.error ? <ErrorNote error={data.error} onRetry={data.reload} /> : <p>{t('common.loading')}</p>}
      </section>
    );
  }
  if (data.data.assets.length === 0) {
    return (
      <section>
        <PageTitle>{t('dashboard.title')}</PageTitle>
        <p>{t('dashboard.empty')}</p>
        <Link className="button primary" to="/connect">
          {t('dashboard.connectNow')}
        </Link>
      </section>
    );
  }
  const kinds = [...byKind.entries()];
  const allocation = {
    color: PALETTE,
    tooltip: { trigger: 'item' },
    series: [
      {
        type: 'pie',
        radius: ['45%', '75%'],
        data: kinds.map(([k, list]) => ({ name: KIND_NAMES[k][lang], value: list.length })),
        label: { formatter: '{b}' },
      },
    ],
  };
  return (
    <section className="dashboard" data-ready={data.data ? 'true' : undefined}>
      <PageTitle>{t('dashboard.title')}</PageTitle>
      <AnalysisSections analysis={data.data.analysis} />
      <div className="grid">
        {data.data.analysis.summary ? null : (
          <article className="card">
            <h2>{t('dashboard.allocation')}</h2>
            <Chart option={allocation} label={kinds.map(([k, l]) => `${KIND_NAMES[k][lang]} ${l.length}`).join(', ')} />
          </article>
        )}
        {(['loan', 'insurance', 'investment', 'deposit', 'card', 'pension', 'epay', 'telecom', 'other'] as const).map(
          (k) =>
            byKind.has(k) ? (
              <article className="card" key={k} data-kind={k}>
                <h2>{KIND_NAMES[k][lang]}</h2>
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{t('dashboard.institution')}</th>
                      <th scope="col">{t('dashboard.name')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {byKind.get(k)!.map((a) => (
                      <tr key={a.id}>
                        <td>{a.institution}</td>
                        <td>
                          {a.name ?? a.listApi} {a.number ? <span className="muted">{a.number}</span> : null}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </article>
            ) : null,
        )}
      </div>
    </section>
  );
}
