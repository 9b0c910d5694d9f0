import { generateTranId } from '@hannun/spec';
import { request } from 'undici';
import type { Exchange, FormValue, ProbeRequest, TokenRef } from '../case-types.ts';
import type { ConformanceTarget } from '../target.ts';
import { forgeToken } from './forge-tokens.ts';

/** A case needs a token the run was not given: it is skipped, with this reason. */
export class TokenUnavailable extends Error {
  override readonly name = 'TokenUnavailable';
}

export interface Sent {
  readonly exchange: Exchange;
  /** The x-api-tran-id sent, if any (a later step may repeat it). */
  readonly tranId: string | undefined;
}

export interface SendOptions {
  /** The tran id an earlier step sent, for `repeat-setup`. */
  readonly repeatTranId?: string;
  readonly timeoutMs?: number;
}

const MAX_TEXT = 2000;
const RETRIES_ON_THROTTLE = 3;

/** The Authorization header for a token reference and how the report shows it (never the token). */
export function authorizationOf(
  ref: TokenRef,
  target: ConformanceTarget,
): { header: string; shown: string } | undefined {
  const { tokens } = target;
  switch (ref.kind) {
    case 'none':
      return undefined;
    case 'usual':
      return { header: `Bearer ${tokens.usual}`, shown: 'Bearer [usual token]' };
    case 'without-scope': {
      const token = tokens.withoutScope?.[ref.scope];
      if (!token) throw new TokenUnavailable(`no token without the scope ${ref.scope} was given`);
      return { header: `Bearer ${token}`, shown: `Bearer [token without ${ref.scope}]` };
    }
    case 'given': {
      const token = tokens.given?.[ref.name];
      if (!token) throw new TokenUnavailable(`no ${ref.name} token was given`);
      return { header: `Bearer ${token}`, shown: `Bearer [${ref.name} token]` };
    }
    case 'forged':
      return { header: `Bearer ${forgeToken(ref.how, tokens.usual)}`, shown: `Bearer [forged: ${ref.how}]` };
    case 'raw':
      return { header: ref.header, shown: ref.header.replace(tokens.usual, '[usual token]') };
    case 'issued':
      return { header: `Bearer ${ref.token}`, shown: 'Bearer [token issued by 개별인증-003]' };
  }
}

/** A form field's value to send and how the report shows it (secrets as labels; client_id as it is). */
function formValueOf(value: FormValue, target: ConformanceTarget): { sent: string; shown: string } {
  if (typeof value === 'string') return { sent: value, shown: value };
  if ('issued' in value) return { sent: value.issued, shown: '[token issued by 개별인증-003]' };
  const { client, refresh } = target.tokens;
  switch (value.credential) {
    case 'client-id':
      if (!client) throw new TokenUnavailable('no client credentials were given (--client-id, --client-secret)');
      return { sent: client.clientId, shown: client.clientId };
    case 'client-secret':
      if (!client) throw new TokenUnavailable('no client credentials were given (--client-id, --client-secret)');
      return { sent: client.clientSecret, shown: '[client secret]' };
    case 'refresh-token':
      if (!refresh) throw new TokenUnavailable('no refresh token was given (--refresh-token)');
      return { sent: refresh, shown: '[refresh token]' };
  }
}

/** An `application/x-www-form-urlencoded` body, as sent and as shown. */
function formBody(
  form: Readonly<Record<string, FormValue>>,
  target: ConformanceTarget,
): { sent: string; shown: string } {
  const sent = new URLSearchParams();
  const shown: string[] = [];
  for (const [name, value] of Object.entries(form)) {
    const v = formValueOf(value, target);
    sent.append(name, v.sent);
    shown.push(`${name}=${v.shown}`);
  }
  return { sent: sent.toString(), shown: shown.join('&') };
}

function tranIdOf(probe: ProbeRequest, target: ConformanceTarget, opts: SendOptions): string | undefined {
  switch (probe.tranId.kind) {
    case 'none':
      return undefined;
    case 'fresh':
      return generateTranId(target.operatorOrgCode, 'M');
    case 'fixed':
      return probe.tranId.value;
    case 'repeat-setup':
      return opts.repeatTranId ?? generateTranId(target.operatorOrgCode, 'M');
  }
}

