import {
  Categoriser,
  dictionaryEntries,
  INDUSTRY_CATEGORIES,
  MERCHANT_CATEGORIES,
  MerchantDictionary,
} from '@hannun/analysis';
import type { Registry } from '@hannun/registry';

/**
 * The operator's categoriser: the shipped dictionary and model, plus what the registry knows — an
 * institution charging a card (a premium, a phone bill) is named by its registered name and its business
 * number (the certificate's serialNumber), so both map to the category of its industry. Rebuilt when the
 * registry's snapshot changes.
 */
export function operatorCategoriser(registry: Registry): () => Categoriser {
  let built: { snapshot: unknown; categoriser: Categoriser } | undefined;
  return () => {
    const snapshot = registry.snapshot;
    if (built?.snapshot === snapshot) return built.categoriser;
    const regno = new Map<string, string>();
    const names: { name: string; category: string }[] = [];
    for (const org of snapshot.orgs) {
      const category = org.industry ? INDUSTRY_CATEGORIES[org.industry] : undefined;
      if (!category) continue;
      regno.set(org.serialNum, category);
      if (MERCHANT_CATEGORIES.includes(category)) names.push({ name: org.name, category });
    }
    const categoriser = new Categoriser({
      regno,
      dictionary: new MerchantDictionary([...dictionaryEntries(), ...names]),
    });
    built = { snapshot, categoriser };
    return categoriser;
  };
}
