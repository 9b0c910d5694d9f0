import { STATUS_CODES } from 'node:http';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';

/** The JSON body of every error answer: what went wrong, and the request id that finds it in the log. */
export interface ErrorBody {
  readonly statusCode: number;
  readonly error: string;
  readonly message: string;
  /** Fastify's or the service's error code for client errors (`FST_ERR_CTP_INVALID_JSON_BODY`, …). */
  readonly code?: string;
  readonly requestId: string;
}

function statusOf(error: unknown): number {
  const s = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof s === 'number' && Number.isInteger(s) && s >= 400 && s <= 599 ? s : 500;
}

export function errorBody(statusCode: number, message: string, requestId: string, code?: string): ErrorBody {
  return { statusCode, error: STATUS_CODES[statusCode] ?? 'Error', message, ...(code ? { code } : {}), requestId };
}

/**
 * The catch-all: client errors (4xx) say what was wrong with the request; anything else is a 500 that
 * says nothing of the cause (no message, no stack), while the full error goes to the log.
 */
export function handleError(
  error: FastifyError | Error | unknown,
  request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply {
  const status = statusOf(error);
  if (status >= 500) {
    request.log.error({ err: error }, 'unhandled error');
    return reply
      .code(status)
      .type('application/json; charset=utf-8')
      .send(
        errorBody(
          status,
          `The server could not complete this request. Quote request id ${request.id} when reporting it.`,
          request.id,
        ),
      );
  }
  const e = error as { message?: unknown; code?: unknown };
  const message = typeof e.message === 'string' && e.message ? e.message : (STATUS_CODES[status] ?? 'Bad request');
  const code = typeof e.code === 'string' ? e.code : undefined;
  return reply
    .code(status)
    .type('application/json; charset=utf-8')
    .send(errorBody(status, message, request.id, code));
}

export function handleNotFound(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const path = request.url.split('?')[0] ?? '/';
  return reply
    .code(404)
    .type('application/json; charset=utf-8')
    .send(errorBody(404, `No route ${request.method} ${path}`, request.id, 'ROUTE_NOT_FOUND'));
}
