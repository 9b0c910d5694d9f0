import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { ALGORITHM_LABEL } from '../certs/algorithm.ts';
import type { CertificateFacts } from '../certs/inspect-certificate.ts';
import { ORG_FILES, type PkiLayout, ROOT_FILES } from './layout.ts';
import type { StoredOrgSpec } from './org-spec.ts';
import { writeFileAtomic } from './private-files.ts';

/** A certificate as the manifest describes it. Dates are ISO 8601. No key material, only paths. */
export interface ManifestCertificate {
  /** Paths relative to `<dataDir>/pki/`. */
  readonly cert: string;
  readonly key: string;
  readonly subject: string;
  readonly issuer: string;
  readonly serialNumber: string;
  readonly fingerprint256: string;
  readonly notBefore: string;
  readonly notAfter: string;
}

export interface ManifestOrg {
  readonly id: string;
  readonly name: string;
  readonly regNo: string;
  readonly hosts: readonly string[];
  readonly tls: ManifestCertificate & {
    /** The subject serialNumber (OID 2.5.4.5) = regNo: what the portal registers and providers check. */
    readonly subjectSerialNumber: string;
    readonly subjectAltNames: readonly string[];
  };
  readonly signing: { readonly key: string; readonly jwk: string; readonly kid: string; readonly alg: 'ES256' } | null;
}

/** `<dataDir>/pki/manifest.json`: a description of the store, rewritten whenever the store changes. */
export interface PkiManifest {
  readonly version: 1;
  readonly algorithm: string;
  readonly updatedAt: string;
  readonly root: ManifestCertificate;
  readonly orgs: Readonly<Record<string, ManifestOrg>>;
}

export interface ManifestInput {
  readonly root: CertificateFacts;
  readonly orgs: readonly {
    readonly spec: StoredOrgSpec;
    readonly certificate: CertificateFacts;
    readonly signing: { readonly kid: string } | null;
  }[];
}

export function buildManifest(layout: PkiLayout, input: ManifestInput, now = new Date()): PkiManifest {
  const rel = (path: string) => relative(layout.dir, path);
  const orgs: Record<string, ManifestOrg> = {};
  for (const { spec, certificate, signing } of [...input.orgs].sort((a, b) => a.spec.id.localeCompare(b.spec.id))) {
    const dir = layout.orgDir(spec.id);
    orgs[spec.id] = {
      id: spec.id,
      name: spec.name,
      regNo: spec.regNo,
      hosts: spec.hosts,
      tls: {
        ...describe(certificate, rel(join(dir, ORG_FILES.cert)), rel(join(dir, ORG_FILES.key))),
        subjectSerialNumber: certificate.subjectSerialNumber ?? '',
        subjectAltNames: certificate.subjectAltNames,
      },
      signing:
        signing === null
          ? null
          : {
              key: rel(join(dir, ORG_FILES.signingKey)),
              jwk: rel(join(dir, ORG_FILES.signingJwk)),
              kid: signing.kid,
              alg: 'ES256',
            },
    };
  }
  return {
    version: 1,
    algorithm: ALGORITHM_LABEL,
    updatedAt: now.toISOString(),
    root: describe(input.root, rel(join(layout.rootDir, ROOT_FILES.cert)), rel(join(layout.rootDir, ROOT_FILES.key))),
    orgs,
  };
}

/** Write the manifest unless the one on disk already says the same (so a plain restart writes nothing). */
export async function saveManifest(layout: PkiLayout, manifest: PkiManifest): Promise<PkiManifest> {
  const previous = await readFile(layout.manifest, 'utf8').catch(() => null);
  if (previous !== null) {
    try {
      const old = JSON.parse(previous) as PkiManifest;
      if (JSON.stringify({ ...old, updatedAt: '' }) === JSON.stringify({ ...manifest, updatedAt: '' })) return old;
    } catch {
      // Unreadable: replace it.
    }
  }
  await writeFileAtomic(layout.manifest, `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

function describe(facts: CertificateFacts, cert: string, key: string): ManifestCertificate {
  return {
    cert,
    key,
    subject: facts.subject,
    issuer: facts.issuer,
    serialNumber: facts.serialNumber,
    fingerprint256: facts.fingerprint256,
    notBefore: facts.notBefore.toISOString(),
    notAfter: facts.notAfter.toISOString(),
  };
}
