import { certificateFits } from '../certs/certificate-fits.ts';
import { isIssuedBy } from '../certs/inspect-certificate.ts';
import type { KeyAndCertificate } from '../certs/key-and-certificate.ts';
import { issueOrgCertificate } from '../certs/org-certificate.ts';
import { generateSigningKey, type SigningKey } from '../certs/signing-key.ts';
import { archivedTo, archivePath } from './archive.ts';
import { expiresWithin } from './expiry.ts';
import { ORG_FILES, type PkiLayout } from './layout.ts';
import { orgCredentials } from './org-credentials.ts';
import { sameCertificateIdentity, type StoredOrgSpec } from './org-spec.ts';
import type { OrgCredentials, PkiChange, PkiChangeReason } from './pki.ts';
import { replaceDirectory } from './private-files.ts';
import type { StoredOrg } from './read-store.ts';

export interface OrgDecision {
  readonly rotateTls: boolean;
  readonly rotateSigning: boolean;
  readonly leafValidityDays: number;
  readonly renewBeforeDays: number;
}

/**
 * Decide, part by part, what of one organisation's directory can stay — its TLS pair, its signing key,
 * its org.json — and, if anything must change, write the whole directory anew and archive the old one.
 */
export async function settleOrg(
  layout: PkiLayout,
  spec: StoredOrgSpec,
  stored: StoredOrg,
  root: KeyAndCertificate,
  decision: OrgDecision,
): Promise<{ credentials: OrgCredentials; changes: PkiChange[] }> {
  const tlsReason = tlsReplacement(stored, spec, root, decision);
  const signingReason = signingReplacement(stored, spec, decision.rotateSigning);
  const tls =
    tlsReason === null && stored.tls.kind === 'present'
      ? stored.tls.value
      : await issueOrgCertificate(root, spec, { validityDays: decision.leafValidityDays });
  let signing: SigningKey | null = stored.signing.kind === 'present' ? stored.signing.value : null;
  if (signingReason !== null) signing = generateSigningKey();
  const storedSpec = stored.spec.kind === 'present' ? stored.spec.value : null;
  const recordChanged = storedSpec === null || JSON.stringify(storedSpec) !== JSON.stringify(spec);
  // A broken signing key the organisation no longer wants is dropped (it goes to the archive).
  const dropsBrokenSigning = signing === null && stored.signing.kind === 'broken';

  const credentials = orgCredentials(spec, tls, signing, root.certPem);
  if (tlsReason === null && signingReason === null && !recordChanged && !dropsBrokenSigning) {
    return { credentials, changes: [] };
  }

  const archive = stored.exists ? archivePath(layout, `org-${spec.id}`) : null;
  await replaceDirectory(layout.orgDir(spec.id), orgFiles(spec, tls, signing), archive);
  const common = { orgId: spec.id, ...archivedTo(layout, archive) };
  const changes: PkiChange[] = [];
  if (tlsReason !== null) {
    const action = stored.tls.kind === 'missing' ? 'created' : 'replaced';
    changes.push({ item: 'tls', action, reason: tlsReason, ...common });
  }
  if (signingReason !== null) {
    const action = stored.signing.kind === 'missing' ? 'created' : 'replaced';
    changes.push({ item: 'signing', action, reason: signingReason, ...common });
  }
  if (changes.length === 0) {
    const reason =
      stored.spec.kind === 'present' ? 'identity-changed' : stored.spec.kind === 'broken' ? 'unreadable' : 'missing';
    changes.push({ item: 'org-record', action: storedSpec === null ? 'created' : 'replaced', reason, ...common });
  }
  return { credentials, changes };
}

function tlsReplacement(
  stored: StoredOrg,
  spec: StoredOrgSpec,
  root: KeyAndCertificate,
  decision: OrgDecision,
): PkiChangeReason | null {
  if (stored.tls.kind !== 'present') return stored.tls.kind === 'missing' ? 'missing' : 'unreadable';
  if (decision.rotateTls) return 'rotated';
  const { certPem } = stored.tls.value;
  if (!isIssuedBy(certPem, root.certPem)) return 'issuer-changed';
  if (!certificateFits(certPem, spec)) return 'identity-changed';
  if (stored.spec.kind === 'present' && !sameCertificateIdentity(stored.spec.value, spec)) return 'identity-changed';
  if (expiresWithin(certPem, decision.renewBeforeDays)) return 'expiring';
  return null;
}

/** A signing key is created when wanted and missing (or unreadable), replaced only on rotation, never deleted. */
function signingReplacement(stored: StoredOrg, spec: StoredOrgSpec, rotate: boolean): PkiChangeReason | null {
  switch (stored.signing.kind) {
    case 'present':
      return rotate ? 'rotated' : null;
    case 'broken':
      return spec.signingKey ? 'unreadable' : null;
    case 'missing':
      return spec.signingKey ? 'missing' : null;
  }
}

function orgFiles(spec: StoredOrgSpec, tls: KeyAndCertificate, signing: SigningKey | null): Record<string, string> {
  const files: Record<string, string> = {
    [ORG_FILES.identity]: `${JSON.stringify(spec, null, 2)}\n`,
    [ORG_FILES.cert]: tls.certPem,
    [ORG_FILES.key]: tls.keyPem,
  };
  if (signing !== null) {
    files[ORG_FILES.signingKey] = signing.privateKeyPem;
    files[ORG_FILES.signingJwk] = `${JSON.stringify(signing.publicJwk, null, 2)}\n`;
  }
  return files;
}
