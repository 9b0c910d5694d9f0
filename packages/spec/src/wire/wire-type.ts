/**
 * The standard's data types (규격 첨부2). Every JSON value on the wire is a string; these describe what the
 * string must look like and what it parses into. Lengths are maxima; AH counts UTF-8 bytes.
 */
export type TextKind = 'AN' | 'aN' | 'aNS' | 'A' | 'a' | 'NS' | 'B64';

export type WireType =
  /** N(n): an integer of at most n digits. `signed` allows a leading '-' (balances, corrections). */
  | { readonly kind: 'N'; readonly digits: number; readonly signed?: boolean }
  /** F(p,s): a decimal of at most p digits, s of them after the point. */
  | { readonly kind: 'F'; readonly precision: number; readonly scale: number; readonly signed?: boolean }
  /** AH(n): text, Hangul included; n counts UTF-8 bytes (3 per Hangul syllable). */
  | { readonly kind: 'AH'; readonly bytes: number }
  /** AN, aN, aNS, A, a, NS, B64: restricted character sets, n characters at most. */
  | { readonly kind: TextKind; readonly length: number }
  /** DATE YYYYMMDD, DTIME YYYYMMDDhhmmss, MONTH YYYYMM (from_month, charge_month), BOOL "true"/"false". */
  | { readonly kind: 'DATE' }
  | { readonly kind: 'DTIME' }
  | { readonly kind: 'MONTH' }
  | { readonly kind: 'BOOL' };

export const N = (digits: number, signed = false) => ({ kind: 'N', digits, signed }) as const;
export const F = (precision: number, scale: number, signed = false) =>
  ({ kind: 'F', precision, scale, signed }) as const;
export const AH = (bytes: number) => ({ kind: 'AH', bytes }) as const;
export const AN = (length: number) => ({ kind: 'AN', length }) as const;
export const aN = (length: number) => ({ kind: 'aN', length }) as const;
export const aNS = (length: number) => ({ kind: 'aNS', length }) as const;
export const A = (length: number) => ({ kind: 'A', length }) as const;
export const a = (length: number) => ({ kind: 'a', length }) as const;
export const NS = (length: number) => ({ kind: 'NS', length }) as const;
export const B64 = (length: number) => ({ kind: 'B64', length }) as const;
export const DATE = { kind: 'DATE' } as const;
export const DTIME = { kind: 'DTIME' } as const;
export const MONTH = { kind: 'MONTH' } as const;
export const BOOL = { kind: 'BOOL' } as const;

/** How a type is written in the standard's tables, e.g. `F(18,3)`, `AH(300)`, `DATE`. */
export function describeWireType(t: WireType): string {
  switch (t.kind) {
    case 'N':
      return `N(${t.digits})`;
    case 'F':
      return `F(${t.precision},${t.scale})`;
    case 'AH':
      return `AH(${t.bytes})`;
    case 'AN':
    case 'aN':
    case 'aNS':
    case 'A':
    case 'a':
    case 'NS':
    case 'B64':
      return `${t.kind}(${t.length})`;
    case 'DATE':
    case 'DTIME':
    case 'MONTH':
      return t.kind;
    case 'BOOL':
      return 'Boolean';
  }
}
