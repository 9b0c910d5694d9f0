/**
 * Business registration numbers (merchant_regno) whose category is known without the name: filled by the
 * operator from the registry (the institutions themselves: an insurer's regno is an insurance premium, a
 * carrier's a phone bill) and, per person, from merchants already categorised. This static part is empty on
 * purpose: real brands' numbers are not published as a dataset we could ship (PROVISIONAL), and invented
 * numbers would mislead.
 */
export const STATIC_REGNO_CATEGORIES: Readonly<Record<string, string>> = {};

/** The category of an institution's own charges, by the industry of the registry (bank, card, insu …). */
export const INDUSTRY_CATEGORIES: Readonly<Record<string, string>> = {
  insu: 'insurance',
  ginsu: 'insurance',
  telecom: 'telecom',
  capital: 'loan-interest',
  p2p: 'loan-interest',
  usury: 'loan-interest',
  bond: 'loan-interest',
  bank: 'fees',
  card: 'fees',
  invest: 'savings',
  efin: 'top-up',
};
