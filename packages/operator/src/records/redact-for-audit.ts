import { REDACTED, scrubValue, sensitiveKeyMatcher } from '@hannun/infra';

/**
 * Names whose values never enter the audit log, beyond infra's list (tokens, secrets, CI, account and card
 * numbers, phones): people's names and birth dates, login names, policy, bond, car and phone numbers, memos.
 */
const AUDIT_SENSITIVE = sensitiveKeyMatcher([
  'name',
  'real_name',
  'holder_name',
  'insured_name',
  'birth_date',
  'birthdate',
  'login_name',
  'loginname',
  'email',
  'insu_num',
  'bond_num',
  'car_number',
  'telecom_num',
  'trans_memo',
  'memo',
  'totp',
  'totp_secret',
  'session_id',
  'sessionid',
  'csrf',
  'csrf_token',
]);

/**
 * What may be written to the audit log: sensitive names' values replaced at any depth, free text scrubbed
 * of card, account, phone, resident numbers, JWTs and CIs (infra's scrubber), and every string in
 * `knownPersonal` (e.g. the person's name, which no pattern can recognise) replaced wherever it appears.
 */
export function redactForAudit(details: unknown, knownPersonal: readonly string[] = []): unknown {
  const scrubbed = scrubValue(details, AUDIT_SENSITIVE);
  const known = knownPersonal.filter((s) => s.length >= 2);
  if (known.length === 0) return scrubbed;
  return replaceKnown(scrubbed, known);
}

function replaceKnown(value: unknown, known: readonly string[]): unknown {
  if (typeof value === 'string') {
    let s = value;
    for (const k of known) s = s.split(k).join(REDACTED);
    return s;
  }
  if (Array.isArray(value)) return value.map((v) => replaceKnown(v, known));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [known.some((n) => k.includes(n)) ? REDACTED : k, replaceKnown(v, known)]),
    );
  }
  return value;
}
