import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../catalogue/index.ts';
import { generateOpenApi, OPENAPI_ROLES, type OpenApiDocument } from './generate.ts';

function operations(doc: OpenApiDocument): Record<string, unknown>[] {
  const paths = doc['paths'] as Record<string, Record<string, Record<string, unknown>>>;
  return Object.values(paths).flatMap((methods) => Object.values(methods));
}

function idsIn(doc: OpenApiDocument): string[] {
  return operations(doc).flatMap((op) => {
    const id = op['x-mydata-id'];
    return Array.isArray(id) ? (id as string[]) : [id as string];
  });
}

describe('OpenAPI 3.1 documents from the catalogue', () => {
  const docs = Object.fromEntries(OPENAPI_ROLES.map((role) => [role, generateOpenApi(role)]));

  it('every catalogue entry appears in the document of each service that provides it', () => {
    expect(CATALOGUE.length).toBeGreaterThan(0);
    for (const api of CATALOGUE) {
      for (const role of api.providedBy) {
        expect(idsIn(docs[role]!), `${api.id} in ${role}`).toContain(api.id);
      }
    }
  });

  it('every info API appears once per industry that offers it', () => {
    const provider = docs['provider']!;
    for (const api of CATALOGUE.filter((a) => a.group === 'info')) {
      const count = idsIn(provider).filter((id) => id === api.id).length;
      expect(count, api.id).toBe(api.industries.length);
    }
  });

  it.each(OPENAPI_ROLES)('the %s document is valid OpenAPI 3.1', async (role) => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(docs[role]!));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('carries the standard’s wire rules: strings only, x-mydata-type, x-api-tran-id of 25', () => {
    const doc = generateOpenApi('provider', { version: 'v1' });
    const paths = doc['paths'] as Record<string, Record<string, Record<string, unknown>>>;
    const op = paths['/v1/bank/accounts/deposit/transactions']?.['post'];
    expect(op?.['x-mydata-id']).toBe('은행-004');
    expect(op?.['x-mydata-date-rule']).toBe('days31');
    const params = op?.['parameters'] as { name: string; schema: Record<string, unknown> }[];
    const tranId = params.find((p) => p.name === 'x-api-tran-id');
    expect(tranId?.schema).toMatchObject({ type: 'string', minLength: 25, maxLength: 25 });
    const body = JSON.stringify(op?.['requestBody']);
    expect(body).toContain('"x-mydata-type":"DATE"');
    expect(body).not.toMatch(/"type":"(integer|number|boolean)"/);
  });
});
