import { type ApiSpec, apisForIndustry, apiPath, CATALOGUE, type Industry } from '@hannun/spec';

export interface MatchableInstitution {
  readonly orgCode: string;
  readonly industry: Industry;
  readonly basePath: string;
}

export interface Matched {
  readonly orgCode: string;
  readonly api: ApiSpec;
}

interface Route {
  readonly orgCode: string;
  readonly method: string;
  readonly pattern: RegExp;
  readonly apis: readonly ApiSpec[];
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `/v2/bank/cards/{card_id}` as a pattern: the version any `v<digits>`, a path parameter one segment. */
function patternOf(basePath: string, path: string): RegExp {
  const body = path
    .split(/(\{[a-z_]+\})/)
    .map((part, i) => (i % 2 === 1 ? '[^/]+' : escapeRegExp(part)))
    .join('')
    .replace(/^\/v2\//, '/v[0-9]+/');
  return new RegExp(`^${escapeRegExp(basePath)}${body}$`);
}

const AUTH_APIS = CATALOGUE.filter((api) => api.group === 'auth');

/**
 * Which institution and API a request is, from its method, path and (for the token endpoint, which serves
 * 개별인증-002/003 and 통합인증-002) the form field that tells them apart.
 */
export function createApiMatcher(institutions: readonly MatchableInstitution[]) {
  const routes: Route[] = [];
  for (const inst of institutions) {
    for (const api of apisForIndustry(inst.industry)) {
      routes.push({
        orgCode: inst.orgCode,
        method: api.method,
        pattern: patternOf(inst.basePath, apiPath(api, { version: 'v2', industry: inst.industry })),
        apis: [api],
      });
    }
    const byPath = new Map<string, ApiSpec[]>();
    for (const api of AUTH_APIS) {
      const key = `${api.method} ${apiPath(api, { version: 'v2' })}`;
      byPath.set(key, [...(byPath.get(key) ?? []), api]);
    }
    for (const [key, apis] of byPath) {
      const [method, path] = key.split(' ') as [string, string];
      routes.push({ orgCode: inst.orgCode, method, pattern: patternOf(inst.basePath, path), apis });
    }
  }
  return (method: string, path: string, field: (name: string) => string | undefined): Matched | undefined => {
    for (const route of routes) {
      if (route.method !== method || !route.pattern.test(path)) continue;
      const api =
        route.apis.length === 1
          ? route.apis[0]
          : route.apis.find((a) => a.discriminator && field(a.discriminator.field) === a.discriminator.value);
      return api ? { orgCode: route.orgCode, api } : undefined;
    }
    return undefined;
  };
}
