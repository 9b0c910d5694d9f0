import { describe, expect, it } from 'vitest';
import { AnalysisError } from '../shared/analysis-error.ts';
import { MERCHANT_CATEGORIES } from './categories.ts';
import { Categoriser, DEFAULT_THRESHOLD } from './categoriser.ts';
import { dictionaryEntries } from './data/merchants.ts';
import { MerchantDictionary } from './dictionary.ts';
import { heldOutAccuracy } from './held-out.ts';
import { learnedCategory } from './learned-rules.ts';
import { NaiveBayes } from './naive-bayes.ts';
import { normaliseMerchant } from './normalise-merchant.ts';
import { checkRule } from './person-rules.ts';
import type { Tx } from './transaction.ts';

const tx = (merchant: string, o: Partial<Tx> = {}): Tx => ({
  id: merchant,
  source: 'card',
  orgCode: 'CDNURI0001',
  date: '20261110',
  amount: -5000,
  merchant,
  ...o,
});

describe('merchant names are normalised', () => {
  it.each([
    ['스타벅스 강남역점', '스타벅스'],
    ['카카오페이_스타벅스 강남역점', '스타벅스'],
    ['(주)쿠팡', '쿠팡'],
    ['쿠팡 주식회사', '쿠팡'],
    ['SK에너지 역삼주유소', 'sk에너지'],
    ['GS25 역삼2호점', 'gs25'],
    ['KG이니시스 무신사', '무신사'],
    ['이마트 트레이더스', '이마트트레이더스'],
  ])('%s → %s', (raw, want) => {
    expect(normaliseMerchant(raw)).toBe(want);
  });
});

describe('the merchant dictionary', () => {
  it('holds at least 500 Korean merchants and brands, each with a merchant category', () => {
    const entries = dictionaryEntries();
    expect(new Set(entries.map((e) => e.name)).size).toBeGreaterThanOrEqual(500);
    for (const e of entries) expect(MERCHANT_CATEGORIES).toContain(e.category);
    expect(new MerchantDictionary().size).toBeGreaterThanOrEqual(500);
  });

  it('finds a brand with a branch, a gateway prefix or a suffix of its own', () => {
    const d = new MerchantDictionary();
    expect(d.lookup(normaliseMerchant('토스페이_배달의민족'))?.category).toBe('delivery');
    expect(d.lookup(normaliseMerchant('스타벅스 사이렌오더'))?.category).toBe('cafe');
    expect(d.lookup(normaliseMerchant('올리브영 홍대입구점'))?.category).toBe('beauty');
    expect(d.lookup('cube')).toBeUndefined(); // "CU" matches only exactly
  });
});

describe('the categorisation pipeline', () => {
  const c = new Categoriser();

  it('a person’s edit wins over everything and locks the row', () => {
    const p = c.forPerson({ rules: [checkRule({ match: 'contains', pattern: '스타벅스', category: 'leisure' })] });
    expect(p.categorise(tx('스타벅스 강남점'), 'education')).toMatchObject({ category: 'education', source: 'person' });
  });

  it('a person’s rule wins over the dictionary; a learned rule over the dictionary too', () => {
    const p = c.forPerson({
      rules: [checkRule({ match: 'prefix', pattern: '스타벅스', category: 'restaurant' })],
      learned: new Map([['쿠팡', 'living']]),
    });
    expect(p.categorise(tx('스타벅스 강남점'))).toMatchObject({ category: 'restaurant', source: 'person-rule' });
    expect(p.categorise(tx('(주)쿠팡'))).toMatchObject({ category: 'living', source: 'learned-rule' });
  });

  it('a rule with an amount range applies only inside it', () => {
    const p = c.forPerson({
      rules: [checkRule({ match: 'exact', pattern: '쿠팡', category: 'electronics', minAmount: 100_000 })],
    });
    expect(p.categorise(tx('쿠팡', { amount: -200_000 })).category).toBe('electronics');
    expect(p.categorise(tx('쿠팡', { amount: -20_000 })).category).toBe('online');
  });

  it('bank classes and memos: salary, card bill, rent, a transfer to a person', () => {
    const p = c.forPerson();
    expect(p.categorise(tx('누리전자 급여', { source: 'bank', transClass: '급여', amount: 3_000_000 })).category).toBe(
      'salary',
    );
    expect(p.categorise(tx('누리카드', { source: 'bank', transClass: '카드대금', amount: -800_000 })).category).toBe(
      'card-payment',
    );
    expect(p.categorise(tx('김철수 월세', { source: 'bank', transClass: '타행이체', amount: -600_000 })).category).toBe(
      'housing',
    );
    expect(p.categorise(tx('박영희', { source: 'bank', transClass: '타행이체', amount: -50_000 })).category).toBe(
      'person-transfer',
    );
    expect(p.categorise(tx('도시가스요금', { source: 'bank', transClass: '자동이체', amount: -40_000 })).category).toBe(
      'utilities',
    );
  });

  it('the business number, then the 간편결제 order category, when the name is unknown', () => {
    const withRegno = new Categoriser({ regno: new Map([['1208800767', 'insurance']]) }).forPerson();
    expect(withRegno.categorise(tx('든든생명', { regno: '1208800767' }))).toMatchObject({
      category: 'insurance',
      source: 'regno',
    });
    expect(c.forPerson().categorise(tx('아무개상점', { source: 'pay', orderCategory: '반려동물' }))).toMatchObject({
      category: 'pet',
      source: 'order',
    });
  });

  it('the learned model names an unknown clinic; below the threshold it says uncategorised', () => {
    const p = c.forPerson();
    const clinic = p.categorise(tx('행복가득치과의원'));
    expect(clinic).toMatchObject({ category: 'medical', source: 'model' });
    expect(clinic.confidence).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
    const odd = p.categorise(tx('ZXQW'));
    expect(odd).toMatchObject({ category: 'uncategorised', source: 'none' });
  });

  it('corrections teach the model for that person only', () => {
    const taught = c.forPerson({
      corrections: [
        { text: normaliseMerchant('꿈나무공방'), category: 'education' },
        { text: normaliseMerchant('꿈나무공방 2관'), category: 'education' },
      ],
    });
    expect(taught.categorise(tx('꿈나무공방 3관')).category).toBe('education');
    expect(c.forPerson().categorise(tx('꿈나무공방 3관')).category).not.toBe('education');
  });
});

