import { expect, it } from 'vitest';
import { bindList, bindRows, padded, paddedChunks, QueryTemplates, templateChunks } from './query-templates.ts';
import { describeEachDialect } from './testing/each-dialect.ts';
import { type ItemTables, itemStore } from './testing/item-store.ts';

/** The rows these tests write: `flag` left to its default. */
type Row = Omit<ItemTables['item'], 'flag'>;

const items = (n: number, from = 0) =>
  Array.from({ length: n }, (_, i) => ({ id: `i${String(from + i).padStart(4, '0')}`, label: null, n: from + i }));

it('templateChunks cuts greedily into 128/64/…/1 and keeps the order', () => {
  const list = Array.from({ length: 300 }, (_, i) => i);
  const chunks = templateChunks(list);
  expect(chunks.map((c) => c.length)).toEqual([128, 128, 32, 8, 4]);
  expect(chunks.flat()).toEqual(list);
  expect(templateChunks([])).toEqual([]);
});

it('paddedChunks cuts into ≤ 128 and pads each to a power of two with its last item', () => {
  const list = Array.from({ length: 131 }, (_, i) => i);
  const chunks = paddedChunks(list);
  expect(chunks.map((c) => c.length)).toEqual([128, 4]);
  expect(chunks[0]).toEqual(list.slice(0, 128));
  expect(chunks[1]).toEqual([128, 129, 130, 130]);
  expect(paddedChunks([5])).toEqual([[5]]);
});

it('padded pads to a power of two with the last item, whatever the length; none stay none', () => {
  expect(padded([])).toEqual([]);
  expect(padded(['a'])).toEqual(['a']);
  expect(padded(['a', 'b', 'c'])).toEqual(['a', 'b', 'c', 'c']);
  expect(padded(Array.from({ length: 300 }, (_, i) => i))).toHaveLength(512);
});

it('bindRows refuses a row without a value for a column', () => {
  const templates = new QueryTemplates();
  const db = { compile: () => ({ sql: 'x', parameters: [], query: {} as never, queryId: {} as never }) };
  expect(() => bindRows(templates, 'k', ['id', 'n'], [{ id: 'a' }], () => db)).toThrow(/no value for n/);
});

describeEachDialect('bindRows / bindList', (open) => {
  it('writes and reads lists of any length with at most 8 shapes each', async () => {
    const store = await itemStore(open);
    const templates = new QueryTemplates();
    const write = (rows: readonly Row[]) =>
      bindRows(templates, 'item', ['id', 'label', 'n'], rows, (slots) =>
        store.db
          .insertInto('item')
          .values(slots as unknown as ItemTables['item'][])
          .onConflict((oc) => oc.column('id').doUpdateSet((eb) => ({ n: eb.ref('excluded.n') }))),
      );
    for (const q of write(items(300))) await store.db.executeQuery(q);
    for (const q of write(items(5, 298).map((r) => ({ ...r, n: -r.n })))) await store.db.executeQuery(q);
    const shapes = templates.size;
    expect(shapes).toBe(5); // 128, 32, 8, 4 of the 300; then 1 of the 5 (4 + 1)
    const read = async (ids: readonly string[], min: number) => {
      const out: Row[] = [];
      for (const q of bindList(
        templates,
        'read',
        ids,
        (list, [atLeast]) =>
          store.db
            .selectFrom('item')
            .selectAll()
            .where('id', 'in', list as string[])
            .where('n', '>=', atLeast as number),
        [min],
      ))
        out.push(...(await store.db.executeQuery<Row>(q)).rows);
      return out.sort((a, b) => (a.id < b.id ? -1 : 1));
    };
    const all = await read(
      items(303).map((r) => r.id),
      -1000,
    );
    expect(all.map((r) => Number(r.n))).toEqual([
      ...Array.from({ length: 298 }, (_, i) => i),
      -298,
      -299,
      -300,
      -301,
      -302,
    ]);
    expect((await read(['i0001', 'i0002', 'i0003'], 2)).map((r) => r.id)).toEqual(['i0002', 'i0003']);
    expect(templates.size).toBe(shapes + 3); // read|128, read|64 (47 → 64), read|4
  });
});
