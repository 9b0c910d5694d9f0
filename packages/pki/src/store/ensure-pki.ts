import type { FileLockOptions } from './file-lock.ts';
import { pkiLayout } from './layout.ts';
import { normaliseOrgSpec, type OrgSpec } from './org-spec.ts';
import type { Pki } from './pki.ts';
import { resolvePolicy, type ValidityPolicy } from './policy.ts';
import { reconcile } from './reconcile.ts';

export interface EnsurePkiOptions extends ValidityPolicy {
  /** The data directory; the PKI lives in `<dataDir>/pki/`. */
  readonly dataDir: string;
  /** The organisations that need credentials. Others already in the store are kept. */
  readonly orgs: readonly OrgSpec[];
  readonly lock?: FileLockOptions;
}

/**
 * Make sure the data directory holds a root CA and, for every organisation, a TLS certificate and (unless
 * it asks not to have one) a signing key. What exists and is still good is reused, so a restart keeps the
 * same root and certificates; what is missing is created; what is unreadable, issued by another root,
 * issued for a different name/regNo/hosts, or within `renewBeforeDays` of expiry is re-issued, and the old
 * files are archived. `changes` on the result says what happened, for the caller to log.
 */
export async function ensurePki(options: EnsurePkiOptions): Promise<Pki> {
  const orgs = options.orgs.map(normaliseOrgSpec);
  const duplicate = orgs.find((org, i) => orgs.findIndex((o) => o.id === org.id) !== i);
  if (duplicate !== undefined) throw new TypeError(`organisation id ${duplicate.id} is listed twice`);
  return reconcile(pkiLayout(options.dataDir), {
    ...resolvePolicy(options),
    orgs,
    rotateRoot: false,
    rotateTls: new Set(),
    rotateSigning: new Set(),
    requireRoot: false,
    lock: options.lock,
  });
}
