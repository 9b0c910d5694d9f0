import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateTranId } from '@hannun/spec';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProgram } from '../program.ts';
import { UserError } from '../user-error.ts';
import { EXIT, type OperatorCheckCliOptions, runOperatorCheck } from './operator-check.ts';

function capture() {
  let text = '';
  return { write: (s: string) => (text += s), text: () => text };
}
const lastLine = (text: string) => text.trimEnd().split('\n').at(-1);

interface Connection {
  operator: { orgCode: string; clientId: string; clientSecret: string };
  institutions: { orgCode: string; baseUrl: string }[];
  testPerson: { ci: string };
  tokens: { orgCode: string; accessToken: string; refreshToken: string }[];
}

const ymd = (daysAgo: number) => {
  const d = new Date(Date.now() + 9 * 3_600_000 - daysAgo * 86_400_000);
  return `${d.getUTCFullYear()}${String(d.getUTCMonth() + 1).padStart(2, '0')}${String(d.getUTCDate()).padStart(2, '0')}`;
};

describe('hannun operator-check (the command)', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hannun-operator-check-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const options = (over: Partial<OperatorCheckCliOptions> = {}): OperatorCheckCliOptions => ({
    host: '127.0.0.1',
    port: '0',
    institutions: 'BKNURI0001',
    operatorOrgCode: 'MDCHECK001',
    reportDir: join(dir, 'report'),
    ...over,
  });

  it('prints how to connect, records an operator’s calls, judges them, writes reports; ends with N passed, N failed', async () => {
    const out = capture();
    let connection: Connection | undefined;
    const code = await runOperatorCheck(options(), out, async () => {
      connection = JSON.parse(await readFile(join(dir, 'report', 'connection.json'), 'utf8')) as Connection;
      const base = connection.institutions[0]!.baseUrl;
      // A user-consent call asking 13 months at once: the period rule fails.
      await fetch(`${base}/v2/bank/accounts?org_code=BKNURI0001&limit=10`, {
        headers: {
          authorization: `Bearer ${connection.tokens[0]!.accessToken}`,
          'x-api-tran-id': generateTranId('MDCHECK001', 'M'),
          'x-api-type': 'user-consent',
        },
      }).then((r) => r.arrayBuffer());
      const response = await fetch(`${base}/v2/bank/accounts/deposit/transactions`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${connection.tokens[0]!.accessToken}`,
          'x-api-tran-id': generateTranId('MDCHECK001', 'M'),
          'x-api-type': 'user-consent',
          'content-type': 'application/json',
        },
        body: JSON.stringify({
          org_code: 'BKNURI0001',
          account_num: '1234567890',
          from_date: ymd(400),
          to_date: ymd(0),
          limit: '10',
        }),
      });
      await response.arrayBuffer();
      return 'done';
    });
    const text = out.text();
    expect(code).toBe(EXIT.failed);
    expect(text).toContain('BKNURI0001');
    expect(text).toMatch(/base URL http:\/\/127\.0\.0\.1:\d+\/BKNURI0001/);
    expect(text).toMatch(/FAILED\s+period/);
    expect(lastLine(text)).toMatch(/^\d+ passed, [1-9]\d* failed$/);
    // No secret on the terminal: the client secret, the tokens and the CI stay in connection.json (0600).
    expect(text).not.toContain(connection!.operator.clientSecret);
    expect(text).not.toContain(connection!.tokens[0]!.accessToken);
    expect(text).not.toContain(connection!.testPerson.ci);
    expect((await stat(join(dir, 'report', 'connection.json'))).mode & 0o777).toBe(0o600);
    const json = JSON.parse(await readFile(join(dir, 'report', 'operator-check.json'), 'utf8')) as {
      summary: { failed: number };
      rules: { id: string; verdict: string }[];
      calls: unknown[];
    };
    expect(json.rules.find((r) => r.id === 'period')!.verdict).toBe('failed');
    expect(json.calls).toHaveLength(2);
    const html = await readFile(join(dir, 'report', 'operator-check.html'), 'utf8');
    expect(html).toContain('<td><code>period</code></td>');
    expect(html).not.toContain(connection!.tokens[0]!.accessToken);
  });

  it('nothing recorded: every rule not exercised, exit 0, 0 passed, 0 failed', async () => {
    const out = capture();
    expect(await runOperatorCheck(options({ json: true }), out, async () => 'done')).toBe(EXIT.passed);
    expect(lastLine(out.text())).toBe('0 passed, 0 failed');
  });

  it('refuses what it cannot do', async () => {
    const out = capture();
    await expect(runOperatorCheck(options({ institutions: 'NOSUCHORG1' }), out)).rejects.toThrow(UserError);
    await expect(runOperatorCheck(options({ operatorOrgCode: 'x' }), out)).rejects.toThrow(/--operator-org-code/);
    await expect(runOperatorCheck(options({ npTime: '7-9' }), out)).rejects.toThrow(/--np-time/);
  });

  it('is listed in hannun --help', () => {
    const help = createProgram(capture()).helpInformation();
    expect(help).toContain('operator-check');
  });
});
