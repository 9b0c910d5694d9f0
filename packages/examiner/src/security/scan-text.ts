import { type Needle, masked, type SecretKind } from './known-secrets.ts';

/** Something secret found in clear. */
export interface Finding {
  /** The file or log stream, and where in it (line, or byte offset in a database file). */
  readonly source: string;
  readonly at: string;
  readonly kind: SecretKind;
  /** How it was found: a known value, or a pattern (a JWS, a Luhn-valid card number, a CI's shape). */
  readonly how: 'known value' | 'pattern';
  /** The value masked (kind, first characters, length): a finding never repeats the secret. */
  readonly value: string;
}

/** A JWS/JWT: a Base64url JSON header, claims and a signature part. */
const JWS = /eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{20,}/g;
/**
 * 15 or 16 digits, optionally in groups of 4 with - or space, standing alone (no letter or digit around it):
 * a card number if Luhn says so.
 */
const CARD = /(?<![A-Za-z0-9])(?:[0-9]{4}[- ]?){3}[0-9]{3,4}(?![A-Za-z0-9])/g;
/** A UUID, removed before the card pattern looks (its first groups may be all digits). */
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
/** A CI (연계정보): 88 characters of Base64 ending in `==`. */
const CI = /(?<![A-Za-z0-9+/])[A-Za-z0-9+/]{86}==/g;

export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** Which shapes to look for besides the known values. A CI's shape (88 characters of Base64) is also the shape of
 * a sealed 64-byte value, so database scans find CIs by their known values only. */
export interface ScanPatterns {
  readonly token?: boolean;
  readonly card?: boolean;
  readonly ci?: boolean;
}

const ALL_PATTERNS: ScanPatterns = { token: true, card: true, ci: true };

/**
 * Every secret in one text (a log line, a file): the known values of the run, and what has the shape of a
 * token, a card number or a CI whatever its origin. Masked values (`****`, `[REDACTED]`) do not match.
 */
export function scanText(
  text: string,
  source: string,
  at: string,
  needles: readonly Needle[],
  patterns: ScanPatterns = ALL_PATTERNS,
): Finding[] {
  const findings: Finding[] = [];
  const seen = new Set<string>();
  const found = (kind: SecretKind, how: Finding['how'], value: string) => {
    if (seen.has(value)) return;
    seen.add(value);
    findings.push({ source, at, kind, how, value: masked(value) });
  };
  for (const n of needles) if (text.includes(n.value)) found(n.kind, 'known value', n.value);
  if (patterns.token) for (const m of text.matchAll(JWS)) found('token', 'pattern', m[0]);
  if (patterns.card) {
    // A UUID (request ids) can open with 20 decimal digits in card-like groups: "49871234-5678-9012-…".
    for (const m of text.replace(UUID, ' ').matchAll(CARD)) {
      const digits = m[0].replace(/[- ]/g, '');
      if (passesLuhn(digits) && !/^(\d)\1+$/.test(digits)) found('card-number', 'pattern', m[0]);
    }
  }
  if (patterns.ci) for (const m of text.matchAll(CI)) found('ci', 'pattern', m[0]);
  return findings;
}

/** Scan log lines (JSON lines or text), one finding per secret per line. */
export function scanLogLines(lines: Iterable<string>, source: string, needles: readonly Needle[]): Finding[] {
  const findings: Finding[] = [];
  let n = 0;
  for (const line of lines) {
    n++;
    findings.push(...scanText(line, source, `line ${n}`, needles));
  }
  return findings;
}

/** Scan rows of a database table (as read through SQL), one finding per secret per row and column. */
export function scanRows(
  table: string,
  rows: Iterable<Readonly<Record<string, unknown>>>,
  needles: readonly Needle[],
  patterns: ScanPatterns = { token: true, card: true },
): Finding[] {
  const findings: Finding[] = [];
  let n = 0;
  for (const row of rows) {
    n++;
    for (const [column, value] of Object.entries(row)) {
      if (typeof value !== 'string' || value.length < 8) continue;
      findings.push(...scanText(value, `table ${table}`, `row ${n} column ${column}`, needles, patterns));
    }
  }
  return findings;
}
