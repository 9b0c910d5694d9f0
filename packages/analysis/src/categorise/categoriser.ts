import { BANK_CLASSES, MEMO_HINTS } from './data/bank-classes.ts';
import { ORDER_CATEGORIES } from './data/order-categories.ts';
import { STATIC_REGNO_CATEGORIES } from './data/regno-categories.ts';
import { MERCHANT_CATEGORIES, UNCATEGORISED } from './categories.ts';
import { dictionaryEntries } from './data/merchants.ts';
import { MerchantDictionary } from './dictionary.ts';
import { type Example, NaiveBayes } from './naive-bayes.ts';
import { normaliseMerchant } from './normalise-merchant.ts';
import { type CheckedRule, ruleMatches } from './person-rules.ts';
import type { Categorised, CategorySource, Tx } from './transaction.ts';

/** Below this posterior the learned model's guess is not used: the row is "uncategorised". */
export const DEFAULT_THRESHOLD = 0.9;

export interface CategoriserOptions {
  readonly dictionary?: MerchantDictionary;
  readonly model?: NaiveBayes;
  readonly threshold?: number;
  /** merchant_regno → category (the registry's institutions, …), besides the static table. */
  readonly regno?: ReadonlyMap<string, string>;
}

/** What a person brings: their rules, learned rules (merchant key → category), their corrections. */
export interface PersonContext {
  readonly rules?: readonly CheckedRule[];
  readonly learned?: ReadonlyMap<string, string>;
  /** Merchants the person categorised themselves (normalised name → category), taught to the model. */
  readonly corrections?: readonly Example[];
}

interface Decided {
  readonly category: string;
  readonly source: CategorySource;
  readonly confidence: number;
}

const NONE: Decided = { category: UNCATEGORISED, source: 'none', confidence: 0 };

let sharedModel: NaiveBayes | undefined;

/** The model trained on the whole dictionary, once per process (~10 ms). */
export function dictionaryModel(): NaiveBayes {
  sharedModel ??= NaiveBayes.train(
    MERCHANT_CATEGORIES,
    dictionaryEntries().map((e) => ({ text: normaliseMerchant(e.name), category: e.category })),
  );
  return sharedModel;
}

/**
 * The categorisation pipeline: the person's edit (locks the row) → the person's rules → learned rules (3 of
 * the last 5) → the bank's transaction class and memo words → the merchant dictionary → the business number
 * → the 간편결제 order category → the learned model (its confidence at or above the threshold) →
 * "uncategorised". What does not depend on the person is cached per merchant, so a million rows of a few
 * thousand merchants cost little more than the lookups.
 */
export class Categoriser {
  readonly dictionary: MerchantDictionary;
  readonly model: NaiveBayes;
  readonly threshold: number;
  readonly #regno: ReadonlyMap<string, string>;
  readonly #cache = new Map<string, Categorised>();

  constructor(o: CategoriserOptions = {}) {
    this.dictionary = o.dictionary ?? new MerchantDictionary();
    this.model = o.model ?? dictionaryModel();
    this.threshold = o.threshold ?? DEFAULT_THRESHOLD;
    this.#regno = o.regno ?? new Map();
  }

  /** A categoriser for one person: the same caches, plus their rules and corrections. */
  forPerson(p: PersonContext = {}): PersonCategoriser {
    return new PersonCategoriser(this, p);
  }

