import { mix } from '../random/rng.ts';

/**
 * Korean business registration numbers (사업자등록번호, 10 digits): 3-digit office code, 2-digit type
 * (01–79 individuals, 81/86/87 corporate head offices, 85 corporate branches), 4-digit serial and a check
 * digit. Ours are derived from a key, with a valid check digit; they are not real businesses' numbers.
 */
export function checkDigit(nine: string): number {
  const weights = [1, 3, 7, 1, 3, 7, 1, 3, 5];
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(nine[i]) * (weights[i] ?? 0);
  sum += Math.floor((Number(nine[8]) * 5) / 10);
  return (10 - (sum % 10)) % 10;
}

export function isValidBusinessNumber(s: string): boolean {
  return /^[0-9]{10}$/.test(s) && checkDigit(s.slice(0, 9)) === Number(s[9]);
}

export type BusinessKind = 'individual' | 'corporate' | 'branch';

export function businessNumber(kind: BusinessKind, ...key: number[]): string {
  const h = mix(0xb12, ...key);
  const office = 101 + (h % 899);
  const type = kind === 'corporate' ? [81, 86, 87][(h >>> 12) % 3] : kind === 'branch' ? 85 : 1 + ((h >>> 12) % 79);
  const serial = (h >>> 5) % 10_000;
  const nine = `${office}${String(type).padStart(2, '0')}${String(serial).padStart(4, '0')}`;
  return `${nine}${checkDigit(nine)}`;
}
