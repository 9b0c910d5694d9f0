import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HannunProviders, startHannunProviders } from '../../testing/hannun-providers.ts';
import { writeReports } from '../report/write-reports.ts';
import type { ConformanceTarget } from '../target.ts';
import { type ConformanceRun, runConformance } from './run-conformance.ts';
import { closingLine } from './summary.ts';

describe("hannun conformance against Hannun's own providers (in-process, mutual TLS 1.3)", () => {
  let dir: string;
  let providers: HannunProviders;
  let run: ConformanceRun;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hannun-examiner-'));
    providers = await startHannunProviders({ dataDir: dir });
    run = await runConformance(providers.targets, { concurrency: 16 });
  }, 180_000);
  afterAll(async () => {
    await providers?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('executes at least 1,500 cases across all 11 industries, and every one passes', () => {
    const failed = run.results.filter((r) => r.verdict === 'failed');
    expect(failed.map((r) => `${r.case.id}: ${r.problems.join('; ')}`)).toEqual([]);
    expect(run.summary.executed).toBeGreaterThanOrEqual(1500);
    expect(Object.keys(run.summary.byIndustry).sort()).toEqual([
      'bank',
      'bond',
      'capital',
      'card',
      'efin',
      'ginsu',
      'insu',
      'invest',
      'p2p',
      'telecom',
      'usury',
    ]);
    for (const [industry, t] of Object.entries(run.summary.byIndustry)) expect(t.passed, industry).toBeGreaterThan(100);
    expect(run.targets.flatMap((t) => t.problems)).toEqual([]);
  });

  it('covers every category of the matrix, the positive walk and the negative cases alike', () => {
    for (const category of [
      'positive',
      'paging',
      'timestamp',
      'header',
      'token',
      'scope',
      'version',
      'org-code',
      'parameter',
      'period',
      'asset',
      'routing',
      'api-type',
      'credentials',
    ]) {
      expect(run.summary.byCategory[category]?.passed ?? 0, category).toBeGreaterThan(0);
    }
    // The tokens only the provider can make were given: none of those cases is skipped.
    expect(run.results.filter((r) => r.verdict === 'skipped' && r.case.category === 'token')).toEqual([]);
    // Walks really went through several pages somewhere.
    expect(run.results.some((r) => r.case.walk && r.exchanges.length > 2)).toBe(true);
  });

  it('writes a JSON and an HTML report without a single token in them', async () => {
    const paths = await writeReports(
      run,
      join(dir, 'report'),
      providers.targets.map((t) => t.tokens),
    );
    const json = await readFile(paths.json, 'utf8');
    const page = await readFile(paths.html, 'utf8');
    for (const t of providers.targets) {
      expect(json.includes(t.tokens.usual)).toBe(false);
      expect(page.includes(t.tokens.usual)).toBe(false);
      for (const token of Object.values(t.tokens.given ?? {})) expect(json.includes(token!)).toBe(false);
    }
    const report = JSON.parse(json) as { cases: { verdict: string; exchanges: unknown[] }[] };
    expect(report.cases).toHaveLength(run.results.length);
    expect(page).toContain(closingLine(run.summary));
    expect(page).toContain('Bearer [usual token]');
  });
  it('개별인증-003/004 with the client credentials: refresh, wrong secret or client_id, bad refresh token, revoke and replay — all pass at every institution', () => {
    const credentialed = providers.targets.filter((t) => t.tokens.client);
    expect(credentialed).toHaveLength(26);
    const rows = run.results.filter((r) => r.case.category === 'credentials' && !r.case.id.includes('/'));
    expect(rows.map((r) => `${r.case.id} ${r.verdict}`).filter((x) => !x.endsWith('passed'))).toEqual([]);
    expect(rows).toHaveLength(26 * 7);
    const one = rows.find((r) => r.case.id === 'BKNURI0001 개별인증-004 CRD-06')!;
    expect(one.setup.map((e) => e.response?.status)).toEqual([200, 200]);
    expect(one.actual).toBe('40101');
    expect(one.exchanges[0]!.request.headers['authorization']).toBe('Bearer [token issued by 개별인증-003]');
    expect(one.setup[1]!.request.body).toContain('client_secret=[client secret]');
    expect(rows.find((r) => r.case.id === 'BKNURI0001 개별인증-003 CRD-07')!.actual).toBe('invalid_grant');
    // They ran after every other case of the run: the refresh ended no token those cases used.
    const firstCredential = run.results.findIndex((r) => r.case.category === 'credentials');
    expect(run.results.slice(firstCredential).every((r) => r.case.category === 'credentials')).toBe(true);
  });

  it('the reports hold neither the client secret nor the refresh token', async () => {
    const paths = await writeReports(
      run,
      join(dir, 'report-credentials'),
      providers.targets.map((t) => t.tokens),
    );
    const json = await readFile(paths.json, 'utf8');
    expect(json).not.toContain(providers.targets[0]!.tokens.client!.clientSecret);
    expect(json).not.toContain(providers.targets[0]!.tokens.refresh!);
    expect(json).toContain('CRD-06');
  });
});

