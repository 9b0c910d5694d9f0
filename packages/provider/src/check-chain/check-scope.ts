import { type Industry, type InformationScope, listScope } from '@hannun/spec';
import { type CheckFailure, fail } from './check-failure.ts';

/**
 * Step 6, 40104: the token's scopes (space-separated) must include `<industry>.list`, which every token
 * carries (규격 §2.2), and the scope the API needs for this industry.
 */
export function checkScope(scope: string, industry: Industry, required: InformationScope): CheckFailure | undefined {
  const scopes = scope.split(' ');
  const list = listScope(industry);
  if (!scopes.includes(list)) return fail('40104', `${list} 권한이 없습니다`, `token lacks ${list}`);
  if (required !== list && !scopes.includes(required)) {
    return fail('40104', `${required} 권한이 없습니다`, `token lacks ${required}`);
  }
  return undefined;
}
