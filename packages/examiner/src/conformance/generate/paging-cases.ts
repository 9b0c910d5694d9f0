import type { ConformanceCase, Exchange } from '../case-types.ts';
import { listNodeOf } from '../discovery.ts';
import { bodyOf } from '../run/http-client.ts';
import type { ApiCases } from './case-kit.ts';

const CURSOR_NOTE =
  'The cursor is the provider’s own (§2.5) and the standard names no code for one it did not issue; 40001 (bad parameter) is our reading.';
const LIMIT_ZERO_NOTE =
  'N(3) allows 0; a page of at most 0 items asks for nothing, so refusing it (40001) is our reading.';

const WALK_LIMIT = 2;

/** Pagination (§2.5): a walk through every page, limits out of range, cursors the provider did not issue. */
export function pagingCases(g: ApiCases): ConformanceCase[] {
  if (!g.api.paginated) return [];
  const list = listNodeOf(g.api);
  const usual = g.usual();
  const cases: ConformanceCase[] = [
    g.make({
      code: 'PAG-01',
      category: 'paging',
      title: `every page with limit ${WALK_LIMIT} to the end: at most ${WALK_LIMIT} items a page, counts right, nothing twice, all of limit 500`,
      negative: false,
      expect: { rspCodes: ['00000'], shape: true },
      setup: [{ request: g.usual({ limit: 500 }), accept: ['00000'] }],
      probe: g.usual({ limit: WALK_LIMIT }),
      walk: true,
      check: (pages, setup) => (list ? walkProblems(pages, setup[0], list.name, list.count?.name) : []),
    }),
    g.make({
      code: 'PAG-02',
      category: 'paging',
      title: 'limit 501 answers 40001',
      negative: true,
      expect: ['40001'],
      probe: g.usual({ fields: { ...usual.fields, limit: '501' } }),
    }),
    g.make({
      code: 'PAG-03',
      category: 'paging',
      title: 'limit 0 answers 40001',
      negative: true,
      expect: ['40001'],
      provisional: LIMIT_ZERO_NOTE,
      probe: g.usual({ fields: { ...usual.fields, limit: '0' } }),
    }),
    g.make({
      code: 'PAG-04',
      category: 'paging',
      title: 'a next_page the provider never issued answers 40001',
      negative: true,
      expect: ['40001'],
      provisional: CURSOR_NOTE,
      probe: g.usual({ fields: { ...usual.fields, next_page: 'garbage' } }),
    }),
    g.make({
      code: 'PAG-05',
      category: 'paging',
      title: 'a next_page with one character changed answers 40001',
      negative: true,
      expect: ['40001'],
      provisional: CURSOR_NOTE,
      setup: [{ request: g.usual({ limit: 1 }), accept: ['00000'] }],
      probe: (setup) => g.usual({ fields: { ...g.usual({ limit: 1 }).fields, next_page: altered(setup) } }),
    }),
    g.make({
      code: 'PAG-06',
      category: 'paging',
      title: 'a next_page over aNS(1000) answers 40001',
      negative: true,
      expect: ['40001'],
      probe: g.usual({ fields: { ...usual.fields, next_page: 'A'.repeat(1001) } }),
    }),
  ];
  const limitNode = g.api.request.shape.find((n) => n.name === 'limit');
  if (limitNode?.required) {
    const fields = Object.fromEntries(Object.entries(usual.fields).filter(([k]) => k !== 'limit'));
    cases.push(
      g.make({
        code: 'PAG-07',
        category: 'paging',
        title: 'no limit (required) answers 40001',
        negative: true,
        expect: ['40001'],
        probe: g.usual({ fields }),
      }),
    );
  }
  return cases;
}

/** The first setup answer's next_page with its middle character changed (a made-up one when it had none). */
function altered(setup: readonly Exchange[]): string {
  const next = bodyOf(setup[0]!)['next_page'];
  if (typeof next !== 'string' || next.length === 0) return 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
  const i = next.length >> 1;
  return next.slice(0, i) + (next[i] === 'A' ? 'B' : 'A') + next.slice(i + 1);
}

/** What is wrong with the pages of a walk, against the one-page answer of limit 500 (`whole`). */
export function walkProblems(
  pages: readonly Exchange[],
  whole: Exchange | undefined,
  listName: string,
  countName: string | undefined,
): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  let total = 0;
  pages.forEach((page, i) => {
    const body = bodyOf(page);
    const items = Array.isArray(body[listName]) ? (body[listName] as unknown[]) : [];
    if (items.length > WALK_LIMIT) problems.push(`page ${i + 1} has ${items.length} items, over limit ${WALK_LIMIT}`);
    if (countName && body[countName] !== String(items.length)) {
      problems.push(`page ${i + 1}: ${countName} is ${String(body[countName])} for ${items.length} items`);
    }
    for (const item of items) {
      const key = JSON.stringify(item);
      if (seen.has(key)) problems.push(`page ${i + 1} repeats an item of an earlier page`);
      seen.add(key);
    }
    total += items.length;
  });
  if (whole) {
    const body = bodyOf(whole);
    const all = Array.isArray(body[listName]) ? (body[listName] as unknown[]).length : 0;
    if (typeof body['next_page'] !== 'string' && all !== total) {
      problems.push(`the pages hold ${total} items, one page of limit 500 held ${all}`);
    }
  }
  return problems;
}
