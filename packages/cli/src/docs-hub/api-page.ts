import { type ApiSpec, type DateRule, INDUSTRIES } from '@hannun/spec';
import { GROUP_TITLES, pathOf, scopeOf } from './catalogue-groups.ts';
import { type FieldRow, fieldRows } from './field-rows.ts';
import { bilingual } from './bilingual.ts';
import { html, type SafeHtml } from './html.ts';
import { type Bilingual, hubHref, type Lang, T, t } from './i18n.ts';
import { page } from './layout.ts';

const DATE_RULES: Record<DateRule, Bilingual> = {
  none: { ko: '없음', en: 'none' },
  days31: {
    ko: 'from_date~to_date, 정기 전송 시 최대 31일',
    en: 'from_date–to_date, at most 31 days per scheduled call',
  },
  days3m: {
    ko: 'from_date~to_date, 정기 전송 시 최대 3개월',
    en: 'from_date–to_date, up to 3 months per scheduled call',
  },
  months: { ko: 'from_month~to_month, 최대 3개월', en: 'from_month–to_month, at most 3 months' },
};

const LOCATIONS: Record<ApiSpec['request']['location'], Bilingual> = {
  query: { ko: '쿼리 문자열', en: 'query string' },
  json: { ko: 'JSON 본문', en: 'JSON body' },
  form: { ko: 'x-www-form-urlencoded 본문', en: 'x-www-form-urlencoded body' },
};

function remarks(lang: Lang, row: FieldRow): SafeHtml {
  const parts: SafeHtml[] = [];
  if (row.provisional) parts.push(html`<span class="badge">${t(lang, T.provisional)}</span>`);
  if (row.countOf) parts.push(html`<span>${t(lang, T.countOf, { name: row.countOf })}</span>`);
  if (row.max !== undefined) parts.push(html`<span>${t(lang, T.listOf, { max: row.max })}</span>`);
  if (row.since) parts.push(html`<span>${t(lang, T.sinceV2)}</span>`);
  if (row.gate) parts.push(html`<span>${t(lang, T.gatedBy, { gate: row.gate })}</span>`);
  if (row.values) parts.push(html`<span>${t(lang, T.allowedValues, { values: row.values.join(', ') })}</span>`);
  if (row.note) parts.push(html`<span>${row.note}</span>`);
  return html`${parts.map((p, i) => html`${i > 0 ? '; ' : ''}${p}`)}`;
}

function fieldTable(lang: Lang, caption: string, rows: readonly FieldRow[]): SafeHtml {
  if (rows.length === 0) return html`<p>${t(lang, T.noFields)}</p>`;
  const body = rows.map(
    (r) => html`<tr>
<th scope="row" class="depth-${Math.min(r.depth, 3)}"><code>${r.path}</code></th>
<td>${bilingual(lang, r.meaning)}</td>
<td><code>${r.type}</code></td>
<td>${r.required ? t(lang, T.yes) : t(lang, T.no)}</td>
<td>${remarks(lang, r)}</td>
</tr>`,
  );
  return html`<table>
<caption>${caption}</caption>
<thead><tr><th scope="col">${t(lang, T.field)}</th><th scope="col">${t(lang, T.meaning)}</th><th scope="col">${t(lang, T.type)}</th><th scope="col">${t(lang, T.required)}</th><th scope="col">${t(lang, T.remarks)}</th></tr></thead>
<tbody>${body}</tbody>
</table>`;
}

function pathsAndScopes(lang: Lang, api: ApiSpec): SafeHtml {
  if (api.group !== 'info' || api.industries.length === 0) {
    const scope = scopeOf(api);
    return html`<dt>${t(lang, T.path)}</dt><dd><code>${api.method} ${pathOf(api)}</code></dd>
<dt>${t(lang, T.scope)}</dt><dd>${scope ? html`<code>${scope}</code>` : '—'}</dd>`;
  }
  const items = api.industries.map((industry) => {
    const scope = scopeOf(api, industry);
    return html`<li>${INDUSTRIES[industry][lang]}: <code>${api.method} ${pathOf(api, industry)}</code> · ${scope ? html`<code>${scope}</code>` : '—'}</li>`;
  });
  return html`<dt>${t(lang, T.path)} · ${t(lang, T.scope)}</dt><dd><ul>${items}</ul></dd>`;
}

