/**
 * Field names whose values never reach a log line: tokens and secrets, the person's CI, login names and
 * passwords, signed consents, account and card numbers, phone and resident registration numbers.
 *
 * Names are compared after normalising (lower case, `_` and `-` removed), so `access_token`,
 * `accessToken`, `Access-Token` and `ACCESS_TOKEN` are one name.
 */
const EXACT = [
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'dpop',
  'x-api-key',
  'access_token',
  'refresh_token',
  'id_token',
  'token',
  'client_secret',
  'secret',
  'private_key',
  'password',
  'passwd',
  'pin',
  // OAuth authorization code (개별인증-001/002). `rsp_code`, `org_code` … are other names.
  'code',
  'x-user-ci',
  'user_ci',
  'ci',
  // The password grant of 통합인증-002 carries the CI as `username`.
  'username',
  'signed_consent',
  'consent',
  'account_num',
  'repay_account_num',
  'charge_account_num',
  'card_num',
  'phone',
  'phone_num',
  'mobile',
  'mobile_num',
  'hp_num',
  'tel_num',
  'rrn',
  'resident_num',
  'resident_reg_num',
] as const;

/** Endings that make any name sensitive: `prev_account_num`, `sub_card_num`, `api_token`, `db_password`. */
const SUFFIXES = ['accountnum', 'accountnumber', 'cardnum', 'cardnumber', 'token', 'secret', 'password', 'phonenum'];

/** Names whose values keep their last four digits (a masked card number still helps support staff). */
const CARD_KEYS = new Set(['cardnum', 'cardnumber']);

export function normaliseKey(key: string): string {
  return key.toLowerCase().replace(/[-_]/g, '');
}

export interface SensitiveKeyMatcher {
  (key: string): boolean;
  /** True when the value is a card number, which is masked to its last four digits instead. */
  isCard(key: string): boolean;
}

/** A matcher for the built-in names plus any extra names a service adds. */
export function sensitiveKeyMatcher(extra: readonly string[] = []): SensitiveKeyMatcher {
  const exact = new Set([...EXACT, ...extra].map(normaliseKey));
  const matcher = ((key: string) => {
    const k = normaliseKey(key);
    return exact.has(k) || SUFFIXES.some((s) => k.endsWith(s));
  }) as SensitiveKeyMatcher;
  matcher.isCard = (key: string) => {
    const k = normaliseKey(key);
    return CARD_KEYS.has(k) || k.endsWith('cardnum');
  };
  return matcher;
}

/** The built-in names, as written in the standard (used for pino's `redact` paths). */
export const SENSITIVE_KEYS: readonly string[] = EXACT;
