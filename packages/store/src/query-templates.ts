import { type Compilable, CompiledQuery } from 'kysely';

/** Where a value goes in a template: replaced by the value of the same index at each bind. */
class Slot {
  constructor(readonly index: number) {}
}

interface Template {
  readonly sql: string;
  /** Per compiled parameter: the index of the value bound there, or -1 for a constant of the query. */
  readonly slots: readonly number[];
  readonly constants: readonly unknown[];
  /** How many values a bind takes. */
  readonly count: number;
}

/** The most templates one cache keeps (the oldest go first). */
const MAX_TEMPLATES = 512;

/**
 * Queries of a repeated shape (a multi-row upsert of n rows into one table …), built and compiled by Kysely
 * once per shape and then re-bound with new values: the query builder and compiler cost per row are paid
 * once, and the SQL text stays the same, so the driver's prepared statement is reused. Keep one cache per
 * dialect (the SQL is the dialect's; nothing else of the store goes into it).
 */
export class QueryTemplates {
  readonly #templates = new Map<string, Template>();

  /**
   * The query of shape `key` with `values` bound. The first time, `build(slot)` makes it with `slot(i)`
   * wherever value i goes (as a value of the builder: `.values()`, `.where(col, '=', slot(0))` …); it must
   * use every slot from 0 to `values.length - 1` and give the same SQL for the same key, whatever the values.
   */
  bind(key: string, build: (slot: (i: number) => unknown) => Compilable, values: readonly unknown[]): CompiledQuery {
    let t = this.#templates.get(key);
    if (!t) {
      t = compileTemplate(build, values.length);
      if (this.#templates.size >= MAX_TEMPLATES) {
        const oldest = this.#templates.keys().next().value;
        if (oldest !== undefined) this.#templates.delete(oldest);
      }
      this.#templates.set(key, t);
    }
    const { slots, constants } = t;
    if (values.length !== t.count) {
      throw new RangeError(`query template ${key}: ${values.length} values given, ${t.count} expected`);
    }
    const parameters = new Array<unknown>(slots.length);
    for (let i = 0; i < slots.length; i++) {
      const at = slots[i]!;
      parameters[i] = at < 0 ? constants[i] : values[at];
    }
    return CompiledQuery.raw(t.sql, parameters);
  }

  get size(): number {
    return this.#templates.size;
  }
}

function compileTemplate(build: (slot: (i: number) => unknown) => Compilable, count: number): Template {
  const made = Array.from({ length: count }, (_, i) => new Slot(i));
  const compiled = build((i) => {
    const s = made[i];
    if (!s) throw new RangeError(`query template: slot ${i} is beyond the ${count} values`);
    return s;
  }).compile();
  const used = new Set<number>();
  const slots = compiled.parameters.map((p) => {
    if (!(p instanceof Slot)) return -1;
    used.add(p.index);
    return p.index;
  });
  if (used.size !== count) {
    throw new RangeError(`query template: ${count - used.size} of the ${count} slots do not reach the query`);
  }
  return {
    sql: compiled.sql,
    slots,
    constants: compiled.parameters.map((p) => (p instanceof Slot ? undefined : p)),
    count,
  };
}

/**
 * Rows per statement of a chunked write: a list is cut greedily into these sizes, so one shape of statement has
 * at most 8 templates whatever the lengths of the lists written with it.
 */
export const TEMPLATE_SIZES = [128, 64, 32, 16, 8, 4, 2, 1] as const;

/** `items` cut greedily into consecutive runs of TEMPLATE_SIZES (300 → 128, 128, 32, 8, 4). */
export function templateChunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; ) {
    const size = TEMPLATE_SIZES.find((n) => n <= items.length - i)!;
    out.push(items.slice(i, i + size));
    i += size;
  }
  return out;
}

/**
 * `items` padded to a power of two by repeating the last one (none stay none): for an `in (…)` or `not in (…)`
 * list that must stay one statement, where a repeated value changes nothing — a list of n takes ⌈log2 n⌉ + 1 shapes.
 */
export function padded<T>(items: readonly T[]): T[] {
  const out = [...items];
  if (out.length === 0) return out;
  let size = 1;
  while (size < out.length) size *= 2;
  const last = out[out.length - 1]!;
  while (out.length < size) out.push(last);
  return out;
}

/**
 * `items` in chunks of at most 128, each padded to a power of two by repeating its last item: for `in (…)` lists,
 * where a repeated value changes nothing, so one shape has at most 8 templates and a list takes ⌈n / 128⌉ statements.
 */
export function paddedChunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  const max = TEMPLATE_SIZES[0];
  for (let i = 0; i < items.length; i += max) out.push(padded(items.slice(i, i + max)));
  return out;
}

/**
 * Multi-row statements for `rows` (every row has every column; null is a value, undefined is not), in chunks of
 * TEMPLATE_SIZES, each the template `key|size` built by `build` from rows of slots in `columns` order.
 */
export function bindRows(
  templates: QueryTemplates,
  key: string,
  columns: readonly string[],
  rows: readonly Readonly<Record<string, unknown>>[],
  build: (rows: Record<string, unknown>[]) => Compilable,
): CompiledQuery[] {
  return templateChunks(rows).map((chunk) => {
    const values = new Array<unknown>(chunk.length * columns.length);
    let k = 0;
    for (const row of chunk) {
      for (const c of columns) {
        const v = row[c];
        if (v === undefined) throw new RangeError(`query template ${key}: a row has no value for ${c}`);
        values[k++] = v;
      }
    }
    return templates.bind(
      `${key}|${chunk.length}`,
      (slot) =>
        build(
          Array.from({ length: chunk.length }, (_, r) =>
            Object.fromEntries(columns.map((c, j) => [c, slot(r * columns.length + j)])),
          ),
        ),
      values,
    );
  });
}

/**
 * Statements for an `in (…)` list of `items` (paddedChunks), each the template `key|size` built by `build`
 * with the list's slots, then any `extra` values (slots size, size + 1 …) that every chunk binds too.
 */
export function bindList(
  templates: QueryTemplates,
  key: string,
  items: readonly unknown[],
  build: (list: unknown[], extra: unknown[]) => Compilable,
  extra: readonly unknown[] = [],
): CompiledQuery[] {
  return paddedChunks(items).map((chunk) =>
    templates.bind(
      `${key}|${chunk.length}`,
      (slot) =>
        build(
          chunk.map((_, i) => slot(i)),
          extra.map((_, i) => slot(chunk.length + i)),
        ),
      [...chunk, ...extra],
    ),
  );
}
