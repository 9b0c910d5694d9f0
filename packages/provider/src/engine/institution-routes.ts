import type { ApiSpec } from '@hannun/spec';
import type { CompiledApi } from './compile-api.ts';

/** The fastify URL of an API under an institution: `/{basePath}/:version/{industry}{resource}`, `{x}` → `:x`. */
export function routeUrl(basePath: string, api: CompiledApi): string {
  const resource = api.spec.resource.replace(/\{([a-z_]+)\}/g, ':$1');
  return `${basePath}/:version/${api.industry}${resource}`;
}

const ALL_METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD'] as const;
export type HttpMethod = (typeof ALL_METHODS)[number];

/**
 * The routes of one institution: each URL with the API per method it serves, and the methods it does not
 * serve (40501). Two APIs may share a URL with different methods.
 */
export function institutionRoutes(
  basePath: string,
  apis: readonly CompiledApi[],
): { url: string; served: Map<ApiSpec['method'], CompiledApi>; refused: HttpMethod[] }[] {
  const byUrl = new Map<string, Map<ApiSpec['method'], CompiledApi>>();
  for (const api of apis) {
    const url = routeUrl(basePath, api);
    const served = byUrl.get(url) ?? new Map<ApiSpec['method'], CompiledApi>();
    if (served.has(api.method))
      throw new Error(`${api.id} and ${served.get(api.method)!.id} share ${api.method} ${url}`);
    served.set(api.method, api);
    byUrl.set(url, served);
  }
  return [...byUrl].map(([url, served]) => ({
    url,
    served,
    refused: ALL_METHODS.filter((m) => !served.has(m as ApiSpec['method'])),
  }));
}
