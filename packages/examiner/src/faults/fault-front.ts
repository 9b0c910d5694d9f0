import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { ApiSpec } from '@hannun/spec';
import { type Dispatcher, request } from 'undici';
import { apiOfRequest, requestFields } from './api-of-request.ts';
import {
  breakJson,
  outOfPeriod,
  parseObject,
  timestampBackwards,
  timestampFuture,
  wrongTypes,
} from './corrupt-answer.ts';
import { ANSWER_FAULTS, type Fault, FAULTS, faultPicker, seededRandom } from './fault-kinds.ts';

export interface FaultFrontOptions {
  /** The provider behind the front, e.g. `http://127.0.0.1:4100` (institutions' base paths follow it). */
  readonly upstream: string;
  /** The share of information calls that meet each fault (the rest pass untouched); at most 1 in all. */
  readonly rates: Readonly<Partial<Record<Fault, number>>>;
  /** The seed of the fault sequence: the same seed, the same fault for the n-th call. */
  readonly seed: number;
  /** `status-503`'s Retry-After, in seconds (default 1). */
  readonly retryAfterSeconds?: number;
  /** How long a `drip` answer takes in all (default 2,000 ms). */
  readonly dripMs?: number;
  /** undici dispatcher to reach the upstream (the operator's mutual-TLS agent for a real provider). */
  readonly dispatcher?: Dispatcher;
}

/** One fault as injected: the API (when the path is one of the catalogue's) and the path, never the query. */
export interface Injected {
  readonly fault: Fault;
  readonly apiId: string | null;
  readonly path: string;
}

export interface FaultFront {
  /** `http://127.0.0.1:<port>`: use it as the providers' base URL instead of the upstream. */
  readonly url: string;
  /** Calls that met each fault, and calls passed untouched (an answer fault that did not apply passes). */
  readonly counts: Readonly<Record<Fault | 'passed', number>>;
  /** Every fault injected, in order. */
  readonly injected: readonly Injected[];
  /** New rates from the next call on (e.g. all zero for a clean attempt); the sequence goes on. */
  setRates(rates: Readonly<Partial<Record<Fault, number>>>): void;
  close(): Promise<void>;
}

const HOP = new Set(['host', 'connection', 'content-length', 'keep-alive', 'transfer-encoding']);

