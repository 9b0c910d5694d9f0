import { chmod, readFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { writePrivateFile } from './private-file.ts';

/**
 * A random secret of `bytes` bytes kept in `path` (0600, directory 0700): created on first use, the same
 * on every restart. A file of another size is an error naming it, never silently replaced.
 */
export async function ensureSecretFile(path: string, bytes: number): Promise<Buffer> {
  let secret: Buffer;
  try {
    secret = await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    secret = randomBytes(bytes);
    await writePrivateFile(path, secret);
    return secret;
  }
  if (secret.length !== bytes) {
    throw new Error(`${path} holds ${secret.length} bytes, not the ${bytes} of a secret; delete it to make a new one`);
  }
  await chmod(path, 0o600);
  return secret;
}
