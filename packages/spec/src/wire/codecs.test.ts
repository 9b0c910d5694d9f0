import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { decodeValue, encodeValue, formatDate, formatDateTime } from './codecs.ts';
import { utf8Length } from './utf8.ts';
import { WireError } from './wire-error.ts';
import { AH, AN, aN, aNS, B64, BOOL, DATE, DTIME, F, MONTH, N, NS, type WireType } from './wire-type.ts';
import { wireErrorOf } from '../testing/wire-error-of.ts';

const ctx = { field: 'x', location: 'body' } as const;

describe('첨부2 data types: decoding', () => {
  it('N(n) parses integers and refuses more digits, signs and non-digits', () => {
    expect(decodeValue(N(5), '00042', ctx)).toBe(42);
    expect(decodeValue(N(3, true), '-120', ctx)).toBe(-120);
    expect(wireErrorOf(() => decodeValue(N(3), '1234', ctx)).rule).toBe('length');
    expect(wireErrorOf(() => decodeValue(N(3), '-12', ctx)).rule).toBe('format');
    expect(wireErrorOf(() => decodeValue(N(3), '1.5', ctx)).rule).toBe('format');
    expect(wireErrorOf(() => decodeValue(N(3), ' 12', ctx)).rule).toBe('format');
  });

  it('F(p,s) parses decimals exactly and checks precision and scale', () => {
    const d = decodeValue(F(18, 3), '1234567890.125', ctx);
    expect(d).toBeInstanceOf(Decimal);
    expect(d.toFixed()).toBe('1234567890.125');
    expect(decodeValue(F(5, 3), '2.31', ctx).toString()).toBe('2.31');
    expect(wireErrorOf(() => decodeValue(F(5, 3), '2.3125', ctx)).rule).toBe('range');
    expect(wireErrorOf(() => decodeValue(F(5, 3), '123.1', ctx)).rule).toBe('length');
    expect(wireErrorOf(() => decodeValue(F(5, 3), '-1.5', ctx)).rule).toBe('format');
    expect(decodeValue(F(18, 3, true), '-1.5', ctx).toString()).toBe('-1.5');
    expect(wireErrorOf(() => decodeValue(F(5, 3), '1e3', ctx)).rule).toBe('format');
  });

  it('AH(n) counts UTF-8 bytes: 3 per Hangul syllable', () => {
    expect(decodeValue(AH(6), '한국', ctx)).toBe('한국');
    const e = wireErrorOf(() => decodeValue(AH(6), '한국은', ctx));
    expect(e.rule).toBe('length');
    expect(e.message).toContain('9 UTF-8 bytes');
    expect(decodeValue(AH(9), '(주)A1', ctx)).toBe('(주)A1');
    expect(wireErrorOf(() => decodeValue(AH(30), 'a\u0000b', ctx)).rule).toBe('format');
  });

  it('AN, aN, aNS, NS and B64 hold to their character sets', () => {
    expect(decodeValue(AN(10), 'AB12CD34EF', ctx)).toBe('AB12CD34EF');
    expect(wireErrorOf(() => decodeValue(AN(10), 'ab12', ctx)).rule).toBe('format');
    expect(decodeValue(aN(10), 'ab12', ctx)).toBe('ab12');
    expect(wireErrorOf(() => decodeValue(aN(10), 'ab-12', ctx)).rule).toBe('format');
    expect(decodeValue(aNS(30), 'bank.list bank.deposit', ctx)).toBe('bank.list bank.deposit');
    expect(wireErrorOf(() => decodeValue(aNS(30), '계좌', ctx)).rule).toBe('format');
    expect(decodeValue(NS(20), '110-123-456789', ctx)).toBe('110-123-456789');
    expect(wireErrorOf(() => decodeValue(NS(20), '110-ABC', ctx)).rule).toBe('format');
    expect(decodeValue(B64(100), 'aGVsbG8=', ctx)).toBe('aGVsbG8=');
    expect(wireErrorOf(() => decodeValue(B64(100), 'aGV s', ctx)).rule).toBe('format');
    expect(wireErrorOf(() => decodeValue(aN(3), 'abcd', ctx)).rule).toBe('length');
  });

  it('DATE, DTIME and MONTH refuse dates that do not exist', () => {
    expect(decodeValue(DATE, '20240229', ctx).equals(Temporal.PlainDate.from('2024-02-29'))).toBe(true);
    expect(wireErrorOf(() => decodeValue(DATE, '20230229', ctx)).rule).toBe('range');
    expect(wireErrorOf(() => decodeValue(DATE, '2024-02-29', ctx)).rule).toBe('format');
    expect(wireErrorOf(() => decodeValue(DATE, '20241301', ctx)).rule).toBe('range');
    const t = decodeValue(DTIME, '20190821135030', ctx);
    expect(t.toString()).toBe('2019-08-21T13:50:30');
    expect(wireErrorOf(() => decodeValue(DTIME, '20190821245030', ctx)).rule).toBe('range');
    expect(decodeValue(MONTH, '202412', ctx).toString()).toBe('2024-12');
    expect(wireErrorOf(() => decodeValue(MONTH, '202413', ctx)).rule).toBe('range');
  });

  it('BOOL accepts only "true" and "false"', () => {
    expect(decodeValue(BOOL, 'true', ctx)).toBe(true);
    expect(decodeValue(BOOL, 'false', ctx)).toBe(false);
    expect(wireErrorOf(() => decodeValue(BOOL, 'Y', ctx)).rule).toBe('format');
  });

  it('every value must be a JSON string unless decoding leniently', () => {
    const e = wireErrorOf(() => decodeValue(N(5), 10, ctx));
    expect(e.rule).toBe('type');
    expect(e.rspCode).toBe('40001');
    expect(decodeValue(N(5), 10, { ...ctx, lenient: true })).toBe(10);
    expect(decodeValue(BOOL, true, { ...ctx, lenient: true })).toBe(true);
    expect(decodeValue(F(5, 3), 2.31, { ...ctx, lenient: true }).toString()).toBe('2.31');
    expect(wireErrorOf(() => decodeValue(N(5), Number.NaN, { ...ctx, lenient: true })).rule).toBe('type');
  });

  it('a bad header maps to 40002, a bad parameter to 40001, with the field named', () => {
    const h = wireErrorOf(() => decodeValue(AN(25), 'short-id', { field: 'x-api-tran-id', location: 'header' }));
    expect(h.rspCode).toBe('40002');
    expect(h.field).toBe('x-api-tran-id');
    expect(h.toEnvelope().rsp_code).toBe('40002');
    expect(h.toEnvelope().rsp_msg).toContain('x-api-tran-id');
    const q = wireErrorOf(() => decodeValue(N(3), 'abc', { field: 'limit', location: 'query' }));
    expect(q.rspCode).toBe('40001');
    expect(q.message).toContain("'limit'");
  });
});

