import { readFileSync } from 'node:fs';

/** Hannun's version, from the cli package's package.json. */
export const HANNUN_VERSION: string = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;
