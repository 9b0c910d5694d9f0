import { describeWireType, type Shape } from '@hannun/spec';
import type { Bilingual } from './i18n.ts';

/** One row of a field table: a field, list, list count or object, flattened with its path. */
export interface FieldRow {
  /** `account_list[].account_num` for a field inside list items. */
  readonly path: string;
  readonly depth: number;
  readonly meaning: Bilingual;
  /** As the standard writes it: `N(5)`, `AH(300)`, `DATE`, `Object[]`. */
  readonly type: string;
  readonly required: boolean;
  readonly provisional: boolean;
  readonly since?: 'v2';
  readonly gate?: string;
  readonly values?: readonly string[];
  /** For lists: the maximum number of items, where the standard caps it. */
  readonly max?: number;
  /** For list counts: the list they count. */
  readonly countOf?: string;
  readonly note?: string;
}

/** Flatten a shape into table rows, depth-first, lists as `count`, `list`, then the item fields. */
export function fieldRows(shape: Shape, prefix = '', depth = 0): FieldRow[] {
  const rows: FieldRow[] = [];
  for (const node of shape) {
    const path = `${prefix}${node.name}`;
    const common = {
      depth,
      required: node.required,
      ...(node.since ? { since: node.since } : {}),
      ...(node.gate ? { gate: node.gate } : {}),
      ...(node.note ? { note: node.note } : {}),
    };
    switch (node.kind) {
      case 'field':
        rows.push({
          ...common,
          path,
          meaning: { ko: node.ko, en: node.en },
          type: describeWireType(node.type),
          provisional: node.provisional,
          ...(node.values ? { values: node.values } : {}),
        });
        break;
      case 'list':
        if (node.count) {
          rows.push({
            ...common,
            path: `${prefix}${node.count.name}`,
            meaning: { ko: node.ko, en: node.en },
            type: describeWireType(node.count.type),
            provisional: false,
            countOf: path,
          });
        }
        rows.push({
          ...common,
          path,
          meaning: { ko: node.ko, en: node.en },
          type: 'Object[]',
          provisional: false,
          ...(node.max !== undefined ? { max: node.max } : {}),
        });
        rows.push(...fieldRows(node.item, `${path}[].`, depth + 1));
        break;
      case 'object':
        rows.push({ ...common, path, meaning: { ko: node.ko, en: node.en }, type: 'Object', provisional: false });
        rows.push(...fieldRows(node.shape, `${path}.`, depth + 1));
        break;
    }
  }
  return rows;
}
