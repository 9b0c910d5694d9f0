import { chmod, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { newClientCredential } from '@hannun/registry';
import type { DemoOperatorService, DemoOrganisation } from './demo-organisations.ts';
import { writePrivateFile } from './private-file.ts';

/** A client_id and client_secret pair, aN(50) each. The secret is shown only to its holder (demo.json). */
export interface ClientCredential {
  readonly clientId: string;
  readonly clientSecret: string;
}

/**
 * The client credentials of the demo ecosystem: each organisation's own (by org_code) and each operator
 * service's (by its key). PROVISIONAL: the portal (issue #5) will issue these (지원-001/003); until then
 * `hannun up` generates them once and keeps them in `<dataDir>/ecosystem/credentials.json` (0600). Only
 * their holders see the secrets; the registry keeps hashes.
 */
export interface EcosystemCredentials {
  /** Absolute path of credentials.json. */
  readonly path: string;
  readonly orgs: ReadonlyMap<string, ClientCredential>;
  readonly services: ReadonlyMap<string, ClientCredential>;
  /** How many pairs this call generated (0 on a plain restart, which writes nothing). */
  readonly created: number;
}

interface CredentialsFile {
  readonly version: 1;
  readonly orgs: Record<string, { client_id: string; client_secret: string }>;
  readonly services: Record<string, { client_id: string; client_secret: string }>;
}

export const CREDENTIALS_FILE = join('ecosystem', 'credentials.json');
const CREDENTIAL = /^[A-Za-z0-9]{50}$/;

/**
 * Load the credentials of `orgs` and `services` from the data directory, generating (with
 * `newClientCredential`) and saving any that are missing. Pairs of organisations no longer listed are kept.
 * A file that is not what this function writes is an error naming the file, never silently replaced.
 */
export async function ensureEcosystemCredentials(
  dataDir: string,
  orgs: readonly DemoOrganisation[],
  services: readonly DemoOperatorService[],
): Promise<EcosystemCredentials> {
  const path = join(dataDir, CREDENTIALS_FILE);
  const stored = await readCredentialsFile(path);
  const file: CredentialsFile = { version: 1, orgs: { ...stored?.orgs }, services: { ...stored?.services } };
  let created = 0;
  const fill = (into: CredentialsFile['orgs'], key: string) => {
    if (into[key] !== undefined) return;
    into[key] = { client_id: newClientCredential(), client_secret: newClientCredential() };
    created++;
  };
  for (const o of orgs) if (o.hasCredentials) fill(file.orgs, o.orgCode);
  for (const s of services) fill(file.services, s.key);
  if (created > 0 || stored === null) await writePrivateFile(path, `${JSON.stringify(file, null, 2)}\n`);
  else await chmod(path, 0o600);
  const pairs = (record: CredentialsFile['orgs']) =>
    new Map(Object.entries(record).map(([k, v]) => [k, { clientId: v.client_id, clientSecret: v.client_secret }]));
  return { path, orgs: pairs(file.orgs), services: pairs(file.services), created };
}

/** The file's content, null when there is none; throws naming the file and the first bad entry otherwise. */
async function readCredentialsFile(path: string): Promise<CredentialsFile | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const bad = (why: string) =>
    new Error(`${path}: ${why}. Fix or delete the file (a new one issues new demo credentials).`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw bad('not JSON');
  }
  const v = value as Partial<CredentialsFile> | null;
  if (typeof v !== 'object' || v === null || v.version !== 1) throw bad('not a version 1 credentials file');
  for (const section of ['orgs', 'services'] as const) {
    const record: unknown = v[section];
    if (typeof record !== 'object' || record === null) throw bad(`"${section}" is not an object`);
    for (const [key, pair] of Object.entries(record)) {
      const p = pair as { client_id?: unknown; client_secret?: unknown } | null;
      const valid = (x: unknown) => typeof x === 'string' && CREDENTIAL.test(x);
      if (!valid(p?.client_id) || !valid(p?.client_secret)) {
        throw bad(`${section}.${key} needs client_id and client_secret of 50 letters and digits`);
      }
    }
  }
  return v as CredentialsFile;
}
