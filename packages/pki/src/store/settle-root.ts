import type { KeyAndCertificate } from '../certs/key-and-certificate.ts';
import { createRootCa } from '../certs/root-ca.ts';
import { archivedTo, archivePath } from './archive.ts';
import { expiresWithin } from './expiry.ts';
import { type PkiLayout, ROOT_FILES } from './layout.ts';
import { type PkiChange, type PkiChangeReason, PkiNotFoundError } from './pki.ts';
import { replaceDirectory } from './private-files.ts';
import { readRoot } from './read-store.ts';

export interface RootDecision {
  readonly rotate: boolean;
  /** Rotation needs something to rotate: a missing root is then an error instead of being created. */
  readonly requireExisting: boolean;
  readonly validityDays: number;
  readonly renewBeforeDays: number;
}

/** Keep the stored root if it is usable and not expiring (nor being rotated); otherwise create a new one. */
export async function settleRoot(
  layout: PkiLayout,
  decision: RootDecision,
): Promise<{ root: KeyAndCertificate; change: PkiChange | null }> {
  const stored = await readRoot(layout);
  if (decision.requireExisting && stored.kind !== 'present') {
    throw new PkiNotFoundError(`no usable root CA in ${layout.dir}; run ensurePki first`);
  }
  let reason: PkiChangeReason;
  switch (stored.kind) {
    case 'missing':
      reason = 'missing';
      break;
    case 'broken':
      reason = 'unreadable';
      break;
    case 'present':
      if (decision.rotate) reason = 'rotated';
      else if (expiresWithin(stored.value.certPem, decision.renewBeforeDays)) reason = 'expiring';
      else return { root: stored.value, change: null };
  }
  const root = await createRootCa({ validityDays: decision.validityDays });
  const archive = stored.kind === 'missing' ? null : archivePath(layout, 'root');
  await replaceDirectory(layout.rootDir, { [ROOT_FILES.cert]: root.certPem, [ROOT_FILES.key]: root.keyPem }, archive);
  const action = stored.kind === 'missing' ? 'created' : 'replaced';
  return { root, change: { item: 'root', action, reason, ...archivedTo(layout, archive) } };
}
