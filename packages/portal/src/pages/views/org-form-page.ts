import { html, type SafeHtml } from '@hannun/infra';
import type { FieldError } from '../forms/field-errors.ts';
import type { FormValues } from '../forms/form-values.ts';
import { ORG_FORM } from '../forms/org-form.ts';
import { layout } from '../layout.ts';
import { type PageLang, pick, withLang } from '../page-lang.ts';
import { TEXT } from '../page-text.ts';
import { control, errorSummary } from './form-controls.ts';

export interface OrgFormState {
  readonly lang: PageLang;
  readonly csrf: string;
  /** Editing this org_code; registering a new organisation when absent. */
  readonly editing?: { readonly orgCode: string; readonly name: string; readonly services: number };
  readonly values: FormValues;
  readonly errors: readonly FieldError[];
  readonly flash?: string;
}

/** Register or edit an organisation: every field of 지원-002's record, errors next to their fields. */
export function orgFormPage(s: OrgFormState): SafeHtml {
  const t = (k: keyof typeof TEXT) => pick(s.lang, TEXT[k]);
  const editing = s.editing;
  const path = editing ? `/admin/orgs/${editing.orgCode}` : '/admin/orgs/new';
  const action = editing ? path : '/admin/orgs';
  const title = t(editing ? 'editOrgTitle' : 'newOrgTitle');
  const errorOf = (name: string) => s.errors.find((e) => e.field === name);
  const general = s.errors.filter((e) => !ORG_FORM.some((f) => f.name === e.field));
  const body = html`<h1>${title}${editing ? html`: ${editing.name} (<code>${editing.orgCode}</code>)` : ''}</h1>
${s.flash ? html`<p class="success" role="status">${s.flash}</p>` : ''}
${errorSummary(s.lang, s.errors, ORG_FORM)}
<p>${t('formIntro')}</p>
<form class="stacked" method="post" action="${withLang(action, s.lang)}" novalidate>
<input type="hidden" name="csrf" value="${s.csrf}">
${general.length > 0 ? html`<p class="field-error">${general.map((e) => e.message).join(' ')}</p>` : ''}
${ORG_FORM.map((field) => control(field, s.lang, s.values, errorOf(field.name), { readOnly: editing !== undefined && field.fixed === true }))}
<div class="buttons">
<button type="submit" class="primary">${t(editing ? 'save' : 'register')}</button>
<a href="${withLang('/admin', s.lang)}">${t('cancel')}</a>
</div>
</form>
${
  editing
    ? html`<h2>${t('removeOrg')}</h2>
<p><a class="button" href="${withLang(`/admin/orgs/${editing.orgCode}/remove`, s.lang)}">${t('removeOrg')}</a></p>`
    : ''
}`;
  return layout({ lang: s.lang, title, path, body, session: { csrf: s.csrf, section: 'registry' } });
}