/** `/apis/:id`: the API's properties and its request and response fields. */
export function apiPage(lang: Lang, api: ApiSpec): SafeHtml {
  const yesNo = (b: boolean) => (b ? t(lang, T.yes) : t(lang, T.no));
  const headers = html`${api.headers.required.map((h) => html`<code>${h}</code> (${t(lang, T.requiredHeaders)}) `)}${api.headers.optional.map(
    (h) => html`<code>${h}</code> (${t(lang, T.optionalHeaders)}) `,
  )}`;
  const cycle = api.cycle === '기본' ? t(lang, T.cycleBasic) : api.cycle === '추가' ? t(lang, T.cycleExtra) : '—';
  const body = html`<p><a href="${hubHref('/', lang)}#catalogue">${t(lang, T.back)}</a></p>
<h1><span>${api.id}</span> ${api.name[lang]}</h1>
<p class="alt" lang="${lang === 'ko' ? 'en' : 'ko'}">${api.name[lang === 'ko' ? 'en' : 'ko']}</p>
${api.provisional ? html`<p><span class="badge">${t(lang, T.provisional)}</span> ${t(lang, T.provisionalApi)}</p>` : ''}
<dl class="meta">
<dt>${t(lang, T.group)}</dt><dd>${GROUP_TITLES[api.group][lang]}</dd>
${pathsAndScopes(lang, api)}
<dt>${t(lang, T.providedBy)}</dt><dd>${api.providedBy.join(', ') || '—'}</dd>
<dt>${t(lang, T.calledBy)}</dt><dd>${api.calledBy.join(', ') || '—'}</dd>
<dt>${t(lang, T.cycle)}</dt><dd>${cycle}</dd>
<dt>${t(lang, T.dateRule)}</dt><dd>${DATE_RULES[api.dateRule][lang]}</dd>
<dt>${t(lang, T.paginated)}</dt><dd>${yesNo(api.paginated)}</dd>
<dt>${t(lang, T.timestamp)}</dt><dd>${yesNo(api.timestamp)}</dd>
<dt>${t(lang, T.headers)}</dt><dd>${headers}</dd>
<dt>${t(lang, T.errorStyle)}</dt><dd><code>${api.errorStyle}</code></dd>
${api.notes ? html`<dt>${t(lang, T.notes)}</dt><dd>${api.notes}</dd>` : ''}
</dl>
<section aria-labelledby="request"><h2 id="request">${t(lang, T.request)}</h2>
<p>${t(lang, T.requestIn, { loc: LOCATIONS[api.request.location][lang] })}</p>
${api.request.path ? html`<h3>${t(lang, T.pathParams)}</h3>${fieldTable(lang, `${api.id} ${t(lang, T.pathParams)}`, fieldRows(api.request.path))}` : ''}
${fieldTable(lang, `${api.id} ${t(lang, T.request)}`, fieldRows(api.request.shape))}
</section>
<section aria-labelledby="response"><h2 id="response">${t(lang, T.response)}</h2>
<p>${api.errorStyle === 'rsp_code' ? t(lang, T.envelope) : t(lang, T.oauthErrors)}</p>
${fieldTable(lang, `${api.id} ${t(lang, T.response)}`, fieldRows(api.response))}
</section>
<p>${t(lang, T.provisionalLegend)}</p>`;
  return page({ lang, title: `${api.id} ${api.name[lang]}`, path: `/apis/${encodeURIComponent(api.id)}`, body });
}
