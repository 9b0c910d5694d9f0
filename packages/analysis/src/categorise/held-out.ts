import { MERCHANT_CATEGORIES } from './categories.ts';
import { dictionaryEntries } from './data/merchants.ts';
import { NaiveBayes } from './naive-bayes.ts';
import { normaliseMerchant } from './normalise-merchant.ts';

export interface HeldOutReport {
  readonly trained: number;
  readonly heldOut: number;
  readonly threshold: number;
  /** Share of held-out names the model answers (confidence ≥ threshold). */
  readonly coverage: number;
  /** Of those answered, the share answered right. */
  readonly precision: number;
  /** Right answers over all held-out names (without the threshold: the top guess). */
  readonly topOneAccuracy: number;
}

/**
 * The learned categoriser's accuracy on names it never saw: every `fold`-th dictionary entry (deterministic)
 * is held out, the model trains on the rest, and the held-out names are categorised as a person's unknown
 * merchants would be.
 */
export function heldOutAccuracy(threshold: number, fold = 5): HeldOutReport {
  const all = dictionaryEntries().map((e) => ({ text: normaliseMerchant(e.name), category: e.category }));
  const train = all.filter((_, i) => i % fold !== 0);
  const test = all.filter((_, i) => i % fold === 0);
  const nb = NaiveBayes.train(MERCHANT_CATEGORIES, train);
  let answered = 0;
  let right = 0;
  let top = 0;
  for (const e of test) {
    const p = nb.predict(e.text);
    if (!p) continue;
    if (p.category === e.category) top++;
    if (p.confidence >= threshold) {
      answered++;
      if (p.category === e.category) right++;
    }
  }
  return {
    trained: train.length,
    heldOut: test.length,
    threshold,
    coverage: answered / test.length,
    precision: answered === 0 ? 0 : right / answered,
    topOneAccuracy: top / test.length,
  };
}
