import type { Known, NetWorthPoint } from '@hannun/analysis';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { PALETTE } from '../charts/chart.tsx';
import { formatWon, formatYmd, shortWon } from '../format.ts';
import type { Analysis } from './analysis.ts';
import { ChartCard } from './chart-card.tsx';

const monthLabel = (m: string) => `${m.slice(2, 4)}.${m.slice(4, 6)}`;

/** A reconstructed month-end says how it was rebuilt: sectors held at today's value, sectors unknown. */
function coverageNote(p: NetWorthPoint, lang: 'ko' | 'en'): string {
  if (p.source !== 'reconstructed') return '';
  const held = (p.sectors ?? []).filter((s) => s.coverage === 'held').map((s) => (lang === 'ko' ? s.ko : s.sector));
  const unknown = (p.sectors ?? [])
    .filter((s) => s.coverage === 'unknown')
    .map((s) => (lang === 'ko' ? s.ko : s.sector));
  const parts = [lang === 'ko' ? '거래내역으로 추정' : 'rebuilt from history'];
  if (held.length) parts.push(`${lang === 'ko' ? '현재값 유지' : 'held at today'}: ${held.join(', ')}`);
  if (unknown.length) parts.push(`${lang === 'ko' ? '알 수 없음(제외)' : 'unknown (left out)'}: ${unknown.join(', ')}`);
  return parts.join(' · ');
}

function Amount({ value, lang }: { readonly value: Known<number>; readonly lang: 'ko' | 'en' }) {
  const { t } = useTranslation();
  if (value.known) return <>{formatWon(value.value, lang)}</>;
  return (
    <span className="unknown">
      {t('dashboard.unknown')} <small>({value.reason[lang]})</small>
    </span>
  );
}

/**
 * The analysis sections of the dashboard (issue #7's routes): net worth and its trend, allocation by sector,
 * monthly cash flow, spending by category, trends, recurring payments and upcoming bills. Unknown values show
 * as unknown with their reason, never as zero.
 */
