import { cycleWording, type InformationScope, scopeWording, sensitiveItemsWording } from '@hannun/spec';
import { html, type SafeHtml } from '../pages/html.ts';
import { layout } from '../pages/layout.ts';
import type { PageFrame } from '../pages/login-pages.ts';
import { type PageLang, TEXT } from '../pages/page-text.ts';
import { type AssetOption, assetLabel } from './asset-options.ts';
import { CYCLE_CHOICES } from './consent-terms.ts';

/** What the person chose (or the defaults when the page is first shown). */
export interface ConsentChoices {
  readonly scopes: ReadonlySet<string>;
  readonly assets: ReadonlySet<string>;
  readonly scheduled: boolean;
  readonly cycle: string;
  /** YYYY-MM-DD. */
  readonly endDate: string;
  readonly memo: boolean;
  readonly merchant: boolean;
  readonly category: boolean;
}

export interface ConsentPageData {
  readonly service: string;
  readonly recipientOrg: string;
  readonly listScope: InformationScope;
  /** The industry's consent scopes (without the list scope), in the standard's order. */
  readonly scopes: readonly InformationScope[];
  readonly assets: readonly AssetOption[];
  readonly purpose: string;
  readonly period: string;
  /** Today and the latest end date allowed, YYYY-MM-DD. */
  readonly minDate: string;
  readonly maxDate: string;
}

const checked = (on: boolean) => (on ? html` checked` : '');

function assetBoxes(f: PageFrame, d: ConsentPageData, c: ConsentChoices, scope: InformationScope, id: string) {
  const assets = d.assets.filter((a) => a.holding.scope === scope);
  if (assets.length === 0) return '';
  return html`<div class="assets" role="group" aria-label="${scopeWording(scope, f.lang)}">${assets.map(
    (a, j) =>
      html`<label class="choice" for="${id}-a${j}"><input type="checkbox" id="${id}-a${j}" name="asset" value="${a.token}"${checked(c.assets.has(a.token))}> <span>${assetLabel(a.holding, f.lang)}</span></label>`,
  )}</div>`;
}

function scopeFieldset(
  f: PageFrame,
  d: ConsentPageData,
  c: ConsentChoices,
  scope: InformationScope,
  i: number,
): SafeHtml {
  const id = `scope-${i}`;
  return html`<div>
<label class="choice" for="${id}"><input type="checkbox" id="${id}" name="scope" value="${scope}"${checked(c.scopes.has(scope))}> <span>${scopeWording(scope, f.lang)}</span></label>
${assetBoxes(f, d, c, scope, id)}
</div>`;
}

/**
 * The consent page (전송요구): the seven items of the notes §4.4 in order, the person choosing the assets
 * and data items, regular transmission and its cycle, and the end date; purpose and retention are fixed
 * text. Words come from the spec's consent wording, the same the CA's page uses.
 */
export function consentPage(f: PageFrame, d: ConsentPageData, c: ConsentChoices, error?: string): SafeHtml {
  const lang = f.lang;
  const t = (k: keyof typeof TEXT) => (TEXT[k] as Record<PageLang, string>)[lang];
  const sensitive = sensitiveItemsWording(
    {
      is_consent_trans_memo: c.memo ? 'true' : 'false',
      is_consent_merchant_name_regno: c.merchant ? 'true' : 'false',
      is_consent_trans_category: c.category ? 'true' : 'false',
    },
    lang,
  );
  const flagNames = ['memo', 'merchant', 'category'];
  return layout({
    lang,
    title: t('consentTitle'),
    org: f.org,
    otherLangHref: `${f.base}/consent?request=${encodeURIComponent(f.requestId)}&lang=${lang === 'ko' ? 'en' : 'ko'}`,
    body: html`<p>${t('consentIntro')}</p>
<form method="post" action="${f.base}/consent"${error ? html` aria-describedby="form-error"` : ''}>
<input type="hidden" name="request" value="${f.requestId}">
<input type="hidden" name="csrf" value="${f.csrf}">
<input type="hidden" name="lang" value="${lang}">
<dl>
<dt>${t('sender')}</dt><dd>${f.org}</dd>
<dt>${t('recipient')}</dt><dd>${d.service} (${d.recipientOrg})</dd>
</dl>
<fieldset>
<legend>${t('items')}</legend>
<p class="muted">${scopeWording(d.listScope, lang)} (${t('listAlways')})</p>
${assetBoxes(f, d, c, d.listScope, 'list')}
${d.scopes.map((scope, i) => scopeFieldset(f, d, c, scope, i))}
</fieldset>
<fieldset>
<legend>${t('sensitive')}</legend>
${sensitive.map(
  (item, i) =>
    html`<label class="choice" for="flag-${i}"><input type="checkbox" id="flag-${i}" name="${flagNames[i]}" value="true"${checked(item.agreed)}> <span>${item.label}</span></label>`,
)}
</fieldset>
<fieldset>
<legend>${t('schedule')}</legend>
<label class="choice" for="scheduled-yes"><input type="radio" id="scheduled-yes" name="scheduled" value="true"${checked(c.scheduled)}> <span>${t('scheduledYes')}</span></label>
<label class="choice" for="scheduled-no"><input type="radio" id="scheduled-no" name="scheduled" value="false"${checked(!c.scheduled)}> <span>${t('scheduledNo')}</span></label>
<label for="cycle">${t('cycle')}</label>
<select id="cycle" name="cycle">${CYCLE_CHOICES.map(
      (cycle) =>
        html`<option value="${cycle}"${cycle === c.cycle ? html` selected` : ''}>${cycleWording(cycle, lang)}</option>`,
    )}</select>
</fieldset>
<label for="end_date">${t('endDate')}</label>
<input type="date" id="end_date" name="end_date" required min="${d.minDate}" max="${d.maxDate}" value="${c.endDate}" aria-describedby="end-date-hint">
<p class="muted" id="end-date-hint">${t('endDateHint')}</p>
<dl>
<dt>${t('purpose')}</dt><dd>${d.purpose}</dd>
<dt>${t('period')}</dt><dd>${d.period}</dd>
</dl>
${error ? html`<p class="error" role="alert" id="form-error">${error}</p>` : ''}
<div class="buttons">
<button class="primary" type="submit" name="action" value="agree">${t('agree')}</button>
<button class="secondary" type="submit" name="action" value="cancel" formnovalidate>${t('cancel')}</button>
</div>
</form>`,
  });
}
