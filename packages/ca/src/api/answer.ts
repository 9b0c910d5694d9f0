import type { FastifyReply } from '@hannun/infra';
import { RSP_CODES, type RspCode } from '@hannun/spec';
import type { CaFailure } from '../service/ca-failure.ts';

const RSP_MSG_BYTES = 450;

/** Cut text to at most `max` UTF-8 bytes without splitting a character. */
function clampUtf8(text: string, max: number): string {
  if (Buffer.byteLength(text) <= max) return text;
  let out = '';
  for (const ch of text) {
    if (Buffer.byteLength(out + ch) > max - 3) break;
    out += ch;
  }
  return `${out}…`;
}

/** rsp_msg: the Korean meaning of the code, then the detail; AH(450) at most. */
export function rspMsg(code: RspCode, detail?: string): string {
  const base = RSP_CODES[code].ko;
  return clampUtf8(detail ? `${base} - ${detail}` : base, RSP_MSG_BYTES);
}

/** A refusal: the envelope only, with the HTTP status of its code. */
export function sendFailure(reply: FastifyReply, failure: CaFailure): FastifyReply {
  return reply
    .code(RSP_CODES[failure.rspCode].http)
    .header('cache-control', 'no-store')
    .type('application/json; charset=utf-8')
    .send({ rsp_code: failure.rspCode, rsp_msg: rspMsg(failure.rspCode, failure.detail) });
}

/** Success: 00000 and the API's fields (already wire strings). */
export function sendOk(reply: FastifyReply, body: Record<string, unknown>): FastifyReply {
  return reply
    .code(200)
    .header('cache-control', 'no-store')
    .type('application/json; charset=utf-8')
    .send({ rsp_code: '00000', rsp_msg: RSP_CODES['00000'].ko, ...body });
}