describe('첨부2 data types: encoding', () => {
  it('writes the standard formats', () => {
    expect(encodeValue(DATE, Temporal.PlainDate.from('2024-03-05'), ctx)).toBe('20240305');
    expect(encodeValue(DTIME, Temporal.PlainDateTime.from('2024-03-05T07:08:09'), ctx)).toBe('20240305070809');
    expect(encodeValue(MONTH, Temporal.PlainYearMonth.from('2024-03'), ctx)).toBe('202403');
    expect(encodeValue(F(18, 3), new Decimal('1000.500'), ctx)).toBe('1000.5');
    expect(encodeValue(BOOL, false, ctx)).toBe('false');
    expect(encodeValue(N(15), 0, ctx)).toBe('0');
  });

  it('refuses to emit what it would itself reject', () => {
    expect(wireErrorOf(() => encodeValue(AH(6), '한국은행', ctx)).rule).toBe('length');
    expect(wireErrorOf(() => encodeValue(F(5, 3), new Decimal('1.2345'), ctx)).rule).toBe('range');
    expect(wireErrorOf(() => encodeValue(N(3), 1.5, ctx)).rule).toBe('type');
    expect(wireErrorOf(() => encodeValue(N(3), -1, ctx)).rule).toBe('format');
  });
});

// ---- property tests: every codec round-trips, and AH byte rules hold on Hangul ----

const hangulSyllable = fc.integer({ min: 0xac00, max: 0xd7a3 }).map((c) => String.fromCharCode(c));
const koreanText = fc
  .array(fc.oneof(hangulSyllable, fc.constantFrom(' ', '(', ')', '주', 'A', '1', '·', '-', 'é', '😀')), {
    maxLength: 60,
  })
  .map((cs) => cs.join(''));

