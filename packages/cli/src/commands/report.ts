import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { type Environment, loadConfig } from '@hannun/infra';
import { DEMO_FILE_NAME } from '../ecosystem/data-dir.ts';
import { SHARED_SETTINGS } from '../ecosystem/up-config.ts';
import { readDemoLogins } from '../operator/demo-logins.ts';
import { formatReport, type SummaryJson } from '../report/format-report.ts';
import { UserError } from '../user-error.ts';
import type { Output } from './up.ts';

export interface ReportOptions {
  readonly json?: boolean;
  readonly password?: string;
  /** The operator's app URL (PORT of `hannun up`). */
  readonly url?: string;
  readonly dataDir?: string;
  readonly env?: Environment;
  /** Asks for the password when none is given (a TTY prompt by default). */
  readonly prompt?: (question: string) => Promise<string>;
}

async function demoFile(dataDir: string): Promise<{ services?: { name: string; url: string }[] } | undefined> {
  try {
    return JSON.parse(await readFile(join(dataDir, DEMO_FILE_NAME), 'utf8')) as {
      services?: { name: string; url: string }[];
    };
  } catch {
    return undefined;
  }
}

async function ttyPrompt(question: string): Promise<string> {
  if (!process.stdin.isTTY)
    throw new UserError(
      '비밀번호가 필요합니다: --password 또는 HANNUN_PASSWORD / a password is needed: --password or HANNUN_PASSWORD',
    );
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  try {
    return await rl.question(question);
  } finally {
    rl.close();
  }
}

/**
 * `hannun report <login>`: logs in to a running operator over its app API and prints the person's one-glance
 * summary (or the JSON with --json). The password comes from --password, HANNUN_PASSWORD, the demo's
 * <data dir>/operator/demo-logins.json for a demo login, or a prompt.
 */
export async function runReport(out: Output, login: string, o: ReportOptions = {}): Promise<void> {
  const env = o.env ?? process.env;
  const dataDir = o.dataDir ?? loadConfig({ HANNUN_DATA_DIR: SHARED_SETTINGS.HANNUN_DATA_DIR }, env).HANNUN_DATA_DIR;
  const demo = await demoFile(dataDir);
  const url = (
    o.url ??
    env.HANNUN_APP_URL ??
    demo?.services?.find((s) => s.name === 'operator')?.url ??
    'http://127.0.0.1:3000'
  ).replace(/\/$/, '');
  let password = o.password ?? env.HANNUN_PASSWORD;
  if (password === undefined) {
    const logins = await readDemoLogins(dataDir);
    password = Object.values(logins).find((l) => l.login === login)?.password;
  }
  password ??= await (o.prompt ?? ttyPrompt)(`${login}의 비밀번호 / password: `);
  let res: Response;
  try {
    res = await fetch(`${url}/api/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: url },
      body: JSON.stringify({ loginName: login, password }),
    });
  } catch {
    throw new UserError(
      `운영 서버(${url})에 연결할 수 없습니다. hannun up이 실행 중인지 확인하세요 / cannot reach the operator at ${url}: is \`hannun up\` running? (--url or HANNUN_APP_URL)`,
    );
  }
  if (res.status !== 200) {
    const body = (await res.json().catch(() => ({}))) as { ko?: string; message?: string; code?: string };
    throw new UserError(
      `로그인 실패 / login failed (${res.status} ${body.code ?? ''}): ${body.ko ?? ''} ${body.message ?? ''}`.trim(),
    );
  }
  const { csrfToken } = (await res.json().catch(() => ({}))) as { csrfToken?: string };
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const summary = await fetch(`${url}/api/analysis/summary`, { headers: { cookie } });
  if (summary.status !== 200) {
    const body = (await summary.json().catch(() => ({}))) as { ko?: string; message?: string };
    throw new UserError(
      `요약을 받지 못했습니다 / the summary failed (${summary.status}): ${body.ko ?? body.message ?? ''}`,
    );
  }
  const json = (await summary.json()) as SummaryJson;
  out.write(o.json ? `${JSON.stringify(json, null, 2)}\n` : formatReport(login, json));
  await fetch(`${url}/api/logout`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json', origin: url, 'x-csrf-token': csrfToken ?? '' },
    body: '{}',
  }).catch(() => undefined);
}
