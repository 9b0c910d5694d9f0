import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

export interface MetricsOptions {
  readonly service: string;
  /** Exposed as `service_info{version="…"} 1`. */
  readonly version?: string;
  /** Node process metrics (CPU, memory, event loop lag, GC); on by default. */
  readonly defaultMetrics?: boolean;
}

export type HttpLabel = 'method' | 'route' | 'status_code' | 'rsp_code';

/** The registry of one service and its HTTP instruments. */
export interface ServiceMetrics {
  readonly registry: Registry;
  readonly httpDuration: Histogram<HttpLabel>;
  readonly httpRequests: Counter<HttpLabel>;
  readonly httpErrors: Counter<'method' | 'route'>;
  readonly httpInFlight: Gauge;
}

/** A per-service registry (every series labelled `service`) with the HTTP histogram and counters. */
export function createMetrics(opts: MetricsOptions): ServiceMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service: opts.service });
  if (opts.defaultMetrics ?? true) collectDefaultMetrics({ register: registry });
  if (opts.version) {
    new Gauge({
      name: 'service_info',
      help: 'The running version.',
      labelNames: ['version'],
      registers: [registry],
    }).set({ version: opts.version }, 1);
  }
  const labelNames: HttpLabel[] = ['method', 'route', 'status_code', 'rsp_code'];
  return {
    registry,
    httpDuration: new Histogram({
      name: 'http_request_duration_seconds',
      help: 'Time to answer an HTTP request, by route, status and MyData rsp_code.',
      labelNames,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    httpRequests: new Counter({
      name: 'http_requests_total',
      help: 'HTTP requests answered, by route, status and MyData rsp_code.',
      labelNames,
      registers: [registry],
    }),
    httpErrors: new Counter({
      name: 'http_unhandled_errors_total',
      help: 'Requests that ended in an unexpected error (answered 500).',
      labelNames: ['method', 'route'],
      registers: [registry],
    }),
    httpInFlight: new Gauge({
      name: 'http_requests_in_flight',
      help: 'HTTP requests being handled now.',
      registers: [registry],
    }),
  };
}
