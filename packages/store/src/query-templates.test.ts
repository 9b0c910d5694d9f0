import { expect, it } from 'vitest';
import type { Store } from './open-store.ts';
import { QueryTemplates } from './query-templates.ts';
import { describeEachDialect } from './testing/each-dialect.ts';
import { type ItemTables, itemStore } from './testing/item-store.ts';

type Tables = ItemTables;

const COLUMNS = ['id', 'label', 'n', 'flag'] as const;
type Item = Tables['item'];

/** An upsert of `rows.length` items that changes only rows whose label differs, as a template per row count. */
function upsert(store: Store<Tables>, templates: QueryTemplates, rows: readonly Item[]) {
  return templates.bind(
    `item|${rows.length}`,
    (slot) =>
      store.db
        .insertInto('item')
        .values(
          rows.map((_, r) => Object.fromEntries(COLUMNS.map((c, i) => [c, slot(r * COLUMNS.length + i)])) as Item),
        )
        .onConflict((oc) =>
          oc
            .column('id')
            .doUpdateSet((eb) => ({ label: eb.ref('excluded.label'), n: eb.ref('excluded.n') }))
            .where(({ eb, ref }) => eb(ref('item.label'), 'is distinct from', ref('excluded.label'))),
        ),
    rows.flatMap((row) => COLUMNS.map((c) => row[c])),
  );
}

describeEachDialect('QueryTemplates', (open) => {
  it('compiles a shape once and binds new values each time: the rows written are the values bound', async () => {
    const store = await itemStore(open);
    const templates = new QueryTemplates();
    const first = await store.db.executeQuery(
      upsert(store, templates, [
        { id: 'a', label: 'one', n: 1, flag: true },
        { id: 'b', label: null, n: 2, flag: false },
      ]),
    );
    expect(Number(first.numAffectedRows)).toBe(2);
    const second = upsert(store, templates, [
      { id: 'a', label: 'one', n: 10, flag: true },
      { id: 'c', label: 'three', n: 3, flag: true },
    ]);
    const again = upsert(store, templates, [
      { id: 'x', label: 'x', n: 0, flag: false },
      { id: 'y', label: 'y', n: 0, flag: false },
    ]);
    expect(second.sql).toBe(again.sql);
    expect(templates.size).toBe(1);
    // a: label unchanged, so not updated (n stays 1); c: inserted.
    expect(Number((await store.db.executeQuery(second)).numAffectedRows)).toBe(1);
    const rows = await store.db.selectFrom('item').selectAll().orderBy('id').execute();
    expect(rows).toEqual([
      { id: 'a', label: 'one', n: 1, flag: true },
      { id: 'b', label: null, n: 2, flag: false },
      { id: 'c', label: 'three', n: 3, flag: true },
    ]);
  });

  it('keeps constants of the query and binds slots used in a where clause', async () => {
    const store = await itemStore(open);
    await store.db.insertInto('item').values({ id: 'a', label: 'l', n: 5, flag: true }).execute();
    const templates = new QueryTemplates();
    const count = (id: string) =>
      templates.bind(
        'count',
        (slot) =>
          store.db
            .selectFrom('item')
            .select((s) => s.fn.countAll().as('c'))
            .where('id', '=', slot(0) as string)
            .where('n', '>', 1),
        [id],
      );
    const hit = await store.db.executeQuery<{ c: number | string }>(count('a'));
    const miss = await store.db.executeQuery<{ c: number | string }>(count('b'));
    expect(Number(hit.rows[0]?.c)).toBe(1);
    expect(Number(miss.rows[0]?.c)).toBe(0);
  });
});

it('refuses a template whose build leaves a slot unused, and a bind with the wrong number of values', () => {
  const templates = new QueryTemplates();
  const db = {
    compile: () => ({ sql: 'select 1', parameters: [], query: {} as never, queryId: {} as never }),
  };
  expect(() => templates.bind('none', () => db, [1])).toThrow(/1 of the 1 slots do not reach the query/);
  const one = {
    compile: () => ({ sql: 'select ?', parameters: [marker], query: {} as never, queryId: {} as never }),
  };
  let marker: unknown;
  templates.bind(
    'one',
    (slot) => {
      marker = slot(0);
      return one;
    },
    [7],
  );
  expect(templates.bind('one', () => one, [8]).parameters).toEqual([8]);
  expect(() => templates.bind('one', () => one, [8, 9])).toThrow(/2 values given, 1 expected/);
});
