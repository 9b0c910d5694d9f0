import { OPENAPI_ROLES } from '@hannun/spec';
import { ECOSYSTEM_ROLES } from '../ecosystem/roles.ts';
import type { RunningServiceInfo } from '../ecosystem/service-definition.ts';
import { type CatalogueGroup, type CatalogueSection, groupCatalogue } from './catalogue-groups.ts';
import { html, type SafeHtml } from './html.ts';
import { bilingual } from './bilingual.ts';
import { hubHref, type Lang, T, t } from './i18n.ts';
import { page } from './layout.ts';

function rolesTable(lang: Lang, running: readonly RunningServiceInfo[]): SafeHtml {
  const rows = ECOSYSTEM_ROLES.map((info) => {
    const here = running.filter((s) => s.role === info.role);
    const status =
      here.length > 0
        ? html`<span class="status-running">${t(lang, T.running)}</span>`
        : html`<span class="status-missing">${t(lang, T.notBuilt)}</span>`;
    const where = here.map((s) => html`<a href="${s.url}">${s.url}</a> <span class="alt">${s.name}</span>`);
    return html`<tr><th scope="row">${bilingual(lang, info.name)}</th><td>${info.does[lang]}</td><td>${status}</td><td>${where}</td></tr>`;
  });
  return html`<table>
<caption>${t(lang, T.rolesCaption)}</caption>
<thead><tr><th scope="col">${t(lang, T.role)}</th><th scope="col">${t(lang, T.does)}</th><th scope="col">${t(lang, T.status)}</th><th scope="col">${t(lang, T.address)}</th></tr></thead>
<tbody>${rows}</tbody>
</table>`;
}

function sectionTable(lang: Lang, section: CatalogueSection): SafeHtml {
  const rows = section.rows.map((r) => {
    const cycle = r.api.cycle === '기본' ? t(lang, T.cycleBasic) : r.api.cycle === '추가' ? t(lang, T.cycleExtra) : '—';
    return html`<tr>
<td><a href="${hubHref(`/apis/${encodeURIComponent(r.api.id)}`, lang)}">${r.api.id}</a></td>
<td>${bilingual(lang, r.api.name)}</td>
<td class="method">${r.api.method}</td>
<td><code>${r.path}</code></td>
<td>${r.scope ? html`<code>${r.scope}</code>` : '—'}</td>
<td>${cycle}</td>
</tr>`;
  });
  return html`<table>
<caption>${section.title[lang]}</caption>
<thead><tr><th scope="col">${t(lang, T.id)}</th><th scope="col">${t(lang, T.name)}</th><th scope="col">${t(lang, T.method)}</th><th scope="col">${t(lang, T.path)}</th><th scope="col">${t(lang, T.scope)}</th><th scope="col">${t(lang, T.cycle)}</th></tr></thead>
<tbody>${rows}</tbody>
</table>`;
}

function groupBlock(lang: Lang, group: CatalogueGroup): SafeHtml {
  if (group.group !== 'info') {
    return html`<section aria-labelledby="${group.id}"><h3 id="${group.id}">${group.title[lang]}</h3>${sectionTable(lang, group)}</section>`;
  }
  const sections = group.sections.map(
    (s) =>
      html`<section aria-labelledby="${s.id}"><h4 id="${s.id}">${s.title[lang]} <span class="alt">${s.id.replace('industry-', '')}</span></h4>${sectionTable(lang, s)}</section>`,
  );
  return html`<section aria-labelledby="${group.id}"><h3 id="${group.id}">${group.title[lang]}</h3>${sections}</section>`;
}

function toc(lang: Lang, groups: readonly CatalogueGroup[]): SafeHtml {
  const items = groups.flatMap((g) => [
    html`<li><a href="#${g.id}">${g.title[lang]}</a></li>`,
    ...(g.group === 'info'
      ? g.sections.map((s) => html`<li><a href="#${s.id}">${g.title[lang]} · ${s.title[lang]}</a></li>`)
      : []),
  ]);
  return html`<nav aria-label="${t(lang, T.contents)}"><ul class="toc">${items}</ul></nav>`;
}

export interface HomePageInput {
  readonly lang: Lang;
  readonly query: string;
  readonly running: readonly RunningServiceInfo[];
  readonly catalogueSize: number;
}

/** `/`: what runs where, the catalogue explorer with its search form, and the OpenAPI documents. */
export function homePage(input: HomePageInput): SafeHtml {
  const { lang, query } = input;
  const groups = groupCatalogue(undefined, query);
  const apiCount = new Set(groups.flatMap((g) => g.rows.map((r) => r.api.id))).size;
  const summary = query
    ? html`<p role="status">${t(lang, T.searchResult, { q: query, n: apiCount })} <a href="${hubHref('/', lang)}#catalogue">${t(lang, T.clearSearch)}</a></p>`
    : html`<p>${t(lang, T.catalogueSummary, { n: input.catalogueSize })}</p>`;
  const empty = input.catalogueSize === 0 ? T.emptyCatalogue : T.noResults;
  const body = html`<h1>${t(lang, T.title)}</h1>
<p>${t(lang, T.intro)}</p>
<section aria-labelledby="roles"><h2 id="roles">${t(lang, T.rolesHeading)}</h2>${rolesTable(lang, input.running)}</section>
<section aria-labelledby="catalogue"><h2 id="catalogue">${t(lang, T.catalogueHeading)}</h2>
<form class="search" role="search" method="get" action="/#catalogue">
<label for="q">${t(lang, T.search)}</label>
<input id="q" name="q" type="search" value="${query}">
${lang === 'en' ? html`<input type="hidden" name="lang" value="en">` : ''}
<button type="submit">${t(lang, T.searchButton)}</button>
</form>
${summary}
${groups.length === 0 ? html`<p>${t(lang, empty)}</p>` : html`${toc(lang, groups)}${groups.map((g) => groupBlock(lang, g))}`}
<p>${t(lang, T.provisionalLegend)}</p>
</section>
<section aria-labelledby="openapi"><h2 id="openapi">${t(lang, T.openapiHeading)}</h2>
<p>${t(lang, T.openapiIntro)}</p>
<ul>${OPENAPI_ROLES.map((role) => html`<li><a href="/openapi/${role}.json"><code>/openapi/${role}.json</code></a></li>`)}</ul>
</section>`;
  return page({ lang, title: t(lang, T.title), path: '/', query: query ? { q: query } : {}, body });
}
