import { createColumnSealer, generateStorageKey } from '@hannun/pki';
import { describeEachDialect } from '@hannun/store/testing';
import { createMemoryConsentStore } from '../../consent/memory-consent-store.ts';
import type { AuthDatabase } from './auth-database.ts';
import { authStoreContract } from './auth-store.contract.ts';
import { sqlAuthStoreOn } from './sql-auth-store.ts';

const sealer = createColumnSealer(generateStorageKey());

describeEachDialect('AuthStore on SQL', (open, context) => {
  authStoreContract(async () => {
    const db = await open<AuthDatabase>();
    const consents = createMemoryConsentStore();
    const store = await sqlAuthStoreOn(db, consents, sealer);
    return {
      store,
      consents,
      reopen: async (index) => sqlAuthStoreOn(await context.openAgain(db), index, sealer),
    };
  });
});
