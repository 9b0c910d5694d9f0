import type { FieldNode, WireType } from '@hannun/spec';
import { describeWireType } from '@hannun/spec';

export interface BadValue {
  /** What is wrong, for the case title: `over 20 characters`, `not a date`. */
  readonly what: string;
  readonly value: string;
}

/** A character each text type accepts, to build over-long values of the right charset. */
const FILLER: Record<string, string> = { AN: 'A', aN: 'a', aNS: 'a', A: 'A', a: 'a', NS: '1', B64: 'A' };
/** A value of the right length with a character the type refuses. */
const WRONG_CHARSET: Record<string, BadValue> = {
  AN: { what: 'lower-case letters in AN', value: 'abc' },
  aN: { what: 'a symbol in aN', value: 'a-b' },
  aNS: { what: 'Hangul in aNS', value: '가나' },
  A: { what: 'a digit in A', value: 'A1' },
  a: { what: 'a digit in a', value: 'a1' },
  NS: { what: 'letters in NS', value: 'abc' },
  B64: { what: 'characters outside Base64', value: '***' },
};

/**
 * Values a field of this wire type must refuse with 40001 (규격 첨부2): one over its length, one of the
 * wrong characters or form, and one outside its allowed codes. Every value is a JSON string, as all wire
 * values are.
 */
export function badValuesOf(node: FieldNode): BadValue[] {
  const t: WireType = node.type;
  const type = describeWireType(t);
  const out: BadValue[] = [];
  switch (t.kind) {
    case 'N':
      out.push({ what: `letters in ${type}`, value: 'abc' });
      out.push({ what: `over ${t.digits} digits`, value: '1'.repeat(t.digits + 1) });
      if (!t.signed) out.push({ what: `a sign in unsigned ${type}`, value: '-1' });
      break;
    case 'F':
      out.push({ what: `letters in ${type}`, value: 'x' });
      out.push({ what: `over ${t.scale} decimal places`, value: `1.${'1'.repeat(t.scale + 1)}` });
      break;
    case 'AH':
      out.push({ what: `over ${t.bytes} UTF-8 bytes`, value: '가'.repeat(Math.floor(t.bytes / 3) + 1) });
      break;
    case 'AN':
    case 'aN':
    case 'aNS':
    case 'A':
    case 'a':
    case 'NS':
    case 'B64':
      out.push({ what: `over ${t.length} characters`, value: FILLER[t.kind]!.repeat(t.length + 1) });
      out.push(WRONG_CHARSET[t.kind]!);
      break;
    case 'DATE':
      out.push({ what: 'no such date', value: '20250230' });
      out.push({ what: 'not YYYYMMDD', value: '2025-01-01' });
      break;
    case 'DTIME':
      out.push({ what: 'no such time', value: '20250101256000' });
      break;
    case 'MONTH':
      out.push({ what: 'no such month', value: '202513' });
      out.push({ what: 'not YYYYMM', value: '2025-01' });
      break;
    case 'BOOL':
      out.push({ what: 'not true/false', value: 'yes' });
      break;
  }
  if (node.values && node.values.length > 0) {
    const outside = ['ZZ', '99999', 'x'].find((v) => !node.values!.includes(v));
    if (outside) out.push({ what: 'not one of its codes', value: outside });
  }
  if (node.max !== undefined && t.kind === 'N' && String(node.max + 1).length <= t.digits) {
    out.push({ what: `over its maximum ${node.max}`, value: String(node.max + 1) });
  }
  return out;
}
