import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ServiceMetrics } from './create-metrics.ts';
import { extractRspCode } from './rsp-code.ts';

/** Route label for requests no route matched: one series, not one per scanned URL. */
export const UNMATCHED_ROUTE = '(unmatched)';

const routeOf = (request: FastifyRequest) => request.routeOptions.url ?? UNMATCHED_ROUTE;

/**
 * Instrument every request of `app` (duration, count, in-flight, unhandled errors) and expose the
 * registry at `path` in the Prometheus text format.
 */
export function registerMetrics(app: FastifyInstance, metrics: ServiceMetrics, opts: { path?: string } = {}): void {
  const rspCodes = new WeakMap<FastifyRequest, string>();

  app.addHook('onRequest', async () => {
    metrics.httpInFlight.inc();
  });
  app.addHook('onSend', async (request, _reply, payload) => {
    const code = extractRspCode(payload);
    if (code) rspCodes.set(request, code);
    return payload;
  });
  app.addHook('onError', async (request, _reply, error) => {
    // onError runs before the error handler picks the status: errors without a 4xx status become 500s.
    const status = (error as { statusCode?: unknown }).statusCode;
    if (typeof status !== 'number' || status >= 500)
      metrics.httpErrors.inc({ method: request.method, route: routeOf(request) });
  });
  app.addHook('onResponse', async (request, reply) => {
    metrics.httpInFlight.dec();
    const rsp = rspCodes.get(request);
    const labels = {
      method: request.method,
      route: routeOf(request),
      status_code: String(reply.statusCode),
      ...(rsp ? { rsp_code: rsp } : {}),
    };
    metrics.httpRequests.inc(labels);
    metrics.httpDuration.observe(labels, reply.elapsedTime / 1000);
  });

  app.get(opts.path ?? '/metrics', { logLevel: 'warn' }, async (_request, reply) => {
    const body = await metrics.registry.metrics();
    return reply.type(metrics.registry.contentType).send(body);
  });
}
