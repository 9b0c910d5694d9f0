import { dictionaryEntries, type Tx } from '@hannun/analysis';
import { seededRandom as rng } from '@hannun/infra';

const BRANCHES = ['강남역점', '역삼점', '홍대입구점', '서면점', '수원역점', '판교점', '잠실2호점', '광화문점'];
const UNKNOWN = ['행복가득치과의원', '우리동네 분식', '바다향 횟집', '한빛 공방', '초록 꽃집', 'ZXQW 상사'];

/**
 * Synthetic movements like a person's card and bank history: dictionary merchants with branch suffixes and
 * gateway prefixes (80 %), unknown local shops (10 %), bank rows with classes and memos (10 %), over 36 months.
 */
export function syntheticTransactions(n: number, seed = 7): Tx[] {
  const r = rng(seed);
  const names = dictionaryEntries().map((e) => e.name);
  const out: Tx[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const month = 202312 + Math.floor(r() * 36);
    const y = 2023 + Math.floor((month - 202312 + 11) / 12);
    const m = ((month - 202312 + 11) % 12) + 1;
    const date = `${y}${String(m).padStart(2, '0')}${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`;
    const k = r();
    if (k < 0.1) {
      const salary = r() < 0.3;
      out[i] = {
        id: `b${i}`,
        source: 'bank',
        orgCode: 'BKNURI0001',
        date,
        amount: salary ? 3_200_000 : -Math.round(r() * 500) * 100,
        merchant: salary ? '누리전자 급여' : r() < 0.5 ? '도시가스요금' : '김철수',
        transClass: salary ? '급여' : r() < 0.5 ? '자동이체' : '타행이체',
      };
      continue;
    }
    const name =
      k < 0.2
        ? UNKNOWN[Math.floor(r() * UNKNOWN.length)]!
        : `${r() < 0.1 ? '카카오페이_' : ''}${names[Math.floor(r() * names.length)]!} ${BRANCHES[Math.floor(r() * BRANCHES.length)]!}`;
    out[i] = {
      id: `c${i}`,
      source: 'card',
      orgCode: 'CDNURI0001',
      date,
      amount: -Math.round(1 + r() * 1000) * 100,
      merchant: name,
    };
  }
  return out;
}
