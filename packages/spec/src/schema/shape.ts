import type { ValueOf } from '../wire/codecs.ts';
import { N, type WireType } from '../wire/wire-type.ts';

/** v2 fields that a provider sends only when the consent carries the flag (공통-002). */
export type ConsentGate = 'is_consent_trans_memo' | 'is_consent_merchant_name_regno' | 'is_consent_trans_category';

/** One entry of a field dictionary: the type and meaning of a field name, defined once. */
export interface FieldDef {
  readonly type: WireType;
  readonly ko: string;
  readonly en: string;
  /** Allowed code values, where the standard fixes them. */
  readonly values?: readonly string[];
  /** Largest allowed value of an N field (e.g. limit ≤ 500). */
  readonly max?: number;
  /** A format the wire string must match beyond its type (np_time `hhmm:hhmm`), with what it means. */
  readonly pattern?: FieldPattern;
  /** True where the standard's own field table (chapter 6, 별첨) is not public and the type is our choice. */
  readonly provisional?: boolean;
  readonly note?: string;
}

export interface FieldPattern {
  /** A JavaScript regular expression source, anchored. */
  readonly source: string;
  readonly en: string;
  readonly ko: string;
}

export interface FieldOptions {
  /** The field exists only from this API version on (v2 additions such as trans_memo). */
  readonly since?: 'v2';
  /** The consent flag that must be true for the provider to send it. */
  readonly gate?: ConsentGate;
  readonly note?: string;
}

export interface FieldNode<
  Nm extends string = string,
  T extends WireType = WireType,
  R extends boolean = boolean,
  V extends string = string,
> extends FieldOptions {
  readonly kind: 'field';
  readonly name: Nm;
  readonly type: T;
  readonly required: R;
  /** Allowed values, compared with the wire string (so N codes such as 0/1/2 work too). */
  readonly values?: readonly V[];
  readonly max?: number;
  readonly pattern?: FieldPattern;
  readonly ko: string;
  readonly en: string;
  readonly provisional: boolean;
}

export interface ListNode<
  Nm extends string = string,
  C extends string = string,
  S extends Shape = Shape,
  R extends boolean = boolean,
> extends FieldOptions {
  readonly kind: 'list';
  readonly name: Nm;
  /** The paired `xxx_cnt` field; the codec keeps it equal to the list's length. */
  readonly count: { readonly name: C; readonly type: WireType } | null;
  readonly item: S;
  readonly required: R;
  readonly max?: number;
  readonly ko: string;
  readonly en: string;
}

export interface ObjectNode<Nm extends string = string, S extends Shape = Shape, R extends boolean = boolean>
  extends FieldOptions {
  readonly kind: 'object';
  readonly name: Nm;
  readonly shape: S;
  readonly required: R;
  readonly ko: string;
  readonly en: string;
}

export type ShapeNode = FieldNode | ListNode | ObjectNode;
export type Shape = readonly ShapeNode[];

type Simplify<T> = { [K in keyof T]: T[K] } & {};

type OutOf<Nd> =
  Nd extends FieldNode<string, infer T, boolean, infer V>
    ? string extends V
      ? ValueOf<T>
      : V
    : Nd extends ListNode<string, string, infer S>
      ? Infer<S>[]
      : Nd extends ObjectNode<string, infer S>
        ? Infer<S>
        : never;

/** The inner (parsed) type of a message with this shape. */
export type Infer<S extends Shape> = Simplify<
  { [Nd in S[number] as Nd extends { required: true } ? Nd['name'] : never]: OutOf<Nd> } & {
    [Nd in S[number] as Nd extends { required: false } ? Nd['name'] : never]?: OutOf<Nd>;
  } & {
    [Nd in S[number] as Nd extends ListNode<string, infer C> ? (string extends C ? never : C) : never]: number;
  }
>;

type ValuesOf<D> = D extends { values: readonly (infer V extends string)[] } ? V : string;

/**
 * Field builders bound to a dictionary: `req('account_num')` and `opt('next_page')` take the type and
 * meaning from the dictionary, so a field's definition lives in exactly one place.
 */
export function vocabulary<D extends Record<string, FieldDef>>(dict: D) {
  function make<K extends keyof D & string, R extends boolean>(name: K, required: R, opts: FieldOptions = {}) {
    const def = dict[name];
    if (!def) throw new Error(`field '${name}' is not in the dictionary`);
    const node: FieldNode<K, D[K]['type'], R, ValuesOf<D[K]>> = {
      kind: 'field',
      name,
      type: def.type as D[K]['type'],
      required,
      ...(def.values ? { values: def.values as readonly ValuesOf<D[K]>[] } : {}),
      ...(def.max !== undefined ? { max: def.max } : {}),
      ...(def.pattern ? { pattern: def.pattern } : {}),
      ko: def.ko,
      en: def.en,
      provisional: def.provisional ?? false,
      ...opts,
    };
    return node;
  }
  return {
    req: <K extends keyof D & string>(name: K, opts?: FieldOptions) => make(name, true, opts),
    opt: <K extends keyof D & string>(name: K, opts?: FieldOptions) => make(name, false, opts),
    dict,
  };
}

export interface ListOptions extends FieldOptions {
  readonly ko: string;
  readonly en: string;
  readonly countType?: WireType;
  readonly max?: number;
  readonly required?: boolean;
}

/** A `xxx_list` array with its `xxx_cnt` count (null when the standard has no count for it). */
export function list<Nm extends string, C extends string, const S extends Shape>(
  name: Nm,
  count: C | null,
  item: S,
  opts: ListOptions,
): ListNode<Nm, C, S, true> {
  const { countType, required: _r, ...rest } = opts;
  return {
    kind: 'list',
    name,
    count: count === null ? null : { name: count, type: countType ?? N(5) },
    item,
    required: true,
    ...rest,
  };
}

/** An optional list (absent when the provider has nothing to say). */
export function optList<Nm extends string, C extends string, const S extends Shape>(
  name: Nm,
  count: C | null,
  item: S,
  opts: ListOptions,
): ListNode<Nm, C, S, false> {
  return { ...list(name, count, item, opts), required: false };
}

/** A nested JSON object. */
export function object<Nm extends string, const S extends Shape>(
  name: Nm,
  shape: S,
  opts: FieldOptions & { ko: string; en: string; required?: boolean },
): ObjectNode<Nm, S, true> {
  const { required: _r, ...rest } = opts;
  return { kind: 'object', name, shape, required: true, ...rest };
}

/** Every field name a shape defines at its top level (lists contribute their count name too). */
export function topLevelNames(shape: Shape): string[] {
  const names: string[] = [];
  for (const node of shape) {
    if (node.kind === 'list' && node.count) names.push(node.count.name);
    names.push(node.name);
  }
  return names;
}
