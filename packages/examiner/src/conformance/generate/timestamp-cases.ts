import type { ConformanceCase } from '../case-types.ts';
import { listNodeOf } from '../discovery.ts';
import { bodyOf } from '../run/http-client.ts';
import type { ApiCases } from './case-kit.ts';

const OPTIONAL_NOTE =
  'Providers need not implement the timestamp check (§2.5): 00001 is the standard’s answer when nothing changed, 00000 with the data and a new search_timestamp is allowed.';
const EMPTY_NOTE = 'An empty list has no change time: a provider may answer 00001 even for search_timestamp 0.';

/** search_timestamp (§2.5): 0 gets the data and a timestamp; the timestamp just returned gets 00001. */
export function timestampCases(g: ApiCases): ConformanceCase[] {
  if (!g.api.timestamp || !g.api.request.shape.some((n) => n.name === 'search_timestamp')) return [];
  const usual = g.usual();
  const list = listNodeOf(g.api);
  const empty = g.asset === undefined && (g.discovery.plain.get(g.api.id)?.items ?? 1) === 0;
  return [
    g.make({
      code: 'TS-01',
      category: 'timestamp',
      title: 'search_timestamp 0 gets the data with a new search_timestamp',
      negative: false,
      expect: { rspCodes: empty ? ['00000', '00001'] : ['00000'], shape: true },
      ...(empty ? { provisional: EMPTY_NOTE } : {}),
      probe: g.usual({ fields: { ...usual.fields, search_timestamp: '0' } }),
      check: ([answer]) => {
        const body = answer ? bodyOf(answer) : {};
        return body['rsp_code'] === '00000' && typeof body['search_timestamp'] !== 'string'
          ? ['an answer to search_timestamp 0 carries no search_timestamp']
          : [];
      },
    }),
    g.make({
      code: 'TS-02',
      category: 'timestamp',
      title: 'the search_timestamp just returned answers 00001 without data',
      negative: false,
      expect: { rspCodes: ['00001', '00000'], shape: true },
      provisional: OPTIONAL_NOTE,
      setup: [{ request: g.usual({ fields: { ...usual.fields, search_timestamp: '0' } }), accept: ['00000', '00001'] }],
      probe: (setup) => {
        const stamp = bodyOf(setup[0]!)['search_timestamp'];
        return g.usual({ fields: { ...usual.fields, search_timestamp: typeof stamp === 'string' ? stamp : '0' } });
      },
      check: ([answer]) => {
        const body = answer ? bodyOf(answer) : {};
        if (body['rsp_code'] === '00001' && list && body[list.name] !== undefined) {
          return [`00001 (nothing changed) still sends ${list.name}`];
        }
        if (body['rsp_code'] === '00000' && typeof body['search_timestamp'] !== 'string') {
          return ['00000 with data but without a new search_timestamp'];
        }
        return [];
      },
    }),
  ];
}
