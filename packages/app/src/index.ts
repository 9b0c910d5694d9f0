// The public entry of @hannun/app for Node (the CLI, tests, benches): where the built app is, and its build.
// The browser code lives in src/web/ and is bundled by Vite; nothing here imports it.
export { APP_DIST_DIR, APP_ROOT } from './build/app-paths.ts';
export { type AppBuild, type BuildLogger, ensureAppBuilt } from './build/ensure-app-built.ts';
export { CHROMIUM, launchChromium } from './e2e/testing/chromium.ts';
