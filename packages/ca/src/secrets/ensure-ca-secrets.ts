import { randomBytes } from 'node:crypto';
import { chmod, link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type CaSecrets, generateCaSecrets, secretsFromFile, secretsToFile } from './ca-secrets.ts';

export interface EnsureCaSecretsResult {
  readonly secrets: CaSecrets;
  /** Where they are: `<dataDir>/ca/secrets.json` (0600, directory 0700). */
  readonly path: string;
  /** True when this call created them (first start). */
  readonly created: boolean;
}

/**
 * The CA's secrets of a data directory: read them, or create them on first start. Creation is atomic and
 * safe against two processes starting at once (the file is linked into place, so the loser reads the
 * winner's). Losing this file makes every person's key and PIN unusable: back it up with the database.
 */
export async function ensureCaSecrets(opts: { readonly dataDir: string }): Promise<EnsureCaSecretsResult> {
  const dir = join(opts.dataDir, 'ca');
  const path = join(dir, 'secrets.json');
  const existing = await readSecrets(path);
  if (existing) return { secrets: existing, path, created: false };
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await chmod(dir, 0o700);
  const secrets = await generateCaSecrets();
  const tmp = join(dir, `.secrets.${randomBytes(6).toString('hex')}.tmp`);
  await writeFile(tmp, `${JSON.stringify(secretsToFile(secrets), null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  try {
    await link(tmp, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const theirs = await readSecrets(path);
    if (!theirs) throw new Error(`CA secrets: ${path} exists but cannot be read`);
    return { secrets: theirs, path, created: false };
  } finally {
    await unlink(tmp).catch(() => {});
  }
  return { secrets, path, created: true };
}

async function readSecrets(path: string): Promise<CaSecrets | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  return secretsFromFile(JSON.parse(text));
}
