import type { InstitutionFaults } from './fault-injection.ts';

function wrongTypes(value: unknown): unknown {
  if (typeof value === 'string') {
    if (value === 'true' || value === 'false') return value === 'true';
    if (/^-?[0-9]+(\.[0-9]+)?$/.test(value) && value.length < 16) return Number(value);
    return value;
  }
  if (Array.isArray(value)) return value.map(wrongTypes);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, wrongTypes(v)]));
  }
  return value;
}

/**
 * A body broken the way a faulty provider breaks it: `invalid-json` cuts the text in half;
 * `wrong-types` sends numbers and booleans where the standard wants strings (rsp_code becomes 0).
 */
export function malform(json: string, how: NonNullable<InstitutionFaults['malformed']>): string {
  switch (how) {
    case 'invalid-json':
      return json.slice(0, Math.max(1, Math.floor(json.length / 2)));
    case 'wrong-types':
      return JSON.stringify(wrongTypes(JSON.parse(json)));
  }
}
