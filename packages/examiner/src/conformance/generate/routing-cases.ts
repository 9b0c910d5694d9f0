import type { ConformanceCase } from '../case-types.ts';
import type { ApiCases } from './case-kit.ts';

/** Routing (§2.1, GET and POST only): another method answers 40501, an unknown path 40401. */
export function routingCases(g: ApiCases): ConformanceCase[] {
  const usual = g.usual();
  const resource = usual.path.replace(/^\/v2\/[a-z0-9]+/, '');
  return [
    g.make({
      code: 'RTE-01',
      category: 'routing',
      title: `${g.api.method === 'GET' ? 'POST' : 'GET'} instead of ${g.api.method} answers 40501`,
      negative: true,
      expect: ['40501'],
      probe: g.usual({ method: g.api.method === 'GET' ? 'POST' : 'GET' }),
    }),
    g.make({
      code: 'RTE-02',
      category: 'routing',
      title: 'DELETE answers 40501',
      negative: true,
      expect: ['40501'],
      probe: g.usual({ method: 'DELETE' }),
    }),
    g.make({
      code: 'RTE-03',
      category: 'routing',
      title: 'an unknown path beside it answers 40401',
      negative: true,
      expect: ['40401'],
      probe: g.usual({ path: `/v2/${g.target.industry}/nope${resource}` }),
    }),
    g.make({
      code: 'RTE-04',
      category: 'routing',
      title: 'an unknown industry segment answers 40401',
      negative: true,
      expect: ['40401'],
      probe: g.usual({ path: `/v2/nope${resource}` }),
    }),
  ];
}
