import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { WrittenReports } from '../../conformance/report/write-reports.ts';
import { redactSecrets } from '../../conformance/report/redact.ts';
import { operatorHtml } from './operator-html.ts';
import type { OperatorReport } from './operator-report.ts';

/** Write `operator-check.json` and `operator-check.html` into `dir` (anything shaped like a token redacted). */
export async function writeOperatorReports(report: OperatorReport, dir: string): Promise<WrittenReports> {
  await mkdir(dir, { recursive: true });
  const paths = { json: join(dir, 'operator-check.json'), html: join(dir, 'operator-check.html') };
  await writeFile(paths.json, redactSecrets(JSON.stringify(report, null, 1), []));
  await writeFile(paths.html, redactSecrets(operatorHtml(report), []));
  return paths;
}
