import type { DepositSlot, SavingsSlot, Slot, TimeDepositSlot } from '../plan/plan-types.ts';
import type { BankTx } from '../simulate/events.ts';
import { A, B } from '../simulate/live-state.ts';
import type { Reader } from './reader.ts';

export type DepositLike = DepositSlot | SavingsSlot | TimeDepositSlot;

export function isDepositLike(slot: Slot | null): slot is DepositLike {
  return slot !== null && (slot.kind === 'deposit' || slot.kind === 'savings' || slot.kind === 'timeDeposit');
}

export const currencyOf = (slot: DepositLike): string => (slot.kind === 'deposit' ? slot.currency : 'KRW');

/** Balance, savings count and last change of a deposit-type account at now (balance continuity). */
export function depositAt(r: Reader, slot: DepositLike): { balance: number; count: number; changedTs: number } {
  let balance = r.monthStart.get(slot.idx, A);
  let count = r.monthStart.get(slot.idx, B);
  let changedTs = r.lastChangeBefore(slot);
  const list: readonly BankTx[] = r.bundle(r.nowMi)?.bank[slot.idx] ?? [];
  for (const tx of list) {
    if (tx.ts > r.nowTs) break;
    balance = tx.bal;
    if (tx.cnt > 0) count = tx.cnt;
    changedTs = Math.max(changedTs, tx.ts);
  }
  return { balance, count, changedTs };
}