  /** The person-independent decision for a movement (cached per merchant and source fields). */
  decide(tx: Tx, normalised: string, model: NaiveBayes = this.model, own?: Map<string, Categorised>): Categorised {
    const cache = model === this.model ? this.#cache : own;
    const key =
      cache === undefined
        ? ''
        : `${tx.source}|${normalised}|${tx.regno ?? ''}|${tx.orderCategory ?? ''}|${tx.transClass ?? ''}|${tx.amount < 0 ? '-' : '+'}`;
    if (cache !== undefined) {
      const hit = cache.get(key);
      if (hit !== undefined) return hit;
    }
    const d: Categorised = { ...this.#decide(tx, normalised, model), merchantKey: normalised };
    if (cache !== undefined) {
      if (cache.size > 200_000) cache.clear();
      cache.set(key, d);
    }
    return d;
  }

  #decide(tx: Tx, normalised: string, model: NaiveBayes): Decided {
    if (tx.source === 'bank') {
      const cls = (tx.transClass ?? '').trim();
      const mapped = BANK_CLASSES[cls];
      if (typeof mapped === 'string') return { category: mapped, source: 'bank-class', confidence: 1 };
      const memo = tx.merchant ?? '';
      for (const h of MEMO_HINTS)
        if (h.pattern.test(memo)) return { category: h.category, source: 'bank-class', confidence: 1 };
    }
    if (tx.source === 'emoney') {
      // Charges and transfers of e-money balances move money between the person's own pockets.
      if (tx.amount > 0) return { category: 'top-up', source: 'bank-class', confidence: 1 };
    }
    if (normalised !== '') {
      const hit = this.dictionary.lookup(normalised);
      if (hit) return { category: hit.category, source: 'dictionary', confidence: 1 };
    }
    const regno = tx.regno ?? '';
    if (regno !== '') {
      const c = this.#regno.get(regno) ?? STATIC_REGNO_CATEGORIES[regno];
      if (c !== undefined) return { category: c, source: 'regno', confidence: 1 };
    }
    const order = (tx.orderCategory ?? '').trim();
    if (order !== '') {
      const c = ORDER_CATEGORIES[order];
      if (c !== undefined) return { category: c, source: 'order', confidence: 1 };
    }
    if (tx.source === 'bank') {
      const cls = (tx.transClass ?? '').trim();
      // A transfer to or from a name the dictionary does not know is money between people.
      if (cls === '타행이체' || cls === '당행이체')
        return { category: 'person-transfer', source: 'bank-class', confidence: 1 };
    }
    if (normalised !== '' && tx.amount < 0) {
      const p = model.predict(normalised);
      if (p && p.confidence >= this.threshold)
        return { category: p.category, source: 'model', confidence: p.confidence };
    }
    return NONE;
  }
}

export class PersonCategoriser {
  readonly #base: Categoriser;
  readonly #rules: readonly CheckedRule[];
  readonly #learned: ReadonlyMap<string, string>;
  readonly #model: NaiveBayes;
  /** Raw merchant name → normalised (the regexes cost more than the rest of a decision). */
  readonly #normalised = new Map<string, string>();
  /** Decisions under this person's own model (their corrections), when they have one. */
  readonly #decided = new Map<string, Categorised>();

  constructor(base: Categoriser, p: PersonContext) {
    this.#base = base;
    this.#rules = p.rules ?? [];
    this.#learned = p.learned ?? new Map();
    this.#model = p.corrections && p.corrections.length > 0 ? base.model.extend(p.corrections) : base.model;
  }

  /**
   * The category of a movement. `edit` is the person's own category for this row: it always wins (the row is
   * locked), whatever rules or models say.
   */
  categorise(tx: Tx, edit?: string | null): Categorised {
    const merchantKey = this.#key(tx.merchant ?? '');
    return (
      this.#personal(merchantKey, tx.amount, edit) ?? this.#base.decide(tx, merchantKey, this.#model, this.#decided)
    );
  }

  #key(raw: string): string {
    let k = this.#normalised.get(raw);
    if (k === undefined) {
      k = normaliseMerchant(raw);
      if (this.#normalised.size > 100_000) this.#normalised.clear();
      this.#normalised.set(raw, k);
    }
    return k;
  }

  /**
   * The category and the person-independent one under it (`base`: what the row falls back to when a rule is
   * deleted or an edit undone).
   */
  explain(tx: Tx, edit?: string | null): { result: Categorised; base: Categorised } {
    const merchantKey = this.#key(tx.merchant ?? '');
    const base = this.#base.decide(tx, merchantKey, this.#model, this.#decided);
    return { result: this.#personal(merchantKey, tx.amount, edit) ?? base, base };
  }

  /** What the person decided for a merchant and amount (edit, rule, learned rule), if anything. */
  personal(merchantKey: string, amount: number): Categorised | undefined {
    return this.#personal(merchantKey, amount, null);
  }

  #personal(merchantKey: string, amount: number, edit: string | null | undefined): Categorised | undefined {
    if (edit) return { category: edit, source: 'person', confidence: 1, merchantKey };
    if (merchantKey !== '') {
      for (const r of this.#rules) {
        if (ruleMatches(r, merchantKey, amount))
          return { category: r.category, source: 'person-rule', confidence: 1, merchantKey };
      }
      const learned = this.#learned.get(merchantKey);
      if (learned !== undefined) return { category: learned, source: 'learned-rule', confidence: 1, merchantKey };
    }
    return undefined;
  }
}
