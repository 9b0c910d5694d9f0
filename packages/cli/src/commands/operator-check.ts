import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import {
  type IssuedPair,
  operatorReport,
  startRecordingProvider,
  verdictLine,
  writeOperatorReports,
} from '@hannun/examiner';
import type { Command } from 'commander';
import { UserError } from '../user-error.ts';
import type { Output } from './up.ts';

export interface OperatorCheckCliOptions {
  readonly host: string;
  readonly port: string;
  readonly institutions: string;
  readonly npTime?: string;
  readonly operatorOrgCode: string;
  readonly clientId?: string;
  readonly clientSecret?: string;
  readonly accessSeconds?: string;
  readonly duration?: string;
  readonly reportDir: string;
  readonly json?: boolean;
}

/** Exit codes: every exercised rule passed, some failed, the command could not run as asked. */
export const EXIT = { passed: 0, failed: 1, usage: 2 } as const;
const usage = (message: string) => new UserError(message, EXIT.usage);

const credential = (prefix: string) =>
  `${prefix}${randomBytes(48).toString('base64url').replace(/[-_]/g, 'x')}`.slice(0, 50);

function intOf(text: string | undefined, what: string, min: number, max: number): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < min || n > max) throw usage(`${what} must be an integer ${min}–${max}`);
  return n;
}

/** Resolves on Ctrl-C (SIGINT/SIGTERM) or after `seconds`. */
function recordUntil(seconds: number | undefined): Promise<string> {
  return new Promise((done) => {
    const finish = (why: string) => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      if (timer) clearTimeout(timer);
      done(why);
    };
    const onSignal = () => finish('stopped');
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    const timer = seconds !== undefined ? setTimeout(() => finish('duration over'), seconds * 1000) : undefined;
  });
}

/**
 * `hannun operator-check`: the recording provider with demo data; prints what an operator needs to connect,
 * records every call until Ctrl-C or --duration, judges them, writes the reports. Returns the exit code.
 */
export async function runOperatorCheck(
  opts: OperatorCheckCliOptions,
  out: Output,
  until: (seconds: number | undefined) => Promise<string> = recordUntil,
): Promise<number> {
  const port = intOf(opts.port, '--port', 0, 65_535)!;
  const duration = intOf(opts.duration, '--duration', 1, 7 * 86_400);
  const accessSeconds = intOf(opts.accessSeconds, '--access-seconds', 10, 90 * 86_400);
  if (!/^[A-Z0-9]{10}$/.test(opts.operatorOrgCode))
    throw usage('--operator-org-code must be 10 upper-case letters or digits');
  const institutions = opts.institutions
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const npTimes = opts.npTime
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (npTimes?.some((t) => !/^\d{4}:\d{4}$/.test(t))) throw usage('--np-time takes windows hhmm:hhmm, comma-separated');
  const operator = {
    orgCode: opts.operatorOrgCode,
    clientId: opts.clientId ?? credential('opcheck'),
    clientSecret: opts.clientSecret ?? credential('Secret'),
  };
  let rp: Awaited<ReturnType<typeof startRecordingProvider>>;
  try {
    rp = await startRecordingProvider({
      operator,
      institutions,
      ...(npTimes ? { npTimes } : {}),
      host: opts.host,
      port,
    });
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    if (e.code === 'EADDRINUSE') throw usage(`port ${port} is in use: choose another with --port`);
    if (e.message?.startsWith('not a demo institution')) throw usage(e.message);
    throw error;
  }
  const startedAt = new Date().toISOString();
  try {
    const dir = resolve(opts.reportDir);
    await mkdir(dir, { recursive: true });
    const pairs: IssuedPair[] = [];
    for (const inst of rp.institutions) {
      pairs.push(await rp.grant(inst.orgCode, accessSeconds !== undefined ? { accessSeconds } : {}));
    }
    // Secrets go to a file only the user can read, never to the terminal.
    const connection = join(dir, 'connection.json');
    await writeFile(
      connection,
      JSON.stringify(
        {
          operator,
          institutions: rp.institutions,
          testPerson: { ci: rp.testPerson.ci, login: rp.testPerson.login },
          tokens: pairs,
        },
        null,
        1,
      ),
      { mode: 0o600 },
    );
    out.write(`recording provider at ${rp.url} (plain HTTP; loopback callers)\n`);
    for (const i of rp.institutions) {
      out.write(`  ${i.orgCode} ${i.name} (${i.industry})  base URL ${i.baseUrl}  np_time ${i.npTimes.join(', ')}\n`);
    }
    out.write(`operator ${operator.orgCode}, client_id ${operator.clientId}\n`);
    out.write(`test person ${rp.testPerson.label}: login id ${rp.testPerson.login.loginId}\n`);
    out.write(
      `client secret, the person's CI and login, and a token pair per institution: ${connection} (mode 0600)\n`,
    );
    out.write(duration !== undefined ? `recording for ${duration} s …\n` : 'recording until Ctrl-C …\n');
    await until(duration);

    const verdict = rp.verdict();
    const records = rp.recorder.records();
    const report = operatorReport(verdict, records, {
      startedAt,
      endedAt: new Date().toISOString(),
      url: rp.url,
      institutions: rp.institutions.map(({ orgCode, baseUrl, npTimes: np }) => ({ orgCode, baseUrl, npTimes: np })),
      testPerson: rp.testPerson.label,
    });
    const paths = await writeOperatorReports(report, dir);
    if (opts.json) {
      out.write(`${JSON.stringify({ summary: report.summary, rules: report.rules, reports: paths })}\n`);
    } else {
      for (const r of verdict.rules) {
        out.write(`${r.verdict.toUpperCase().padEnd(13)} ${r.id} (${r.considered} calls): ${r.title}\n`);
        for (const o of r.offences.slice(0, 10)) out.write(`    #${o.call.seq}: ${o.reason}\n`);
        if (r.offences.length > 10) out.write(`    … and ${r.offences.length - 10} more in the report\n`);
      }
      out.write(`${records.length} calls recorded; ${verdict.notExercised} rules not exercised\n`);
      out.write(`report: ${paths.html}\n        ${paths.json}\n`);
    }
    out.write(`${verdictLine(verdict)}\n`);
    return verdict.failed > 0 ? EXIT.failed : EXIT.passed;
  } finally {
    await rp.close();
  }
}

