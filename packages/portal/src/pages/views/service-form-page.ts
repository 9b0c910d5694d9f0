import { html, type SafeHtml } from '@hannun/infra';
import type { FieldError } from '../forms/field-errors.ts';
import type { FormValues } from '../forms/form-values.ts';
import { SERVICE_FORM } from '../forms/service-form.ts';
import { layout } from '../layout.ts';
import { type PageLang, pick, withLang } from '../page-lang.ts';
import { TEXT } from '../page-text.ts';
import { control, errorSummary } from './form-controls.ts';

export interface ServiceFormState {
  readonly lang: PageLang;
  readonly csrf: string;
  /** Editing this client_id; registering a new service when absent. */
  readonly editing?: { readonly clientId: string; readonly name: string };
  /** The organisations a service may belong to: operators (03) and information recipients. */
  readonly owners: readonly { readonly orgCode: string; readonly name: string }[];
  readonly values: FormValues;
  readonly errors: readonly FieldError[];
  readonly flash?: string;
}

/** Register or edit an operator's service (지원-003): name, callback URLs, app schemes. */
export function serviceFormPage(s: ServiceFormState): SafeHtml {
  const t = (k: keyof typeof TEXT) => pick(s.lang, TEXT[k]);
  const editing = s.editing;
  const path = editing ? `/admin/services/${editing.clientId}` : '/admin/services/new';
  const action = editing ? path : '/admin/services';
  const title = t(editing ? 'editServiceTitle' : 'newServiceTitle');
  const errorOf = (name: string) => s.errors.find((e) => e.field === name);
  const owners = s.owners.map((o) => ({
    value: o.orgCode,
    label: { ko: `${o.name} (${o.orgCode})`, en: `${o.name} (${o.orgCode})` },
  }));
  const body = html`<h1>${title}${editing ? html`: ${editing.name}` : ''}</h1>
${s.flash ? html`<p class="success" role="status">${s.flash}</p>` : ''}
${errorSummary(s.lang, s.errors, SERVICE_FORM)}
<p>${t('formIntro')}</p>
${editing ? html`<p>client_id: <code>${editing.clientId}</code></p>` : ''}
<form class="stacked" method="post" action="${withLang(action, s.lang)}" novalidate>
<input type="hidden" name="csrf" value="${s.csrf}">
${SERVICE_FORM.map((field) =>
  control(field, s.lang, s.values, errorOf(field.name), {
    options: owners,
    readOnly: editing !== undefined && field.fixed === true,
  }),
)}
<div class="buttons">
<button type="submit" class="primary">${t(editing ? 'save' : 'register')}</button>
<a href="${withLang('/admin', s.lang)}">${t('cancel')}</a>
</div>
</form>
${
  editing
    ? html`<h2>${t('removeService')}</h2>
<p><a class="button" href="${withLang(`/admin/services/${editing.clientId}/remove`, s.lang)}">${t('removeService')}</a></p>`
    : ''
}`;
  return layout({ lang: s.lang, title, path, body, session: { csrf: s.csrf, section: 'registry' } });
}