describe('hannun conformance against a deliberately broken provider', () => {
  let server: Server;
  let target: ConformanceTarget;
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hannun-examiner-broken-'));
    // Answers every request 00000 with HTTP 200, an rsp_msg with markup, and never echoes the tran id.
    server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ rsp_code: '00000', rsp_msg: '<script>alert(1)</script> 정상' }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    target = {
      baseUrl: `http://127.0.0.1:${port}/broken`,
      orgCode: 'BKBROKEN01',
      industry: 'bank',
      operatorOrgCode: 'MDHANNUN01',
      tokens: { usual: 'eyJhbGciOiJFUzI1NiJ9.eyJzY29wZSI6ImJhbmsubGlzdCJ9.c2lnbmF0dXJlc2lnbmF0dXJl' },
    };
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await rm(dir, { recursive: true, force: true });
  });

  it('fails, saying for each case what the standard expected and what came back', async () => {
    const run = await runConformance([target]);
    expect(run.summary.failed).toBeGreaterThan(100);
    const byCode = (suffix: string) => run.results.find((r) => r.case.id === `BKBROKEN01 은행-001 ${suffix}`)!;
    expect(byCode('HDR-01').verdict).toBe('failed');
    expect(byCode('HDR-01').problems).toContain('expected 40002, got 00000 (<script>alert(1)</script> 정상)');
    expect(byCode('TOK-04').problems[0]).toBe('expected 40101, got 00000 (<script>alert(1)</script> 정상)');
    expect(byCode('POS-01').problems.join('\n')).toMatch(/x-api-tran-id not echoed/);
    expect(byCode('POS-01').problems.join('\n')).toMatch(/does not follow 은행-001's response/);
    // Cases needing a token only the provider can make are skipped, not passed.
    expect(byCode('TOK-09').verdict).toBe('skipped');
    // Without --client-id/--client-secret the credential cases are skipped with the reason.
    const credential = run.results.filter((r) => r.case.category === 'credentials');
    expect(credential.length).toBe(7);
    expect(new Set(credential.map((r) => r.verdict))).toEqual(new Set(['skipped']));
    expect(credential[0]!.problems[0]).toMatch(/--client-id/);
    // The asset APIs have nothing to be about: skipped with the reason.
    expect(run.results.find((r) => r.case.apiId === '은행-002')!.problems[0]).toMatch(/no consented asset/);

    const paths = await writeReports(run, dir, [target.tokens]);
    const page = await readFile(paths.html, 'utf8');
    expect(page).not.toContain('<script>alert(1)</script>');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).toContain(`${run.summary.passed} passed, ${run.summary.failed} failed`);
    expect(await readFile(paths.json, 'utf8')).not.toContain(target.tokens.usual);
  });
});
