/**
 * KRW per unit of foreign currency, used to show foreign holdings in won. PROVISIONAL data: a fixed table
 * (Hannun downloads nothing at run time); the rate and its date are shown beside every converted amount.
 * Replace with a rates feed in production.
 */
export const FX_TABLE = {
  asOf: '20261120',
  source: 'Hannun provisional table (not a market feed)',
  rates: {
    USD: '1385.20',
    EUR: '1462.80',
    JPY: '9.0830',
    CNY: '191.40',
    GBP: '1748.50',
    HKD: '178.10',
    SGD: '1031.60',
    AUD: '902.30',
    CAD: '988.70',
    CHF: '1567.90',
    TWD: '43.10',
    THB: '38.90',
    VND: '0.0547',
    PHP: '23.60',
    NZD: '824.10',
  } as Readonly<Record<string, string>>,
} as const;
