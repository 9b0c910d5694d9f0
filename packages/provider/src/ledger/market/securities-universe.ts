/**
 * What customers invest in. KRX listings are fictional companies with 6-digit codes (any match with a
 * real listing is unintended); US listings use their real tickers with synthetic prices; funds carry
 * invented standard fund codes (표준코드, 12 characters). Prices are reference levels; the price path
 * (price-path.ts) moves them month by month.
 */
export interface Security {
  readonly code: string;
  readonly name: string;
  /** 'krx' stocks and ETFs in KRW; 'us' stocks in USD; 'fund' units priced per 1,000 units (기준가). */
  readonly market: 'krx' | 'us' | 'fund';
  /** Reference price: KRW for krx and fund (기준가), USD for us. */
  readonly price: number;
  /** Monthly volatility of the log price. */
  readonly vol: number;
  /** Monthly drift of the log price. */
  readonly drift: number;
  /** Kind shown in product lists: 주식, ETF, 펀드. */
  readonly kind: 'stock' | 'etf' | 'fund';
}

const s = (code: string, name: string, price: number, vol = 0.08, drift = 0.004): Security => ({
  code,
  name,
  market: 'krx',
  price,
  vol,
  drift,
  kind: name.includes('ETF') ? 'etf' : 'stock',
});
const us = (code: string, name: string, price: number, vol = 0.07, drift = 0.008): Security => ({
  code,
  name,
  market: 'us',
  price,
  vol,
  drift,
  kind: name.includes('ETF') ? 'etf' : 'stock',
});
const f = (code: string, name: string, price: number, vol = 0.035, drift = 0.004): Security => ({
  code,
  name,
  market: 'fund',
  price,
  vol,
  drift,
  kind: 'fund',
});

export const SECURITIES: readonly Security[] = [
  s('012340', '대한반도체', 71800, 0.09, 0.006),
  s('034560', '한강바이오로직스', 812000, 0.1, 0.005),
  s('051230', '미래에너지솔루션', 388000, 0.12, 0.003),
  s('023410', '세종화학', 312000, 0.08),
  s('011780', '동방해운', 18500, 0.11, 0.002),
  s('068790', '신라제약', 176000, 0.1),
  s('000980', '태평양건설', 32150, 0.07, 0.001),
  s('005490', '백두자동차', 238500, 0.07, 0.005),
  s('042670', '금강중공업', 41200, 0.1, 0.006),
  s('009540', '서해조선', 129800, 0.11, 0.006),
  s('030120', '누리통신', 51300, 0.04, 0.002),
  s('097950', '하나로식품', 286000, 0.05, 0.002),
  s('259960', '아람게임즈', 214500, 0.12, 0.002),
  s('352820', '솔빛엔터테인먼트', 198700, 0.12, 0.002),
  s('004020', '청운철강', 28900, 0.08, 0.001),
  s('105560', '한결금융지주', 78400, 0.06, 0.006),
  s('090430', '다솜화장품', 121300, 0.09, 0.001),
  s('003490', '새한항공', 22750, 0.07, 0.003),
  s('139480', '온누리유통', 65800, 0.06, 0.001),
  s('066570', '가온전자', 96500, 0.08, 0.004),
  s('035420', '별빛소프트', 187600, 0.09, 0.004),
  s('277810', '우리로봇', 142300, 0.14, 0.008),
  s('112610', '초록에너지', 24350, 0.12, 0.003),
  s('006280', '바다식품', 17450, 0.05, 0.001),
  s('373220', '한울전지', 352000, 0.11, 0.004),
  s('128940', '소망제약', 385000, 0.09, 0.004),
  s('036460', '동해가스', 30850, 0.05, 0.002),
  s('086790', '한빛금융', 63200, 0.06, 0.006),
  s('069500', '한울 코리아200 ETF', 36850, 0.05, 0.005),
  s('229200', '가람 코스닥150 ETF', 11250, 0.07, 0.002),
  s('360750', '미래로 미국S&P500 ETF', 19480, 0.04, 0.008),
  s('133690', '미래로 미국나스닥100 ETF', 118900, 0.05, 0.01),
  s('153130', '한울 단기채권 ETF', 110250, 0.003, 0.0025),
  us('AAPL', '애플', 228.5),
  us('MSFT', '마이크로소프트', 421.3),
  us('NVDA', '엔비디아', 132.8, 0.12, 0.015),
  us('TSLA', '테슬라', 248.2, 0.15, 0.006),
  us('GOOGL', '알파벳 A', 176.4),
  us('AMZN', '아마존닷컴', 198.7),
  us('SPY', 'SPDR S&P500 ETF', 568.4, 0.04, 0.008),
  us('QQQ', '인베스코 QQQ ETF', 492.1, 0.05, 0.01),
  us('SCHD', '슈왑 미국배당 ETF', 28.15, 0.035, 0.005),
  f('KR5101AB1234', '한울 글로벌주식 증권자투자신탁(주식)C-e', 1284.55),
  f('KR5102CD5678', '가람 코리아밸류 증권투자신탁(주식)A', 1103.2, 0.05),
  f('KR5103EF9012', '미래로 TDF2045 증권투자신탁(혼합-재간접)C-P2e', 1420.73, 0.03, 0.005),
  f('KR5104GH3456', '누리 단기채 증권투자신탁(채권)C-e', 1052.64, 0.004, 0.0028),
  f('KR5105JK7890', '새봄 글로벌인컴 증권투자신탁(채권혼합)C', 998.41, 0.015, 0.003),
  f('KR5106LM2345', '하늘 미국S&P500인덱스 증권투자신탁(H)C-e', 1612.08, 0.04, 0.007),
];

export const KRX_STOCKS = SECURITIES.flatMap((sec, i) => (sec.market === 'krx' ? [i] : []));
export const US_STOCKS = SECURITIES.flatMap((sec, i) => (sec.market === 'us' ? [i] : []));
export const FUNDS = SECURITIES.flatMap((sec, i) => (sec.market === 'fund' ? [i] : []));
export const ETFS_KRX = SECURITIES.flatMap((sec, i) => (sec.market === 'krx' && sec.kind === 'etf' ? [i] : []));

export function securityAt(i: number): Security {
  const sec = SECURITIES[i];
  if (!sec) throw new Error(`no security ${i}`);
  return sec;
}
