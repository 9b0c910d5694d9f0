import type { FastifyInstance } from 'fastify';
import type { Health } from './create-health.ts';

/**
 * `GET /healthz`: liveness, 200 `{status:'ok'}` while the process can answer at all.
 * `GET /readyz`: readiness, 200 when every check passes, else 503 with the failing check names.
 */
export function registerHealthRoutes(app: FastifyInstance, health: Health): void {
  app.get('/healthz', { logLevel: 'warn' }, async () => ({ status: 'ok' }));
  app.get('/readyz', { logLevel: 'warn' }, async (_request, reply) => {
    const report = await health.check();
    return reply.code(report.status === 'ok' ? 200 : 503).send(report);
  });
}
