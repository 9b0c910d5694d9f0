/** What must never be found in clear: the kinds a scan reports. */
export type SecretKind = 'token' | 'ci' | 'account-number' | 'card-number' | 'phone' | 'credential';

/** One value known to be secret in the run being scanned (a token issued, a person's CI, an account number). */
export interface Needle {
  readonly kind: SecretKind;
  readonly value: string;
}

export interface KnownSecrets {
  readonly tokens?: readonly string[];
  readonly cis?: readonly string[];
  readonly accountNumbers?: readonly string[];
  readonly cardNumbers?: readonly string[];
  /** People's mobile numbers (010-1234-5678 or 01012345678: each is searched in both forms). */
  readonly phones?: readonly string[];
  /** Client secrets, admin tokens, passwords. */
  readonly credentials?: readonly string[];
}

/** Values shorter than this would match by chance (a 4-digit seqno), so they are not searched for. */
export const MIN_NEEDLE = 8;

/** The known secrets as needles, each once, long enough to mean something. */
export function needlesOf(known: KnownSecrets): Needle[] {
  const out = new Map<string, Needle>();
  const add = (kind: SecretKind, values: readonly string[] | undefined) => {
    for (const value of values ?? []) {
      // A masked number (the standard's 카드-001 sends `1234-56**-****-3456`) is no longer the secret.
      if (value.length >= MIN_NEEDLE && !value.includes('*') && !out.has(value)) out.set(value, { kind, value });
    }
  };
  add('token', known.tokens);
  add('ci', known.cis);
  add('account-number', known.accountNumbers);
  add('card-number', known.cardNumbers);
  add('phone', (known.phones ?? []).flatMap(phoneForms));
  add('credential', known.credentials);
  // Account and card numbers are also written without their hyphens and spaces.
  for (const n of [...out.values()]) {
    if (n.kind !== 'account-number' && n.kind !== 'card-number') continue;
    const digits = n.value.replace(/[-\s]/g, '');
    if (digits !== n.value && digits.length >= MIN_NEEDLE && !out.has(digits))
      out.set(digits, { kind: n.kind, value: digits });
  }
  return [...out.values()];
}

/**
 * A Korean mobile number as it is written: dashed (010-1234-5678) and bare (01012345678); a value of another
 * shape is searched for as given.
 */
export function phoneForms(phone: string): string[] {
  const m = /^(01[016789])-?([0-9]{3,4})-?([0-9]{4})$/.exec(phone.trim());
  if (!m) return [phone];
  const [, a, b, c] = m;
  return [`${a}-${b}-${c}`, `${a}${b}${c}`];
}

/** A value as a finding may show it: its kind, length and first characters, never the whole. */
export function masked(value: string): string {
  return `${value.slice(0, 3)}…(${value.length} characters)`;
}