function headerRecord(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) if (v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Send one request to the target as an operator would, and record it with the token redacted. An answer
 * of HTTP 429 that is not the cycle rule (42901) is the provider throttling the examiner: waited for
 * (Retry-After, at most 2 s) and retried up to three times.
 */
export async function send(target: ConformanceTarget, probe: ProbeRequest, opts: SendOptions = {}): Promise<Sent> {
  const auth = authorizationOf(probe.token, target);
  const tranId = tranIdOf(probe, target, opts);
  const headers: Record<string, string> = { ...probe.headers };
  const shown: Record<string, string> = { ...probe.headers };
  if (auth) {
    headers['authorization'] = auth.header;
    shown['authorization'] = auth.shown;
  }
  if (tranId !== undefined) headers['x-api-tran-id'] = shown['x-api-tran-id'] = tranId;
  if (probe.apiType !== undefined) headers['x-api-type'] = shown['x-api-type'] = probe.apiType;
  let url = `${target.baseUrl}${probe.path}`;
  let body: string | undefined;
  let shownBody: string | undefined;
  if (probe.form) {
    const form = formBody(probe.form, target);
    body = form.sent;
    shownBody = form.shown;
    headers['content-type'] = shown['content-type'] = 'application/x-www-form-urlencoded';
  } else if (probe.method === 'GET') {
    const query = new URLSearchParams(probe.fields).toString();
    if (query) url += `?${query}`;
  } else {
    body = probe.rawBody ?? JSON.stringify(probe.fields);
    if (!('content-type' in headers))
      headers['content-type'] = shown['content-type'] = 'application/json; charset=UTF-8';
  }
  const record = {
    method: probe.method,
    url,
    headers: shown,
    ...(shownBody !== undefined ? { body: shownBody } : body !== undefined ? { body } : {}),
  };

  for (let attempt = 0; ; attempt++) {
    const started = performance.now();
    try {
      const res = await request(url, {
        method: probe.method as 'GET',
        headers,
        ...(body !== undefined ? { body } : {}),
        ...(target.dispatcher ? { dispatcher: target.dispatcher } : {}),
        headersTimeout: opts.timeoutMs ?? 15_000,
        bodyTimeout: opts.timeoutMs ?? 15_000,
      });
      const text = await res.body.text();
      const ms = performance.now() - started;
      const resHeaders = headerRecord(res.headers);
      let json: unknown;
      try {
        json = text === '' ? undefined : JSON.parse(text);
      } catch {
        json = undefined;
      }
      const code = (json as { rsp_code?: unknown } | undefined)?.rsp_code;
      if (res.statusCode === 429 && code !== '42901' && attempt < RETRIES_ON_THROTTLE) {
        const after = Number(resHeaders['retry-after']);
        await sleep(Number.isFinite(after) && after > 0 ? Math.min(after * 1000, 2000) : 200 * (attempt + 1));
        continue;
      }
      const response = {
        status: res.statusCode,
        headers: resHeaders,
        ...(json !== undefined ? { json } : { text: text.slice(0, MAX_TEXT) }),
      };
      return { exchange: { request: record, response, ms }, tranId };
    } catch (error) {
      const ms = performance.now() - started;
      const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      return { exchange: { request: record, error: message, ms }, tranId };
    }
  }
}

/** The rsp_code of an answer, if it has one. */
export function rspCodeOf(exchange: Exchange): string | undefined {
  const json = exchange.response?.json;
  if (typeof json !== 'object' || json === null) return undefined;
  const code = (json as Record<string, unknown>)['rsp_code'];
  return typeof code === 'string' ? code : undefined;
}

/** The answer's body as an object, or an empty one. */
export function bodyOf(exchange: Exchange): Record<string, unknown> {
  const json = exchange.response?.json;
  return typeof json === 'object' && json !== null && !Array.isArray(json) ? (json as Record<string, unknown>) : {};
}
