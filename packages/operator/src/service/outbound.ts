import { generateTranId } from '@hannun/spec';
import { type Dispatcher, fetch } from 'undici';

/** How the operator calls other institutions: its mutual-TLS agent, a timeout, and its x-api-tran-ids. */
export interface Outbound {
  /** `clientAgent(pki.org(…))` of @hannun/pki; absent only when the ecosystem runs without mutual TLS. */
  readonly dispatcher?: Dispatcher;
  /** The operator's org_code: it starts every x-api-tran-id (generator M). */
  readonly orgCode: string;
  /** Give up on one call after this long. Default 10 s. */
  readonly timeoutMs?: number;
}

/** What came back: status, the Location header (redirects are not followed), and the JSON body if any. */
export interface OutboundAnswer {
  readonly status: number;
  readonly location: string | null;
  readonly retryAfter: string | null;
  readonly json: Record<string, unknown> | null;
}

/** A new x-api-tran-id of the operator (M). */
export const operatorTranId = (out: Outbound): string => generateTranId(out.orgCode, 'M');

/**
 * One call: form or JSON body, the operator's tran id, never following redirects (개별인증-001 answers 302).
 * Network failures and timeouts throw (undici's error, never carrying a body or a token).
 */
export async function call(
  out: Outbound,
  url: string,
  init: {
    readonly method: 'GET' | 'POST';
    readonly form?: Readonly<Record<string, string>>;
    readonly json?: unknown;
    readonly headers?: Readonly<Record<string, string>>;
  },
): Promise<OutboundAnswer> {
  const headers: Record<string, string> = { 'x-api-tran-id': operatorTranId(out), ...init.headers };
  let body: string | undefined;
  if (init.form) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(init.form as Record<string, string>).toString();
  } else if (init.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(init.json);
  }
  const res = await fetch(url, {
    method: init.method,
    headers,
    redirect: 'manual',
    signal: AbortSignal.timeout(out.timeoutMs ?? 10_000),
    ...(body !== undefined ? { body } : {}),
    ...(out.dispatcher ? { dispatcher: out.dispatcher } : {}),
  });
  const text = await res.text();
  let json: Record<string, unknown> | null = null;
  if (text !== '') {
    try {
      const parsed: unknown = JSON.parse(text);
      if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed))
        json = parsed as Record<string, unknown>;
    } catch {
      json = null;
    }
  }
  return {
    status: res.status,
    location: res.headers.get('location'),
    retryAfter: res.headers.get('retry-after'),
    json,
  };
}
