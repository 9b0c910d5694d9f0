import type { ConsentStore } from '../../consent/consent.ts';
import type { AuthorizationCode, AuthRequest, AuthStore, ProviderLogin, TokenPair } from './auth-store.ts';

/** Beyond this many open authorization requests, expired ones are dropped on the next write. */
const MAX_REQUESTS = 10_000;

/**
 * The authentication store in memory: what the engine runs on until the SQL implementation. Consents go
 * to the engine's ConsentStore (the check chain's index). Every write happens within one synchronous turn,
 * so the atomic operations (consume, claim) are atomic here too.
 */
export function createMemoryAuthStore(consents: ConsentStore): AuthStore {
  const pairs = new Map<string, TokenPair>();
  const pairByJti = new Map<string, string>();
  const pairByGrant = new Map<string, string>();
  /** Pair ids per (org_code, client_id, CI), oldest first. */
  const pairsOfPerson = new Map<string, string[]>();
  const personKey = (orgCode: string, clientId: string, ci: string) => `${orgCode}\u0001${clientId}\u0001${ci}`;
  const codes = new Map<string, AuthorizationCode>();
  const certTxs = new Set<string>();
  const logins = new Map<string, ProviderLogin>();
  const requests = new Map<string, AuthRequest>();
  const loginKey = (orgCode: string, loginId: string) => `${orgCode}\u0001${loginId}`;
  const pairKey = (orgCode: string, jti: string) => `${orgCode}\u0001${jti}`;

  const updatePair = (id: string, change: (pair: TokenPair) => TokenPair) => {
    const pair = pairs.get(id);
    if (pair) pairs.set(id, change(pair));
  };
  const certKey = (orgCode: string, certTxId: string) => `${orgCode}\u0001cert\u0001${certTxId}`;
  const txKey = (orgCode: string, txId: string) => `${orgCode}\u0001tx\u0001${txId}`;
  const isClaimed = (orgCode: string, certTxId: string, txId: string) =>
    certTxs.has(certKey(orgCode, certTxId)) || certTxs.has(txKey(orgCode, txId));
  const livePair = (orgCode: string, clientId: string, ci: string, now: number) => {
    const ids = pairsOfPerson.get(personKey(orgCode, clientId, ci)) ?? [];
    for (let i = ids.length - 1; i >= 0; i--) {
      const pair = pairs.get(ids[i]!);
      if (pair && pair.revokedAt === undefined && pair.refreshExpiresAt > now) return pair;
    }
    return undefined;
  };
  const insertPair = (pair: TokenPair) => {
    pairs.set(pair.id, pair);
    pairByGrant.set(pairKey(pair.orgCode, pair.grant), pair.id);
    const person = personKey(pair.orgCode, pair.clientId, pair.ci);
    pairsOfPerson.set(person, [
      ...(pairsOfPerson.get(person) ?? []).filter((id) => pairs.get(id)?.revokedAt === undefined),
      pair.id,
    ]);
    pairByJti.set(pairKey(pair.orgCode, pair.accessJti), pair.id);
    pairByJti.set(pairKey(pair.orgCode, pair.refreshJti), pair.id);
  };

  return {
    consents: {
      get: (id) => consents.get(id),
      insert: async (consent) => consents.put(consent),
      revoke: async (id, at) => consents.revoke(id, at),
    },
    pairs: {
      // Within one synchronous turn: all of it happens, or (a replay) none of it.
      async issue({ claim, consent, pair }, at) {
        if (claim && isClaimed(pair.orgCode, claim.certTxId, claim.txId)) return { ok: false, reason: 'replayed' };
        if (claim) {
          certTxs.add(certKey(pair.orgCode, claim.certTxId));
          certTxs.add(txKey(pair.orgCode, claim.txId));
        }
        if (consent) consents.put(consent);
        const old = livePair(pair.orgCode, pair.clientId, pair.ci, at);
        if (old) {
          updatePair(old.id, (p) => ({ ...p, revokedAt: at, revokedWhy: 'replaced' }));
          if (old.consentId !== pair.consentId) consents.revoke(old.consentId, at);
        }
        insertPair(pair);
        return { ok: true, replaced: old };
      },
      live: async (orgCode, clientId, ci, now) => livePair(orgCode, clientId, ci, now),
      async byJti(orgCode, jti) {
        const id = pairByJti.get(pairKey(orgCode, jti));
        const pair = id === undefined ? undefined : pairs.get(id);
        return pair && (pair.accessJti === jti || pair.refreshJti === jti) ? pair : undefined;
      },
      async byGrant(orgCode, grant) {
        const id = pairByGrant.get(pairKey(orgCode, grant));
        return id === undefined ? undefined : pairs.get(id);
      },
      async insert(pair) {
        insertPair(pair);
      },
      async revoke(id, at, why) {
        updatePair(id, (pair) => (pair.revokedAt === undefined ? { ...pair, revokedAt: at, revokedWhy: why } : pair));
      },
      async replaceAccess(id, accessJti, accessExpiresAt) {
        updatePair(id, (pair) => {
          pairByJti.set(pairKey(pair.orgCode, accessJti), id);
          return { ...pair, accessJti, accessExpiresAt };
        });
      },
      list: async (orgCode) => [...pairs.values()].filter((p) => p.orgCode === orgCode),
    },
    codes: {
      async insert(code) {
        codes.set(code.codeHash, code);
      },
      async consume(codeHash, at) {
        const code = codes.get(codeHash);
        if (!code) return undefined;
        if (code.usedAt !== undefined) return { code, first: false };
        codes.set(codeHash, { ...code, usedAt: at });
        return { code, first: true };
      },
      list: async (orgCode) => [...codes.values()].filter((c) => c.orgCode === orgCode),
    },
    certTxs: {
      claimed: async (orgCode, certTxId, txId) => isClaimed(orgCode, certTxId, txId),
      async claim(orgCode, certTxId, txId) {
        if (isClaimed(orgCode, certTxId, txId)) return false;
        certTxs.add(certKey(orgCode, certTxId));
        certTxs.add(txKey(orgCode, txId));
        return true;
      },
      async release(orgCode, certTxId, txId) {
        certTxs.delete(certKey(orgCode, certTxId));
        certTxs.delete(txKey(orgCode, txId));
      },
    },
    logins: {
      find: async (orgCode, loginId) => logins.get(loginKey(orgCode, loginId)),
      async put(login) {
        logins.set(loginKey(login.orgCode, login.loginId), login);
      },
    },
    // In memory the engine's TokenRevocations is the only copy needed.
    revokedJtis: { revoke: async () => undefined, loaded: () => [] },
    requests: {
      get: async (id) => requests.get(id),
      async put(request) {
        requests.set(request.id, request);
        if (requests.size > MAX_REQUESTS) {
          for (const [id, r] of requests) if (r.expiresAt < request.createdAt) requests.delete(id);
        }
      },
      async delete(id) {
        requests.delete(id);
      },
    },
  };
}
