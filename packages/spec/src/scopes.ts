import type { Industry } from './industries.ts';

/**
 * Scopes per industry (규격 §2.2, §3.2.1). Every information token carries `<industry>.list`, which covers
 * the list APIs and 공통-001/002; the others are consent scopes. Support APIs use `manage`, the CA's
 * token `ca`. Provisional: whether `capital.loan` also covers `/loans/oplease/*` (we say it does).
 */
export const INDUSTRY_SCOPES = {
  bank: ['bank.list', 'bank.deposit', 'bank.invest', 'bank.loan', 'bank.irp'],
  card: ['card.list', 'card.card', 'card.prepaid', 'card.point', 'card.bill', 'card.loan'],
  invest: ['invest.list', 'invest.account', 'invest.irp'],
  insu: ['insu.list', 'insu.insurance', 'insu.loan', 'insu.irp'],
  efin: ['efin.list', 'efin.prepaid', 'efin.paid'],
  capital: ['capital.list', 'capital.loan'],
  ginsu: ['ginsu.list', 'ginsu.insurance'],
  telecom: ['telecom.list', 'telecom.mgmt'],
  p2p: ['p2p.list', 'p2p.lending'],
  bond: ['bond.list', 'bond.bond'],
  usury: ['usury.list', 'usury.bond'],
} as const satisfies Record<Industry, readonly string[]>;

export type InformationScope = (typeof INDUSTRY_SCOPES)[Industry][number];
export type Scope = InformationScope | 'manage' | 'ca';

export const SUPPORT_SCOPE = 'manage' as const;
export const CA_SCOPE = 'ca' as const;

export function listScope(industry: Industry): InformationScope {
  return `${industry}.list` as InformationScope;
}

export function isScopeOf(industry: Industry, scope: string): scope is InformationScope {
  return (INDUSTRY_SCOPES[industry] as readonly string[]).includes(scope);
}

/** Parse a space-separated scope string (aNS(128)); unknown or foreign scopes are returned separately. */
export function parseScopes(industry: Industry, scope: string): { scopes: InformationScope[]; invalid: string[] } {
  const scopes: InformationScope[] = [];
  const invalid: string[] = [];
  for (const s of scope.split(' ').filter(Boolean)) (isScopeOf(industry, s) ? scopes : invalid).push(s);
  return { scopes, invalid };
}
