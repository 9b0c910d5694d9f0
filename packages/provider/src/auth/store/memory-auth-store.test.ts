import { describe } from 'vitest';
import { createMemoryConsentStore } from '../../consent/memory-consent-store.ts';
import { authStoreContract } from './auth-store.contract.ts';
import { createMemoryAuthStore } from './memory-auth-store.ts';

describe('AuthStore in memory', () => {
  authStoreContract(async () => {
    const consents = createMemoryConsentStore();
    return { store: createMemoryAuthStore(consents), consents };
  });
});
