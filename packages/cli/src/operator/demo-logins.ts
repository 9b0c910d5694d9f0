import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writePrivateFile } from '../ecosystem/private-file.ts';

/** A demo person's app login, kept so a restart shows the same one in demo.json. */
export interface DemoLogin {
  readonly login: string;
  readonly password: string;
  /** When they were connected to their institutions (the connected person, once). */
  readonly connectedAt?: string;
}

export const DEMO_LOGINS_FILE = join('operator', 'demo-logins.json');

/** Login names of the demo's people in the app, by role. */
const LOGIN_NAMES = { connected: 'demo.connected', newcomer: 'demo.newcomer' } as const;

/** `<data dir>/operator/demo-logins.json` (0600), by CI; an unreadable file starts again (demo data only). */
export async function readDemoLogins(dataDir: string): Promise<Record<string, DemoLogin>> {
  try {
    const v = JSON.parse(await readFile(join(dataDir, DEMO_LOGINS_FILE), 'utf8')) as unknown;
    return typeof v === 'object' && v !== null ? (v as Record<string, DemoLogin>) : {};
  } catch {
    return {};
  }
}

export async function writeDemoLogins(dataDir: string, logins: Record<string, DemoLogin>): Promise<void> {
  await writePrivateFile(join(dataDir, DEMO_LOGINS_FILE), `${JSON.stringify(logins, null, 2)}\n`);
}

/** A new demo login for a role: a fixed name, a random password (16 characters, letters and digits). */
export function newDemoLogin(role: keyof typeof LOGIN_NAMES): DemoLogin {
  return { login: LOGIN_NAMES[role], password: `Hn-${randomBytes(12).toString('base64url')}` };
}
