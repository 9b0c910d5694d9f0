import type { ConsentRecord } from './consent.ts';

/** An asset as a consent or a list API names it: its list API and its key fields as wire strings. */
export interface AssetRef {
  readonly listApi: string;
  readonly key: Readonly<Record<string, string>>;
}

/**
 * Whether two keys name the same asset: every field either of them has is equal in both, an absent field
 * counting as empty (`seqno` is optional in 은행-001 and 은행-002…010).
 */
export function sameKey(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): boolean {
  for (const k in a) if ((a[k] ?? '') !== (b[k] ?? '')) return false;
  for (const k in b) if (!(k in a) && (b[k] ?? '') !== '') return false;
  return true;
}

/** Whether the consent names this asset (is_consent in the list APIs, 40105 on the asset APIs). */
export function consentCovers(consent: ConsentRecord, asset: AssetRef): boolean {
  for (const chosen of consent.assets) {
    if (chosen.listApi === asset.listApi && sameKey(chosen.key, asset.key)) return true;
  }
  return false;
}
