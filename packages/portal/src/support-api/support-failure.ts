import type { FastifyReply } from '@hannun/infra';
import { RSP_CODES, type RspCode, utf8Length } from '@hannun/spec';

/**
 * A support API saying no: the rsp_code, a Korean detail for rsp_msg (never a token or secret) and an English
 * reason for the log and tests. Steps return it instead of throwing.
 */
export class SupportFailure {
  constructor(
    readonly rspCode: RspCode,
    readonly detail?: string,
    readonly reason?: string,
  ) {}
}

export function fail(rspCode: RspCode, detail?: string, reason?: string): SupportFailure {
  return new SupportFailure(rspCode, detail, reason);
}

export function isFailure(value: unknown): value is SupportFailure {
  return value instanceof SupportFailure;
}

const JSON_TYPE = 'application/json; charset=utf-8';

/** rsp_msg AH(450): the catalogue's Korean text, then the detail, cut at a character boundary. */
function rspMsg(code: RspCode, detail: string | undefined): string {
  const text = detail ? `${RSP_CODES[code].ko} - ${detail}` : RSP_CODES[code].ko;
  if (utf8Length(text) <= 450) return text;
  let out = '';
  for (const ch of text) {
    if (utf8Length(out + ch) > 450) break;
    out += ch;
  }
  return out;
}

/** The standard's envelope with the HTTP status of its code, plus the API's fields on success. */
export function sendRsp(
  reply: FastifyReply,
  code: RspCode,
  fields: Record<string, unknown> = {},
  detail?: string,
): FastifyReply {
  return reply
    .code(RSP_CODES[code].http)
    .type(JSON_TYPE)
    .send({ rsp_code: code, rsp_msg: rspMsg(code, detail), ...fields });
}

export function sendFailure(reply: FastifyReply, failure: SupportFailure): FastifyReply {
  reply.request.log.info({ rspCode: failure.rspCode, reason: failure.reason }, 'support API refused');
  return sendRsp(reply, failure.rspCode, {}, failure.detail);
}
