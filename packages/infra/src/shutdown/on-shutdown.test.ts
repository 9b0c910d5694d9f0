import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The signal handling is exercised in a child process: never signal the test runner itself.
const FIXTURE = fileURLToPath(new URL('./shutdown-fixture.ts', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

interface Run {
  child: ChildProcess;
  messages: () => string[];
  waitFor: (msg: string) => Promise<void>;
  exit: Promise<number | null>;
}

function run(env: Record<string, string>): Run {
  const child = spawn(process.execPath, ['--import', 'tsx', FIXTURE], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const waiters: { msg: string; resolve: () => void }[] = [];
  const messages = () =>
    out
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => (JSON.parse(l) as { msg: string }).msg);
  child.stdout!.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    for (const w of waiters.splice(0)) {
      if (messages().includes(w.msg)) w.resolve();
      else waiters.push(w);
    }
  });
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const waitFor = (msg: string) =>
    new Promise<void>((resolve) => (messages().includes(msg) ? resolve() : waiters.push({ msg, resolve })));
  return { child, messages, waitFor, exit };
}

describe('onShutdown (in a child process)', () => {
  it('on SIGINT stops servers, then cleanups in reverse order, and exits 0', async () => {
    const r = run({});
    await r.waitFor('ready');
    r.child.kill('SIGINT');
    expect(await r.exit).toBe(0);
    const stopped = r.messages().filter((m) => m.startsWith('stopped '));
    expect(stopped).toEqual(['stopped api', 'stopped docs', 'stopped queue', 'stopped database']);
    expect(r.messages()).toContain('shutdown complete');
  });

  it('exits 1 when the shutdown outlasts its timeout', async () => {
    const r = run({ SHUTDOWN_MODE: 'hang', SHUTDOWN_TIMEOUT_MS: '300' });
    await r.waitFor('ready');
    r.child.kill('SIGTERM');
    expect(await r.exit).toBe(1);
    expect(r.messages()).toContain('shutdown took longer than 300 ms: exiting now');
  });

  it('exits 1 at once on a second signal', async () => {
    const r = run({ SHUTDOWN_MODE: 'hang', SHUTDOWN_TIMEOUT_MS: '20000' });
    await r.waitFor('ready');
    r.child.kill('SIGINT');
    await r.waitFor('shutting down');
    r.child.kill('SIGINT');
    expect(await r.exit).toBe(1);
    expect(r.messages()).toContain('second SIGINT: exiting now');
  });
});
