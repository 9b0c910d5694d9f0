import {
  type AnyValue,
  encodeValue,
  formatDate,
  formatDateTime,
  formatMonth,
  type Shape,
  type ShapeNode,
  WireError,
  type WireObject,
  type WireType,
} from '@hannun/spec';
import { Temporal } from 'temporal-polyfill';

const join = (prefix: string, name: string) => (prefix ? `${prefix}.${name}` : name);

/** A date part the wire can carry: ISO calendar, years 1…9999 (what DATE/DTIME/MONTH re-validation allows). */
const isoYear = (v: { readonly calendarId: string; readonly year: number }) =>
  v.calendarId === 'iso8601' && v.year >= 1 && v.year <= 9999;

/**
 * One value to its wire string, exactly as the spec's `encodeValue`: a PlainDate, PlainDateTime or
 * PlainYearMonth of the ISO calendar within years 1…9999 and a boolean are formatted directly (their wire
 * strings are valid by construction, so re-parsing them, which is most of `encodeValue`'s cost, is skipped);
 * everything else goes through `encodeValue`, which validates it and throws the same WireError.
 */
function encodeOne(t: WireType, v: AnyValue, field: string): string {
  switch (t.kind) {
    case 'DATE':
      if (v instanceof Temporal.PlainDate && isoYear(v)) return formatDate(v);
      break;
    case 'DTIME':
      if (v instanceof Temporal.PlainDateTime && isoYear(v)) return formatDateTime(v);
      break;
    case 'MONTH':
      if (v instanceof Temporal.PlainYearMonth && isoYear(v)) return formatMonth(v);
      break;
    case 'BOOL':
      if (typeof v === 'boolean') return v ? 'true' : 'false';
      break;
    default:
      break;
  }
  return encodeValue(t, v as never, { field, location: 'response' });
}

/**
 * The spec's `encodeMessage(shape, value, { withheld, location: 'response' })` for the model's writer, with
 * the cheaper date and boolean formatting of {@link encodeOne}: the same output, the same WireError for a
 * value that does not fit (checked against encodeMessage in wire-encode.test.ts).
 */
export function encodeAnswer(shape: Shape, value: Readonly<Record<string, unknown>>, withheld: ReadonlySet<string>) {
  return encodeObject(shape, value, withheld, '');
}

function encodeObject(
  shape: Shape,
  value: Readonly<Record<string, unknown>>,
  withheld: ReadonlySet<string>,
  prefix: string,
): WireObject {
  const out: WireObject = {};
  for (const node of shape) {
    if (node.gate && withheld.has(node.gate)) continue;
    const v = value[node.name];
    if (v === undefined || v === null) {
      if (node.required) throw required(join(prefix, node.name));
      continue;
    }
    encodeNode(node, v, withheld, prefix, out);
  }
  return out;
}

function encodeNode(node: ShapeNode, v: unknown, withheld: ReadonlySet<string>, prefix: string, out: WireObject) {
  const path = join(prefix, node.name);
  switch (node.kind) {
    case 'field': {
      const s = encodeOne(node.type, v as AnyValue, path);
      if (node.pattern && !new RegExp(node.pattern.source).test(s)) {
        throw new WireError({
          field: path,
          rule: 'format',
          location: 'response',
          en: `'${s}' ${node.pattern.en}`,
          ko: node.pattern.ko,
        });
      }
      if (node.values && !(node.values as readonly string[]).includes(s)) {
        throw new WireError({
          field: path,
          rule: 'enum',
          location: 'response',
          en: `'${s}' is not one of ${node.values.join(', ')}`,
          ko: '허용된 값이 아닙니다',
        });
      }
      out[node.name] = s;
      return;
    }
    case 'object':
      out[node.name] = encodeObject(node.shape, v as Record<string, unknown>, withheld, path);
      return;
    case 'list': {
      const items = v as Record<string, unknown>[];
      if (node.count) {
        out[node.count.name] = encodeValue(node.count.type, items.length as never, {
          field: join(prefix, node.count.name),
          location: 'response',
        });
      }
      out[node.name] = items.map((item, i) => encodeObject(node.item, item, withheld, `${path}[${i}]`));
      return;
    }
  }
}

function required(field: string): WireError {
  return new WireError({
    field,
    rule: 'required',
    location: 'response',
    en: 'is required but has no value',
    ko: '필수 항목의 값이 없습니다',
  });
}
