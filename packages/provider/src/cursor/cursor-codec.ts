import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Where a paginated read continues: the offset into the series and the provider time of its first page
 * (later pages read the data as of that time, so items arriving meanwhile neither shift nor repeat).
 */
export interface CursorPosition {
  readonly offset: number;
  /** Epoch ms of the first page's provider time. */
  readonly asOf: number;
}

/**
 * The `next_page` cursor: opaque, URL-safe (Base64url, 36 characters) and HMAC-signed. The MAC covers a
 * binding string (institution, API, consent, asset, the request's filter values) that is not in the cursor
 * at all, so a cursor is only accepted by the very request it continues: it cannot be forged, altered, or
 * replayed against another asset, consent, period or API.
 */
export interface CursorCodec {
  encode(binding: string, position: CursorPosition): string;
  /** The position, or undefined for any cursor this codec did not issue for this binding. */
  decode(binding: string, cursor: string): CursorPosition | undefined;
}

const VERSION = 1;
const PAYLOAD_BYTES = 1 + 4 + 6; // version, offset (uint32), asOf (uint48 ms: until the year 10889)
const MAC_BYTES = 16;
const TOTAL_BYTES = PAYLOAD_BYTES + MAC_BYTES; // 27, a multiple of 3: Base64url without padding or spare bits
const CURSOR_LENGTH = (TOTAL_BYTES / 3) * 4;
const BASE64URL = /^[A-Za-z0-9_-]+$/;
export const MAX_CURSOR_OFFSET = 0xffff_ffff;
const MAX_AS_OF = 2 ** 48 - 1;

export function createCursorCodec(secret: Uint8Array = randomBytes(32)): CursorCodec {
  if (secret.length < 32) throw new RangeError('the cursor secret needs at least 32 bytes');
  const key = Buffer.from(secret);
  const mac = (binding: string, payload: Buffer) =>
    createHmac('sha256', key).update(binding).update('\u0000').update(payload).digest().subarray(0, MAC_BYTES);

  return {
    encode(binding, { offset, asOf }) {
      if (!Number.isInteger(offset) || offset < 0 || offset > MAX_CURSOR_OFFSET)
        throw new RangeError('cursor offset out of range');
      if (!Number.isInteger(asOf) || asOf < 0 || asOf > MAX_AS_OF) throw new RangeError('cursor time out of range');
      const bytes = Buffer.allocUnsafe(TOTAL_BYTES);
      bytes.writeUInt8(VERSION, 0);
      bytes.writeUInt32BE(offset, 1);
      bytes.writeUIntBE(asOf, 5, 6);
      mac(binding, bytes.subarray(0, PAYLOAD_BYTES)).copy(bytes, PAYLOAD_BYTES);
      return bytes.toString('base64url');
    },
    decode(binding, cursor) {
      if (cursor.length !== CURSOR_LENGTH || !BASE64URL.test(cursor)) return undefined;
      const bytes = Buffer.from(cursor, 'base64url');
      if (bytes.length !== TOTAL_BYTES || bytes.toString('base64url') !== cursor) return undefined;
      const payload = bytes.subarray(0, PAYLOAD_BYTES);
      if (!timingSafeEqual(mac(binding, payload), bytes.subarray(PAYLOAD_BYTES))) return undefined;
      if (payload.readUInt8(0) !== VERSION) return undefined;
      return { offset: payload.readUInt32BE(1), asOf: payload.readUIntBE(5, 6) };
    },
  };
}
