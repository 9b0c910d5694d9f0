import { html, type SafeHtml } from '@hannun/infra';
import { ORG_TYPES } from '@hannun/spec';
import type { PortalOrg } from '../../registry/portal-org.ts';
import { successRate, type WeekSummary } from '../../statistics/week-summary.ts';
import { callsChart, dayLabel, rateChart, slotLabel, timesChart } from '../charts/statistics-charts.ts';
import { layout } from '../layout.ts';
import { type PageLang, pick, withLang } from '../page-lang.ts';
import { fill, TEXT } from '../page-text.ts';
import { dateText } from './kst-text.ts';

/** Every organisation with statistics, and which weeks. */
export function statisticsIndexPage(s: {
  readonly lang: PageLang;
  readonly csrf: string;
  readonly rows: readonly { readonly org: PortalOrg; readonly weeks: readonly string[] }[];
}): SafeHtml {
  const t = (k: keyof typeof TEXT) => pick(s.lang, TEXT[k]);
  const body = html`<h1>${t('statisticsTitle')}</h1>
<p>${t('statisticsIntro')}</p>
${
  s.rows.length === 0
    ? html`<p>${t('noStatistics')}</p>`
    : html`<div class="table-wrap"><table>
<caption>${t('statisticsTitle')}</caption>
<thead><tr><th scope="col">org_code</th><th scope="col">${pick(s.lang, { ko: '기관명', en: 'Name' })}</th><th scope="col">${pick(s.lang, { ko: '기관구분', en: 'Type' })}</th><th scope="col">${t('colLatest')}</th><th scope="col" class="num">${t('colWeeks')}</th></tr></thead>
<tbody>
${s.rows.map(
  (r) =>
    html`<tr><th scope="row"><a href="${withLang(`/admin/statistics/${r.org.orgCode}`, s.lang)}"><code>${r.org.orgCode}</code></a></th><td>${r.org.name}</td><td>${pick(s.lang, ORG_TYPES[r.org.orgType])}</td><td>${r.weeks[0] ? dateText(r.weeks[0]) : '—'}</td><td class="num">${r.weeks.length}</td></tr>`,
)}
</tbody></table></div>`
}`;
  return layout({
    lang: s.lang,
    title: t('statisticsTitle'),
    path: '/admin/statistics',
    body,
    session: { csrf: s.csrf, section: 'statistics' },
  });
}

export interface OrgStatisticsState {
  readonly lang: PageLang;
  readonly csrf: string;
  readonly org: PortalOrg;
  readonly weeks: readonly string[];
  readonly summary: WeekSummary | undefined;
  /** Whether the portal can ask this organisation for a resend (지원-104). */
  readonly canResend: boolean;
  /** The outcome of a resend request just made. */
  readonly resend?: { readonly ok: boolean; readonly text: string };
}

const pct = (n: number | undefined) => (n === undefined ? '—' : `${n.toFixed(1)}%`);

/** A chart and, under it, the same numbers as a table for screen readers and for reading exact values. */
function figure(id: string, caption: string, chart: SafeHtml, table: SafeHtml): SafeHtml {
  return html`<figure aria-labelledby="${id}-caption">
<figcaption id="${id}-caption">${caption}</figcaption>
${chart}
</figure>
<div class="table-wrap">${table}</div>`;
}

