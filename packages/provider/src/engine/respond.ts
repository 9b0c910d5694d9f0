import { RSP_CODES, type RspCode } from '@hannun/spec';
import type { CheckFailure } from '../check-chain/check-failure.ts';
import { ENVELOPE } from './compile-api.ts';
import { compileWireEncoder } from './wire-encoder.ts';

/** An answer ready to send: its rsp_code (for the HTTP status) and its UTF-8 JSON body. */
export interface Answer {
  readonly rspCode: RspCode;
  readonly body: Buffer;
}

const RSP_MSG_BYTES = 450;
const envelope = compileWireEncoder(ENVELOPE);

/** Cut text to at most `max` UTF-8 bytes without splitting a character. */
export function clampUtf8(text: string, max: number): string {
  if (Buffer.byteLength(text) <= max) return text;
  let out = '';
  let bytes = 0;
  for (const ch of text) {
    const n = Buffer.byteLength(ch);
    if (bytes + n > max - 3) break;
    out += ch;
    bytes += n;
  }
  return `${out}…`;
}

/** rsp_msg: the Korean meaning of the code, and the detail after a dash; AH(450) at most. */
export function rspMsg(code: RspCode, detail?: string): string {
  const base = RSP_CODES[code].ko;
  return clampUtf8(detail ? `${base} - ${detail}` : base, RSP_MSG_BYTES);
}

/** An answer that is only the envelope: every error, and 00001 (up to date, no data). */
export function envelopeAnswer(code: RspCode, detail?: string): Answer {
  return { rspCode: code, body: envelope.bytes({ rsp_code: code, rsp_msg: rspMsg(code, detail) }) };
}

export function failureAnswer(failure: CheckFailure): Answer {
  return envelopeAnswer(failure.rspCode, failure.detail);
}

export const OK_MSG = RSP_CODES['00000'].ko;

export function httpStatus(code: RspCode): number {
  return RSP_CODES[code].http;
}
