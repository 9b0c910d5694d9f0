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
 * The client credentials of the demo ecosystem, as the portal issued them at onboarding (its seed export,
 * `<dataDir>/ecosystem/credentials.json`, 0600): each organisation's own (by org_code, 지원-001 and the CA's
 * 통합인증-101), each operator service's (by its key, 지원-003), and the portal credential each organisation
 * verifies when the portal calls it (지원-101). Only their holders see the secrets; the portal keeps hashes.
 */
export interface EcosystemCredentials {
  /** Absolute path of credentials.json. */
  readonly path: string;
  readonly orgs: ReadonlyMap<string, ClientCredential>;
  readonly services: ReadonlyMap<string, ClientCredential>;
  /** The portal credential each organisation verifies at 지원-101, by org_code. */
  readonly portal: ReadonlyMap<string, ClientCredential>;
  /** How many pairs this call generated (0 on a plain restart, which writes nothing). */
  readonly created: number;
}

type PairRecord = Record<string, { client_id: string; client_secret: string }>;

interface CredentialsFile {
  readonly version: 1;
  readonly orgs: PairRecord;
  readonly services: PairRecord;
  readonly portal?: PairRecord;
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
  const file: CredentialsFile = {
    version: 1,
    orgs: { ...stored?.orgs },
    services: { ...stored?.services },
    ...(stored?.portal ? { portal: stored.portal } : {}),
  };
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
  return { ...credentialsOf(path, file), created };
}

const pairs = (record: PairRecord | undefined) =>
  new Map(Object.entries(record ?? {}).map(([k, v]) => [k, { clientId: v.client_id, clientSecret: v.client_secret }]));

function credentialsOf(path: string, file: CredentialsFile): Omit<EcosystemCredentials, 'created'> {
  return { path, orgs: pairs(file.orgs), services: pairs(file.services), portal: pairs(file.portal) };
}

/** What the file holds, or null when there is none (a file this module did not write is an error naming it). */
export async function readEcosystemCredentials(dataDir: string): Promise<Omit<EcosystemCredentials, 'created'> | null> {
  const path = join(dataDir, CREDENTIALS_FILE);
  const file = await readCredentialsFile(path);
  return file === null ? null : credentialsOf(path, file);
}

/**
 * Write the portal's seed export: every pair given (0600, atomically). Returns whether the file changed
 * (an identical file is left alone, so a restart writes nothing).
 */
export async function writeEcosystemCredentials(
  dataDir: string,
  sections: {
    readonly orgs: ReadonlyMap<string, ClientCredential>;
    readonly services: ReadonlyMap<string, ClientCredential>;
    readonly portal: ReadonlyMap<string, ClientCredential>;
  },
): Promise<boolean> {
  const path = join(dataDir, CREDENTIALS_FILE);
  const record = (m: ReadonlyMap<string, ClientCredential>): PairRecord =>
    Object.fromEntries([...m].map(([k, v]) => [k, { client_id: v.clientId, client_secret: v.clientSecret }]));
  const file: CredentialsFile = {
    version: 1,
    orgs: record(sections.orgs),
    services: record(sections.services),
    portal: record(sections.portal),
  };
  const text = `${JSON.stringify(file, null, 2)}\n`;
  const before = await readFile(path, 'utf8').catch(() => null);
  if (before === text) {
    await chmod(path, 0o600);
    return false;
  }
  await writePrivateFile(path, text);
  return true;
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
  for (const section of ['orgs', 'services', 'portal'] as const) {
    const record: unknown = v[section];
    if (section === 'portal' && record === undefined) continue;
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
