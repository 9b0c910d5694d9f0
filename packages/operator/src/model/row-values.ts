import type { PersonCipher } from '../crypto/field-cipher.ts';
import type { BlindIndex } from '../crypto/blind-index.ts';
import type { ModelTableDef } from './model-table.ts';
import type { PlainRow } from './row-identity.ts';

/** Whole won fits a 64-bit integer (and a JavaScript number up to 2^53). */
const WHOLE = /^-?\d+$/;

/** An amount as stored: whole KRW as a number, anything else (foreign currency, a fraction) as a decimal string. */
export function amountColumns(value: string | null, currency: string): { int: number | null; dec: string | null } {
  if (value === null) return { int: null, dec: null };
  if (currency === 'KRW' && WHOLE.test(value)) {
    const n = Number(value);
    if (Number.isSafeInteger(n)) return { int: n, dec: null };
  }
  return { int: null, dec: value };
}

function text(v: PlainRow[string]): string | null {
  return typeof v === 'string' ? v : null;
}

/**
 * The database values of one plain row: sealed columns sealed (AAD = table|column|row id|key version) and
 * blind-indexed, amounts split into whole KRW or a decimal, counts as numbers, flags as booleans.
 */
export function storedValues(
  t: ModelTableDef,
  row: PlainRow,
  id: string,
  cipher: PersonCipher,
  index: BlindIndex,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const rowCurrency = (t.currency ? text(row[t.currency] ?? null) : null) || 'KRW';
  for (const [name, def] of Object.entries(t.columns)) {
    const v = row[name] ?? null;
    switch (def.kind) {
      case 'amount': {
        const a = amountColumns(text(v), def.krw ? 'KRW' : rowCurrency);
        out[name] = a.int;
        out[`${name}_dec`] = a.dec;
        break;
      }
      case 'int':
        out[name] = text(v) === null ? null : Number(v);
        break;
      case 'bool':
        out[name] = text(v) === null ? null : v === 'true';
        break;
      case 'sealed': {
        const s = text(v);
        out[`${name}_sealed`] = cipher.sealOptional(t.name, name, id, s);
        if (def.bidx) out[`${name}_bidx`] = s === null ? null : index.index(`${t.name}.${name}`, s);
        break;
      }
      case 'sealedJson':
        out[`${name}_sealed`] = v === null ? null : cipher.seal(t.name, name, id, JSON.stringify(v));
        break;
      case 'json':
        out[name] = v === null ? null : JSON.stringify(v);
        break;
      default:
        out[name] = text(v);
    }
  }
  return out;
}

/** A model value as read back. */
export type ModelValue = string | number | boolean | null | readonly unknown[];

/** The inverse of storedValues: columns opened and joined back (amounts: number for whole KRW, else string). */
export function readValues(
  t: ModelTableDef,
  stored: Record<string, unknown>,
  cipher: PersonCipher,
): Record<string, ModelValue> {
  const out: Record<string, ModelValue> = {};
  const id = String(stored.id);
  for (const [name, def] of Object.entries(t.columns)) {
    switch (def.kind) {
      case 'amount': {
        const int = stored[name];
        const dec = stored[`${name}_dec`];
        out[name] = int !== null && int !== undefined ? Number(int) : typeof dec === 'string' ? dec : null;
        break;
      }
      case 'int':
        out[name] = stored[name] === null || stored[name] === undefined ? null : Number(stored[name]);
        break;
      case 'bool':
        out[name] = stored[name] === null || stored[name] === undefined ? null : Boolean(stored[name]);
        break;
      case 'sealed':
        out[name] = cipher.openOptional(t.name, name, id, (stored[`${name}_sealed`] as string | null) ?? null);
        break;
      case 'sealedJson': {
        const s = cipher.openOptional(t.name, name, id, (stored[`${name}_sealed`] as string | null) ?? null);
        out[name] = s === null ? null : (JSON.parse(s) as unknown[]);
        break;
      }
      case 'json':
        out[name] = typeof stored[name] === 'string' ? (JSON.parse(stored[name] as string) as unknown[]) : null;
        break;
      default:
        out[name] = (stored[name] as string | null | undefined) ?? null;
    }
  }
  return out;
}
