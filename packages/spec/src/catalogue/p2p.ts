import type { ApiSpec } from './api-spec.ts';

// To be filled: see catalogue/bank.ts for the pattern.
export const P2P_APIS: readonly ApiSpec[] = [];
