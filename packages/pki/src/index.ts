// The public entry of @hannun/pki: the local PKI of a data directory, and mutual TLS 1.3 between institutions.

// The store: create, reuse, renew, rotate, load.
export { ensurePki, type EnsurePkiOptions } from './store/ensure-pki.ts';
export { type FileLockOptions, PkiLockedError } from './store/file-lock.ts';
export { type PkiLayout, pkiLayout } from './store/layout.ts';
export { loadPki } from './store/load-pki.ts';
export type { ManifestCertificate, ManifestOrg, PkiManifest } from './store/manifest.ts';
export type { OrgSpec } from './store/org-spec.ts';
export {
  type OrgCredentials,
  type Pki,
  type PkiChange,
  type PkiChangeReason,
  PkiNotFoundError,
} from './store/pki.ts';
export { RENEW_BEFORE_DAYS, type ValidityPolicy } from './store/policy.ts';
export { type RotateOptions, rotate } from './store/rotate.ts';

// Certificates and keys, for tests and tools that need them without a store.
export { ALGORITHM_LABEL, JWS_ALG } from './certs/algorithm.ts';
export { fingerprint256 } from './certs/fingerprint.ts';
export { type CertificateFacts, inspectCertificate, isIssuedBy } from './certs/inspect-certificate.ts';
export type { KeyAndCertificate } from './certs/key-and-certificate.ts';
export { issueOrgCertificate, LEAF_VALIDITY_DAYS, SUBJECT_SERIAL_NUMBER_OID } from './certs/org-certificate.ts';
export type { OrgIdentity } from './certs/org-identity.ts';
export { createRootCa, ROOT_VALIDITY_DAYS, type RootCaOptions } from './certs/root-ca.ts';
export { generateSigningKey, type PublicSigningJwk, type SigningKey, signingKeyFromPem } from './certs/signing-key.ts';
export type { ValidityOptions } from './certs/validity.ts';
/** @peculiar/x509, loaded with its Reflect polyfill and pointed at Node's WebCrypto: for certificates other than organisations' (the CA's personal certificates). */
export { x509 } from './certs/x509.ts';

// Mutual TLS.
export { type ClientAgentOptions, clientAgent } from './tls/client-agent.ts';
export {
  peerCertificateSerialNumber,
  peerFingerprint256,
  type VerifiedPeer,
  verifiedPeer,
} from './tls/peer-certificate.ts';
export type { TlsMaterial } from './tls/tls-material.ts';
export { type MutualTlsServerOptions, tlsServerOptions } from './tls/tls-server-options.ts';
export { TLS_VERSION } from './tls/tls-versions.ts';

// Compact JWS and JWT with ES256 on node:crypto (provider tokens, CA tokens, signed consents).
export * from './jws/es256-jws.ts';
export * from './jws/jwt.ts';

// Sealed columns at rest: AES-256-GCM bound to table, column and row, and blind indexes for lookups.
export { aeadOpen, aeadSeal, aeadVersion } from './seal/aead.ts';
export { type BlindIndex, createBlindIndex } from './seal/blind-index.ts';
export { type ColumnSealer, createColumnSealer, type RowKey } from './seal/column-sealer.ts';
export { SealError } from './seal/seal-error.ts';
export { deriveStorageSubkey, generateStorageKey, STORAGE_KEY_BYTES } from './seal/storage-key.ts';
export { createPrivateFileOnce } from './seal/create-file-once.ts';
export { type EnsureStorageKeyResult, ensureStorageKey } from './seal/ensure-storage-key.ts';
