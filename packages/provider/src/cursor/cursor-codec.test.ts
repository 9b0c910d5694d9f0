import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CursorPosition, createCursorCodec, MAX_CURSOR_OFFSET } from './cursor-codec.ts';

const codec = createCursorCodec(new Uint8Array(32).fill(7));
const position = fc.record({
  offset: fc.integer({ min: 0, max: MAX_CURSOR_OFFSET }),
  asOf: fc.integer({ min: 0, max: 2 ** 48 - 1 }),
});
const binding = fc.string({ maxLength: 120 });
const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

describe('next_page cursor', () => {
  it('decode(encode(x)) = x, and the cursor is URL-safe Base64url', () => {
    fc.assert(
      fc.property(binding, position, (b, p: CursorPosition) => {
        const cursor = codec.encode(b, p);
        expect(cursor).toMatch(/^[A-Za-z0-9_-]{36}$/);
        expect(codec.decode(b, cursor)).toEqual(p);
      }),
    );
  });

  it('rejects any altered character', () => {
    fc.assert(
      fc.property(binding, position, fc.nat(35), fc.nat(63), (b, p, at, replacement) => {
        const cursor = codec.encode(b, p);
        const ch = BASE64URL[replacement]!;
        fc.pre(cursor[at] !== ch);
        const altered = cursor.slice(0, at) + ch + cursor.slice(at + 1);
        expect(codec.decode(b, altered)).toBeUndefined();
      }),
    );
  });

  it('rejects truncated, extended and forged cursors', () => {
    fc.assert(
      fc.property(binding, position, fc.string({ minLength: 1, maxLength: 4 }), (b, p, extra) => {
        const cursor = codec.encode(b, p);
        expect(codec.decode(b, cursor.slice(0, -1))).toBeUndefined();
        expect(codec.decode(b, cursor + extra)).toBeUndefined();
        // A prefix equal to the cursor's own is the cursor: decode gives a new object, so compare by value.
        expect(codec.decode(b, extra + cursor.slice(extra.length))).toEqual(
          extra === cursor.slice(0, extra.length) ? codec.decode(b, cursor) : undefined,
        );
      }),
    );
    fc.assert(
      fc.property(binding, fc.string(), (b, forged) => {
        expect(codec.decode(b, forged)).toBeUndefined();
      }),
    );
  });

  it('is bound: a cursor of one request is refused for any other binding or secret', () => {
    fc.assert(
      fc.property(binding, binding, position, (b1, b2, p) => {
        fc.pre(b1 !== b2);
        expect(codec.decode(b2, codec.encode(b1, p))).toBeUndefined();
      }),
    );
    const other = createCursorCodec(new Uint8Array(32).fill(8));
    expect(other.decode('x', codec.encode('x', { offset: 1, asOf: 2 }))).toBeUndefined();
  });

  it('refuses out-of-range positions and short secrets', () => {
    expect(() => codec.encode('x', { offset: -1, asOf: 0 })).toThrow(RangeError);
    expect(() => codec.encode('x', { offset: 0.5, asOf: 0 })).toThrow(RangeError);
    expect(() => createCursorCodec(new Uint8Array(16))).toThrow(RangeError);
  });
});
