import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The app package's folder (index.html, vite.config.ts, src/). */
export const APP_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Where the built app lives: what the operator serves (git-ignored). */
export const APP_DIST_DIR = join(APP_ROOT, 'dist');

/** Written last by a build: its time is the build's time. */
export const BUILD_STAMP = '.build-stamp';
