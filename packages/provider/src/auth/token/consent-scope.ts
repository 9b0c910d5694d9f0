import { type Industry, listScope } from '@hannun/spec';
import type { ConsentRecord } from '../../consent/consent.ts';

/** A token's scope for a consent: `<industry>.list` first (every token carries it, 규격 §2.2), then the consent's. */
export function consentScope(consent: ConsentRecord, industry: Industry): string {
  const list = listScope(industry);
  return [list, ...consent.scopes.filter((s) => s !== list)].join(' ');
}
