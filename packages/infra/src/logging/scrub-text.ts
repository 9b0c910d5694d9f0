import { maskCard, passesLuhn } from './luhn.ts';
import type { SensitiveKeyMatcher } from './sensitive-keys.ts';

export const REDACTED = '[REDACTED]';

// `key=value`, `key: value`, `"key":"value"` — the value after a sensitive name, wherever the text has one.
const KEY_VALUE = /(?<![\w-])(["']?)([A-Za-z][\w-]{0,63})\1[ \t]*([=:])[ \t]*/g;
const AUTH_SCHEME = /\b(Bearer|Basic|DPoP)[ \t]+[A-Za-z0-9\-._~+/]+=*/gi;
const JWT = /\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g;
// A CI is 64 bytes in Base64: 86 characters and `==`.
const CI = /(?<![A-Za-z0-9+/])[A-Za-z0-9+/]{86}==(?![A-Za-z0-9+/=])/g;
const RRN = /(?<!\d)\d{6}-[1-8]\d{6}(?!\d)/g;
const CARD_PATTERNS = [
  /(?<!\d)\d{13,19}(?!\d)/g,
  /(?<!\d)\d{4}([ -])\d{4}\1\d{4}\1\d{1,7}(?!\d)/g,
  /(?<!\d)\d{4}([ -])\d{6}\1\d{4,5}(?!\d)/g,
];
const MOBILE = /(?<![\d-])(?:\+82[-. ]?|0)1[016789][-. ]?\d{3,4}[-. ]?\d{4}(?![\d-])/g;
const LANDLINE = /(?<![\d-])(?:\+82[-. ]?|0)(?:2|[3-6][1-5]|70)[-. ]?\d{3,4}[-. ]?\d{4}(?![\d-])/g;
// Korean account numbers are written in 3–5 hyphenated groups (110-123-456789, 123456-12-123456).
const HYPHENATED_ACCOUNT = /(?<![\d-])\d{2,6}(?:-\d{1,8}){2,4}(?![\d-])/g;
const MAYBE_SENSITIVE = /[0-9=:]|bearer|basic|dpop|eyj/i;

/** YYYYMMDDhhmmss: a DTIME, which must not be taken for a 14-digit card number. */
function isDtime(digits: string): boolean {
  if (digits.length !== 14) return false;
  const n = (from: number, len: number) => Number(digits.slice(from, from + len));
  const y = n(0, 4);
  return (
    y >= 1900 &&
    y <= 2099 &&
    n(4, 2) >= 1 &&
    n(4, 2) <= 12 &&
    n(6, 2) >= 1 &&
    n(6, 2) <= 31 &&
    n(8, 2) <= 23 &&
    n(10, 2) <= 59 &&
    n(12, 2) <= 59
  );
}

/** YYMMDD followed by the gender/century digit: a resident registration number written without its hyphen. */
function isBareRrn(digits: string): boolean {
  if (digits.length !== 13) return false;
  const month = Number(digits.slice(2, 4));
  const day = Number(digits.slice(4, 6));
  const g = digits.charCodeAt(6) - 48;
  return month >= 1 && month <= 12 && day >= 1 && day <= 31 && g >= 1 && g <= 8;
}

function scrubCardLike(match: string): string {
  const digits = match.replace(/\D/g, '');
  if (isBareRrn(digits)) return REDACTED;
  if (digits.length < 13 || digits.length > 19 || isDtime(digits)) return match;
  // The only 13-digit cards are old Visa numbers; other 13-digit runs are usually epoch milliseconds.
  if (digits.length === 13 && digits[0] !== '4') return match;
  return passesLuhn(digits) ? maskCard(digits) : match;
}

/** Where the value that starts at `from` ends: a quoted string, a balanced {…}/[…], or a bare token. */
function valueEnd(s: string, from: number): number {
  const first = s[from];
  if (first === '"' || first === "'") {
    for (let i = from + 1; i < s.length; i++) {
      if (s[i] === '\\') i++;
      else if (s[i] === first) return i + 1;
    }
    return s.length;
  }
  if (first === '{' || first === '[') {
    let depth = 0;
    let quote: string | null = null;
    for (let i = from; i < s.length; i++) {
      const c = s[i];
      if (quote) {
        if (c === '\\') i++;
        else if (c === quote) quote = null;
      } else if (c === '"') quote = c;
      else if (c === '{' || c === '[') depth++;
      else if (c === '}' || c === ']') {
        depth--;
        if (depth === 0) return i + 1;
      }
    }
    return s.length;
  }
  let i = from;
  while (i < s.length && !/[\s&,;}\])"'<>]/.test(s[i]!)) i++;
  return i;
}

function scrubKeyValues(s: string, isSensitive: SensitiveKeyMatcher): string {
  let out = '';
  let last = 0;
  KEY_VALUE.lastIndex = 0;
  for (let m = KEY_VALUE.exec(s); m; m = KEY_VALUE.exec(s)) {
    const key = m[2]!;
    const start = m.index + m[0].length;
    if (start < last || !isSensitive(key)) continue;
    const end = valueEnd(s, start);
    if (end === start) continue;
    const raw = s.slice(start, end);
    const quote = raw[0] === '"' || raw[0] === "'" ? raw[0] : '';
    const inner = quote ? raw.slice(1, raw.endsWith(quote) && raw.length > 1 ? -1 : undefined) : raw;
    const masked = isSensitive.isCard(key) ? maskCard(inner) : REDACTED;
    const replacement = quote ? `${quote}${masked}${quote}` : raw[0] === '{' || raw[0] === '[' ? `"${masked}"` : masked;
    out += s.slice(last, start) + replacement;
    last = end;
    KEY_VALUE.lastIndex = end;
  }
  return last === 0 ? s : out + s.slice(last);
}

/**
 * Scrub secrets and personal data out of free text: values after sensitive names (`code=…`,
 * `"access_token":"…"`), bearer tokens and JWTs, CI values, resident registration numbers, card numbers
 * that pass Luhn (masked to the last four digits), phone numbers and hyphenated account numbers.
 */
export function scrubText(s: string, isSensitive: SensitiveKeyMatcher): string {
  if (!MAYBE_SENSITIVE.test(s) && s.length < 86) return s;
  let out = scrubKeyValues(s, isSensitive);
  out = out.replace(AUTH_SCHEME, (_m, scheme: string) => `${scheme} ${REDACTED}`);
  out = out.replace(JWT, REDACTED);
  out = out.replace(CI, REDACTED);
  out = out.replace(RRN, REDACTED);
  for (const re of CARD_PATTERNS) out = out.replace(re, scrubCardLike);
  out = out.replace(MOBILE, REDACTED);
  out = out.replace(LANDLINE, REDACTED);
  out = out.replace(HYPHENATED_ACCOUNT, (m) => {
    const digits = m.replace(/-/g, '').length;
    return digits >= 10 && digits <= 16 ? REDACTED : m;
  });
  return out;
}
