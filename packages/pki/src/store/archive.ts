import { randomBytes } from 'node:crypto';
import { join, relative } from 'node:path';
import type { PkiLayout } from './layout.ts';

/** Where replaced files go: `archive/20261124T172012345Z-<label>-<4 hex>/` — sortable, unique, safe in a path. */
export function archivePath(layout: PkiLayout, label: string, now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:.]/g, '');
  return join(layout.archiveDir, `${stamp}-${label}-${randomBytes(2).toString('hex')}`);
}

/** `{ archivedTo }` relative to the PKI directory, for a change record; nothing when nothing was archived. */
export function archivedTo(layout: PkiLayout, path: string | null): { archivedTo?: string } {
  return path === null ? {} : { archivedTo: relative(layout.dir, path) };
}
