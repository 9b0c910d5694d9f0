import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type HannunProviders, startHannunProviders } from '@hannun/examiner/testing';
import type { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProgram } from '../program.ts';
import { UserError } from '../user-error.ts';
import { EXIT, runConformanceCommand } from './conformance.ts';

function capture() {
  let text = '';
  return { write: (s: string) => (text += s), text: () => text };
}

function quiet(cmd: Command, out: { write: (s: string) => unknown }) {
  cmd.exitOverride().configureOutput({ writeOut: out.write, writeErr: out.write });
  for (const sub of cmd.commands) quiet(sub, out);
}

const lastLine = (text: string) => text.trimEnd().split('\n').at(-1);

describe('hannun conformance (the command)', () => {
  let dir: string;
  let broken: Server;
  let brokenUrl: string;
  let providers: HannunProviders;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hannun-conformance-cli-'));
    broken = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ rsp_code: '00000', rsp_msg: '정상' }));
    });
    await new Promise<void>((resolve) => broken.listen(0, '127.0.0.1', resolve));
    brokenUrl = `http://127.0.0.1:${(broken.address() as AddressInfo).port}/TCBROKEN01`;
    providers = await startHannunProviders({ dataDir: dir, institutions: ['TCHANEUL01'], customers: 60 });
  }, 120_000);
  afterAll(async () => {
    await providers?.close();
    await new Promise((resolve) => broken.close(resolve));
    await rm(dir, { recursive: true, force: true });
  });

  it('--help names every option and the exit codes', async () => {
    const out = capture();
    const program = createProgram(out);
    quiet(program, out);
    await expect(program.parseAsync(['node', 'hannun', 'conformance', '--help'])).rejects.toMatchObject({
      code: 'commander.helpDisplayed',
    });
    for (const option of [
      '--base-url',
      '--org-code',
      '--industry',
      '--access-token',
      '--token-file',
      '--cert',
      '--key',
      '--ca',
      '--operator-org-code',
      '--client-id',
      '--client-secret',
      '--refresh-token',
      '--report-dir',
      '--json',
    ]) {
      expect(out.text()).toContain(option);
    }
    expect(out.text()).toContain('Exit code: 0 when every case passed, 1 when any failed, 2 when');
    expect(out.text()).toContain('개별인증-004');
  });

  it("passes against Hannun's provider over mutual TLS with the token file, exit code 0", async () => {
    const target = providers.targets[0]!;
    const files = {
      cert: join(dir, 'operator.crt'),
      key: join(dir, 'operator.key'),
      ca: join(dir, 'root.crt'),
      tokens: join(dir, 'tokens.json'),
    };
    await writeFile(files.cert, providers.operatorTls.certPem);
    await writeFile(files.key, providers.operatorTls.keyPem);
    await writeFile(files.ca, providers.operatorTls.caPem);
    await writeFile(
      files.tokens,
      JSON.stringify({
        access_token: target.tokens.usual,
        without_scope: target.tokens.withoutScope,
        expired: target.tokens.given?.expired,
        revoked: target.tokens.given?.revoked,
        consent_ended: target.tokens.given?.['consent-ended'],
      }),
    );
    const out = capture();
    const code = await runConformanceCommand(
      {
        baseUrl: target.baseUrl,
        orgCode: target.orgCode,
        tokenFile: files.tokens,
        cert: files.cert,
        key: files.key,
        ca: files.ca,
        clientId: target.tokens.client!.clientId,
        clientSecret: target.tokens.client!.clientSecret,
        refreshToken: target.tokens.refresh!,
        reportDir: join(dir, 'report-ok'),
      },
      out,
    );
    expect(out.text()).toContain('examining TCHANEUL01 (telecom)');
    // The credential cases ran (none skipped) and the secrets stay out of the reports.
    const report = JSON.parse(await readFile(join(dir, 'report-ok', 'conformance.json'), 'utf8')) as {
      cases: { category: string; verdict: string }[];
    };
    const credential = report.cases.filter((c) => c.category === 'credentials');
    expect(credential.map((c) => c.verdict)).toEqual(Array(7).fill('passed'));
    const text = JSON.stringify(report);
    expect(text).not.toContain(target.tokens.client!.clientSecret);
    expect(text).not.toContain(target.tokens.refresh!);
    expect(lastLine(out.text())).toMatch(/^[1-9]\d* passed, 0 failed$/);
    expect(code).toBe(EXIT.passed);
    const html = await readFile(join(dir, 'report-ok', 'conformance.html'), 'utf8');
    expect(html).not.toContain(target.tokens.usual);
  });

  it('fails against a broken provider: exit code 1, failures listed, the closing line last', async () => {
    const out = capture();
    const program = createProgram(out);
    quiet(program, out);
    const before = process.exitCode;
    try {
      await program.parseAsync([
        'node',
        'hannun',
        'conformance',
        '--base-url',
        brokenUrl,
        '--org-code',
        'TCBROKEN01',
        '--industry',
        'telecom',
        '--access-token',
        'opaque-token-of-the-test-person',
        '--operator-org-code',
        'MDHANNUN01',
        '--report-dir',
        join(dir, 'report-broken'),
      ]);
      expect(process.exitCode).toBe(EXIT.failed);
    } finally {
      process.exitCode = before;
    }
    expect(out.text()).toMatch(
      /FAILED TCBROKEN01 공통-001 HDR-01 no x-api-tran-id answers 40002: expected 40002, got 00000/,
    );
    expect(lastLine(out.text())).toMatch(/^\d+ passed, [1-9]\d* failed$/);
    const json = await readFile(join(dir, 'report-broken', 'conformance.json'), 'utf8');
    expect(json).not.toContain('opaque-token-of-the-test-person');
  });

  it('refuses to run without a token, with a wrong industry or org_code: exit code 2 and what to do', async () => {
    const base = { baseUrl: brokenUrl, orgCode: 'TCBROKEN01', reportDir: join(dir, 'x') };
    const attempts = [
      [{ ...base }, /--access-token <token> or --token-file/],
      [{ ...base, accessToken: 't', industry: 'bakery' }, /--industry must be one of bank, card/],
      [{ ...base, orgCode: 'short', accessToken: 't' }, /--org-code must be 10/],
      [{ ...base, accessToken: 'opaque' }, /cannot tell the industry from the token: give --industry/],
      [{ ...base, accessToken: 't', industry: 'telecom' }, /--operator-org-code must be/],
      [{ ...base, tokenFile: join(dir, 'missing.json') }, /cannot read the token file .*ENOENT/],
      [{ ...base, accessToken: 't', industry: 'telecom', clientId: 'id' }, /both --client-id and --client-secret/],
      [{ ...base, accessToken: 't', industry: 'telecom', refreshToken: 'r' }, /--refresh-token needs --client-id/],
    ] as const;
    for (const [opts, message] of attempts) {
      const error = await runConformanceCommand(opts, capture()).catch((e: unknown) => e);
      expect(error, String(message)).toBeInstanceOf(UserError);
      expect((error as UserError).exitCode).toBe(EXIT.usage);
      expect((error as UserError).message).toMatch(message);
    }
  });
});
