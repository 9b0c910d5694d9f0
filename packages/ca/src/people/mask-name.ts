/**
 * A name as the approval page shows it: the first and last characters, the rest as asterisks
 * (홍길동 → 홍*동, 남궁민수 → 남**수, 이산 → 이*, Alex Kim → A******m).
 */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return '*';
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}
