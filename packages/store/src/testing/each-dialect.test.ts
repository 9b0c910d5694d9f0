import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../open-store.ts';
import { testPgUrl } from './pg-test-url.ts';

const work = mkdtempSync(join(tmpdir(), 'hannun-harness-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface VitestReport {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  testResults: { assertionResults: { fullName: string; status: string; failureMessages: string[] }[] }[];
}

/** Run the fixture suite in its own vitest process with `pgUrl` as HANNUN_TEST_PG_URL. */
function runFixture(
  name: string,
  pgUrl: string,
): Promise<{ report: VitestReport; opened: { dialect: string; where: string }[] }> {
  const config = fileURLToPath(new URL('./fixtures/vitest.fixture.config.ts', import.meta.url));
  const reportFile = join(work, `${name}.json`);
  const openedFile = join(work, `${name}.opened`);
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [
        join(dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs'),
        'run',
        '--config',
        config,
        '--reporter=json',
        `--outputFile=${reportFile}`,
      ],
      { env: { ...process.env, HANNUN_TEST_PG_URL: pgUrl, HANNUN_FIXTURE_OUT: openedFile }, timeout: 120_000 },
      () => {
        try {
          const report = JSON.parse(readFileSync(reportFile, 'utf8')) as VitestReport;
          const opened = existsSync(openedFile)
            ? readFileSync(openedFile, 'utf8')
                .trim()
                .split('\n')
                .map((l) => JSON.parse(l) as { dialect: string; where: string })
            : [];
          resolve({ report, opened });
        } catch (e) {
          reject(e);
        }
      },
    );
  });
}

describe('describeEachDialect', () => {
  it('runs the suite on both dialects, each open() fresh, and removes every file and schema afterwards', async () => {
    const { report, opened } = await runFixture('reachable', testPgUrl());
    expect(report.numFailedTests).toBe(0);
    // Each half: the reachability check (PG) and the fixture's test.
    expect(report.numPassedTests).toBe(3);
    expect(opened.map((o) => o.dialect)).toEqual(['sqlite', 'sqlite', 'postgres', 'postgres']);
    const files = opened.filter((o) => o.dialect === 'sqlite').map((o) => o.where);
    expect(new Set(files).size).toBe(2);
    for (const file of files) expect(existsSync(file), file).toBe(false);
    const schemas = opened.filter((o) => o.dialect === 'postgres').map((o) => o.where);
    expect(new Set(schemas).size).toBe(2);
    const admin = await openStore({ url: testPgUrl() });
    try {
      const { rows } = await sql<{
        nspname: string;
      }>`select nspname from pg_namespace where nspname in (${sql.join(schemas)})`.execute(admin.db);
      expect(rows).toEqual([]);
    } finally {
      await admin.close();
    }
  });

  it('an unreachable PostgreSQL FAILS the PostgreSQL half (never skipped), saying how to start it', async () => {
    const { report } = await runFixture('unreachable', 'postgres://postgres:not-shown@127.0.0.1:1/test');
    expect(report.numPendingTests + report.numTodoTests).toBe(0);
    const results = report.testResults.flatMap((f) => f.assertionResults);
    const pg = results.filter((r) => r.fullName.includes('[postgres]'));
    expect(pg.length).toBeGreaterThan(0);
    expect(pg.every((r) => r.status === 'failed')).toBe(true);
    const messages = pg.flatMap((r) => r.failureMessages).join('\n');
    expect(messages).toMatch(
      /PostgreSQL for the tests is not reachable at postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:1\/test/,
    );
    expect(messages).toContain('pg_ctlcluster');
    expect(messages).not.toContain('not-shown');
    // The SQLite half still runs and passes.
    expect(results.filter((r) => r.fullName.includes('[sqlite]')).every((r) => r.status === 'passed')).toBe(true);
  });
});
