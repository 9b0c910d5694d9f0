import { html, type SafeHtml } from '@hannun/infra';
import { INDUSTRIES, ORG_TYPES, type ProviderStatus } from '@hannun/spec';
import type { PortalService } from '../../registry/portal-org.ts';
import type { StoredOrg } from '../../store/registry-repository.ts';
import type { ProviderStatusRecord } from '../../store/status-repository.ts';
import { layout } from '../layout.ts';
import { type PageLang, pick, withLang } from '../page-lang.ts';
import { fill, TEXT } from '../page-text.ts';
import { kstText } from './kst-text.ts';

const STATUS_TEXT: Record<ProviderStatus, keyof typeof TEXT> = {
  '01': 'status01',
  '02': 'status02',
  '03': 'status03',
  '99': 'status99',
};

export interface RegistryPageState {
  readonly lang: PageLang;
  readonly csrf: string;
  readonly orgs: readonly StoredOrg[];
  readonly services: readonly PortalService[];
  readonly statuses: readonly ProviderStatusRecord[];
  /** What the last action did, shown on top. */
  readonly flash?: string;
}

/** Every organisation (with its provider status, as polled by 지원-102) and every service. */
export function registryPage(s: RegistryPageState): SafeHtml {
  const t = (k: keyof typeof TEXT) => pick(s.lang, TEXT[k]);
  const statusOf = new Map(s.statuses.map((x) => [x.orgCode, x]));
  const servicesOf = (code: string) => s.services.filter((x) => x.orgCode === code).length;
  const nameOf = new Map(s.orgs.map((o) => [o.org.orgCode, o.org.name]));
  const statusCell = (o: StoredOrg) => {
    if (o.org.orgType !== '01' && o.org.orgType !== '02') return html`<td>—</td>`;
    const st = statusOf.get(o.org.orgCode);
    if (!st) return html`<td>${t('statusUnknown')}</td>`;
    const since = fill(pick(s.lang, TEXT.statusSince), { since: kstText(st.sinceMs) });
    return html`<td>${t(STATUS_TEXT[st.availability])} (${st.availability})<br><span class="hint">${since}${st.detail ? html`: ${st.detail}` : ''}</span></td>`;
  };
  const body = html`<h1>${t('registryTitle')}</h1>
${s.flash ? html`<p class="success" role="status">${s.flash}</p>` : ''}
<div class="buttons">
<a class="button primary" href="${withLang('/admin/orgs/new', s.lang)}">${t('addOrg')}</a>
<a class="button" href="${withLang('/admin/services/new', s.lang)}">${t('addService')}</a>
</div>
<h2 id="orgs">${t('orgsHeading')}</h2>
<div class="table-wrap"><table aria-labelledby="orgs">
<caption>${fill(pick(s.lang, TEXT.orgCount), { n: s.orgs.length })}</caption>
<thead><tr><th scope="col">org_code</th><th scope="col">${pick(s.lang, { ko: '기관명', en: 'Name' })}</th><th scope="col">${pick(s.lang, { ko: '기관구분', en: 'Type' })}</th><th scope="col">${pick(s.lang, { ko: '업권', en: 'Industry' })}</th><th scope="col">${t('colStatus')}</th><th scope="col">${pick(s.lang, { ko: '도메인', en: 'Domain' })}</th><th scope="col" class="num">${t('colServices')}</th></tr></thead>
<tbody>
${s.orgs.map(
  (o) => html`<tr>
<th scope="row"><a href="${withLang(`/admin/orgs/${o.org.orgCode}`, s.lang)}"><code>${o.org.orgCode}</code></a></th>
<td>${o.org.name}</td>
<td>${o.org.orgType} ${pick(s.lang, ORG_TYPES[o.org.orgType])}</td>
<td>${o.org.industry ? pick(s.lang, INDUSTRIES[o.org.industry]) : '—'}</td>
${statusCell(o)}
<td class="mono">${o.org.domain ?? '—'}</td>
<td class="num">${servicesOf(o.org.orgCode)}</td>
</tr>`,
)}
</tbody></table></div>
<h2 id="services">${t('servicesHeading')}</h2>
<div class="table-wrap"><table aria-labelledby="services">
<caption>${fill(pick(s.lang, TEXT.serviceCount), { n: s.services.length })}</caption>
<thead><tr><th scope="col">${pick(s.lang, { ko: '서비스명', en: 'Service' })}</th><th scope="col">client_id</th><th scope="col">${pick(s.lang, { ko: '기관', en: 'Organisation' })}</th><th scope="col">${t('colCallbacks')}</th></tr></thead>
<tbody>
${s.services.map(
  (x) => html`<tr>
<th scope="row"><a href="${withLang(`/admin/services/${x.clientId}`, s.lang)}">${x.name}</a></th>
<td class="mono">${x.clientId}</td>
<td>${nameOf.get(x.orgCode) ?? ''} (<code>${x.orgCode}</code>)</td>
<td>${x.redirectUris.length === 0 ? t('none') : html`<ul>${x.redirectUris.map((u) => html`<li class="mono">${u}</li>`)}</ul>`}</td>
</tr>`,
)}
</tbody></table></div>`;
  return layout({
    lang: s.lang,
    title: t('registryTitle'),
    path: '/admin',
    body,
    session: { csrf: s.csrf, section: 'registry' },
  });
}
