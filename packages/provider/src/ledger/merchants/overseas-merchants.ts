/**
 * Merchants abroad, as overseas approvals (카드-009) name them: online services charged in USD and shops
 * and hotels of the destinations Koreans travel to most. Amounts are in the local currency.
 */
export interface OverseasMerchant {
  readonly name: string;
  /** ISO 3166-1 alpha-2. */
  readonly country: string;
  /** ISO 4217. */
  readonly currency: string;
  /** Amount range in the currency: minimum, median, maximum. */
  readonly amount: readonly [number, number, number];
  /** Charged from home (subscriptions, web shops) rather than during a trip. */
  readonly online: boolean;
}

const o = (
  name: string,
  country: string,
  currency: string,
  min: number,
  median: number,
  max: number,
  online = false,
): OverseasMerchant => ({ name, country, currency, amount: [min, median, max], online });

export const OVERSEAS_MERCHANTS: readonly OverseasMerchant[] = [
  // Charged from home
  o('AMAZON.COM', 'US', 'USD', 9.99, 42.5, 420, true),
  o('APPLE.COM/BILL', 'US', 'USD', 0.99, 9.99, 99.99, true),
  o('NETFLIX.COM', 'US', 'USD', 9.99, 15.49, 22.99, true),
  o('GOOGLE *YouTube Premium', 'US', 'USD', 13.99, 13.99, 22.99, true),
  o('OPENAI *CHATGPT SUBSCR', 'US', 'USD', 20, 20, 200, true),
  o('STEAMGAMES.COM', 'US', 'USD', 4.99, 19.99, 69.99, true),
  o('IHERB.COM', 'US', 'USD', 12, 48.3, 180, true),
  o('ADOBE *CREATIVE CLOUD', 'IE', 'USD', 22.99, 22.99, 59.99, true),
  o('AGODA.COM', 'SG', 'USD', 45, 138, 620, true),
  o('BOOKING.COM', 'NL', 'EUR', 60, 160, 800, true),
  // Japan
  o('UNIQLO SHINJUKU', 'JP', 'JPY', 1990, 6990, 29900),
  o('7-ELEVEN OSAKA NAMBA', 'JP', 'JPY', 180, 980, 4500),
  o('FAMILYMART SHIBUYA', 'JP', 'JPY', 150, 850, 4000),
  o('DON QUIJOTE DOTONBORI', 'JP', 'JPY', 800, 8600, 45000),
  o('ICHIRAN RAMEN', 'JP', 'JPY', 980, 2300, 6000),
  o('BIC CAMERA YURAKUCHO', 'JP', 'JPY', 1500, 12800, 120000),
  o('HOTEL GRACERY SHINJUKU', 'JP', 'JPY', 14000, 26000, 68000),
  o('JR WEST TICKET', 'JP', 'JPY', 1200, 5600, 28000),
  o('FUKUOKA TOWER', 'JP', 'JPY', 800, 1600, 4000),
  // Vietnam, Thailand, others
  o('VINMART DA NANG', 'VN', 'VND', 50000, 320000, 2500000),
  o('HIGHLANDS COFFEE', 'VN', 'VND', 35000, 85000, 300000),
  o('SHERATON NHA TRANG', 'VN', 'VND', 1500000, 3800000, 12000000),
  o('BIG C BANGKOK', 'TH', 'THB', 80, 650, 4500),
  o('CENTRAL WORLD', 'TH', 'THB', 300, 2400, 25000),
  o('STARBUCKS SIAM', 'TH', 'THB', 95, 180, 600),
  o('T GALLERIA GUAM', 'GU', 'USD', 30, 180, 1500),
  o('ROSS DRESS FOR LESS', 'US', 'USD', 15, 68, 300),
  o('IN-N-OUT BURGER', 'US', 'USD', 8, 19.5, 60),
  o('WALGREENS', 'US', 'USD', 5, 24.3, 120),
  o('GALERIES LAFAYETTE', 'FR', 'EUR', 30, 210, 2500),
  o('CARREFOUR CITY', 'FR', 'EUR', 5, 26.4, 120),
  o('TAIPEI 101 MALL', 'TW', 'TWD', 200, 1800, 15000),
  o('DIN TAI FUNG', 'TW', 'TWD', 300, 980, 3500),
  o('SHILLA DUTY FREE SG', 'SG', 'SGD', 30, 180, 1500),
];

/** Destinations of trips: country and the currency spent there. */
export const TRIP_COUNTRIES: readonly { readonly country: string; readonly weight: number }[] = [
  { country: 'JP', weight: 10 },
  { country: 'VN', weight: 4 },
  { country: 'TH', weight: 3 },
  { country: 'US', weight: 2 },
  { country: 'GU', weight: 1 },
  { country: 'TW', weight: 2 },
  { country: 'FR', weight: 1 },
  { country: 'SG', weight: 1 },
];
