import { inspectCertificate } from '../certs/inspect-certificate.ts';
import type { KeyAndCertificate } from '../certs/key-and-certificate.ts';
import type { SigningKey } from '../certs/signing-key.ts';
import type { PkiLayout } from './layout.ts';
import { buildManifest, type PkiManifest } from './manifest.ts';
import type { StoredOrgSpec } from './org-spec.ts';
import { type OrgCredentials, type Pki, type PkiChange, PkiNotFoundError } from './pki.ts';

export function orgCredentials(
  spec: StoredOrgSpec,
  tls: KeyAndCertificate,
  signing: SigningKey | null,
  rootCertPem: string,
): OrgCredentials {
  return {
    id: spec.id,
    name: spec.name,
    regNo: spec.regNo,
    hosts: spec.hosts,
    certPem: tls.certPem,
    keyPem: tls.keyPem,
    caPem: rootCertPem,
    certificate: inspectCertificate(tls.certPem),
    signing,
  };
}

export function manifestOf(layout: PkiLayout, rootCertPem: string, orgs: Iterable<OrgCredentials>): PkiManifest {
  return buildManifest(layout, {
    root: inspectCertificate(rootCertPem),
    orgs: [...orgs].map((o) => ({
      spec: { id: o.id, name: o.name, regNo: o.regNo, hosts: o.hosts, signingKey: o.signing !== null },
      certificate: o.certificate,
      signing: o.signing,
    })),
  });
}

export function makePki(
  layout: PkiLayout,
  rootCertPem: string,
  orgs: ReadonlyMap<string, OrgCredentials>,
  manifest: PkiManifest,
  changes: readonly PkiChange[],
  problems: readonly string[],
): Pki {
  return {
    dir: layout.dir,
    root: { certPem: rootCertPem, certificate: inspectCertificate(rootCertPem) },
    orgs,
    org(id) {
      const org = orgs.get(id);
      if (org === undefined) throw new PkiNotFoundError(`no organisation ${JSON.stringify(id)} in ${layout.dir}`);
      return org;
    },
    manifest,
    changes,
    problems,
  };
}
