import { isRegistryInputError } from '../../registry/registry-input-error.ts';
import type { PageLang } from '../page-lang.ts';

/** An error shown next to a form field (or above the form, for `(form)`). */
export interface FieldError {
  /** The form field's name (a list's name for an error about one of its entries). */
  readonly field: string;
  readonly message: string;
}

/**
 * The form field a registry error is about, and its message in the page's language without the field prefix;
 * an entry of a list (`ip_list[1].ip`) names its line. Undefined for anything that is not a registry error.
 */
export function fieldErrorOf(error: unknown, lang: PageLang, fields: readonly string[]): FieldError | undefined {
  if (!isRegistryInputError(error)) return undefined;
  const path = error.field;
  const text = lang === 'ko' ? error.messageKo : error.message;
  const message = text.startsWith(`${path}: `) ? text.slice(path.length + 2) : text;
  const base = /^([a-z_]+)/.exec(path)?.[1] ?? '';
  const index = /^[a-z_]+\[([0-9]+)\]/.exec(path)?.[1];
  const line =
    index === undefined ? '' : lang === 'ko' ? `${Number(index) + 1}번째 줄: ` : `line ${Number(index) + 1}: `;
  return fields.includes(base)
    ? { field: base, message: `${line}${message}` }
    : { field: '(form)', message: `${path}: ${message}` };
}
