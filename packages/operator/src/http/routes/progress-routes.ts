import type { FastifyInstance } from '@hannun/infra';
import type { LiveEvent } from '../../service/live-progress.ts';
import type { OperatorRuntime } from '../../service/operator-runtime.ts';
import { requireSession, sessionOf } from '../session-guard.ts';

/** How often a comment line keeps the stream open through proxies. */
const HEARTBEAT_MS = 15_000;

/** An event as the browser receives it: its kind as the SSE event name, the rest as JSON (no person id). */
export function sseFrame(e: LiveEvent): string {
  const { personId: _personId, ...rest } = e;
  return `event: ${e.kind}\ndata: ${JSON.stringify(rest)}\n\n`;
}

/**
 * `GET /api/progress`: the person's live progress as server-sent events (issue #6 item 9): `connect` events
 * (signing, each institution connecting, connected or failed and why) and `collect` events (what is being
 * fetched, done, failed and why, late). Only the session's own person's events; ended at shutdown.
 */
export function registerProgressRoutes(app: FastifyInstance, rt: OperatorRuntime): void {
  const open = new Set<() => void>();
  app.addHook('preClose', async () => {
    for (const end of [...open]) end();
  });

  app.get('/api/progress', { preHandler: requireSession(rt) }, (request, reply) => {
    const { personId } = sessionOf(request);
    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
      'x-content-type-options': 'nosniff',
    });
    raw.write('retry: 3000\n: connected\n\n');
    const unsubscribe = rt.hub.subscribe(personId, (e) => {
      raw.write(sseFrame(e));
    });
    const heartbeat = setInterval(() => raw.write(': keep-alive\n\n'), HEARTBEAT_MS);
    heartbeat.unref();
    let ended = false;
    const end = () => {
      if (ended) return;
      ended = true;
      clearInterval(heartbeat);
      unsubscribe();
      open.delete(end);
      if (!raw.writableEnded) raw.end();
    };
    open.add(end);
    request.raw.on('close', end);
    raw.on('close', end);
  });
}
