import { randomBytes } from 'node:crypto';
import { createRootCa, generateStorageKey, type KeyAndCertificate } from '@hannun/pki';

/**
 * What the CA keeps secret, apart from its organisation credentials (TLS and token-signing key, from the
 * PKI): the PIN pepper, the key that encrypts people's private keys, and the root of people's certificates.
 * Never log any of it.
 */
export interface CaSecrets {
  /** HMAC-SHA256 key mixed into every PIN before argon2id: a stolen database alone cannot be brute-forced. */
  readonly pepper: Buffer;
  /** AES-256-GCM key for people's private signing keys. */
  readonly keyEncryptionKey: Buffer;
  /**
   * The CA's own "personal certificate" root: self-signed, separate from the ecosystem's TLS root; it
   * issues only people's signing certificates.
   */
  readonly personalRoot: KeyAndCertificate;
  /**
   * The storage key of the CA's database (`<dataDir>/ca/storage.key`): people's CIs and signed consents are
   * sealed under it (AES-256-GCM), and CIs found through a blind index derived from it.
   */
  readonly storageKey: Buffer;
}

/** Fresh secrets (tests; the first start of a data directory). */
export async function generateCaSecrets(opts: { readonly rootCommonName?: string } = {}): Promise<CaSecrets> {
  return {
    pepper: randomBytes(32),
    keyEncryptionKey: randomBytes(32),
    personalRoot: await createRootCa({
      commonName: opts.rootCommonName ?? `Hannun CA Personal Root ${randomBytes(4).toString('hex')}`,
    }),
    storageKey: generateStorageKey(),
  };
}

/** The file form of secrets.json (version 1): base64 keys and the root's PEMs; the storage key has its own file. */
export interface CaSecretsFile {
  readonly version: 1;
  readonly pepper: string;
  readonly keyEncryptionKey: string;
  readonly personalRoot: { readonly certPem: string; readonly keyPem: string };
}

export function secretsToFile(s: CaSecrets): CaSecretsFile {
  return {
    version: 1,
    pepper: s.pepper.toString('base64'),
    keyEncryptionKey: s.keyEncryptionKey.toString('base64'),
    personalRoot: { certPem: s.personalRoot.certPem, keyPem: s.personalRoot.keyPem },
  };
}

/** Parse the file form; throws naming the field that is wrong (never printing a value). */
export function secretsFromFile(raw: unknown): Omit<CaSecrets, 'storageKey'> {
  const f = raw as Partial<CaSecretsFile> | null;
  if (typeof f !== 'object' || f === null || f.version !== 1) throw new Error('CA secrets: unknown file version');
  const key = (name: 'pepper' | 'keyEncryptionKey') => {
    const v = f[name];
    const b = typeof v === 'string' ? Buffer.from(v, 'base64') : Buffer.alloc(0);
    if (b.length !== 32) throw new Error(`CA secrets: ${name} must be 32 bytes`);
    return b;
  };
  const root = f.personalRoot;
  if (typeof root?.certPem !== 'string' || typeof root.keyPem !== 'string') {
    throw new Error('CA secrets: personalRoot must hold certPem and keyPem');
  }
  return {
    pepper: key('pepper'),
    keyEncryptionKey: key('keyEncryptionKey'),
    personalRoot: { certPem: root.certPem, keyPem: root.keyPem },
  };
}
