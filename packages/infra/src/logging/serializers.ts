import pino from 'pino';

/** The parts of a fastify request (or a raw request) worth a log line; never headers or bodies. */
interface RequestLike {
  readonly method?: string;
  readonly url?: string;
  readonly routeOptions?: { readonly url?: string };
}

interface ReplyLike {
  readonly statusCode?: number;
}

export function serializeRequest(req: RequestLike): Record<string, unknown> {
  return {
    method: req.method,
    url: req.url,
    ...(req.routeOptions?.url !== undefined ? { route: req.routeOptions.url } : {}),
  };
}

export function serializeReply(reply: ReplyLike): Record<string, unknown> {
  return { statusCode: reply.statusCode };
}

/** pino's error serializer (type, message, stack, code, cause); the output is scrubbed like every line. */
export const serializeError = pino.stdSerializers.err;
