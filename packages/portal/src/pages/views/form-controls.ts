import { html, type SafeHtml } from '@hannun/infra';
import type { FieldError } from '../forms/field-errors.ts';
import type { FormField } from '../forms/org-form.ts';
import type { FormValues } from '../forms/form-values.ts';
import { type PageLang, pick } from '../page-lang.ts';
import { TEXT } from '../page-text.ts';

const idOf = (name: string) => `f-${name}`;

/**
 * One labelled control: its hint and its error tied to it (aria-describedby), aria-invalid when refused,
 * `required` where the registry requires it.
 */
export function control(
  field: FormField,
  lang: PageLang,
  values: FormValues,
  error: FieldError | undefined,
  opts: { readonly options?: FormField['options']; readonly readOnly?: boolean } = {},
): SafeHtml {
  const id = idOf(field.name);
  const value = values[field.name] ?? '';
  const hintId = field.hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const described = [hintId, errorId].filter(Boolean).join(' ');
  const aria = html`${described ? html` aria-describedby="${described}"` : ''}${error ? html` aria-invalid="true"` : ''}${field.required ? html` required aria-required="true"` : ''}`;
  const label = html`${pick(lang, field.label)}${field.required ? html` <span aria-hidden="true">*</span>` : ''}`;
  const hint = field.hint ? html`<p class="hint" id="${hintId}">${pick(lang, field.hint)}</p>` : '';
  const err = error ? html`<p class="field-error" id="${errorId}">${error.message}</p>` : '';
  if (field.kind === 'checkbox') {
    return html`<div class="field"><label class="checkbox" for="${id}"><input type="checkbox" id="${id}" name="${field.name}" value="true"${value === 'true' ? html` checked` : ''}${aria}> ${label}</label>${hint}${err}</div>`;
  }
  if (opts.readOnly) {
    return html`<div class="field"><span class="label" id="${id}">${label}</span><p class="mono">${value}</p><input type="hidden" name="${field.name}" value="${value}"></div>`;
  }
  let input: SafeHtml;
  if (field.kind === 'select') {
    const options = opts.options ?? field.options ?? [];
    input = html`<select id="${id}" name="${field.name}"${aria}>
<option value="">${pick(lang, TEXT.choose)}</option>
${options.map((o) => html`<option value="${o.value}"${o.value === value ? html` selected` : ''}>${pick(lang, o.label)}</option>`)}
</select>`;
  } else if (field.kind === 'list') {
    input = html`<textarea id="${id}" name="${field.name}" rows="3"${aria}>${value}</textarea>`;
  } else {
    input = html`<input type="text" id="${id}" name="${field.name}" value="${value}" autocomplete="off"${aria}>`;
  }
  return html`<div class="field"><label for="${id}">${label}</label>${input}${hint}${err}</div>`;
}

/** The list of what is wrong, above the form, each linking to its field. */
export function errorSummary(lang: PageLang, errors: readonly FieldError[], fields: readonly FormField[]): SafeHtml {
  if (errors.length === 0) return html``;
  return html`<div class="error" role="alert" id="error-summary">
<h2>${pick(lang, TEXT.errorSummary)}</h2>
<ul>${errors.map((e) => {
    const field = fields.find((f) => f.name === e.field);
    return field
      ? html`<li><a href="#${idOf(field.name)}">${pick(lang, field.label)}: ${e.message}</a></li>`
      : html`<li>${e.message}</li>`;
  })}</ul>
</div>`;
}
