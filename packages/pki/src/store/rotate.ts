import type { FileLockOptions } from './file-lock.ts';
import { assertOrgId, pkiLayout } from './layout.ts';
import type { Pki } from './pki.ts';
import { resolvePolicy, type ValidityPolicy } from './policy.ts';
import { reconcile } from './reconcile.ts';

export interface RotateOptions extends ValidityPolicy {
  readonly dataDir: string;
  /** Re-issue this organisation's TLS certificate with a new key. */
  readonly orgId?: string;
  /** Replace the root CA, and with it every organisation's TLS certificate. */
  readonly root?: boolean;
  /** Also replace the existing signing key of `orgId` (or, with `root`, of every organisation). */
  readonly signing?: boolean;
  readonly lock?: FileLockOptions;
}

/**
 * Replace keys before their time: one organisation's TLS key and certificate (`orgId`), or the whole PKI
 * (`root: true`). Signing keys are replaced only when `signing` is set, since that invalidates what they
 * signed. Everything replaced is moved whole into `<dataDir>/pki/archive/`. Throws `PkiNotFoundError` when
 * there is no root or no such organisation. Running services keep the old credentials until restarted.
 */
export async function rotate(options: RotateOptions): Promise<Pki> {
  const { orgId, root = false, signing = false } = options;
  if (orgId === undefined && !root) throw new TypeError('rotate needs orgId, root: true, or both');
  if (orgId !== undefined) assertOrgId(orgId);
  const named = new Set(orgId === undefined ? [] : [orgId]);
  return reconcile(pkiLayout(options.dataDir), {
    ...resolvePolicy(options),
    orgs: [],
    rotateRoot: root,
    rotateTls: named,
    rotateSigning: !signing ? new Set() : root ? 'all' : named,
    requireRoot: true,
    lock: options.lock,
  });
}
