import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ensureSecretFile } from '../ecosystem/secret-file.ts';
import { writePrivateFile } from '../ecosystem/private-file.ts';

/** The portal's files under the data directory (directory 0700, files 0600). */
export const PORTAL_DIR = 'portal';
/** Derives the portal credential each organisation verifies at 지원-101 (32 random bytes). */
export const CREDENTIAL_KEY_FILE = join(PORTAL_DIR, 'credential.key');
/** The admin API's bearer token (32 random bytes, used as 64 hex digits). */
export const ADMIN_TOKEN_FILE = join(PORTAL_DIR, 'admin.token');
/** Where the running portal's admin API answers, for `hannun portal …` (written at every start). */
export const ADMIN_ENDPOINT_FILE = join(PORTAL_DIR, 'admin.json');

export function ensureCredentialKey(dataDir: string): Promise<Buffer> {
  return ensureSecretFile(join(dataDir, CREDENTIAL_KEY_FILE), 32);
}

export async function ensureAdminToken(dataDir: string): Promise<string> {
  return (await ensureSecretFile(join(dataDir, ADMIN_TOKEN_FILE), 32)).toString('hex');
}

export interface AdminEndpoint {
  /** The admin API's base URL, e.g. `http://127.0.0.1:4001`. */
  readonly url: string;
  /** The support APIs' base URL, e.g. `https://127.0.0.1:4000`. */
  readonly supportUrl: string;
  readonly pid: number;
  readonly startedAt: string;
}

export async function writeAdminEndpoint(dataDir: string, endpoint: AdminEndpoint): Promise<void> {
  await writePrivateFile(join(dataDir, ADMIN_ENDPOINT_FILE), `${JSON.stringify(endpoint, null, 2)}\n`);
}

/** The endpoint and token of the portal that last started with this data directory, or null. */
export async function readAdminAccess(dataDir: string): Promise<{ endpoint: AdminEndpoint; token: string } | null> {
  try {
    const endpoint = JSON.parse(await readFile(join(dataDir, ADMIN_ENDPOINT_FILE), 'utf8')) as AdminEndpoint;
    const token = (await readFile(join(dataDir, ADMIN_TOKEN_FILE))).toString('hex');
    if (typeof endpoint.url !== 'string' || token.length !== 64) return null;
    return { endpoint, token };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
