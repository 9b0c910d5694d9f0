import { randomUUID } from 'node:crypto';
import type { ServerOptions as HttpsServerOptions } from 'node:https';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type FastifyServerOptions,
} from 'fastify';
import { createHealth, type Health, type ReadinessCheck } from '../health/create-health.ts';
import { registerHealthRoutes } from '../health/health-routes.ts';
import type { Logger } from '../logging/create-logger.ts';
import { createMetrics, type ServiceMetrics } from '../metrics/create-metrics.ts';
import { registerMetrics } from '../metrics/metrics-plugin.ts';
import { handleError, handleNotFound } from './error-handler.ts';
import { PortInUseError } from './port-in-use-error.ts';
import { RequestLogController } from './request-log-controller.ts';
import { echoableTranId, incomingTranId } from './tran-id-header.ts';

export const REQUEST_ID_HEADER = 'x-request-id';

export interface ServiceOptions {
  /** The service name, in logs and metrics. */
  readonly name: string;
  readonly version: string;
  readonly logger: Logger;
  /** Readiness checks run by `/readyz`, e.g. `{ database: () => db.ping() }`. */
  readonly readiness?: Readonly<Record<string, ReadinessCheck>>;
  /** A readiness check slower than this fails. Default 2000 ms. */
  readonly readinessTimeoutMs?: number;
  /** Metrics to record into, or `false` for none; a fresh registry by default. */
  readonly metrics?: ServiceMetrics | false;
  /** Where the metrics are exposed. Default `/metrics`. */
  readonly metricsPath?: string;
  /** Answer for unknown routes; a JSON 404 by default. */
  readonly notFound?: (request: FastifyRequest, reply: FastifyReply) => unknown;
  /** Further fastify options (bodyLimit, https for mTLS, …); logging and request ids are set here. */
  readonly fastify?: Omit<
    FastifyServerOptions,
    'logger' | 'loggerInstance' | 'genReqId' | 'childLoggerFactory' | 'logController'
  > & {
    /** TLS server options, e.g. `tlsServerOptions(org)` of `@hannun/pki`: the service then speaks https. */
    readonly https?: HttpsServerOptions;
  };
}

export interface ListenOptions {
  /** Default 127.0.0.1. */
  readonly host?: string;
  /** 0 picks a free port. */
  readonly port: number;
}

export interface ServiceControls {
  readonly serviceName: string;
  readonly serviceVersion: string;
  readonly health: Health;
  readonly metrics: ServiceMetrics | undefined;
  /**
   * Listen and resolve to the base URL (`http://127.0.0.1:43123`). When listening fails the service is
   * closed and the error thrown ({@link PortInUseError} for a port in use).
   */
  start(opts: ListenOptions): Promise<string>;
  /** Fail readiness, stop accepting connections, finish in-flight requests, run onClose hooks. Idempotent. */
  stop(): Promise<void>;
}

export type Service = FastifyInstance & ServiceControls;

/**
 * A fastify instance with everything a Hannun service shares: the redacting logger with request id
 * and tran id on every request line, `x-api-tran-id` echoed on every response (errors too), an
 * `x-request-id`, metrics, `/healthz` and `/readyz`, a catch-all JSON error handler that never leaks a
 * stack, and `start`/`stop`.
 */
export function createService(opts: ServiceOptions): Service {
  const { logger } = opts;
  const app: FastifyInstance & Partial<ServiceControls> = Fastify({
    ...opts.fastify,
    // pino's Logger is a FastifyBaseLogger; naming the base type keeps FastifyInstance's default generics.
    loggerInstance: logger as FastifyBaseLogger,
    logController: new RequestLogController(),
    genReqId: () => randomUUID(),
    childLoggerFactory: (parent, bindings, childOpts, rawReq) =>
      parent.child({ ...bindings, tranId: incomingTranId(rawReq.headers) ?? null }, childOpts),
  });

  const health = createHealth({
    ...(opts.readinessTimeoutMs ? { timeoutMs: opts.readinessTimeoutMs } : {}),
    onFailure: (name, error) => logger.warn({ err: error, check: name }, `readiness check '${name}' failed`),
  });
  for (const [name, check] of Object.entries(opts.readiness ?? {})) health.addCheck(name, check);
  const metrics =
    opts.metrics === false ? undefined : (opts.metrics ?? createMetrics({ service: opts.name, version: opts.version }));

  app.addHook('onRequest', async (request, reply) => {
    const tranId = echoableTranId(request.headers);
    if (tranId) reply.header('x-api-tran-id', tranId);
    reply.header(REQUEST_ID_HEADER, request.id);
    reply.header('x-content-type-options', 'nosniff');
  });
  if (metrics) registerMetrics(app, metrics, { path: opts.metricsPath ?? '/metrics' });
  registerHealthRoutes(app, health);
  app.setErrorHandler(handleError);
  app.setNotFoundHandler(opts.notFound ?? handleNotFound);

  let stopping: Promise<void> | undefined;
  const controls: ServiceControls = {
    serviceName: opts.name,
    serviceVersion: opts.version,
    health,
    metrics,
    async start({ host = '127.0.0.1', port }) {
      try {
        return await app.listen({ host, port });
      } catch (error) {
        // A service that could not listen is closed (plugins, timers), so a failed start leaks nothing.
        await controls.stop().catch(() => {});
        if ((error as { code?: unknown }).code === 'EADDRINUSE') throw new PortInUseError(host, port, opts.name);
        throw error;
      }
    },
    stop() {
      stopping ??= (async () => {
        health.markShuttingDown();
        await app.close();
      })();
      return stopping;
    },
  };
  for (const [key, value] of Object.entries(controls)) app.decorate(key, value);
  return app as Service;
}
