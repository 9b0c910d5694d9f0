import type { Shape, ShapeNode } from '../schema/shape.ts';
import { describeWireType, type WireType } from '../wire/wire-type.ts';

export type JsonSchema = Record<string, unknown>;

/** A JSON Schema pattern for the string form of a wire type (AH's byte rule is carried in x-max-bytes). */
function patternOf(t: WireType): string | undefined {
  switch (t.kind) {
    case 'N':
      return `^${t.signed ? '-?' : ''}[0-9]{1,${t.digits}}$`;
    case 'F': {
      const intDigits = Math.max(1, t.precision - t.scale);
      const frac = t.scale > 0 ? `(\\.[0-9]{1,${t.scale}})?` : '';
      return `^${t.signed ? '-?' : ''}[0-9]{1,${intDigits}}${frac}$`;
    }
    case 'AN':
      return '^[A-Z0-9]*$';
    case 'aN':
      return '^[A-Za-z0-9]*$';
    case 'aNS':
      return '^[\\x20-\\x7E]*$';
    case 'A':
      return '^[A-Z]*$';
    case 'a':
      return '^[a-z]*$';
    case 'NS':
      return '^[0-9\\x20-\\x2F\\x3A-\\x40\\x5B-\\x60\\x7B-\\x7E]*$';
    case 'B64':
      return '^[A-Za-z0-9+/_-]*={0,2}$';
    case 'DATE':
      return '^[0-9]{8}$';
    case 'DTIME':
      return '^[0-9]{14}$';
    case 'MONTH':
      return '^[0-9]{6}$';
    case 'BOOL':
    case 'AH':
      return undefined;
  }
}

/** JSON Schema of one wire value: always a string, with the standard's type in `x-mydata-type`. */
export function wireTypeSchema(t: WireType): JsonSchema {
  const schema: JsonSchema = { type: 'string', 'x-mydata-type': describeWireType(t) };
  const pattern = patternOf(t);
  if (pattern) schema['pattern'] = pattern;
  switch (t.kind) {
    case 'AH':
      schema['maxLength'] = t.bytes; // bytes ≥ characters, so this bound is safe; the byte rule is x-max-bytes
      schema['x-max-bytes'] = t.bytes;
      break;
    case 'AN':
    case 'aN':
    case 'aNS':
    case 'A':
    case 'a':
    case 'NS':
    case 'B64':
      schema['maxLength'] = t.length;
      break;
    case 'BOOL':
      schema['enum'] = ['true', 'false'];
      break;
    default:
      break;
  }
  return schema;
}

function nodeSchema(node: ShapeNode): JsonSchema {
  const description = `${node.ko} (${node.en})`;
  const extras: JsonSchema = {};
  if (node.since) extras['x-mydata-since'] = node.since;
  if (node.gate) extras['x-mydata-consent-gate'] = node.gate;
  switch (node.kind) {
    case 'field': {
      const s: JsonSchema = { ...wireTypeSchema(node.type), description, ...extras };
      if (node.values) s['enum'] = [...node.values];
      if (node.max !== undefined) s['x-maximum'] = node.max;
      if (node.pattern) s['pattern'] = node.pattern.source;
      if (node.provisional) s['x-mydata-provisional'] = true;
      if (node.note) s['x-mydata-note'] = node.note;
      return s;
    }
    case 'object':
      return { ...shapeSchema(node.shape), description, ...extras };
    case 'list': {
      const s: JsonSchema = { type: 'array', items: shapeSchema(node.item), description, ...extras };
      if (node.max !== undefined) s['maxItems'] = node.max;
      return s;
    }
  }
}

/** JSON Schema of a whole message shape (an object whose values are all strings, arrays or objects). */
export function shapeSchema(shape: Shape): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  for (const node of shape) {
    if (node.kind === 'list' && node.count) {
      properties[node.count.name] = {
        ...wireTypeSchema(node.count.type),
        description: `${node.ko} 건수 (number of items in ${node.name})`,
      };
      if (node.required) required.push(node.count.name);
    }
    properties[node.name] = nodeSchema(node);
    if (node.required) required.push(node.name);
  }
  return { type: 'object', properties, ...(required.length ? { required } : {}) };
}
