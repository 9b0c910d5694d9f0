import {
  type ApiSpec,
  type ApiType,
  type ApiVersion,
  apiById,
  apiPath,
  COMMON_FIELDS,
  decodeMessage,
  generateTranId,
  type Industry,
  type Shape,
  vocabulary,
  WireError,
} from '@hannun/spec';
import { type Dispatcher, request } from 'undici';
import type { Secret } from '../crypto/secret.ts';

const { req } = vocabulary(COMMON_FIELDS);
const ENVELOPE: Shape = [req('rsp_code'), req('rsp_msg')];

/** One information-API call as the engine makes it. */
export interface InfoCall {
  /** The institution's base URL (its registry `domain`), e.g. `https://127.0.0.1:4100/BKNURI0001`. */
  readonly baseUrl: string;
  readonly industry: Industry;
  /** The standard's API ID (은행-004). */
  readonly apiId: string;
  readonly apiType: ApiType;
  readonly accessToken: Secret;
  /** Request fields as wire strings (the query of a GET, the JSON body of a POST). */
  readonly fields: Readonly<Record<string, string>>;
  /** Path parameters ({card_id}). */
  readonly params?: Readonly<Record<string, string>>;
  readonly signal?: AbortSignal;
}

/** What every call yields, whatever came of it: for the transmission record. */
export interface CallMeta {
  readonly apiId: string;
  readonly tranId: string;
  readonly requestedAt: number;
  readonly durationMs: number;
  /** null when no HTTP answer came (timeout, connection). */
  readonly httpStatus: number | null;
  /** A Retry-After header, in milliseconds from now. */
  readonly retryAfterMs?: number;
}

/**
 * The outcome of one call:
 * - `ok` (00000): the body, decoded and validated against the API's response shape;
 * - `up-to-date` (00001): the search_timestamp covers the data, nothing sent;
 * - `refused`: a well-formed envelope with another rsp_code (40101 token, 40305 asset state, 50001 …);
 * - `malformed`: not JSON, or not what the spec allows (a field of the wrong type, a count that lies):
 *   quarantined, never stored; `field` names the first fault;
 * - `timeout` / `connection`: no answer.
 */
export type CallResult = CallMeta &
  (
    | { readonly kind: 'ok'; readonly rspCode: '00000'; readonly body: Readonly<Record<string, unknown>> }
    | { readonly kind: 'up-to-date'; readonly rspCode: '00001' }
    | { readonly kind: 'refused'; readonly rspCode: string; readonly message: string }
    | { readonly kind: 'malformed'; readonly rspCode: string | null; readonly field: string; readonly reason: string }
    | { readonly kind: 'timeout' }
    | { readonly kind: 'connection'; readonly reason: string }
  );

export interface ProviderClientOptions {
  /** The operator's org_code: every x-api-tran-id starts with it (generator M). */
  readonly orgCode: string;
  /** undici dispatcher: the operator's mutual-TLS `clientAgent` (@hannun/pki) in the ecosystem. */
  readonly dispatcher?: Dispatcher;
  /** Milliseconds until a call without a whole answer is given up (default 15 s). */
  readonly timeoutMs?: number;
  readonly version?: ApiVersion;
  /** Epoch ms (default Date.now): requestedAt of the records. */
  readonly now?: () => number;
}

export interface ProviderClient {
  call(c: InfoCall): Promise<CallResult>;
}

interface CompiledShape {
  readonly api: ApiSpec;
  readonly method: 'GET' | 'POST';
}

/**
 * Where a fault was: a WireError names the field (`trans_list[3].trans_amt`) and the rule it broke. Never
 * the value (it may be an account number): the reason is safe to log and to show.
 */
function faultOf(e: unknown): { field: string; reason: string } {
  if (e instanceof WireError) return { field: e.field, reason: `${e.field}: breaks the ${e.rule} rule of the spec` };
  return { field: '(message)', reason: 'the answer could not be read' };
}

/** Retry-After: delta-seconds or an HTTP date, as milliseconds from now (undefined when absent or unreadable). */
export function parseRetryAfter(value: string | string[] | undefined, now: number): number | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  if (v === undefined || v.trim() === '') return undefined;
  if (/^\d+$/.test(v.trim())) return Number(v.trim()) * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * Calls any information API of the catalogue at a provider, over the given dispatcher, with the headers of
 * the standard (Bearer token, x-api-tran-id of the operator, x-api-type), and validates every answer with
 * the spec: the envelope first, then — for 00000 — the whole body with `decodeMessage` (strict: every value
 * a JSON string, as the standard says; unknown fields dropped). Nothing throws: every outcome is a value.
 */
