import { createHash, hash, randomBytes, timingSafeEqual } from 'node:crypto';

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
  const mac = hmacSha256(Buffer.from(secret));

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

const BLOCK = 64;
const DIGEST = 32;

/**
 * HMAC-SHA-256 (RFC 2104) of `binding`, a NUL and `payload`, truncated to MAC_BYTES: the very bytes of
 * `createHmac('sha256', key)`, computed as two one-shot hashes over preallocated buffers that hold the
 * padded key's ipad and opad blocks, instead of keying a new HMAC object for every cursor.
 */
function hmacSha256(secret: Buffer): (binding: string, payload: Buffer) => Buffer {
  const key = Buffer.alloc(BLOCK);
  (secret.length > BLOCK ? createHash('sha256').update(secret).digest() : secret).copy(key);
  const padded = (byte: number, size: number): Buffer => {
    const block = Buffer.alloc(size);
    for (let i = 0; i < BLOCK; i++) block[i] = key[i]! ^ byte;
    return block;
  };
  let inner = padded(0x36, 1024);
  const outer = padded(0x5c, BLOCK + DIGEST);
  return (binding, payload) => {
    const need = BLOCK + Buffer.byteLength(binding) + 1 + payload.length;
    if (need > inner.length) {
      const grown = Buffer.alloc(Math.max(need, inner.length * 2));
      inner.copy(grown, 0, 0, BLOCK);
      inner = grown;
    }
    let at = BLOCK + inner.write(binding, BLOCK, 'utf8');
    inner[at++] = 0;
    at += payload.copy(inner, at);
    hash('sha256', inner.subarray(0, at), 'buffer').copy(outer, BLOCK);
    return hash('sha256', outer, 'buffer').subarray(0, MAC_BYTES);
  };
}
