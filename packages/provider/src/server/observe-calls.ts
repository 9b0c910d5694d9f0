import type { FastifyInstance, FastifyRequest, Logger } from '@hannun/infra';
import type { ProviderClock } from '../clock/provider-clock.ts';

/**
 * One request the engine answered, as an observer sees it once the answer is sent: the request as it came
 * (method, url, headers, query, the body as text), the status and body of the answer, the provider clock when
 * it arrived, and real start and end times (for overlaps, whatever the provider clock does). The request holds
 * what the caller sent, tokens included: an observer keeps only what it needs and never logs the rest.
 */
export interface ObservedCall {
  readonly request: FastifyRequest;
  readonly statusCode: number;
  /** The answer's body as sent (UTF-8 text; empty for a streamed answer). */
  readonly responseBody: string;
  /** The provider clock (epoch ms) when the request arrived: the time the check chain judged it at. */
  readonly atMs: number;
  /** Real time (epoch ms, sub-millisecond) when the request arrived and when its answer was sent. */
  readonly startedAt: number;
  readonly endedAt: number;
}

export type CallObserver = (call: ObservedCall) => void;

interface Pending {
  readonly atMs: number;
  readonly startedAt: number;
  body: string;
}

const realNow = () => performance.timeOrigin + performance.now();

function text(payload: unknown): string {
  if (typeof payload === 'string') return payload;
  if (Buffer.isBuffer(payload)) return payload.toString('utf8');
  return '';
}

/**
 * Tell `observer` about every request `app` answers (information, authentication and support APIs, unknown
 * paths), after the answer is sent. Add it before the routes. An observer that throws is logged, never felt by
 * the caller.
 */
export function observeCalls(app: FastifyInstance, clock: ProviderClock, observer: CallObserver, logger: Logger): void {
  const pending = new WeakMap<FastifyRequest, Pending>();
  app.addHook('onRequest', async (request) => {
    pending.set(request, { atMs: clock.nowMs(), startedAt: realNow(), body: '' });
  });
  app.addHook('onSend', async (request, _reply, payload) => {
    const p = pending.get(request);
    if (p) p.body = text(payload);
    return payload;
  });
  app.addHook('onResponse', async (request, reply) => {
    const p = pending.get(request);
    if (!p) return;
    pending.delete(request);
    try {
      observer({
        request,
        statusCode: reply.statusCode,
        responseBody: p.body,
        atMs: p.atMs,
        startedAt: p.startedAt,
        endedAt: realNow(),
      });
    } catch (error) {
      logger.error({ err: error }, 'a call observer failed');
    }
  });
}