/** One organisation's week: calls per day, success rate per day, response time per time slot; and a resend form. */
export function orgStatisticsPage(s: OrgStatisticsState): SafeHtml {
  const t = (k: keyof typeof TEXT) => pick(s.lang, TEXT[k]);
  const path = `/admin/statistics/${s.org.orgCode}`;
  const sum = s.summary;
  const weekSelect = html`<form method="get" action="${path}">
${s.lang === 'en' ? html`<input type="hidden" name="lang" value="en">` : ''}
<label for="week">${t('weekLabel')}</label>
<select id="week" name="week">${s.weeks.map((w) => html`<option value="${w}"${w === sum?.inquiryDate ? html` selected` : ''}>${dateText(w)}</option>`)}</select>
<div class="buttons"><button type="submit">${t('show')}</button></div>
</form>`;
  let charts: SafeHtml = html`<p>${t('noStatistics')}</p>`;
  if (sum) {
    const first = sum.days[0]!.date;
    const last = sum.days[6]!.date;
    const times = timesChart(sum, s.lang, 'chart-times-title');
    const totals = sum.days.reduce((a, d) => ({ success: a.success + d.success, fail: a.fail + d.fail }), {
      success: 0,
      fail: 0,
    });
    charts = html`<h2>${fill(pick(s.lang, TEXT.weekOf), { from: dateText(first), to: dateText(last) })}</h2>
<p class="hint">${fill(pick(s.lang, TEXT.sources), { p: sum.sources.provider, m: sum.sources.mydata })}</p>
${figure(
  'chart-calls',
  t('chartCalls'),
  callsChart(sum, s.lang, 'chart-calls-title'),
  html`<table><caption>${t('chartCalls')}</caption>
<thead><tr><th scope="col">${t('colDay')}</th><th scope="col" class="num">${t('success')}</th><th scope="col" class="num">${t('fail')}</th><th scope="col" class="num">${t('calls')}</th></tr></thead>
<tbody>${sum.days.map((d) => html`<tr><th scope="row">${dayLabel(d.date, s.lang)}</th><td class="num">${d.success}</td><td class="num">${d.fail}</td><td class="num">${d.success + d.fail}</td></tr>`)}</tbody>
<tfoot><tr><th scope="row">${t('total')}</th><td class="num">${totals.success}</td><td class="num">${totals.fail}</td><td class="num">${totals.success + totals.fail}</td></tr></tfoot>
</table>`,
)}
${figure(
  'chart-rate',
  t('chartRate'),
  rateChart(sum, s.lang, 'chart-rate-title'),
  html`<table><caption>${t('chartRate')}</caption>
<thead><tr><th scope="col">${t('colDay')}</th><th scope="col" class="num">${t('rate')}</th></tr></thead>
<tbody>${sum.days.map((d) => html`<tr><th scope="row">${dayLabel(d.date, s.lang)}</th><td class="num">${pct(successRate(d))}</td></tr>`)}</tbody>
<tfoot><tr><th scope="row">${t('total')}</th><td class="num">${pct(successRate(totals))}</td></tr></tfoot>
</table>
<table><caption>${t('colType')}</caption>
<thead><tr><th scope="col">${t('colType')}</th><th scope="col" class="num">${t('success')}</th><th scope="col" class="num">${t('fail')}</th><th scope="col" class="num">${t('rate')}</th></tr></thead>
<tbody>${sum.types.map((x) => html`<tr><th scope="row">${t(x.type === '1' ? 'type1' : 'type2')}</th><td class="num">${x.success}</td><td class="num">${x.fail}</td><td class="num">${pct(successRate(x))}</td></tr>`)}</tbody>
</table>`,
)}
${
  times
    ? figure(
        'chart-times',
        t('chartTimes'),
        times,
        html`<table><caption>${t('chartTimes')}</caption>
<thead><tr><th scope="col">${t('colSlot')}</th><th scope="col" class="num">${t('rspAvg')}</th><th scope="col" class="num">${t('calls')}</th></tr></thead>
<tbody>${sum.slots.map((x) => html`<tr><th scope="row">${slotLabel(x.slot, s.lang)}</th><td class="num">${x.rspAvgMs ?? '—'}</td><td class="num">${x.success + x.fail}</td></tr>`)}</tbody>
</table>`,
      )
    : html`<h3>${t('chartTimes')}</h3><p class="notice">${t('noTimes')}</p>
<div class="table-wrap"><table><caption>${pick(s.lang, { ko: '시간대별 호출 수', en: 'Calls by time slot' })}</caption>
<thead><tr><th scope="col">${t('colSlot')}</th><th scope="col" class="num">${t('success')}</th><th scope="col" class="num">${t('fail')}</th></tr></thead>
<tbody>${sum.slots.map((x) => html`<tr><th scope="row">${slotLabel(x.slot, s.lang)}</th><td class="num">${x.success}</td><td class="num">${x.fail}</td></tr>`)}</tbody>
</table></div>`
}`;
  }
  const resendForm = s.canResend
    ? html`<h2 id="resend">${t('resendHeading')}</h2>
<p>${t('resendIntro')}</p>
<form class="stacked" method="post" action="${withLang(`${path}/resend`, s.lang)}">
<input type="hidden" name="csrf" value="${s.csrf}">
<div class="field"><label for="inquiry_date">${t('weekLabel')}</label>
<input type="text" id="inquiry_date" name="inquiry_date" value="${sum?.inquiryDate ?? s.weeks[0] ?? ''}" inputmode="numeric" pattern="[0-9]{8}" aria-describedby="inquiry_date-hint">
<p class="hint" id="inquiry_date-hint">YYYYMMDD</p></div>
<div class="field"><label for="type">${t('resendType')}</label>
<select id="type" name="type"><option value="0">${t('resendBoth')}</option><option value="1">${t('type1')}</option><option value="2">${t('type2')}</option></select></div>
<div class="buttons"><button type="submit">${t('resendButton')}</button></div>
</form>`
    : '';
  const body = html`<h1>${t('statisticsTitle')}: ${s.org.name} (<code>${s.org.orgCode}</code>)</h1>
${s.resend ? html`<p class="${s.resend.ok ? 'success' : 'error'}" role="status">${s.resend.text}</p>` : ''}
${s.weeks.length > 0 ? weekSelect : ''}
${charts}
${resendForm}`;
  return layout({
    lang: s.lang,
    title: `${t('statisticsTitle')}: ${s.org.name}`,
    path,
    body,
    session: { csrf: s.csrf, section: 'statistics' },
  });
}
