/** A form as submitted or shown again: every field as the text in its control. */
export type FormValues = Readonly<Record<string, string>>;

/** The fields of an urlencoded body (the last of each name wins; at most `max` fields are read). */
export function formValues(body: unknown, max = 64): Record<string, string> {
  const out: Record<string, string> = {};
  if (!(body instanceof URLSearchParams)) return out;
  let n = 0;
  for (const [name, value] of body) {
    if (++n > max) break;
    out[name] = value;
  }
  return out;
}

/** A list field's text: one entry per line (commas also separate), blanks dropped. */
export function listOf(text: string | undefined): string[] {
  return (text ?? '')
    .split(/[\r\n,]+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
