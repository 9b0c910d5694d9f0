import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogSink } from '@hannun/infra';
import { loadPki } from '@hannun/pki';
import type { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Ecosystem, startEcosystem } from '../ecosystem/start-ecosystem.ts';
import { portalService } from '../portal/portal-service.ts';
import { createProgram } from '../program.ts';
import { UserError } from '../user-error.ts';

function capture() {
  let text = '';
  return { write: (s: string) => (text += s), text: () => text };
}

function quiet(cmd: Command, out: { write: (s: string) => unknown }, err: { write: (s: string) => unknown }) {
  cmd.exitOverride().configureOutput({ writeOut: out.write, writeErr: err.write });
  for (const sub of cmd.commands) quiet(sub, out, err);
}

/** `hannun <args>` in-process; what it printed and what it threw. */
async function run(args: string[]) {
  const out = capture();
  const err = capture();
  const program = createProgram(out);
  quiet(program, out, err);
  let error: unknown;
  try {
    await program.parseAsync(['node', 'hannun', ...args]);
  } catch (e) {
    error = e;
  }
  return { out: out.text(), err: err.text(), error };
}

describe('hannun portal (administration CLI)', () => {
  let dir: string;
  let eco: Ecosystem;
  const d = () => ['--data-dir', dir];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hannun-portal-cli-'));
    eco = await startEcosystem({
      env: { PORTAL_PORT: '0', HANNUN_DATA_DIR: dir },
      services: [portalService],
      logDestination: createLogSink(),
    });
  });
  afterAll(async () => {
    await eco.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('--help of each command explains it with examples', async () => {
    for (const args of [
      ['portal'],
      ['portal', 'org', 'add'],
      ['portal', 'org', 'update'],
      ['portal', 'service', 'add'],
    ]) {
      const { out } = await run([...args, '--help']);
      expect(out).toMatch(/Examples? \/ 예:/);
      expect(out).toContain('hannun portal');
    }
    expect((await run(['portal', 'org', 'add', '--help'])).out).toContain('--np-time <hhmm:hhmm>');
  });

  it('org add onboards an operator: prints its credentials once and writes its TLS certificate (serialNumber = regno)', async () => {
    const { out, error } = await run([
      'portal',
      'org',
      'add',
      ...d(),
      '--type',
      '03',
      '--name',
      '새마이데이터',
      '--regno',
      '2208100555',
      '--ip',
      '127.0.0.1',
    ]);
    expect(error).toBeUndefined();
    const code = /Registered (MD[A-Z0-9]{8})/.exec(out)?.[1];
    expect(code).toBeDefined();
    expect(out).toMatch(/client_secret\s+[A-Za-z0-9]{50}/);
    expect(out).toContain('shown this once');
    const pki = await loadPki({ dataDir: dir });
    expect(pki.org(code!.toLowerCase()).certificate.subjectSerialNumber).toBe('2208100555');
    // Only the hash is kept: the secret printed is nowhere in the portal's answers afterwards.
    const secret = /client_secret\s+([A-Za-z0-9]{50})/.exec(out)![1]!;
    expect((await run(['portal', 'org', 'list', ...d()])).out).not.toContain(secret);
    expect((await run(['portal', 'org', 'list', ...d()])).out).toContain(`${code}  03  2208100555`);
    expect(await readFile(join(dir, 'portal', 'admin.token'))).toHaveLength(32);
  });

  it('org update changes a registration; org remove removes it; refusals name the field', async () => {
    await run([
      'portal',
      'org',
      'add',
      ...d(),
      '--type',
      '03',
      '--org-code',
      'MDCLITEST1',
      '--name',
      '시험',
      '--regno',
      '2208100556',
      '--no-cert',
    ]);
    const updated = await run([
      'portal',
      'org',
      'update',
      'MDCLITEST1',
      ...d(),
      '--ip',
      '10.0.0.1',
      '--ip',
      '10.0.0.2',
    ]);
    expect(updated.out).toContain('Updated MDCLITEST1');
    expect(updated.out).toMatch(/ip_list\s+10\.0\.0\.1, 10\.0\.0\.2/);
    const dup = await run(['portal', 'org', 'update', 'MDCLITEST1', ...d(), '--serial', '2208100555']);
    expect(dup.error).toBeInstanceOf(UserError);
    expect((dup.error as Error).message).toContain('serial_num: is already registered to another organisation');
    const badNp = await run([
      'portal',
      'org',
      'add',
      ...d(),
      '--type',
      '01',
      '--name',
      '짧은은행',
      '--industry',
      'bank',
      '--regno',
      '1018100777',
      '--np-time',
      '0000:0300',
      '--no-cert',
    ]);
    expect((badNp.error as Error).message).toContain('np_time_list: adds up to 3 hours a day, at least 6 required');
    expect((await run(['portal', 'org', 'remove', 'MDCLITEST1', ...d()])).out).toContain('Removed MDCLITEST1');
    expect((await run(['portal', 'org', 'remove', 'MDCLITEST1', ...d()])).error).toBeInstanceOf(UserError);
  });

  it('service add issues a client_id and secret once; more than 4 callbacks are refused; service remove', async () => {
    const added = await run([
      'portal',
      'service',
      'add',
      ...d(),
      '--org',
      'MDHANNUN01',
      '--name',
      '한눈 가계부',
      '--redirect-uri',
      'https://app.example/cb',
      '--app-scheme',
      'hannunbook://mydata',
    ]);
    expect(added.error).toBeUndefined();
    const clientId = /client_id\s+([A-Za-z0-9]{50})/.exec(added.out)?.[1];
    expect(clientId).toBeDefined();
    expect((await run(['portal', 'service', 'list', ...d()])).out).toContain(`${clientId}  MDHANNUN01  한눈 가계부`);
    const five = await run([
      'portal',
      'service',
      'add',
      ...d(),
      '--org',
      'MDHANNUN01',
      '--name',
      '콜백많음',
      ...[1, 2, 3, 4, 5].flatMap((i) => ['--redirect-uri', `https://app.example/cb${i}`]),
    ]);
    expect((five.error as Error).message).toContain('redirect_uri_list: has 5 callback URLs, at most 4 allowed');
    expect((await run(['portal', 'service', 'remove', clientId!, ...d()])).out).toContain('Removed the service');
  });

  it('without a portal in the data directory it says how to start one', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'hannun-no-portal-'));
    try {
      const { error } = await run(['portal', 'org', 'list', '--data-dir', empty]);
      expect(error).toBeInstanceOf(UserError);
      expect((error as Error).message).toContain('No portal has run with the data directory');
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });
});
