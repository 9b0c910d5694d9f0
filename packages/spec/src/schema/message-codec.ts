import { type AnyValue, decodeValue, encodeValue } from '../wire/codecs.ts';
import { WireError, type WireLocation } from '../wire/wire-error.ts';
import type { Infer, Shape, ShapeNode } from './shape.ts';

/** A JSON value as it travels: strings, arrays and objects only. */
export type WireJson = string | WireJson[] | { [key: string]: WireJson };
export type WireObject = { [key: string]: WireJson };

export interface DecodeOptions {
  readonly location: WireLocation;
  /** Accept JSON numbers and booleans for string fields (consuming others' messages). */
  readonly lenient?: boolean;
  /** What to do with fields the shape does not define: drop them (default) or refuse with 40001/40002. */
  readonly unknown?: 'strip' | 'reject';
}

export interface EncodeOptions {
  /** Drop fields that exist only from v2 on when answering a /v1 call. */
  readonly version?: 'v1' | 'v2';
  /** Consent flags that are false: fields gated by them are not sent. */
  readonly withheld?: ReadonlySet<string>;
  readonly location?: WireLocation;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const join = (prefix: string, name: string) => (prefix ? `${prefix}.${name}` : name);

/**
 * Decode a whole wire message (query, form or JSON body) into its inner types. Empty strings count as
 * absent. Throws the first WireError found, naming the full path (`account_list[3].balance_amt`).
 */
export function decodeMessage<const S extends Shape>(shape: S, input: unknown, opts: DecodeOptions): Infer<S> {
  return decodeObject(shape, input, opts, '') as Infer<S>;
}

function decodeObject(shape: Shape, input: unknown, opts: DecodeOptions, prefix: string): Record<string, unknown> {
  if (!isPlainObject(input)) {
    throw new WireError({
      field: prefix || '(message)',
      rule: 'type',
      location: opts.location,
      en: 'must be a JSON object',
      ko: 'JSON 객체여야 합니다',
    });
  }
  const out: Record<string, unknown> = {};
  const known = new Set<string>();
  for (const node of shape) {
    known.add(node.name);
    if (node.kind === 'list' && node.count) known.add(node.count.name);
    decodeNode(node, input, out, opts, prefix);
  }
  if (opts.unknown === 'reject') {
    for (const key of Object.keys(input)) {
      if (!known.has(key)) {
        throw new WireError({
          field: join(prefix, key),
          rule: 'unknown',
          location: opts.location,
          en: 'is not a field of this API',
          ko: '이 API에 정의되지 않은 항목입니다',
        });
      }
    }
  }
  return out;
}

function decodeNode(
  node: ShapeNode,
  input: Record<string, unknown>,
  out: Record<string, unknown>,
  opts: DecodeOptions,
  prefix: string,
): void {
  const path = join(prefix, node.name);
  const raw = input[node.name];
  const absent = raw === undefined || raw === null || raw === '';
  if (absent) {
    if (node.required) {
      throw new WireError({
        field: path,
        rule: 'required',
        location: opts.location,
        en: `is required (${node.en})`,
        ko: `필수 항목입니다 (${node.ko})`,
      });
    }
    if (node.kind === 'list' && node.count) {
      const rawCount = input[node.count.name];
      if (rawCount !== undefined && rawCount !== '' && rawCount !== '0' && rawCount !== 0) {
        throw countMismatch(join(prefix, node.count.name), opts, 0);
      }
    }
    return;
  }
  switch (node.kind) {
    case 'field': {
      const value = decodeValue(node.type, raw, { field: path, location: opts.location, lenient: opts.lenient });
      const canonical = typeof value === 'string' ? value : String(raw);
      if (node.values && !(node.values as readonly string[]).includes(canonical)) {
        throw new WireError({
          field: path,
          rule: 'enum',
          location: opts.location,
          en: `'${String(raw)}' is not one of ${node.values.join(', ')}`,
          ko: `허용된 값(${node.values.join(', ')})이 아닙니다`,
        });
      }
      if (node.pattern && !new RegExp(node.pattern.source).test(canonical)) {
        throw new WireError({
          field: path,
          rule: 'format',
          location: opts.location,
          en: `'${canonical}' ${node.pattern.en}`,
          ko: node.pattern.ko,
        });
      }
      if (node.max !== undefined && typeof value === 'number' && value > node.max) {
        throw new WireError({
          field: path,
          rule: 'range',
          location: opts.location,
          en: `is ${value}, at most ${node.max} allowed`,
          ko: `최대 ${node.max}까지 허용됩니다`,
        });
      }
      out[node.name] = value;
      return;
    }
    case 'object':
      out[node.name] = decodeObject(node.shape, raw, opts, path);
      return;
    case 'list': {
      if (!Array.isArray(raw)) {
        throw new WireError({
          field: path,
          rule: 'type',
          location: opts.location,
          en: 'must be a JSON array',
          ko: '배열이어야 합니다',
        });
      }
      if (node.max !== undefined && raw.length > node.max) {
        throw new WireError({
          field: path,
          rule: 'length',
          location: opts.location,
          en: `has ${raw.length} items, at most ${node.max} allowed`,
          ko: `최대 ${node.max}건을 초과했습니다`,
        });
      }
      out[node.name] = raw.map((item, i) => decodeObject(node.item, item, opts, `${path}[${i}]`));
      if (node.count) {
        const countPath = join(prefix, node.count.name);
        const rawCount = input[node.count.name];
        if (rawCount === undefined || rawCount === '') {
          throw new WireError({
            field: countPath,
            rule: 'required',
            location: opts.location,
            en: `is required with ${node.name}`,
            ko: `${node.name}와 함께 필수입니다`,
          });
        }
        const count = decodeValue(node.count.type, rawCount, {
          field: countPath,
          location: opts.location,
          lenient: opts.lenient,
        });
        if (count !== raw.length) throw countMismatch(countPath, opts, raw.length, count as number);
        out[node.count.name] = count;
      }
      return;
    }
  }
}

function countMismatch(field: string, opts: DecodeOptions, actual: number, said?: number): WireError {
  return new WireError({
    field,
    rule: 'count',
    location: opts.location,
    en: `says ${said ?? 'a non-zero count'} but the list has ${actual} items`,
    ko: `건수(${said ?? '0 아님'})가 목록의 건수(${actual})와 다릅니다`,
  });
}

/**
 * Encode inner values to the wire: every value a string, counts computed from the lists, v2-only and
 * consent-gated fields dropped as the options say. A value that does not fit its type is refused.
 */
export function encodeMessage<const S extends Shape>(shape: S, value: Infer<S>, opts: EncodeOptions = {}): WireObject {
  return encodeObject(shape, value as Record<string, unknown>, opts, '');
}

function encodeObject(shape: Shape, value: Record<string, unknown>, opts: EncodeOptions, prefix: string): WireObject {
  const out: WireObject = {};
  const location = opts.location ?? 'response';
  for (const node of shape) {
    if (node.since === 'v2' && opts.version === 'v1') continue;
    if (node.gate && opts.withheld?.has(node.gate)) continue;
    const path = join(prefix, node.name);
    const v = value[node.name];
    if (v === undefined || v === null) {
      if (node.required) {
        throw new WireError({
          field: path,
          rule: 'required',
          location,
          en: 'is required but has no value',
          ko: '필수 항목의 값이 없습니다',
        });
      }
      continue;
    }
    switch (node.kind) {
      case 'field': {
        const s = encodeValue(node.type, v as AnyValue, { field: path, location });
        if (node.pattern && !new RegExp(node.pattern.source).test(s)) {
          throw new WireError({
            field: path,
            rule: 'format',
            location,
            en: `'${s}' ${node.pattern.en}`,
            ko: node.pattern.ko,
          });
        }
        if (node.values && !(node.values as readonly string[]).includes(s)) {
          throw new WireError({
            field: path,
            rule: 'enum',
            location,
            en: `'${s}' is not one of ${node.values.join(', ')}`,
            ko: '허용된 값이 아닙니다',
          });
        }
        out[node.name] = s;
        break;
      }
      case 'object':
        out[node.name] = encodeObject(node.shape, v as Record<string, unknown>, opts, path);
        break;
      case 'list': {
        const items = v as Record<string, unknown>[];
        if (node.count)
          out[node.count.name] = encodeValue(node.count.type, items.length, {
            field: join(prefix, node.count.name),
            location,
          });
        out[node.name] = items.map((item, i) => encodeObject(node.item, item, opts, `${path}[${i}]`));
        break;
      }
    }
  }
  return out;
}
