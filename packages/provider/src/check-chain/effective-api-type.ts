import type { ApiType } from '@hannun/spec';

/**
 * The x-api-type a request is judged under. The catalogue makes the header optional; a request without it
 * is taken as an irregular call made for the person (`user-refresh`: 12 months back, no cycle counting),
 * never as `scheduled`, which only a caller that says so is held to.
 */
export function effectiveApiType(apiType: ApiType | undefined): ApiType {
  return apiType ?? 'user-refresh';
}
