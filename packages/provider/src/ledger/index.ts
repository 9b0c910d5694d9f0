// The ledger: synthetic, deterministic, coherent financial lives behind the InstitutionBook contract.
export * from './ledger.ts';
export { createLedger, type LedgerOptions, planOf, populationOf } from './create-ledger.ts';
export { materialise, type MaterialiseResult } from './materialise.ts';
export type { Plan, Persona, Person, Slot } from './plan/plan-types.ts';
export { ymdOf } from './time/day-number.ts';
export { MERCHANTS } from './merchants/merchant-dictionary.ts';
