import type { ApiSpec } from './api-spec.ts';

// To be filled: see catalogue/bank.ts for the pattern.
export const COMMON_APIS: readonly ApiSpec[] = [];
