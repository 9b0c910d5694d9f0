import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger, createLogSink } from '@hannun/infra';
import { loadPki } from '@hannun/pki';
import type { Command } from 'commander';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_ORGANISATIONS } from '../ecosystem/demo-organisations.ts';
import { prepareTrust } from '../ecosystem/ecosystem-trust.ts';
import { createProgram } from '../program.ts';
import { UserError } from '../user-error.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hannun-pki-cmd-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** `hannun <args>` in-process, with commander's exits and output captured at every level. */
async function hannun(...args: string[]) {
  let out = '';
  const write = (s: string) => {
    out += s;
  };
  const quiet = (cmd: Command) => {
    cmd.exitOverride().configureOutput({ writeOut: write, writeErr: write });
    for (const sub of cmd.commands) quiet(sub);
  };
  const program = createProgram({ write });
  quiet(program);
  let error: unknown;
  try {
    await program.parseAsync(['node', 'hannun', ...args]);
  } catch (e) {
    error = e;
  }
  return { out, error };
}

const startOnce = () =>
  prepareTrust({ dataDir: dir, logger: createLogger({ service: 'hannun', destination: createLogSink() }) });

describe('hannun pki status', () => {
  it('lists the root and every organisation: serialNumber (= regNo), not-after, days left, fingerprint, name', async () => {
    const trust = await startOnce();
    const { out, error } = await hannun('pki', 'status', '--data-dir', dir);
    expect(error).toBeUndefined();
    const lines = out.split('\n');
    expect(lines.find((l) => l.includes('ORGANISATION'))).toMatch(
      /ORGANISATION\s+SERIALNUMBER\s+NOT AFTER\s+DAYS LEFT\s+FINGERPRINT \(SHA-256\)\s+NAME/,
    );
    const root = trust.pki.root.certificate;
    expect(out).toMatch(
      new RegExp(`^  root\\s+-\\s+${root.notAfter.toISOString().slice(0, 10)}\\s+(3649|3650)\\s+`, 'm'),
    );
    for (const o of DEMO_ORGANISATIONS) {
      const cert = trust.pki.org(o.pkiId).certificate;
      const row = lines.find((l) => l.startsWith(`  ${o.pkiId} `));
      expect(row, o.pkiId).toBeDefined();
      expect(
        row!
          .trim()
          .split(/\s{2,}/)
          .slice(1),
      ).toEqual([
        o.regNo,
        cert.notAfter.toISOString().slice(0, 10),
        expect.stringMatching(/^36[45]$/),
        cert.fingerprint256,
        o.name,
      ]);
    }
  });

  it('without a PKI it says how to create one, rather than failing', async () => {
    const { error } = await hannun('pki', 'status', '--data-dir', dir);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toMatch(/No PKI in .* yet.*`npm start` \(hannun up\) creates it/s);
  });

  it('--help explains with examples', async () => {
    const { out } = await hannun('pki', '--help');
    expect(out).toContain('hannun pki status');
    expect(out).toContain('hannun pki rotate --org MDHANNUN01');
    expect(out).toContain('hannun pki rotate --root');
    const rotateHelp = (await hannun('pki', 'rotate', '--help')).out;
    expect(rotateHelp).toMatch(/--org <id>/);
    expect(rotateHelp).toMatch(/restart `hannun up`/);
  });
});

describe('hannun pki rotate', () => {
  it("--org replaces that organisation's TLS certificate only, archives the old one and says to restart", async () => {
    const before = (await startOnce()).pki;
    const { out, error } = await hannun('pki', 'rotate', '--org', 'MDHANNUN01', '--data-dir', dir);
    expect(error).toBeUndefined();
    const after = await loadPki({ dataDir: dir });
    expect(after.org('mdhannun01').certificate.fingerprint256).not.toBe(
      before.org('mdhannun01').certificate.fingerprint256,
    );
    expect(after.org('mdhannun01').certificate.subjectSerialNumber).toBe('2208100101');
    expect(after.org('mdhannun01').signing?.kid).toBe(before.org('mdhannun01').signing?.kid);
    expect(after.org('bknuri0001').certificate.fingerprint256).toBe(
      before.org('bknuri0001').certificate.fingerprint256,
    );
    expect(out).toMatch(/^ {2}tls\s+mdhannun01\s+replaced \(rotated\)\s+→ archive\//m);
    expect(out).toContain(after.org('mdhannun01').certificate.fingerprint256);
    expect(out).toContain('restart them');
    expect((await readdir(join(dir, 'pki', 'archive'))).some((d) => d.includes('org-mdhannun01'))).toBe(true);
  });

  it('--org … --signing replaces the signing key too, and warns that its tokens stop verifying', async () => {
    const before = (await startOnce()).pki;
    const { out } = await hannun('pki', 'rotate', '--org', 'bknuri0001', '--signing', '--data-dir', dir);
    const after = await loadPki({ dataDir: dir });
    expect(after.org('bknuri0001').signing?.kid).not.toBe(before.org('bknuri0001').signing?.kid);
    expect(out).toMatch(/^ {2}signing\s+bknuri0001\s+replaced \(rotated\)/m);
    expect(out).toContain('no longer verify');
  });

  it('--root replaces the root and every certificate', async () => {
    const before = (await startOnce()).pki;
    const { out, error } = await hannun('pki', 'rotate', '--root', '--data-dir', dir);
    expect(error).toBeUndefined();
    const after = await loadPki({ dataDir: dir });
    expect(after.root.certificate.fingerprint256).not.toBe(before.root.certificate.fingerprint256);
    for (const o of DEMO_ORGANISATIONS) {
      expect(after.org(o.pkiId).certificate.fingerprint256).not.toBe(before.org(o.pkiId).certificate.fingerprint256);
    }
    expect(out).toMatch(/^ {2}root\s+\(root\)\s+replaced \(rotated\)/m);
    expect(out).toContain(`New root / 새 루트: ${after.root.certificate.fingerprint256}`);
    expect(out).toContain('every participant must load the new root');
  });

  it('needs exactly one of --org and --root, and a known organisation', async () => {
    await startOnce();
    for (const args of [[], ['--org', 'mdhannun01', '--root']]) {
      const { error } = await hannun('pki', 'rotate', ...args, '--data-dir', dir);
      expect(error).toBeInstanceOf(UserError);
      expect((error as UserError).message).toMatch(/--org <id> .* or --root/);
    }
    const { error } = await hannun('pki', 'rotate', '--org', 'NOSUCHORG1', '--data-dir', dir);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toContain('no organisation "nosuchorg1"');
    expect((error as UserError).message).toContain('`hannun pki status` lists them');
  });
});
