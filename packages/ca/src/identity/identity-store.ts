/** An identity check (본인확인, PROVISIONAL) as the CA keeps it while the person confirms it. */
export type IdentityStatus = 'requested' | 'approved' | 'refused' | 'expired';

export interface IdentityTransaction {
  /** Random, unguessable, URL-safe: the page's address and the operator's handle. */
  readonly certTxId: string;
  readonly operatorOrgCode: string;
  readonly personId: string;
  readonly requestTitle: string;
  readonly returnUrl: string | null;
  /** The page's CSRF token for this check. */
  readonly csrfToken: string;
  /** As stored; a 'requested' check past expiresAt reads as expired (identityStatus). */
  readonly status: IdentityStatus;
  readonly createdAt: number;
  readonly expiresAt: number;
  readonly decidedAt: number | null;
  /** When the operator took the result (once: a second read is refused). */
  readonly collectedAt: number | null;
}

/**
 * Where identity checks live while the person confirms them (minutes). Every change that can race is a
 * compare-and-set: deciding (only a requested, unexpired check) and collecting (only an approved one, once).
 */
export interface IdentityStore {
  add(tx: IdentityTransaction): Promise<void>;
  get(certTxId: string): Promise<IdentityTransaction | undefined>;
  /** requested → approved | refused | expired; false when it was no longer requested (or, approving, expired). */
  decide(certTxId: string, status: 'approved' | 'refused' | 'expired', at: number): Promise<boolean>;
  /** Marks an approved check as taken by the operator; false when it was taken before or is not approved. */
  collect(certTxId: string, at: number): Promise<boolean>;
}

/** The status at `now`: a requested check past its expiry is expired. */
export function identityStatus(tx: Pick<IdentityTransaction, 'status' | 'expiresAt'>, now: number): IdentityStatus {
  return tx.status === 'requested' && now >= tx.expiresAt ? 'expired' : tx.status;
}

/** Checks older than this are forgotten by the memory store (they expired long before). */
const KEEP_MS = 60 * 60_000;

/**
 * The identity store in memory: checks last minutes, so losing them on a restart only asks the person to
 * start again. One CA process; a CA scaled over several processes would need a shared table.
 */
export function createMemoryIdentityStore(nowMs: () => number = Date.now): IdentityStore {
  const txs = new Map<string, IdentityTransaction>();
  const forgetOld = () => {
    const cutoff = nowMs() - KEEP_MS;
    for (const [id, tx] of txs) if (tx.expiresAt < cutoff) txs.delete(id);
  };
  return {
    async add(tx) {
      forgetOld();
      if (txs.has(tx.certTxId)) throw new Error('identity check id collision');
      txs.set(tx.certTxId, { ...tx });
    },
    async get(certTxId) {
      return txs.get(certTxId);
    },
    async decide(certTxId, status, at) {
      const tx = txs.get(certTxId);
      if (tx?.status !== 'requested') return false;
      if (status === 'approved' && at >= tx.expiresAt) return false;
      txs.set(certTxId, { ...tx, status, decidedAt: at });
      return true;
    },
    async collect(certTxId, at) {
      const tx = txs.get(certTxId);
      if (tx?.status !== 'approved' || tx.collectedAt !== null) return false;
      txs.set(certTxId, { ...tx, collectedAt: at });
      return true;
    },
  };
}
