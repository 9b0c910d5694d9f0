import type { CheckFailure } from '../check-chain/check-failure.ts';
import type { Passed } from '../check-chain/run-check-chain.ts';
import type { CompiledApi } from './compile-api.ts';
import { type ApiListing, handleApiList } from './handle-api-list.ts';
import { handleConsents } from './handle-consents.ts';
import { handleList } from './handle-list.ts';
import { handleSeries } from './handle-series.ts';
import { handleSnapshot } from './handle-snapshot.ts';
import type { HandlerDeps } from './read-context.ts';
import type { Answer } from './respond.ts';

/** The handler of the API's kind, for a request that passed the check chain. */
export function dispatch(
  api: CompiledApi,
  passed: Passed,
  deps: HandlerDeps,
  listing: ApiListing,
): Answer | CheckFailure {
  switch (api.kind) {
    case 'api-list':
      return handleApiList(api, passed, listing);
    case 'consents':
      return handleConsents(api, passed);
    case 'list':
      return handleList(api, passed, deps);
    case 'snapshot':
      return handleSnapshot(api, passed);
    case 'series':
      return handleSeries(api, passed, deps);
  }
}
