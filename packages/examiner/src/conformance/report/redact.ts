import type { TokenSet } from '../target.ts';

const REDACTED = '[redacted token]';

/** Every secret of the run (tokens: usual, per scope, given, refresh; the client secret), longest first. */
export function secretsOf(tokens: readonly TokenSet[]): string[] {
  const all = new Set<string>();
  for (const t of tokens) {
    all.add(t.usual);
    for (const v of Object.values(t.withoutScope ?? {})) all.add(v);
    for (const v of Object.values(t.given ?? {})) if (v) all.add(v);
    if (t.client) all.add(t.client.clientSecret);
    if (t.refresh) all.add(t.refresh);
  }
  return [...all].filter((s) => s.length >= 8).sort((a, b) => b.length - a.length);
}

/**
 * A report's text with every token of the run replaced, and anything that still looks like a JWS (three
 * Base64url parts, the first an `eyJ` JSON header). Requests show tokens as labels already; this is the
 * last guard before a file is written.
 */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  let out = text.replace(JWS, REDACTED);
  // What the pattern above did not catch (opaque tokens of other providers), one by one.
  for (const s of secrets) if (!JWS_WHOLE.test(s) && out.includes(s)) out = out.split(s).join(REDACTED);
  return out;
}

const JWS = /eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/g;
const JWS_WHOLE = /^eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*$/;
