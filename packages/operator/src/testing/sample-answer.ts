import { decodeMessage, type Shape, type WireObject, type WireType } from '@hannun/spec';

/**
 * A valid wire answer for any response shape (tests only): every field present, one item per list, values
 * that satisfy each wire type and code list. `overrides` sets wire strings by field name; `seed` varies text.
 */
export function sampleWire(shape: Shape, overrides: Readonly<Record<string, string>> = {}, seed = 1): WireObject {
  const out: WireObject = {};
  for (const node of shape) {
    if (node.kind === 'list') {
      out[node.name] = [sampleWire(node.item, overrides, seed)];
      if (node.count) out[node.count.name] = '1';
    } else if (node.kind === 'object') {
      out[node.name] = sampleWire(node.shape, overrides, seed);
    } else {
      out[node.name] = overrides[node.name] ?? node.values?.[0] ?? sampleValue(node.name, node.type, seed);
    }
  }
  return out;
}

function sampleValue(name: string, t: WireType, seed: number): string {
  if (name === 'currency_code') return 'KRW';
  if (name === 'country_code') return 'US';
  if (name === 'next_page' || name === 'search_timestamp') return '';
  switch (t.kind) {
    case 'N':
      return String(seed % 10 ** Math.min(t.digits, 6));
    case 'F': {
      const intDigits = t.precision - t.scale;
      return intDigits >= 5 ? String(1000 * seed) : String(seed % 10 ** Math.min(intDigits, 1));
    }
    case 'AH':
      return `항목${seed}`;
    case 'DATE':
      return '20261120';
    case 'DTIME':
      return '20261120101010';
    case 'MONTH':
      return '202611';
    case 'BOOL':
      return 'true';
    case 'A':
      return 'AB'.slice(0, t.length);
    case 'a':
      return 'ab'.slice(0, t.length);
    case 'AN':
      return `A${seed}`.slice(0, t.length);
    case 'B64':
      return 'QUJD';
    case 'NS':
      return String(seed).slice(0, t.length);
    default:
      return `x${seed}`.slice(0, t.length);
  }
}

/** The decoded form (what the collection engine has after decodeMessage). */
export function sampleAnswer(
  shape: Shape,
  overrides: Readonly<Record<string, string>> = {},
  seed = 1,
): Record<string, unknown> {
  return decodeMessage(shape, sampleWire(shape, overrides, seed), { location: 'response' }) as Record<string, unknown>;
}
