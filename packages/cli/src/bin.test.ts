import { spawn } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { freePorts } from './ecosystem/services.ts';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const BIN = join(REPO_ROOT, 'packages/cli/bin/hannun.js');

describe('bin/hannun.js up (a real process)', () => {
  it('prints the table, serves the hub, and exits 0 on SIGINT', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'hannun-bin-'));
    try {
      expect((await stat(BIN)).mode & 0o111).not.toBe(0);
      const child = spawn(process.execPath, [BIN, 'up'], {
        cwd: REPO_ROOT,
        env: { ...process.env, ...freePorts(), HANNUN_DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
      const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (c: Buffer) => {
          stdout += c.toString();
          const m = /^ {2}docs\s+docs\s+(http:\/\/127\.0\.0\.1:\d+)$/m.exec(stdout);
          if (m) resolve(m[1]!);
        });
        child.on('exit', () => reject(new Error(`exited before the table: ${stdout}${stderr}`)));
      });
      expect(stdout).toContain(`demo.json: ${join(dataDir, 'demo.json')}`);
      const page = await fetch(`${url}/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<h1>한눈 문서 허브</h1>');
      child.kill('SIGINT');
      expect(await exit).toBe(0);
      expect(stderr).toBe('');
      await expect(fetch(`${url}/healthz`)).rejects.toThrow();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
