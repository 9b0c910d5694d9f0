import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type HannunProviders, startHannunProviders } from '@hannun/examiner/testing';
import { DEMO_INSTITUTIONS } from '@hannun/provider';
import { generateTranId } from '@hannun/spec';
import { type Dispatcher, request } from 'undici';

/** One institution of each industry: every information API of the catalogue is served by one of them. */
export const ONE_PER_INDUSTRY: readonly string[] = [
  ...new Map(DEMO_INSTITUTIONS.map((i) => [i.industry, i.orgCode] as const)).values(),
];

export interface Answer {
  readonly status: number;
  readonly contentType: string;
  readonly text: string;
  readonly json: Record<string, unknown> | undefined;
}

export interface Call {
  readonly method: string;
  /** Path and query, from the server's root (`/BKNURI0001/v2/bank/accounts?…`). */
  readonly path: string;
  readonly headers?: Record<string, string>;
  readonly body?: string;
}

/** Sends one request through a dispatcher (the operator's mutual TLS), with a time limit: a hang is a failure. */
export async function send(origin: string, dispatcher: Dispatcher, call: Call, timeoutMs = 10_000): Promise<Answer> {
  const res = await request(`${origin}${call.path}`, {
    method: call.method as Dispatcher.HttpMethod,
    dispatcher,
    headers: call.headers ?? {},
    ...(call.body !== undefined ? { body: call.body } : {}),
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
  });
  const text = await res.body.text();
  const contentType = String(res.headers['content-type'] ?? '');
  let json: Record<string, unknown> | undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed))
      json = parsed as Record<string, unknown>;
  } catch {
    json = undefined;
  }
  return { status: res.statusCode, contentType, text, json };
}

/** The standard's headers of an information API call (x-api-tran-id fresh, x-api-type user-refresh). */
export function apiHeaders(operatorOrg: string, token: string): Record<string, string> {
  return {
    authorization: `Bearer ${token}`,
    'x-api-tran-id': generateTranId(operatorOrg, 'M'),
    'x-api-type': 'user-refresh',
  };
}

export interface ProviderWorld {
  readonly providers: HannunProviders;
  /** The server's origin (`https://127.0.0.1:port`). */
  readonly origin: string;
  close(): Promise<void>;
}

/** Hannun's provider engine over mutual TLS (the examiner's harness) serving the given institutions. */
export async function startProviderWorld(institutions: readonly string[], customers = 40): Promise<ProviderWorld> {
  const dir = await mkdtemp(join(tmpdir(), 'hannun-security-provider-'));
  const providers = await startHannunProviders({ dataDir: dir, institutions, customers });
  const origin = new URL(providers.targets[0]!.baseUrl).origin;
  return {
    providers,
    origin,
    async close() {
      await providers.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
