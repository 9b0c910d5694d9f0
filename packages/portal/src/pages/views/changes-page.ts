import { html, type SafeHtml } from '@hannun/infra';
import type { PortalOrg, PortalService, RegistryChange } from '../../registry/portal-org.ts';
import type { RegistryEntity } from '../../store/registry-repository.ts';
import { layout } from '../layout.ts';
import { type PageLang, pick, withLang } from '../page-lang.ts';
import { TEXT } from '../page-text.ts';
import { kstText } from './kst-text.ts';

export type LoggedChange = RegistryChange<PortalOrg | PortalService> & { readonly entity: RegistryEntity };

/** The change log, newest first, a page at a time (never a secret or its hash: names only). */
export function changesPage(s: {
  readonly lang: PageLang;
  readonly csrf: string;
  readonly changes: readonly LoggedChange[];
  /** The seq to continue from for older entries, when there are more. */
  readonly olderThan: number | undefined;
  readonly paged: boolean;
}): SafeHtml {
  const t = (k: keyof typeof TEXT) => pick(s.lang, TEXT[k]);
  const op = { I: 'opI', M: 'opM', D: 'opD' } as const;
  const body = html`<h1>${t('changesTitle')}</h1>
<p>${t('changesIntro')}</p>
${
  s.changes.length === 0
    ? html`<p>${t('noChanges')}</p>`
    : html`<div class="table-wrap"><table>
<caption>${t('changesTitle')}</caption>
<thead><tr><th scope="col" class="num">${t('colSeq')}</th><th scope="col">${t('colAt')}</th><th scope="col">${t('colEntity')}</th><th scope="col">${t('colKey')}</th><th scope="col">${t('colOp')}</th><th scope="col">${t('colName')}</th></tr></thead>
<tbody>
${s.changes.map(
  (c) =>
    html`<tr><td class="num">${c.seq}</td><td>${kstText(c.atMs)}</td><td>${t(c.entity === 'org' ? 'entityOrg' : 'entityService')}</td><td class="mono">${c.key}</td><td>${t(op[c.op])}</td><td>${c.record.name}</td></tr>`,
)}
</tbody></table></div>`
}
<p>${s.paged ? html`<a href="${withLang('/admin/changes', s.lang)}">${t('newest')}</a> ` : ''}${
    s.olderThan !== undefined
      ? html`<a href="${withLang(`/admin/changes?before=${s.olderThan}`, s.lang)}">${t('older')}</a>`
      : ''
  }</p>`;
  return layout({
    lang: s.lang,
    title: t('changesTitle'),
    path: '/admin/changes',
    body,
    session: { csrf: s.csrf, section: 'changes' },
  });
}
