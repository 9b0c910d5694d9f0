import { join } from 'node:path';

/**
 * Where everything lives under `<dataDir>/pki/` (directories 0700, files 0600):
 *
 *     manifest.json                 what is there: paths, subjects, serial numbers, fingerprints, validity
 *     root/ca.crt.pem, ca.key.pem   the root CA
 *     orgs/<id>/org.json            the organisation as last requested: name, regNo, hosts, signingKey
 *     orgs/<id>/tls.crt.pem, tls.key.pem                 its mutual-TLS certificate and key
 *     orgs/<id>/signing.key.pem, signing.jwk.json        its ES256 signing key (PKCS#8) and public JWK
 *     archive/<time>-<what>/        everything rotation or renewal replaced, moved here whole
 */
export interface PkiLayout {
  readonly dir: string;
  readonly manifest: string;
  readonly lock: string;
  readonly rootDir: string;
  readonly orgsDir: string;
  readonly archiveDir: string;
  orgDir(id: string): string;
}

export const ROOT_FILES = { cert: 'ca.crt.pem', key: 'ca.key.pem' } as const;
export const ORG_FILES = {
  identity: 'org.json',
  cert: 'tls.crt.pem',
  key: 'tls.key.pem',
  signingKey: 'signing.key.pem',
  signingJwk: 'signing.jwk.json',
} as const;

export function pkiLayout(dataDir: string): PkiLayout {
  const dir = join(dataDir, 'pki');
  const orgsDir = join(dir, 'orgs');
  return {
    dir,
    manifest: join(dir, 'manifest.json'),
    lock: join(dir, '.lock'),
    rootDir: join(dir, 'root'),
    orgsDir,
    archiveDir: join(dir, 'archive'),
    orgDir: (id) => join(orgsDir, id),
  };
}

/** Organisation ids become directory names: letters, digits, `.`, `_`, `-`, starting with a letter or digit. */
const ORG_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export function assertOrgId(id: string): void {
  if (!ORG_ID.test(id)) {
    throw new TypeError(
      `organisation id must match ${ORG_ID.source} (it names a directory), got ${JSON.stringify(id)}`,
    );
  }
}
