import { decodeValue, type Shape, type ShapeNode, type WireType } from '@hannun/spec';
import { Temporal } from 'temporal-polyfill';
import type { Row } from '../ledger/ledger.ts';

/**
 * Deterministic, valid inner values for any field of the catalogue, so the fixture books answer every
 * information API of their industries without a hand-written body per API. `seed` varies the values.
 */
export function fixtureValue(t: WireType, name: string, seed: number, date: Temporal.PlainDate): unknown {
  switch (t.kind) {
    case 'N':
      return (seed % Math.min(10 ** t.digits - 1, 97)) + 1;
    case 'F': {
      const max = 10 ** Math.min(t.precision - t.scale, 12) - 1;
      return Math.min(max, 1_000 * ((seed % 90) + 10));
    }
    case 'AH': {
      const text = name.includes('memo') ? `메모${seed % 10}` : name.includes('merchant') ? '한눈상점' : '한눈';
      return t.bytes >= 12 ? text : 'A'.repeat(Math.min(1, t.bytes));
    }
    case 'AN':
      return `A${seed % 10}`.slice(0, t.length);
    case 'aN':
      return `a${seed % 10}`.slice(0, t.length);
    case 'aNS':
      return `x-${seed % 10}`.slice(0, t.length);
    case 'A':
      return 'A';
    case 'a':
      return 'a';
    case 'NS':
      return '1-2'.slice(0, t.length);
    case 'B64':
      return 'QUJD'.slice(0, t.length);
    case 'DATE':
      return date;
    case 'DTIME':
      return date.toPlainDateTime(new Temporal.PlainTime(9 + (seed % 9), seed % 60, 0));
    case 'MONTH':
      return date.toPlainYearMonth();
    case 'BOOL':
      return seed % 2 === 0;
  }
}

function nodeValue(node: ShapeNode, seed: number, date: Temporal.PlainDate, listLength: number): unknown {
  switch (node.kind) {
    case 'field':
      if (node.pattern) return undefined;
      if (node.values)
        return decodeValue(node.type, node.values[seed % node.values.length]!, {
          field: node.name,
          location: 'response',
        });
      return fixtureValue(node.type, node.name, seed, date);
    case 'object':
      return fixtureRow(node.shape, seed, date, listLength);
    case 'list':
      return Array.from({ length: listLength }, (_, i) => fixtureRow(node.item, seed + i + 1, date, 1));
  }
}

/** A row of this shape with every field (optional ones too, so v2 and gated fields are there to withhold). */
export function fixtureRow(
  shape: Shape,
  seed: number,
  date: Temporal.PlainDate,
  listLength = 2,
  skip: ReadonlySet<string> = new Set(),
): Row {
  const row: Record<string, unknown> = {};
  for (const node of shape) {
    if (skip.has(node.name)) continue;
    const value = nodeValue(node, seed, date, listLength);
    if (value !== undefined) row[node.name] = value;
  }
  return row;
}
