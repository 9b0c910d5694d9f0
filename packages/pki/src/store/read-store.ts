import { X509Certificate } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { KeyAndCertificate } from '../certs/key-and-certificate.ts';
import { publicKeyDerOf } from '../certs/pem.ts';
import { type SigningKey, signingKeyFromPem } from '../certs/signing-key.ts';
import { ORG_FILES, type PkiLayout, ROOT_FILES } from './layout.ts';
import { parseStoredOrgSpec, type StoredOrgSpec } from './org-spec.ts';

/** What the store holds of one thing: nothing, something unusable (and why), or something usable. */
export type Stored<T> =
  | { readonly kind: 'missing' }
  | { readonly kind: 'broken'; readonly problem: string }
  | { readonly kind: 'present'; readonly value: T };

/** An organisation's directory, part by part: a broken TLS pair does not cost it its signing key. */
export interface StoredOrg {
  readonly exists: boolean;
  readonly spec: Stored<StoredOrgSpec>;
  readonly tls: Stored<KeyAndCertificate>;
  readonly signing: Stored<SigningKey>;
}

export async function readRoot(layout: PkiLayout): Promise<Stored<KeyAndCertificate>> {
  return readPart(() => readKeyAndCertificate(layout.rootDir, ROOT_FILES.cert, ROOT_FILES.key));
}

export async function readOrg(layout: PkiLayout, id: string): Promise<StoredOrg> {
  const dir = layout.orgDir(id);
  const exists = (await readdir(dir).catch(() => null)) !== null;
  return {
    exists,
    spec: await readPart(async () => {
      const spec = parseStoredOrgSpec(await readFile(join(dir, ORG_FILES.identity), 'utf8'));
      if (spec.id !== id) throw new TypeError(`org.json names ${spec.id}, not ${id}`);
      return spec;
    }),
    tls: await readPart(() => readKeyAndCertificate(dir, ORG_FILES.cert, ORG_FILES.key)),
    signing: await readPart(async () => signingKeyFromPem(await readFile(join(dir, ORG_FILES.signingKey), 'utf8'))),
  };
}

/** The ids of the organisations in the store (directory names; staging leftovers start with a dot). */
export async function storedOrgIds(layout: PkiLayout): Promise<string[]> {
  const entries = await readdir(layout.orgsDir, { withFileTypes: true }).catch((error: unknown) => {
    if (isMissing(error)) return [];
    throw error;
  });
  return entries
    .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
    .map((e) => e.name)
    .sort();
}

/** `missing`, or why it is broken: for messages. */
export function describeStored(part: Stored<unknown>): string {
  return part.kind === 'broken' ? part.problem : part.kind;
}

/** A file that does not exist is `missing`; one that exists but cannot be used is `broken`. */
async function readPart<T>(read: () => Promise<T>): Promise<Stored<T>> {
  try {
    return { kind: 'present', value: await read() };
  } catch (error) {
    if (isMissing(error)) return { kind: 'missing' };
    return { kind: 'broken', problem: error instanceof Error ? error.message : String(error) };
  }
}

/** Read a certificate and its key, and check the key is the certificate's (a mismatch counts as broken). */
async function readKeyAndCertificate(dir: string, certFile: string, keyFile: string): Promise<KeyAndCertificate> {
  const certPem = await readFile(join(dir, certFile), 'utf8');
  const keyPem = await readFile(join(dir, keyFile), 'utf8');
  const certKey = new X509Certificate(certPem).publicKey.export({ type: 'spki', format: 'der' });
  if (!certKey.equals(publicKeyDerOf(keyPem))) throw new Error(`${keyFile} is not the key of ${certFile}`);
  return { certPem, keyPem };
}

function isMissing(error: unknown): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === 'ENOENT';
}
