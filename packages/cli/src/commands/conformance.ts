import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import {
  closingLine,
  type ConformanceTarget,
  peekClaims,
  runConformance,
  type TokenSet,
  writeReports,
} from '@hannun/examiner';
import { INDUSTRY_LIST, type Industry, isIndustry } from '@hannun/spec';
import type { Command } from 'commander';
import { Agent } from 'undici';
import type { Output } from './up.ts';
import { UserError } from '../user-error.ts';

export interface ConformanceCliOptions {
  readonly baseUrl: string;
  readonly orgCode: string;
  readonly industry?: string;
  readonly accessToken?: string;
  readonly tokenFile?: string;
  readonly cert?: string;
  readonly key?: string;
  readonly ca?: string;
  readonly operatorOrgCode?: string;
  readonly clientId?: string;
  readonly clientSecret?: string;
  readonly refreshToken?: string;
  readonly reportDir: string;
  readonly json?: boolean;
  readonly concurrency?: string;
}

/** Exit codes: all passed, some failed, the command could not run as asked. */
export const EXIT = { passed: 0, failed: 1, usage: 2 } as const;

const usage = (message: string) => new UserError(message, EXIT.usage);

async function readText(path: string, what: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw usage(`cannot read ${what} ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

/**
 * The token file: `{ "access_token": "…", "without_scope": { "<scope>": "…" }, "expired": "…",
 * "revoked": "…", "consent_ended": "…" }`; only access_token is required.
 */
async function tokensOf(opts: ConformanceCliOptions): Promise<TokenSet> {
  if (opts.tokenFile) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(await readText(opts.tokenFile, 'the token file'));
    } catch (error) {
      if (error instanceof UserError) throw error;
      throw usage(`the token file ${opts.tokenFile} is not JSON`);
    }
    const f = (parsed ?? {}) as Record<string, unknown>;
    const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
    const usual = str(f['access_token']) ?? opts.accessToken;
    if (!usual) throw usage(`the token file ${opts.tokenFile} has no access_token`);
    const without = typeof f['without_scope'] === 'object' && f['without_scope'] !== null ? f['without_scope'] : {};
    const given = { expired: str(f['expired']), revoked: str(f['revoked']), 'consent-ended': str(f['consent_ended']) };
    return {
      usual,
      withoutScope: Object.fromEntries(Object.entries(without).filter(([, v]) => str(v))) as Record<string, string>,
      given: Object.fromEntries(Object.entries(given).filter(([, v]) => v)),
    };
  }
  if (!opts.accessToken) throw usage('give the person’s access token: --access-token <token> or --token-file <file>');
  return { usual: opts.accessToken };
}

/** The client credentials and refresh token of the 개별인증-003/004 cases, when given (both or neither of id and secret). */
function withCredentials(opts: ConformanceCliOptions, tokens: TokenSet): TokenSet {
  if ((opts.clientId === undefined) !== (opts.clientSecret === undefined)) {
    throw usage('the credential cases need both --client-id and --client-secret');
  }
  if (opts.refreshToken !== undefined && opts.clientId === undefined) {
    throw usage('--refresh-token needs --client-id and --client-secret');
  }
  return {
    ...tokens,
    ...(opts.clientId !== undefined && opts.clientSecret !== undefined
      ? { client: { clientId: opts.clientId, clientSecret: opts.clientSecret } }
      : {}),
    ...(opts.refreshToken !== undefined ? { refresh: opts.refreshToken } : {}),
  };
}

/** The industry: as given, or the one whose `<industry>.list` scope the token carries. */
function industryOf(opts: ConformanceCliOptions, tokens: TokenSet): Industry {
  if (opts.industry) {
    if (!isIndustry(opts.industry)) throw usage(`--industry must be one of ${INDUSTRY_LIST.join(', ')}`);
    return opts.industry;
  }
  const scope = peekClaims(tokens.usual)?.['scope'];
  const found = INDUSTRY_LIST.filter((i) => typeof scope === 'string' && scope.split(' ').includes(`${i}.list`));
  if (found.length !== 1) throw usage('cannot tell the industry from the token: give --industry');
  return found[0]!;
}

async function dispatcherOf(opts: ConformanceCliOptions): Promise<Agent | undefined> {
  if (!opts.cert && !opts.key && !opts.ca) return undefined;
  if (!opts.cert || !opts.key) throw usage('mutual TLS needs both --cert and --key (PEM files)');
  return new Agent({
    connections: 32,
    connect: {
      cert: await readText(opts.cert, 'the certificate'),
      key: await readText(opts.key, 'the key'),
      ...(opts.ca ? { ca: await readText(opts.ca, 'the CA certificate') } : {}),
      minVersion: 'TLSv1.3',
      rejectUnauthorized: true,
    },
  });
}

/** Run `hannun conformance`; returns its exit code (0 all passed, 1 some failed). */
export async function runConformanceCommand(opts: ConformanceCliOptions, out: Output): Promise<number> {
  if (!/^[A-Z0-9]{10}$/.test(opts.orgCode)) throw usage('--org-code must be 10 upper-case letters or digits');
  let base: URL;
  try {
    base = new URL(opts.baseUrl);
  } catch {
    throw usage(`--base-url is not a URL: ${opts.baseUrl}`);
  }
  const tokens = withCredentials(opts, await tokensOf(opts));
  const industry = industryOf(opts, tokens);
  const aud = peekClaims(tokens.usual)?.['aud'];
  const operatorOrgCode = opts.operatorOrgCode ?? (typeof aud === 'string' ? aud : undefined);
  if (!operatorOrgCode || !/^[A-Z0-9]{10}$/.test(operatorOrgCode)) {
    throw usage('--operator-org-code must be your 10-character org_code (the first part of every x-api-tran-id)');
  }
  const concurrency = opts.concurrency ? Number(opts.concurrency) : 16;
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 256)
    throw usage('--concurrency must be 1–256');
  const dispatcher = await dispatcherOf(opts);
  const target: ConformanceTarget = {
    baseUrl: base.toString().replace(/\/$/, ''),
    orgCode: opts.orgCode,
    industry,
    operatorOrgCode,
    tokens,
    ...(dispatcher ? { dispatcher } : {}),
  };
  try {
    if (!opts.json) out.write(`examining ${opts.orgCode} (${industry}) at ${target.baseUrl}\n`);
    const run = await runConformance([target], { concurrency });
    const paths = await writeReports(run, resolve(opts.reportDir), [tokens]);
    const s = run.summary;
    if (opts.json) {
      out.write(`${JSON.stringify({ summary: s, reports: paths })}\n`);
    } else {
      for (const problem of run.targets.flatMap((t) => t.problems)) out.write(`discovery: ${problem}\n`);
      const failed = run.results.filter((r) => r.verdict === 'failed');
      for (const r of failed.slice(0, 30)) out.write(`FAILED ${r.case.id} ${r.case.title}: ${r.problems.join('; ')}\n`);
      if (failed.length > 30) out.write(`… and ${failed.length - 30} more failures in the report\n`);
      out.write(
        `${s.executed} cases executed (${s.skipped} skipped, ${s.provisional} provisional) in ${(run.durationMs / 1000).toFixed(1)} s\n`,
      );
      out.write(`report: ${paths.html}\n        ${paths.json}\n`);
    }
    out.write(`${closingLine(s)}\n`);
    return s.failed > 0 ? EXIT.failed : EXIT.passed;
  } finally {
    await dispatcher?.close();
  }
}

/** `hannun conformance`: the standard's conformance cases against any provider. */
export function registerConformanceCommand(program: Command, out: Output): void {
  program
    .command('conformance')
    .description(
      '정보제공자 API의 표준 적합성을 점검합니다 (기능적합성) / Examine a provider against the standard: every information API, positive cases and the negative matrix',
    )
    .requiredOption('--base-url <url>', "the institution's base URL, base path included / 기관 API 주소")
    .requiredOption('--org-code <code>', "the institution's org_code / 기관코드")
    .option('--industry <industry>', `${INDUSTRY_LIST.join(', ')} (default: from the token's <industry>.list scope)`)
    .option('--access-token <token>', "a test person's access token with every scope of the industry")
    .option('--token-file <file>', 'JSON: access_token, without_scope {scope: token}, expired, revoked, consent_ended')
    .option('--cert <file>', 'client certificate (PEM) for mutual TLS / 클라이언트 인증서')
    .option('--key <file>', 'its private key (PEM)')
    .option('--ca <file>', "the provider's root certificate (PEM), if not a public one")
    .option('--operator-org-code <code>', "your org_code, for x-api-tran-id (default: the token's aud)")
    .option('--client-id <id>', "your service's client_id at the provider (개별인증-003/004 cases)")
    .option('--client-secret <secret>', 'its client_secret')
    .option(
      '--refresh-token <token>',
      'a refresh token the cases may use up: refreshed, revoked, replayed (not the pair of --access-token)',
    )
    .option('--report-dir <dir>', 'where conformance.json and conformance.html go', 'conformance-report')
    .option('--concurrency <n>', 'requests in flight at once', '16')
    .option('--json', 'print the summary as JSON (the closing line still ends the output)')
    .addHelpText(
      'after',
      [
        '',
        'Cases are generated from the catalogue of @hannun/spec: for every information API of the industry, the',
        'positive calls (the list, then each listed asset; every page; search_timestamp; /v1 and /v2; each',
        'x-api-type) and the negative matrix (headers, tokens, scopes, version, org_code, every request field',
        'by its wire type, periods by x-api-type, paging, assets, methods and paths). Cases needing a token only',
        'the provider can make (expired, revoked, consent past its end date, without a scope) run when the',
        'token file gives one, and are reported as skipped otherwise. Tokens never appear in the reports.',
        '',
        'With --client-id, --client-secret and --refresh-token the authentication APIs run too, last and in order:',
        '개별인증-003 (a good refresh; a wrong secret or an unknown client_id: invalid_client; a refresh token never',
        'issued: invalid_grant) and 개별인증-004 (revoke, then the revoked access token on an information API: 40101,',
        'and the revoked refresh token: invalid_grant). They use up the refresh token’s pair: give one of a second',
        'consent, not the pair of the access token. Without them those cases are reported as skipped.',
        '',
        'Exit code: 0 when every case passed, 1 when any failed, 2 when the command could not run as asked.',
        '',
        'Example / 예:',
        '  hannun conformance --base-url https://127.0.0.1:4100/BKNURI0001 --org-code BKNURI0001 \\',
        '    --token-file tokens.json --cert operator.crt --key operator.key --ca root.crt \\',
        '    --client-id "$CLIENT_ID" --client-secret "$CLIENT_SECRET" --refresh-token "$SPARE_REFRESH_TOKEN"',
      ].join('\n'),
    )
    .action(async (opts: ConformanceCliOptions) => {
      process.exitCode = await runConformanceCommand(opts, out);
    });
}
