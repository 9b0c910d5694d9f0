import { type FileLockOptions, withFileLock } from './file-lock.ts';
import type { PkiLayout } from './layout.ts';
import { saveManifest } from './manifest.ts';
import { makePki, manifestOf } from './org-credentials.ts';
import type { StoredOrgSpec } from './org-spec.ts';
import { type OrgCredentials, type Pki, type PkiChange, PkiNotFoundError } from './pki.ts';
import { ensurePrivateDir, removeLeftovers } from './private-files.ts';
import { describeStored, readOrg, storedOrgIds } from './read-store.ts';
import { settleOrg } from './settle-org.ts';
import { settleRoot } from './settle-root.ts';

/** Some organisations by id, or every one in the store. */
export type OrgSelection = ReadonlySet<string> | 'all';

/** What to bring the store to. `ensurePki` asks for no rotation; `rotate` names what to replace. */
export interface ReconcileRequest {
  /** Organisations to make sure of. Those already in the store but not named here are kept (and renewed). */
  readonly orgs: readonly StoredOrgSpec[];
  readonly rotateRoot: boolean;
  /** Organisations whose TLS key and certificate to replace now. */
  readonly rotateTls: OrgSelection;
  /** Organisations whose existing signing key to replace now. */
  readonly rotateSigning: OrgSelection;
  /** Rotation needs something to rotate: a missing root is an error instead of being created. */
  readonly requireRoot: boolean;
  readonly rootValidityDays: number;
  readonly leafValidityDays: number;
  readonly renewBeforeDays: number;
  readonly lock?: FileLockOptions | undefined;
}

/**
 * The one procedure behind `ensurePki` and `rotate`, under the store's lock: clear a crash's leftovers,
 * settle the root, then every organisation (stored or requested), then describe the result in the manifest.
 */
export async function reconcile(layout: PkiLayout, request: ReconcileRequest): Promise<Pki> {
  await ensurePrivateDir(layout.dir);
  return withFileLock(
    layout.lock,
    async () => {
      await removeLeftovers(layout.dir);
      await removeLeftovers(layout.orgsDir);
      const changes: PkiChange[] = [];
      const problems: string[] = [];

      const { root, change } = await settleRoot(layout, {
        rotate: request.rotateRoot,
        requireExisting: request.requireRoot,
        validityDays: request.rootValidityDays,
        renewBeforeDays: request.renewBeforeDays,
      });
      if (change !== null) changes.push(change);

      const requested = new Map(request.orgs.map((spec) => [spec.id, spec]));
      const ids = [...new Set([...(await storedOrgIds(layout)), ...requested.keys()])].sort();
      for (const selection of [request.rotateTls, request.rotateSigning]) {
        const unknown = selection === 'all' ? undefined : [...selection].find((id) => !ids.includes(id));
        if (unknown !== undefined) {
          throw new PkiNotFoundError(`no organisation ${JSON.stringify(unknown)} in ${layout.dir}`);
        }
      }

      const orgs = new Map<string, OrgCredentials>();
      for (const id of ids) {
        const stored = await readOrg(layout, id);
        const spec = requested.get(id) ?? (stored.spec.kind === 'present' ? stored.spec.value : null);
        if (spec === null) {
          const why = describeStored(stored.spec);
          problems.push(`orgs/${id} is unusable (org.json ${why}); pass its spec to ensurePki to rebuild it`);
          continue;
        }
        const settled = await settleOrg(layout, spec, stored, root, {
          rotateTls: selects(request.rotateTls, id),
          rotateSigning: selects(request.rotateSigning, id),
          leafValidityDays: request.leafValidityDays,
          renewBeforeDays: request.renewBeforeDays,
        });
        changes.push(...settled.changes);
        orgs.set(id, settled.credentials);
      }

      const manifest = await saveManifest(layout, manifestOf(layout, root.certPem, orgs.values()));
      return makePki(layout, root.certPem, orgs, manifest, changes, problems);
    },
    request.lock,
  );
}

function selects(selection: OrgSelection, id: string): boolean {
  return selection === 'all' || selection.has(id);
}
