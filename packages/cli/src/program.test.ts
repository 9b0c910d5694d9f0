import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OPENAPI_ROLES } from '@hannun/spec';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createProgram } from './program.ts';
import { BENCHMARKS } from './bench/registry.ts';
import { UserError } from './user-error.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hannun-cli-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function capture() {
  let text = '';
  return { write: (s: string) => (text += s), text: () => text };
}

/** Run the program as `hannun <args>` without letting commander end the test process. */
async function run(args: string[]) {
  const out = capture();
  const err = capture();
  const program = createProgram(out).exitOverride().configureOutput({ writeOut: out.write, writeErr: err.write });
  for (const cmd of program.commands) cmd.exitOverride().configureOutput({ writeOut: out.write, writeErr: err.write });
  let error: unknown;
  try {
    await program.parseAsync(['node', 'hannun', ...args]);
  } catch (e) {
    error = e;
  }
  return { out: out.text(), err: err.text(), error };
}

describe('hannun', () => {
  it('--help starts with a Korean line, then English, and lists the subcommands', async () => {
    const { out, error } = await run(['--help']);
    expect((error as { code?: string }).code).toBe('commander.helpDisplayed');
    const lines = out.split('\n');
    expect(lines[0]).toBe('Usage: hannun [options] [command]');
    expect(lines[2]).toMatch(/^한눈: 금융 마이데이터 생태계/);
    expect(lines[3]).toMatch(/^Hannun: run and work with/);
    for (const sub of ['up', 'provider', 'pki', 'openapi [options]', 'bench [options]'])
      expect(out).toMatch(new RegExp(`^  ${sub.replace(/[[\]]/g, '\\$&')}\\s`, 'm'));
  });

  it('up --help lists the environment variables it reads', async () => {
    const { out } = await run(['up', '--help']);
    for (const v of ['PORT', 'HOST', 'HANNUN_DATA_DIR', 'LOG_LEVEL', 'HANNUN_INSECURE_NO_MTLS'])
      expect(out).toMatch(new RegExp(`^  ${v}\\s`, 'm'));
  });

  it('--version prints the version', async () => {
    const { out } = await run(['--version']);
    expect(out.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('openapi --out <dir> writes one pretty document per role', async () => {
    const outDir = join(dir, 'openapi');
    const { out, error } = await run(['openapi', '--out', outDir]);
    expect(error).toBeUndefined();
    const files = (await readdir(outDir)).sort();
    expect(files).toEqual(OPENAPI_ROLES.map((r) => `${r}.openapi.json`).sort());
    expect(files).toHaveLength(4);
    for (const role of OPENAPI_ROLES) {
      const text = await readFile(join(outDir, `${role}.openapi.json`), 'utf8');
      expect(text.endsWith('}\n')).toBe(true);
      expect(text).toContain('\n  "openapi": "3.1.0"');
      expect(out).toContain(`${role}.openapi.json (${role}, `);
    }
  });

  it('openapi without --out says what is missing', async () => {
    const { err, error } = await run(['openapi']);
    expect((error as { code?: string }).code).toBe('commander.missingMandatoryOptionValue');
    expect(err).toContain("required option '-o, --out <dir>' not specified");
  });

  it('bench --only with an unknown name lists the known benchmarks', async () => {
    const { error } = await run([
      'bench',
      '--only',
      'nope',
      '--results',
      join(dir, 'r'),
      '--report',
      join(dir, 'b.md'),
    ]);
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toBe(
      `No benchmark named 'nope'. Known: ${BENCHMARKS.map((b) => b.name).join(', ')}.`,
    );
    expect(BENCHMARKS.map((b) => b.name)).toEqual([
      'wire-codec',
      'provider-chain',
      'integrated-auth',
      'ledger-generation',
      'registry-delta',
      'collect-consent',
      'collect-scheduled',
      'collect-memory',
      'analysis-rollup',
      'analysis-summary',
      'analysis-ingest',
      'app-dashboard',
    ]);
  });
});
