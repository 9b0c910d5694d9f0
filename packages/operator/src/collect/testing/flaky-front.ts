import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Socket } from 'node:net';
import { request } from 'undici';

/** What the front does to one information call. */
export type FrontFault = 'system-failure' | 'hang' | 'drop' | 'cut-mid-body';

export interface FlakyFrontOptions {
  /** The real provider engine, e.g. `http://127.0.0.1:4100`. */
  readonly upstream: string;
  /** The share of information calls answered with each fault (the rest pass through untouched). */
  readonly rates: Readonly<Record<FrontFault, number>>;
  /** The seed of the fault sequence: the same seed, the same faults for the same n-th call. */
  readonly seed: number;
}

export interface FlakyFront {
  /** `http://127.0.0.1:<port>`: put it in the registry's base URLs instead of the upstream. */
  readonly url: string;
  /** How many calls met each fault, and how many passed. */
  readonly counts: Readonly<Record<FrontFault | 'passed', number>>;
  close(): Promise<void>;
}

/** mulberry32: a small deterministic generator. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const HOP = new Set(['host', 'connection', 'content-length', 'keep-alive', 'transfer-encoding']);

/**
 * A provider that misbehaves the way networks and institutions do, in front of the real provider engine:
 * some information calls are answered 500 (rsp_code 50001) without reaching it, some never answered (the
 * caller's timeout decides), some connections dropped before any answer, and some cut in the middle of the
 * body after the provider did answer (the call happened there; the operator saw half a page). Which call
 * meets which fault follows a seeded sequence.
 */
export async function startFlakyFront(o: FlakyFrontOptions): Promise<FlakyFront> {
  const random = generator(o.seed);
  const counts: Record<FrontFault | 'passed', number> = {
    'system-failure': 0,
    hang: 0,
    drop: 0,
    'cut-mid-body': 0,
    passed: 0,
  };
  const sockets = new Set<Socket>();
  const pick = (): FrontFault | undefined => {
    let x = random();
    for (const [fault, rate] of Object.entries(o.rates) as [FrontFault, number][]) {
      if (x < rate) return fault;
      x -= rate;
    }
    return undefined;
  };

  async function forward(req: IncomingMessage, body: Buffer) {
    const headers = Object.fromEntries(
      Object.entries(req.headers).filter(([k, v]) => !HOP.has(k) && typeof v === 'string'),
    ) as Record<string, string>;
    const r = await request(`${o.upstream}${req.url}`, {
      method: req.method as 'GET' | 'POST',
      headers,
      ...(req.method === 'POST' ? { body } : {}),
    });
    const text = Buffer.from(await r.body.arrayBuffer());
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(r.headers)) if (!HOP.has(k) && typeof v === 'string') out[k] = v;
    return { status: r.statusCode, headers: out, body: text };
  }

  function handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const information = req.url?.includes('/v2/') === true || req.url?.includes('/v1/') === true;
      const fault = information ? pick() : undefined;
      counts[fault ?? 'passed']++;
      switch (fault) {
        case 'hang':
          return; // the caller gives up; its socket closes then
        case 'drop':
          req.socket.destroy();
          return;
        case 'system-failure': {
          const body = JSON.stringify({ rsp_code: '50001', rsp_msg: '시스템 장애' });
          res.writeHead(500, { 'content-type': 'application/json; charset=utf-8' });
          res.end(body);
          return;
        }
        default:
          break;
      }
      forward(req, Buffer.concat(chunks)).then(
        (answer) => {
          if (fault === 'cut-mid-body') {
            res.writeHead(answer.status, { ...answer.headers, 'content-length': String(answer.body.length) });
            res.write(answer.body.subarray(0, Math.max(1, answer.body.length >> 1)), () => req.socket.destroy());
            return;
          }
          res.writeHead(answer.status, { ...answer.headers, 'content-length': String(answer.body.length) });
          res.end(answer.body);
        },
        () => {
          res.writeHead(502);
          res.end();
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
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
