import { join } from 'node:path';
import react from '@vitejs/plugin-react';
import type { InlineConfig } from 'vite';
import { APP_ROOT } from './app-paths.ts';

/**
 * The one Vite configuration of the web app (used by `vite.config.ts` and by {@link ensureAppBuilt}):
 * `index.html` at the package root, hashed assets under `<outDir>/assets/`, one chunk per page.
 */
export function viteSettings(outDir: string): InlineConfig {
  return {
    root: APP_ROOT,
    base: '/',
    configFile: false,
    mode: 'production',
    plugins: [react()],
    build: {
      outDir: join(APP_ROOT, outDir),
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: false,
      reportCompressedSize: false,
      chunkSizeWarningLimit: 800,
    },
    logLevel: 'warn',
  };
}
