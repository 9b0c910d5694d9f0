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