describe('learned rules: 3 of the last 5', () => {
  it('three of the merchant’s last five rows chosen alike make a rule; two do not', () => {
    const rows = (cats: (string | null)[]) =>
      cats.map((personCategory, i) => ({ date: `202611${String(20 - i).padStart(2, '0')}`, personCategory }));
    expect(learnedCategory(rows(['pet', null, 'pet', 'pet', null]))).toBe('pet');
    expect(learnedCategory(rows(['pet', null, 'pet', null, null, 'pet']))).toBeUndefined();
  });
});

describe('a malformed person rule is refused with a code and ko/en text', () => {
  it.each([
    [{ pattern: '', category: 'cafe' }, 'ANALYSIS_RULE_PATTERN', 'pattern'],
    [{ pattern: '(주) ', category: 'cafe' }, 'ANALYSIS_RULE_PATTERN', 'pattern'],
    [{ pattern: '스타벅스', category: 'coffee' }, 'ANALYSIS_RULE_CATEGORY', 'category'],
    [{ pattern: '스타벅스', category: 'uncategorised' }, 'ANALYSIS_RULE_CATEGORY', 'category'],
    [{ match: 'regex', pattern: '스타벅스', category: 'cafe' }, 'ANALYSIS_RULE_MATCH', 'match'],
    [{ pattern: '스타벅스', category: 'cafe', minAmount: -1 }, 'ANALYSIS_RULE_AMOUNT', 'minAmount'],
    [{ pattern: '스타벅스', category: 'cafe', minAmount: 10, maxAmount: 5 }, 'ANALYSIS_RULE_AMOUNT', 'maxAmount'],
    [{ pattern: 'x'.repeat(61), category: 'cafe' }, 'ANALYSIS_RULE_PATTERN', 'pattern'],
  ])('%j → %s', (input, code, field) => {
    try {
      checkRule(input);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AnalysisError);
      expect((e as AnalysisError).code).toBe(code);
      expect((e as AnalysisError).field).toBe(field);
      expect((e as AnalysisError).ko.length).toBeGreaterThan(0);
    }
  });
});

describe('the learned categoriser on a held-out set', () => {
  it('answers most held-out names and is right on at least 80 % of those it answers (docs report the figures)', () => {
    const r = heldOutAccuracy(DEFAULT_THRESHOLD);
    expect(r.heldOut).toBeGreaterThan(150);
    expect(r.coverage).toBeGreaterThan(0.4);
    expect(r.precision).toBeGreaterThanOrEqual(0.8);
    expect(r.precision).toBeGreaterThan(r.topOneAccuracy);
  });

  it('refuses an unknown category and answers nothing for an empty name', () => {
    expect(() => NaiveBayes.train(['cafe'], [{ text: 'x', category: 'nope' }])).toThrow(/unknown category/);
    expect(NaiveBayes.train(['cafe'], [{ text: 'ab', category: 'cafe' }]).predict('')).toBeUndefined();
  });
});
