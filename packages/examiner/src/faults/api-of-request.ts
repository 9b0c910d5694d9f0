import { type ApiSpec, CATALOGUE } from '@hannun/spec';

interface Route {
  readonly api: ApiSpec;
  readonly method: string;
  readonly pattern: RegExp;
}

let routes: Route[] | undefined;

function compiled(): Route[] {
  routes ??= CATALOGUE.filter((api) => api.group === 'info').flatMap((api) =>
    api.industries.map((industry) => {
      const resource = api.resource.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[a-z_]+\}/g, '[^/]+');
      return { api, method: api.method, pattern: new RegExp(`/v[12]/${industry}${resource}$`) };
    }),
  );
  return routes;
}

/**
 * The information API a request is for, from its method and path (whatever base path the institution has):
 * `GET /BKNURI0001/v2/bank/accounts/deposit/transactions` → 은행-004. Undefined for anything else.
 */
export function apiOfRequest(method: string, url: string): ApiSpec | undefined {
  const path = url.split('?')[0] ?? '';
  return compiled().find((r) => r.method === method && r.pattern.test(path))?.api;
}

/** The request's fields: the query of a GET, the JSON body of a POST (strings only). */
export function requestFields(method: string, url: string, body: Buffer): Record<string, string> {
  const out: Record<string, string> = {};
  if (method === 'GET') {
    const q = url.indexOf('?');
    if (q >= 0) for (const [k, v] of new URLSearchParams(url.slice(q + 1))) out[k] = v;
    return out;
  }
  try {
    const json = JSON.parse(body.toString('utf8')) as unknown;
    if (json && typeof json === 'object' && !Array.isArray(json)) {
      for (const [k, v] of Object.entries(json)) if (typeof v === 'string') out[k] = v;
    }
  } catch {
    // not JSON: no fields
  }
  return out;
}
