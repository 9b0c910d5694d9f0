import { STATUS_CODES } from 'node:http';
import { type FastifyReply, type FastifyRequest, errorBody } from '@hannun/infra';
import { type OperatorErrorCode, OperatorError } from '../shared/operator-error.ts';
import { CaCallError } from '../service/ca-client.ts';
import { ProviderAuthError } from '../service/provider-auth-client.ts';

/** The HTTP status of each domain refusal. */
const STATUS: Record<OperatorErrorCode, number> = {
  OP_INVALID_INPUT: 400,
  OP_TOO_YOUNG: 400,
  OP_ALREADY_REGISTERED: 409,
  OP_LOGIN_NAME_TAKEN: 409,
  OP_NOT_FOUND: 404,
  OP_CONSENT_STATE: 409,
  OP_CONSENT_NOT_EXTENDABLE: 409,
  OP_TOTP: 409,
  OP_MODEL_ROW: 400,
};

/**
 * The app API's error answer: infra's error body (statusCode, error, message, code, requestId) plus the field
 * at fault and the Korean message for the person. Never a value the person sent.
 */
export function sendProblem(
  reply: FastifyReply,
  request: FastifyRequest,
  status: number,
  code: string,
  message: string,
  extra: { readonly ko?: string; readonly field?: string; readonly [k: string]: unknown } = {},
): FastifyReply {
  return reply
    .code(status)
    .header('cache-control', 'no-store')
    .type('application/json; charset=utf-8')
    .send({ ...errorBody(status, message, request.id, code), ...extra });
}

/** An invalid request naming its field (before the domain is asked). */
export function badRequest(reply: FastifyReply, request: FastifyRequest, field: string, message: string, ko: string) {
  return sendProblem(reply, request, 400, 'OP_INVALID_INPUT', `${field}: ${message}`, { field, ko });
}

/**
 * The app's error handler: domain refusals with their status, field and Korean message; the CA or a provider
 * failing as 502 with its code; fastify's client errors (malformed JSON, too large) as they are; anything else
 * a 500 that says nothing of the cause.
 */
export function handleAppError(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (error instanceof OperatorError) {
    return sendProblem(reply, request, STATUS[error.code], error.code, error.message, {
      ko: error.ko,
      ...(error.field ? { field: error.field } : {}),
    });
  }
  if (error instanceof CaCallError || error instanceof ProviderAuthError) {
    request.log.warn({ err: error }, 'an institution refused or failed');
    const code = error instanceof CaCallError ? `CA_${error.code}` : `PROVIDER_${error.error}`;
    return sendProblem(reply, request, 502, code, 'another institution refused or failed; try again', {
      ko: '다른 기관과의 통신에 실패했습니다. 잠시 후 다시 시도하세요.',
    });
  }
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const e = error as { message?: unknown; code?: unknown };
    return sendProblem(
      reply,
      request,
      status,
      typeof e.code === 'string' ? e.code : 'BAD_REQUEST',
      typeof e.message === 'string' && e.message ? e.message : (STATUS_CODES[status] ?? 'Bad request'),
    );
  }
  request.log.error({ err: error }, 'unhandled error');
  return sendProblem(
    reply,
    request,
    500,
    'INTERNAL',
    `The server could not complete this request. Quote request id ${request.id}.`,
  );
}
