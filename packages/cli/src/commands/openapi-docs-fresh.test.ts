import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { generateOpenApi, OPENAPI_ROLES } from '@hannun/spec';
import { describe, expect, it } from 'vitest';

const docsDir = fileURLToPath(new URL('../../../../docs/openapi/', import.meta.url));

describe('docs/openapi (committed) matches the catalogue', () => {
  it.each(OPENAPI_ROLES)('%s.openapi.json is what `npm run openapi` writes today', async (role) => {
    const committed = await readFile(`${docsDir}${role}.openapi.json`, 'utf8');
    expect(committed, 'run `npm run openapi` and commit docs/openapi').toBe(
      `${JSON.stringify(generateOpenApi(role), null, 2)}\n`,
    );
  });
});