export function AnalysisSections({ analysis }: { readonly analysis: Analysis }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'ko';
  const { summary, spending } = analysis;
  const axis = useMemo(() => ({ axisLabel: { formatter: (v: number) => shortWon(v, lang) } }), [lang]);
  if (!summary) return null;
  const worth = summary.netWorth;
  const history = worth.history;
  const sectors = worth.bySector.filter((s) => s.knownAssets > 0);
  const cash = spending?.cashFlow ?? [];
  const cats = summary.spending.categories.filter((c) => c.amount > 0);
  const trends = (spending?.trends ?? []).slice(0, 4);
  // The few payments furthest above the person's usual this month; the rest are counted, not listed.
  const allUnusual = spending?.unusualTransactions?.length ?? 0;
  const unusual = [...(spending?.unusualTransactions ?? [])].sort((a, b) => b.ratio - a.ratio).slice(0, 3);
  const won = (v: number) => formatWon(v, lang);

  return (
    <>
      <article className="card net-worth" data-section="net-worth">
        <h2>{t('dashboard.netWorth')}</h2>
        <p className="big" data-testid="net-worth">
          <Amount value={worth.net} lang={lang} />
        </p>
        <dl className="pair">
          <dt>{t('dashboard.assetsTotal')}</dt>
          <dd>
            <Amount value={worth.assets} lang={lang} />
          </dd>
          <dt>{t('dashboard.debtsTotal')}</dt>
          <dd>
            <Amount value={worth.liabilities} lang={lang} />
          </dd>
        </dl>
        {worth.unknowns.length > 0 ? (
          <details>
            <summary>{t('dashboard.unknowns', { count: worth.unknowns.length })}</summary>
            <ul>
              {worth.unknowns.map((u) => (
                <li key={u.item}>
                  {u.item}: {u.reason[lang]}
                </li>
              ))}
            </ul>
          </details>
        ) : null}
        {worth.fx.length > 0 ? (
          <p className="muted">
            {t('dashboard.fx')}: {worth.fx.map((f) => `${f.currency} ${f.rate}`).join(', ')}
          </p>
        ) : null}
      </article>
      <div className="grid">
        <ChartCard
          kind="trend"
          title={t('dashboard.trend')}
          label={history.map((p) => `${formatYmd(p.date)} ${won(p.net)}`).join(', ') || t('dashboard.noHistory')}
          option={{
            color: PALETTE,
            grid: { left: 56, right: 12, top: 16, bottom: 28 },
            tooltip: { trigger: 'axis' },
            xAxis: { type: 'category', data: history.map((p) => formatYmd(p.date).slice(5)) },
            yAxis: { type: 'value', ...axis },
            series: [
              {
                type: 'line',
                name: t('dashboard.netWorth'),
                data: history.map((p) => p.net),
                showSymbol: history.length < 3,
              },
            ],
          }}
          table={
            <table>
              <tbody>
                {history.map((p) => (
                  <tr key={p.date}>
                    <th scope="row">{formatYmd(p.date)}</th>
                    <td className="num">{won(p.net)}</td>
                    <td className="muted">{coverageNote(p, lang)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          }
        />
        <ChartCard
          kind="allocation"
          title={t('dashboard.allocation')}
          label={sectors.map((s) => `${s[lang]} ${won(s.knownAssets)}`).join(', ')}
          option={{
            color: PALETTE,
            tooltip: { trigger: 'item' },
            series: [
              {
                type: 'pie',
                radius: ['45%', '75%'],
                data: sectors.map((s) => ({ name: s[lang], value: s.knownAssets })),
              },
            ],
          }}
          table={
            <table>
              <tbody>
                {worth.bySector.map((s) => (
                  <tr key={s.sector}>
                    <th scope="row">{s[lang]}</th>
                    <td className="num">{won(s.knownAssets)}</td>
                    <td className="num">{s.knownLiabilities ? `-${won(s.knownLiabilities)}` : ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          }
        />
        <ChartCard
          kind="cash-flow"
          title={t('dashboard.cashFlow')}
          label={cash.map((m) => `${monthLabel(m.month)} +${won(m.income)} -${won(m.spending)}`).join(', ')}
          option={{
            color: ['#15803d', '#b91c1c'],
            grid: { left: 56, right: 12, top: 28, bottom: 28 },
            tooltip: { trigger: 'axis' },
            legend: { top: 0 },
            xAxis: { type: 'category', data: cash.map((m) => monthLabel(m.month)) },
            yAxis: { type: 'value', ...axis },
            series: [
              { type: 'bar', name: t('dashboard.income'), data: cash.map((m) => m.income) },
              { type: 'bar', name: t('dashboard.spending'), data: cash.map((m) => m.spending) },
            ],
          }}
          table={
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('dashboard.month')}</th>
                  <th scope="col" className="num">
                    {t('dashboard.income')}
                  </th>
                  <th scope="col" className="num">
                    {t('dashboard.spending')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {cash.map((m) => (
                  <tr key={m.month}>
                    <th scope="row">{monthLabel(m.month)}</th>
                    <td className="num">{won(m.income)}</td>
                    <td className="num">{won(m.spending)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          }
        />
        <ChartCard
          kind="categories"
          title={t('dashboard.byCategory')}
          label={cats.map((c) => `${c[lang]} ${won(c.amount)}`).join(', ') || t('dashboard.noSpending')}
          option={{
            color: PALETTE,
            tooltip: { trigger: 'item' },
            series: [
              { type: 'pie', radius: '70%', data: cats.slice(0, 8).map((c) => ({ name: c[lang], value: c.amount })) },
            ],
          }}
          table={
            <table>
              <tbody>
                {cats.map((c) => (
                  <tr key={c.category}>
                    <th scope="row">{c[lang]}</th>
                    <td className="num">{won(c.amount)}</td>
                    <td className="num">{Math.round(c.share * 100)}%</td>
                  </tr>
                ))}
              </tbody>
            </table>
          }
        />
        <ChartCard
          kind="trends"
          title={t('dashboard.trends')}
          label={trends.map((c) => `${c.ko} ${won(c.average)}`).join(', ') || t('dashboard.noSpending')}
          option={{
            color: PALETTE,
            grid: { left: 56, right: 12, top: 28, bottom: 28 },
            tooltip: { trigger: 'axis' },
            legend: { top: 0 },
            xAxis: { type: 'category', data: (trends[0]?.series ?? []).map((p) => monthLabel(p.month)) },
            yAxis: { type: 'value', ...axis },
            series: trends.map((c) => ({ type: 'line', name: c.ko, data: c.series.map((p) => p.amount) })),
          }}
          table={
            <table>
              <tbody>
                {trends.map((c) => (
                  <tr key={c.category}>
                    <th scope="row">{c.ko}</th>
                    <td className="num">{won(c.average)}</td>
                    <td className="num">{c.change === null ? '—' : `${Math.round(c.change * 100)}%`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          }
        />
        <article className="card" data-section="recurring">
          <h2>{t('dashboard.recurring')}</h2>
          {summary.recurring.length === 0 ? <p>{t('common.none')}</p> : null}
          <table>
            <tbody>
              {summary.recurring.map((r) => (
                <tr key={r.merchantKey}>
                  <th scope="row">
                    {r.name} <small className="muted">{r.reason[lang]}</small>
                  </th>
                  <td className="num">{won(r.monthly)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </article>
        {unusual.length > 0 ? (
          <article className="card" data-section="unusual-payments">
            <h2>{t('dashboard.unusualPayments')}</h2>
            <table>
              <tbody>
                {unusual.map((u) => (
                  <tr key={u.id}>
                    <th scope="row">
                      {formatYmd(u.date)} <small className="muted">{u.reason[lang]}</small>
                    </th>
                    <td className="num">{won(u.amount)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {allUnusual > unusual.length ? (
              <p className="muted">{t('dashboard.unusualMore', { shown: unusual.length, count: allUnusual })}</p>
            ) : null}
          </article>
        ) : null}
        <article className="card" data-section="bills">
          <h2>{t('dashboard.upcoming')}</h2>
          {summary.bills.upcoming.length === 0 && summary.bills.installments.length === 0 ? (
            <p>{t('common.none')}</p>
          ) : null}
          <table>
            <tbody>
              {summary.bills.upcoming.map((b) => (
                <tr key={`${b.orgCode}${b.dueDate}`}>
                  <th scope="row">
                    {b.institution}{' '}
                    <small className="muted">{t('dashboard.due', { date: formatYmd(b.dueDate) })}</small>
                  </th>
                  <td className="num">{won(b.amount)}</td>
                </tr>
              ))}
              {summary.bills.installments.slice(0, 8).map((p) => (
                <tr key={`${p.institution}${p.merchant}${p.endsIn}`}>
                  <th scope="row">
                    {p.merchant} <small className="muted">{`${p.paidParts}/${p.totalParts}`}</small>
                  </th>
                  <td className="num">{won(p.monthly)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {summary.bills.installments.length > 8 ? (
            <p className="muted">{t('dashboard.moreInstallments', { count: summary.bills.installments.length - 8 })}</p>
          ) : null}
        </article>
      </div>
    </>
  );
}
