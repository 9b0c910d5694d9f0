import { defineConfig } from 'vite';
import { viteSettings } from './src/build/vite-settings.ts';

/** `npx vite build` (and `npx vite` for development) in this folder; `hannun up` builds by itself. */
export default defineConfig(viteSettings('dist'));