const html = (status: number, title: string) =>
  `<html>\r\n<head><title>${status} ${title}</title></head>\r\n<body>\r\n<center><h1>${status} ${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;

interface Answer {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: Buffer;
}

/**
 * A provider that misbehaves the way networks and institutions do, as an HTTP front before any provider:
 * every information call (a path of the catalogue's information APIs under `/v1/` or `/v2/`) meets a fault
 * drawn from a seeded sequence at the given rates (see FAULTS); everything else (tokens, test hooks) passes.
 * Put its URL in the operator's registry in place of the provider's; the provider's base paths stay.
 */
export async function startFaultFront(o: FaultFrontOptions): Promise<FaultFront> {
  const random = seededRandom(o.seed);
  let pick = faultPicker(o.rates, random);
  const counts = Object.fromEntries([...FAULTS, 'passed'].map((f) => [f, 0])) as Record<Fault | 'passed', number>;
  const injected: Injected[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const retryAfter = String(o.retryAfterSeconds ?? 1);
  const dripMs = o.dripMs ?? 2_000;

  async function forward(req: IncomingMessage, body: Buffer): Promise<Answer> {
    const headers = Object.fromEntries(
      Object.entries(req.headers).filter(([k, v]) => !HOP.has(k) && typeof v === 'string'),
    ) as Record<string, string>;
    const r = await request(`${o.upstream}${req.url ?? ''}`, {
      method: req.method as 'GET' | 'POST',
      headers,
      ...(req.method === 'POST' ? { body } : {}),
      ...(o.dispatcher ? { dispatcher: o.dispatcher } : {}),
    });
    const text = Buffer.from(await r.body.arrayBuffer());
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(r.headers)) if (!HOP.has(k) && typeof v === 'string') out[k] = v;
    return { status: r.statusCode, headers: out, body: text };
  }

  /** The answer the fault makes of the provider's, or undefined when this fault cannot apply to it. */
  function corrupt(fault: Fault, answer: Answer, api: ApiSpec | undefined, fields: Record<string, string>) {
    if (fault === 'drip' || fault === 'cut-mid-body') return answer.body;
    if (fault === 'malformed-json') return answer.status === 200 ? breakJson(answer.body) : undefined;
    const json = parseObject(answer.body);
    if (!json || answer.status !== 200) return undefined;
    const changed =
      fault === 'wrong-types'
        ? wrongTypes(json, api, random)
        : fault === 'timestamp-future'
          ? timestampFuture(json)
          : fault === 'timestamp-backwards'
            ? timestampBackwards(json, fields['search_timestamp'])
            : fault === 'out-of-period'
              ? outOfPeriod(json, fields, random() < 0.5)
              : undefined;
    return changed ? Buffer.from(JSON.stringify(changed), 'utf8') : undefined;
  }

  function send(res: ServerResponse, a: Answer, body: Buffer) {
    res.writeHead(a.status, { ...a.headers, 'content-length': String(body.length) });
    res.end(body);
  }

  function drip(req: IncomingMessage, res: ServerResponse, a: Answer) {
    res.writeHead(a.status, { ...a.headers, 'content-length': String(a.body.length) });
    const pieces = Math.max(1, Math.min(40, Math.ceil(a.body.length / 8)));
    const size = Math.ceil(a.body.length / pieces);
    let at = 0;
    const next = () => {
      if (req.socket.destroyed) return;
      const end = Math.min(a.body.length, at + size);
      const chunk = a.body.subarray(at, end);
      at = end;
      if (at >= a.body.length) {
        res.end(chunk);
        return;
      }
      res.write(chunk);
      const t = setTimeout(() => {
        timers.delete(t);
        next();
      }, dripMs / pieces);
      timers.add(t);
    };
    next();
  }

  function handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const method = req.method ?? 'GET';
      const url = req.url ?? '/';
      const api = apiOfRequest(method, url);
      const body = Buffer.concat(chunks);
      const drawn = api ? pick() : undefined;
      const note = (fault: Fault) => {
        counts[fault]++;
        injected.push({ fault, apiId: api?.id ?? null, path: url.split('?')[0] ?? '' });
      };
      switch (drawn) {
        case 'hang':
          note(drawn);
          return; // the caller gives up; its socket closes then
        case 'drop':
          note(drawn);
          req.socket.resetAndDestroy();
          return;
        case 'status-500':
          note(drawn);
          res.writeHead(500, { 'content-type': 'application/json; charset=utf-8' });
          res.end(JSON.stringify({ rsp_code: '50001', rsp_msg: '시스템 장애' }));
          return;
        case 'status-502':
          note(drawn);
          res.writeHead(502, { 'content-type': 'text/html', server: 'nginx' });
          res.end(html(502, 'Bad Gateway'));
          return;
        case 'status-503':
          note(drawn);
          res.writeHead(503, { 'content-type': 'text/html', server: 'nginx', 'retry-after': retryAfter });
          res.end(html(503, 'Service Temporarily Unavailable'));
          return;
        default:
          break;
      }
      forward(req, body).then(
        (answer) => {
          const fault = drawn !== undefined && ANSWER_FAULTS.has(drawn) ? drawn : undefined;
          const made = fault ? corrupt(fault, answer, api, requestFields(method, url, body)) : undefined;
          if (!fault || !made) {
            counts.passed++;
            send(res, answer, answer.body);
            return;
          }
          note(fault);
          if (fault === 'drip') return drip(req, res, answer);
          if (fault === 'cut-mid-body') {
            res.writeHead(answer.status, { ...answer.headers, 'content-length': String(answer.body.length) });
            res.write(answer.body.subarray(0, Math.max(1, answer.body.length >> 1)), () =>
              req.socket.resetAndDestroy(),
            );
            return;
          }
          send(res, answer, made);
        },
        () => {
          counts.passed++;
          res.writeHead(502, { 'content-type': 'text/html' });
          res.end(html(502, 'Bad Gateway'));
        },
      );
    });
  }

  const server: Server = createServer(handle);
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    counts,
    injected,
    setRates(rates) {
      pick = faultPicker(rates, random);
    },
    async close() {
      for (const t of timers) clearTimeout(t);
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
