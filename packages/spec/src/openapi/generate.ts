import type { ServiceRole } from '../catalogue/api-spec.ts';
import type { ApiVersion } from '../version.ts';

/** An OpenAPI 3.1 document as plain JSON. */
export type OpenApiDocument = { openapi: '3.1.0' } & Record<string, unknown>;

/** The services that get an OpenAPI document. */
export const OPENAPI_ROLES: readonly ServiceRole[] = ['provider', 'ca', 'portal', 'operator'];

/** Generate the OpenAPI 3.1 document of every API a service of this role serves. (Being written.) */
export function generateOpenApi(role: ServiceRole, opts: { version?: ApiVersion } = {}): OpenApiDocument {
  return { openapi: '3.1.0', info: { title: `Hannun ${role}`, version: opts.version ?? 'v2' }, paths: {} };
}