function roundTrip(t: WireType, value: unknown): void {
  const s = encodeValue(t, value as never, ctx);
  const back = decodeValue(t, s, ctx);
  expect(encodeValue(t, back as never, ctx)).toBe(s);
}

describe('property: codecs round-trip', () => {
  it('N(n)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -999_999_999_999_999, max: 999_999_999_999_999 }), (n) => {
        const s = encodeValue(N(15, true), n, ctx);
        expect(decodeValue(N(15, true), s, ctx)).toBe(n);
      }),
    );
  });

  it('F(p,s) keeps every digit', () => {
    const arb = fc
      .tuple(fc.bigInt({ min: -(10n ** 15n) + 1n, max: 10n ** 15n - 1n }), fc.integer({ min: 0, max: 999 }))
      .map(([i, f]) => new Decimal(`${i}.${String(f).padStart(3, '0')}`));
    fc.assert(
      fc.property(arb, (d) => {
        const s = encodeValue(F(18, 3, true), d, ctx);
        expect(decodeValue(F(18, 3, true), s, ctx).equals(d)).toBe(true);
      }),
    );
  });

  it('DATE and DTIME over years 1900–2099', () => {
    const date = fc
      .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:59Z'), noInvalidDate: true })
      .map((d) =>
        Temporal.PlainDateTime.from({
          year: d.getUTCFullYear(),
          month: d.getUTCMonth() + 1,
          day: d.getUTCDate(),
          hour: d.getUTCHours(),
          minute: d.getUTCMinutes(),
          second: d.getUTCSeconds(),
        }),
      );
    fc.assert(
      fc.property(date, (dt) => {
        expect(decodeValue(DTIME, formatDateTime(dt), ctx).equals(dt)).toBe(true);
        const day = dt.toPlainDate();
        expect(decodeValue(DATE, formatDate(day), ctx).equals(day)).toBe(true);
      }),
    );
  });

  it('AH(n) round-trips Korean text and accepts it exactly when its UTF-8 bytes fit', () => {
    fc.assert(
      fc.property(koreanText, fc.integer({ min: 0, max: 200 }), (s, n) => {
        const bytes = new TextEncoder().encode(s).length;
        expect(utf8Length(s)).toBe(bytes);
        if (bytes <= n) {
          expect(decodeValue(AH(n), s, ctx)).toBe(s);
          roundTrip(AH(n), s);
        } else if (s.length > 0) {
          expect(wireErrorOf(() => decodeValue(AH(n), s, ctx)).rule).toBe('length');
        }
      }),
    );
  });

  it('a Hangul string of k syllables needs exactly 3k bytes', () => {
    fc.assert(
      fc.property(fc.array(hangulSyllable, { minLength: 1, maxLength: 100 }), (cs) => {
        const s = cs.join('');
        expect(decodeValue(AH(3 * cs.length), s, ctx)).toBe(s);
        expect(wireErrorOf(() => decodeValue(AH(3 * cs.length - 1), s, ctx)).rule).toBe('length');
      }),
    );
  });

  it('AN, aN, aNS strings within their alphabet', () => {
    const an = fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'), maxLength: 25 });
    fc.assert(fc.property(an, (s) => roundTrip(AN(25), s)));
    const ans = fc.string({
      unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
      maxLength: 100,
    });
    fc.assert(fc.property(ans, (s) => roundTrip(aNS(100), s)));
  });

  it('BOOL and MONTH', () => {
    fc.assert(fc.property(fc.boolean(), (b) => roundTrip(BOOL, b)));
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 1, max: 12 }), (y, m) =>
        roundTrip(MONTH, new Temporal.PlainYearMonth(y, m)),
      ),
    );
  });

  it('garbage never throws anything but a WireError', () => {
    const types: WireType[] = [N(5), F(5, 3), AH(10), AN(5), aN(5), aNS(5), B64(8), DATE, DTIME, MONTH, BOOL];
    fc.assert(
      fc.property(fc.constantFrom(...types), fc.anything(), fc.boolean(), (t, raw, lenient) => {
        try {
          decodeValue(t, raw, { ...ctx, lenient });
        } catch (e) {
          expect(e).toBeInstanceOf(WireError);
        }
      }),
    );
  });
});
