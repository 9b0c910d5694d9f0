import { type FastifyReply, type FastifyRequest, LogController } from 'fastify';

/**
 * One line per request: `request completed` (info) or `request failed` (error, 5xx), carrying the
 * request id and tran id from the request's child logger, method, url, route, status and duration.
 * The `incoming request` line is only written at debug level; 404s need no line of their own.
 */
export class RequestLogController extends LogController {
  override incomingRequest(request: FastifyRequest): void {
    if (this.isLogDisabled(request)) return;
    request.log.debug({ req: request }, 'incoming request');
  }

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    if (this.isLogDisabled(request)) return;
    const line = { req: request, res: reply, responseTime: Math.round(reply.elapsedTime * 10) / 10 };
    if (error || reply.statusCode >= 500)
      reply.log.error({ ...line, ...(error ? { err: error } : {}) }, 'request failed');
    else reply.log.info(line, 'request completed');
  }

  override routeNotFound(): void {}
}
