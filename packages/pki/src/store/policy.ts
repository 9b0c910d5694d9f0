import { ROOT_VALIDITY_DAYS } from '../certs/root-ca.ts';
import { LEAF_VALIDITY_DAYS } from '../certs/org-certificate.ts';

/** Certificates with fewer days left than this are re-issued by `ensurePki`. */
export const RENEW_BEFORE_DAYS = 30;

/** How long new certificates last, and when they are renewed. */
export interface ValidityPolicy {
  /** Root CA validity in days. Default 3650. */
  readonly rootValidityDays?: number;
  /** Organisation certificate validity in days. Default 365. */
  readonly leafValidityDays?: number;
  /** Renew a certificate with fewer days left than this. Default 30. */
  readonly renewBeforeDays?: number;
}

export function resolvePolicy(policy: ValidityPolicy): Required<ValidityPolicy> {
  const resolved = {
    rootValidityDays: policy.rootValidityDays ?? ROOT_VALIDITY_DAYS,
    leafValidityDays: policy.leafValidityDays ?? LEAF_VALIDITY_DAYS,
    renewBeforeDays: policy.renewBeforeDays ?? RENEW_BEFORE_DAYS,
  };
  for (const [name, days] of Object.entries(resolved)) {
    if (!Number.isFinite(days) || days < 0) throw new RangeError(`${name} must be a non-negative number, got ${days}`);
  }
  // Otherwise every start would re-issue what it just issued.
  if (resolved.leafValidityDays <= resolved.renewBeforeDays || resolved.rootValidityDays <= resolved.renewBeforeDays) {
    throw new RangeError(
      `validity (root ${resolved.rootValidityDays} d, leaf ${resolved.leafValidityDays} d) must exceed renewBeforeDays (${resolved.renewBeforeDays} d)`,
    );
  }
  return resolved;
}
