import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createPrivateFileOnce, ensureStorageKey } from '@hannun/pki';
import { type CaSecrets, generateCaSecrets, secretsFromFile, secretsToFile } from './ca-secrets.ts';

export interface EnsureCaSecretsResult {
  readonly secrets: CaSecrets;
  /** Where they are: `<dataDir>/ca/secrets.json` (0600, directory 0700), the storage key beside it (`storage.key`). */
  readonly path: string;
  /** True when this call created secrets.json (first start). */
  readonly created: boolean;
}

/**
 * The CA's secrets of a data directory: read them, or create them on first start. Creation is atomic and
 * safe against two processes starting at once (the file is linked into place, so the loser reads the
 * winner's). Losing these files makes every person's key, PIN, CI and signed consent unusable: back them up
 * with the database.
 */
export async function ensureCaSecrets(opts: { readonly dataDir: string }): Promise<EnsureCaSecretsResult> {
  const dir = join(opts.dataDir, 'ca');
  const path = join(dir, 'secrets.json');
  // Its own file, so a data directory from before sealed columns gains one without rewriting secrets.json.
  const { key: storageKey } = await ensureStorageKey(join(dir, 'storage.key'));
  const existing = await readSecrets(path);
  if (existing) return { secrets: { ...existing, storageKey }, path, created: false };
  const secrets = { ...(await generateCaSecrets()), storageKey };
  if (await createPrivateFileOnce(path, `${JSON.stringify(secretsToFile(secrets), null, 2)}\n`)) {
    return { secrets, path, created: true };
  }
  const theirs = await readSecrets(path);
  if (!theirs) throw new Error(`CA secrets: ${path} exists but cannot be read`);
  return { secrets: { ...theirs, storageKey }, path, created: false };
}

async function readSecrets(path: string): Promise<Omit<CaSecrets, 'storageKey'> | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  return secretsFromFile(JSON.parse(text));
}
