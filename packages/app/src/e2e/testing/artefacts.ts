import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { APP_ROOT } from '../../build/app-paths.ts';

/** Where the end-to-end tests write their screenshots (git-ignored). */
export const RESULTS_DIR = join(APP_ROOT, 'test-results');

/** A screenshot as a test artefact (the full page unless `fullPage: false`): `test-results/<suite>/<name>.png`. */
export async function screenshot(
  page: Page,
  suite: string,
  name: string,
  o: { fullPage?: boolean } = {},
): Promise<string> {
  const dir = join(RESULTS_DIR, suite);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.png`);
  await page.screenshot({ path, fullPage: o.fullPage ?? true });
  return path;
}
