import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** Files of the app's sources that do not go into the bundle. */
const IGNORED = /(\.test\.tsx?$)|(^|\/)(e2e|build)(\/|$)/;

/** The newest modification time (ms) of the app's sources: `src/web/`, `index.html`, the Vite settings. */
export async function newestSourceTime(root: string): Promise<number> {
  let newest = 0;
  const visit = async (path: string, rel: string): Promise<void> => {
    const s = await stat(path).catch(() => undefined);
    if (!s) return;
    if (s.isDirectory()) {
      for (const name of await readdir(path)) {
        const child = rel ? `${rel}/${name}` : name;
        if (!IGNORED.test(child)) await visit(join(path, name), child);
      }
    } else newest = Math.max(newest, s.mtimeMs);
  };
  await visit(join(root, 'src', 'web'), '');
  for (const f of ['index.html', 'package.json', join('src', 'build', 'vite-settings.ts')]) {
    await visit(join(root, f), 'file');
  }
  return newest;
}