/** `hannun operator-check`: record an operator's calls at a provider and judge them against the standard. */
export function registerOperatorCheckCommand(program: Command, out: Output): void {
  program
    .command('operator-check')
    .description(
      '마이데이터사업자의 호출을 기록하고 표준 준수를 점검합니다 / Record an operator’s calls at a provider and judge them: cycles, np_time, periods, concurrent splitting, token refresh, revocation',
    )
    .option('--host <host>', 'where the recording provider listens', '127.0.0.1')
    .option('--port <port>', 'its port (0: any free one)', '4600')
    .option('--institutions <codes>', 'demo institutions to serve, comma-separated', 'BKNURI0001,CDNURI0001')
    .option('--np-time <windows>', 'np_time windows for every institution instead of their own (hhmm:hhmm,…)')
    .option('--operator-org-code <code>', 'the org_code of the operator under examination', 'MDCHECK001')
    .option('--client-id <id>', 'its client_id (default: generated)')
    .option('--client-secret <secret>', 'its client_secret (default: generated, written to connection.json)')
    .option('--access-seconds <n>', 'lifetime of the access tokens issued (short, to see refreshes)')
    .option('--duration <seconds>', 'record this long (default: until Ctrl-C)')
    .option(
      '--report-dir <dir>',
      'where operator-check.json, operator-check.html and connection.json go',
      'operator-check-report',
    )
    .option('--json', 'print the verdict as JSON (the closing line still ends the output)')
    .addHelpText(
      'after',
      [
        '',
        'The rules (each with the standard’s reference in the report): scheduled calls no more often than the',
        'consent’s cycle and only inside np_time; periods within the limits of their x-api-type (scheduled steps of',
        '31 days / 3 months, user-consent and user-refresh 12 months, user-search 5 years), from ≤ to, no future',
        'dates; no period split into concurrent calls; an expired token never used again after 40101, refreshes',
        '(개별인증-003) granted; after 개별인증-004 no call with a token of the revoked consent. Each rule is',
        'passed, failed (with the offending calls) or not exercised.',
        '',
        'Exit code: 0 when no rule failed, 1 when one did, 2 when the command could not run as asked.',
      ].join('\n'),
    )
    .action(async (opts: OperatorCheckCliOptions) => {
      process.exitCode = await runOperatorCheck(opts, out);
    });
}
