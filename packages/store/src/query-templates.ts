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
