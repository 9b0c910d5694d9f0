import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ConformanceRun } from '../run/run-conformance.ts';
import type { TokenSet } from '../target.ts';
import { htmlReport } from './html-report.ts';
import { jsonReport } from './json-report.ts';
import { redactSecrets, secretsOf } from './redact.ts';

export interface WrittenReports {
  readonly json: string;
  readonly html: string;
}

/** Write `conformance.json` and `conformance.html` into `dir`, every token of the run redacted. */
export async function writeReports(
  run: ConformanceRun,
  dir: string,
  tokens: readonly TokenSet[],
): Promise<WrittenReports> {
  await mkdir(dir, { recursive: true });
  const secrets = secretsOf(tokens);
  const report = jsonReport(run);
  const paths = { json: join(dir, 'conformance.json'), html: join(dir, 'conformance.html') };
  await writeFile(paths.json, redactSecrets(JSON.stringify(report), secrets));
  await writeFile(paths.html, redactSecrets(htmlReport(report), secrets));
  return paths;
}
