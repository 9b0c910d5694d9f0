/**
 * The learned categoriser: multinomial naive Bayes over character n-grams (1–3, with word boundaries) of the
 * normalised merchant name, trained in process on the dictionary and on people's corrections. No download,
 * no native code: training on ~900 names takes a few milliseconds. It proposes a category with its posterior
 * probability as the confidence; the pipeline answers "uncategorised" below the threshold rather than guess.
 */
export interface Example {
  readonly text: string;
  readonly category: string;
}

export interface Prediction {
  readonly category: string;
  /** Posterior probability of the category, 0–1. */
  readonly confidence: number;
}

const ALPHA = 0.3;

export function features(normalised: string): string[] {
  const s = `^${normalised}$`;
  const out: string[] = [];
  for (let n = 1; n <= 3; n++) {
    for (let i = 0; i + n <= s.length; i++) {
      const g = s.slice(i, i + n);
      if (n === 1 && (g === '^' || g === '$')) continue;
      out.push(g);
    }
  }
  return out;
}

interface Counts {
  /** Per feature: count per category. */
  readonly feature: Map<string, Float64Array>;
  /** Total feature count per category. */
  readonly total: Float64Array;
  /** Examples per category. */
  readonly docs: Float64Array;
}

function emptyCounts(k: number): Counts {
  return { feature: new Map(), total: new Float64Array(k), docs: new Float64Array(k) };
}

export class NaiveBayes {
  readonly categories: readonly string[];
  readonly #index: Map<string, number>;
  readonly #base: Counts | undefined;
  readonly #own: Counts;
  #vocabulary: number;

  private constructor(categories: readonly string[], base: Counts | undefined, vocabulary: number) {
    this.categories = categories;
    this.#index = new Map(categories.map((c, i) => [c, i]));
    this.#base = base;
    this.#own = emptyCounts(categories.length);
    this.#vocabulary = vocabulary;
  }

  /** A model trained on examples (categories not in the list are refused). */
  static train(categories: readonly string[], examples: readonly Example[]): NaiveBayes {
    const nb = new NaiveBayes(categories, undefined, 0);
    nb.#add(examples);
    return nb;
  }

  /**
   * A model that knows these examples too (a person's corrections), sharing this one's counts: cheap, and the
   * base model is not changed.
   */
  extend(examples: readonly Example[]): NaiveBayes {
    const merged = this.#merged();
    const nb = new NaiveBayes(this.categories, merged, this.#vocabulary);
    nb.#add(examples);
    return nb;
  }

  #merged(): Counts {
    if (!this.#base) return this.#own;
    if (this.#own.feature.size === 0) return this.#base;
    const k = this.categories.length;
    const out = emptyCounts(k);
    for (const src of [this.#base, this.#own]) {
      for (const [f, counts] of src.feature) {
        const into = out.feature.get(f) ?? new Float64Array(k);
        for (let i = 0; i < k; i++) into[i]! += counts[i]!;
        out.feature.set(f, into);
      }
      for (let i = 0; i < k; i++) {
        out.total[i]! += src.total[i]!;
        out.docs[i]! += src.docs[i]!;
      }
    }
    return out;
  }

  #add(examples: readonly Example[]): void {
    const k = this.categories.length;
    for (const e of examples) {
      const c = this.#index.get(e.category);
      if (c === undefined) throw new Error(`naive bayes: unknown category ${e.category}`);
      this.#own.docs[c]! += 1;
      for (const f of features(e.text)) {
        let counts = this.#own.feature.get(f);
        if (!counts) {
          if (!this.#base?.feature.has(f)) this.#vocabulary++;
          counts = new Float64Array(k);
          this.#own.feature.set(f, counts);
        }
        counts[c]! += 1;
        this.#own.total[c]! += 1;
      }
    }
  }

  /** The most probable category and its posterior; undefined for an empty name. */
  predict(normalised: string): Prediction | undefined {
    if (normalised === '') return undefined;
    const fs = features(normalised);
    const k = this.categories.length;
    const v = this.#vocabulary + 1;
    const logp = new Float64Array(k);
    const total = new Float64Array(k);
    for (let i = 0; i < k; i++) total[i] = (this.#base?.total[i] ?? 0) + this.#own.total[i]!;
    const known = (i: number) => (this.#base?.docs[i] ?? 0) + this.#own.docs[i]! > 0;
    for (const f of fs) {
      const a = this.#base?.feature.get(f);
      const b = this.#own.feature.get(f);
      if (!a && !b) continue; // unseen everywhere: the same for every category
      for (let i = 0; i < k; i++) {
        const n = (a?.[i] ?? 0) + (b?.[i] ?? 0);
        logp[i]! += Math.log((n + ALPHA) / (total[i]! + ALPHA * v));
      }
    }
    let best = -1;
    let max = -Infinity;
    for (let i = 0; i < k; i++) {
      if (!known(i)) continue;
      if (logp[i]! > max) {
        max = logp[i]!;
        best = i;
      }
    }
    if (best < 0) return undefined;
    let z = 0;
    for (let i = 0; i < k; i++) if (known(i)) z += Math.exp(logp[i]! - max);
    return { category: this.categories[best]!, confidence: 1 / z };
  }
}