export function createProviderClient(o: ProviderClientOptions): ProviderClient {
  const timeoutMs = o.timeoutMs ?? 15_000;
  const version = o.version ?? 'v2';
  const now = o.now ?? Date.now;
  const shapes = new Map<string, CompiledShape>();
  const compiled = (apiId: string): CompiledShape => {
    let s = shapes.get(apiId);
    if (!s) {
      const api = apiById(apiId);
      if (api.group !== 'info') throw new RangeError(`${apiId} is not an information API`);
      s = { api, method: api.method };
      shapes.set(apiId, s);
    }
    return s;
  };

  return {
    async call(c) {
      const { api, method } = compiled(c.apiId);
      const tranId = generateTranId(o.orgCode, 'M');
      const requestedAt = now();
      const started = performance.now();
      const meta = (httpStatus: number | null, retryAfterMs?: number): CallMeta => ({
        apiId: c.apiId,
        tranId,
        requestedAt,
        durationMs: Math.round(performance.now() - started),
        httpStatus,
        ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
      });
      const path = apiPath(api, { version, industry: c.industry }).replace(/\{([a-z_]+)\}/g, (_, name: string) =>
        encodeURIComponent(c.params?.[name] ?? ''),
      );
      const headers: Record<string, string> = {
        authorization: `Bearer ${c.accessToken.reveal()}`,
        'x-api-tran-id': tranId,
        'x-api-type': c.apiType,
        accept: 'application/json',
      };
      let url = `${c.baseUrl.replace(/\/$/, '')}${path}`;
      let body: string | undefined;
      if (method === 'GET') {
        const query = new URLSearchParams(c.fields as Record<string, string>).toString();
        if (query) url += `?${query}`;
      } else {
        headers['content-type'] = 'application/json; charset=UTF-8';
        body = JSON.stringify(c.fields);
      }
      // One controller for the timeout and the caller's signal (AbortSignal.timeout + any cost more per call).
      const abort = new AbortController();
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        abort.abort(new DOMException('The operation was aborted due to timeout', 'TimeoutError'));
      }, timeoutMs);
      timer.unref();
      const onAbort = () => abort.abort(c.signal?.reason);
      if (c.signal?.aborted) onAbort();
      else c.signal?.addEventListener('abort', onAbort, { once: true });
      const signal = abort.signal;
      let status: number;
      let text: string;
      let retryAfterMs: number | undefined;
      try {
        const res = await request(url, {
          method,
          headers,
          ...(body !== undefined ? { body } : {}),
          signal,
          ...(o.dispatcher ? { dispatcher: o.dispatcher } : {}),
        });
        status = res.statusCode;
        retryAfterMs = parseRetryAfter(res.headers['retry-after'], now());
        text = await res.body.text();
      } catch (e) {
        if (timedOut) return { ...meta(null), kind: 'timeout' };
        if (c.signal?.aborted) return { ...meta(null), kind: 'connection', reason: 'aborted' };
        const code = (e as { code?: string }).code;
        return { ...meta(null), kind: 'connection', reason: code ?? (e instanceof Error ? e.name : 'error') };
      } finally {
        clearTimeout(timer);
        c.signal?.removeEventListener('abort', onAbort);
      }
      const m = meta(status, retryAfterMs);
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        return { ...m, kind: 'malformed', rspCode: null, field: '(message)', reason: 'the answer is not JSON' };
      }
      let envelope: { rsp_code: string; rsp_msg: string };
      try {
        envelope = decodeMessage(ENVELOPE, json, { location: 'response' }) as typeof envelope;
      } catch (e) {
        return { ...m, kind: 'malformed', rspCode: null, ...faultOf(e) };
      }
      const rspCode = envelope.rsp_code;
      if (rspCode === '00001') return { ...m, kind: 'up-to-date', rspCode };
      if (rspCode !== '00000') return { ...m, kind: 'refused', rspCode, message: envelope.rsp_msg };
      if (status !== 200) {
        return { ...m, kind: 'malformed', rspCode, field: 'rsp_code', reason: `00000 with HTTP ${status}` };
      }
      try {
        const decoded = decodeMessage(api.response, json, { location: 'response' }) as Record<string, unknown>;
        return { ...m, kind: 'ok', rspCode: '00000', body: decoded };
      } catch (e) {
        return { ...m, kind: 'malformed', rspCode, ...faultOf(e) };
      }
    },
  };
}
