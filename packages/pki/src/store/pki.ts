import type { CertificateFacts } from '../certs/inspect-certificate.ts';
import type { SigningKey } from '../certs/signing-key.ts';
import type { TlsMaterial } from '../tls/tls-material.ts';
import type { PkiManifest } from './manifest.ts';

/** One organisation's credentials, ready for `tlsServerOptions`, `clientAgent` and a JWS library. */
export interface OrgCredentials extends TlsMaterial {
  readonly id: string;
  readonly name: string;
  /** The registration number: the subject serialNumber of its certificate. */
  readonly regNo: string;
  readonly hosts: readonly string[];
  /** The TLS certificate's subject, serial number, fingerprint and validity. */
  readonly certificate: CertificateFacts;
  /** Its ES256 signing key, or null when it has none. */
  readonly signing: SigningKey | null;
}

/** Why something was created or replaced. */
export type PkiChangeReason = 'missing' | 'unreadable' | 'expiring' | 'issuer-changed' | 'identity-changed' | 'rotated';

/** One thing `ensurePki` or `rotate` did, for the service to log (no key material in it). */
export interface PkiChange {
  readonly item: 'root' | 'tls' | 'signing' | 'org-record';
  /** Absent for the root. */
  readonly orgId?: string;
  readonly action: 'created' | 'replaced';
  readonly reason: PkiChangeReason;
  /** Where the replaced files went, relative to `<dataDir>/pki/`. */
  readonly archivedTo?: string;
}

/** The PKI of a data directory, as loaded or just reconciled. The root's private key stays on disk. */
export interface Pki {
  /** `<dataDir>/pki`. */
  readonly dir: string;
  readonly root: { readonly certPem: string; readonly certificate: CertificateFacts };
  readonly orgs: ReadonlyMap<string, OrgCredentials>;
  /** The organisation's credentials; throws when the store has no such organisation. */
  org(id: string): OrgCredentials;
  readonly manifest: PkiManifest;
  /** What this call created or replaced; empty on a plain restart. */
  readonly changes: readonly PkiChange[];
  /** Organisations left alone because their directory is unusable and no spec was given to rebuild them. */
  readonly problems: readonly string[];
}

/** The store has no PKI yet, or no such organisation. */
export class PkiNotFoundError extends Error {
  override readonly name = 'PkiNotFoundError';
}
