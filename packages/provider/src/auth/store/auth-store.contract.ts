import { Temporal } from 'temporal-polyfill';
import { expect, it } from 'vitest';
import type { ConsentRecord, ConsentStore } from '../../consent/consent.ts';
import type { AuthRequest, AuthStore, TokenPair } from './auth-store.ts';

/** What a contract run needs: a fresh store, the consent index it writes through, and (SQL) a reopen. */
export interface ContractSubject {
  readonly store: AuthStore;
  readonly consents: ConsentStore;
  /** Open the same database again with a fresh consent index (persistence across restarts). */
  readonly reopen?: (consents: ConsentStore) => Promise<AuthStore>;
}

const T = 1_750_000_000_000;
let serial = 0;

function consent(over: Partial<ConsentRecord> = {}): ConsentRecord {
  serial++;
  return {
    id: `consent-${serial}`,
    orgCode: 'BKNURI0001',
    ci: 'Q0k=',
    recipientOrgCode: 'MDHANNUN01',
    clientId: 'client1',
    scopes: ['bank.list', 'bank.deposit'],
    assets: [{ listApi: '은행-001', key: { account_num: '1234567890', seqno: '1' } }],
    isScheduled: true,
    fndCycle: '1/w',
    addCycle: '1/w',
    endDate: new Temporal.PlainDate(2026, 3, 14),
    purpose: '목적',
    period: '보유기간',
    flags: { transMemo: true, merchantNameRegno: false, transCategory: true },
    createdAt: T,
    auth: 'integrated',
    signature: { caCode: 'HNCA000001', certTxId: 'CERT1', txId: 'TX1', consent: '{}', signedConsent: 'sig' },
    ...over,
  };
}

function pair(consentId: string, over: Partial<TokenPair> = {}): TokenPair {
  serial++;
  return {
    id: `pair-${serial}`,
    orgCode: 'BKNURI0001',
    clientId: 'client1',
    ci: 'Q0k=',
    consentId,
    auth: 'individual',
    grant: `code:${serial}`,
    accessJti: `a-${serial}`,
    refreshJti: `r-${serial}`,
    issuedAt: T + serial,
    accessExpiresAt: T + 3_600_000,
    refreshExpiresAt: T + 86_400_000,
    ...over,
  };
}

/** The behaviour every AuthStore must have (run on memory and on SQLite and PostgreSQL). */
export function authStoreContract(make: () => Promise<ContractSubject>): void {
  it('consents: written through to the check chain’s index, revoked once from the first time', async () => {
    const { store, consents } = await make();
    const c = consent();
    await store.consents.insert(c);
    expect(consents.get(c.id)).toEqual(c);
    expect(store.consents.get(c.id)).toEqual(c);
    await store.consents.revoke(c.id, T + 10);
    await store.consents.revoke(c.id, T + 20);
    expect(store.consents.get(c.id)?.revokedAt).toBe(T + 10);
  });

  it('pairs: live excludes revoked and expired; found by either jti and by grant; a refresh replaces the access jti', async () => {
    const { store } = await make();
    const c = consent();
    await store.consents.insert(c);
    const old = pair(c.id, { refreshExpiresAt: T + 1000 });
    const current = pair(c.id);
    await store.pairs.insert(old);
    await store.pairs.insert(current);
    expect((await store.pairs.live('BKNURI0001', 'client1', 'Q0k=', T + 2000))?.id).toBe(current.id);
    expect(await store.pairs.live('BKNURI0001', 'client2', 'Q0k=', T)).toBeUndefined();
    expect((await store.pairs.byJti('BKNURI0001', current.refreshJti))?.id).toBe(current.id);
    expect((await store.pairs.byJti('BKNURI0001', current.accessJti))?.id).toBe(current.id);
    expect(await store.pairs.byJti('CDNURI0001', current.accessJti)).toBeUndefined();
    expect((await store.pairs.byGrant('BKNURI0001', current.grant))?.id).toBe(current.id);
    await store.pairs.replaceAccess(current.id, 'a-new', T + 7_200_000);
    expect(await store.pairs.byJti('BKNURI0001', current.accessJti)).toBeUndefined();
    expect(await store.pairs.byJti('BKNURI0001', 'a-new')).toMatchObject({
      id: current.id,
      accessExpiresAt: T + 7_200_000,
    });
    await store.pairs.revoke(current.id, T + 5, 'withdrawn');
    await store.pairs.revoke(current.id, T + 9, 'replaced');
    expect(await store.pairs.byJti('BKNURI0001', 'a-new')).toMatchObject({ revokedAt: T + 5, revokedWhy: 'withdrawn' });
    expect(await store.pairs.live('BKNURI0001', 'client1', 'Q0k=', T + 2000)).toBeUndefined();
    expect((await store.pairs.list('BKNURI0001')).map((p) => p.id)).toEqual([old.id, current.id]);
  });

  it('codes: the first use wins, even when two race; a second use says so; an unknown code is undefined', async () => {
    const { store } = await make();
    const code = {
      codeHash: `hash-${++serial}`,
      orgCode: 'BKNURI0001',
      clientId: 'client1',
      redirectUri: 'https://x/cb',
      ci: 'Q0k=',
      consentId: 'c',
      issuedAt: T,
      expiresAt: T + 300_000,
    };
    await store.codes.insert(code);
    const [a, b] = await Promise.all([
      store.codes.consume(code.codeHash, T + 1),
      store.codes.consume(code.codeHash, T + 2),
    ]);
    expect([a?.first, b?.first].sort()).toEqual([false, true]);
    expect((a?.first ? a : b)?.code).toEqual(code);
    const again = await store.codes.consume(code.codeHash, T + 3);
    expect(again?.first).toBe(false);
    expect(again?.code.usedAt).toBeDefined();
    expect(await store.codes.consume('nope', T)).toBeUndefined();
  });

  it('cert transactions: claimed once per cert_tx_id and per tx_id, even racing; released claims can be retaken', async () => {
    const { store } = await make();
    const claims = await Promise.all([
      store.certTxs.claim('BKNURI0001', 'CERT-A', 'TX-A', T),
      store.certTxs.claim('BKNURI0001', 'CERT-A', 'TX-A', T),
    ]);
    expect(claims.sort()).toEqual([false, true]);
    expect(await store.certTxs.claim('BKNURI0001', 'CERT-A', 'TX-B', T)).toBe(false);
    expect(await store.certTxs.claim('BKNURI0001', 'CERT-B', 'TX-A', T)).toBe(false);
    expect(await store.certTxs.claim('CDNURI0001', 'CERT-A', 'TX-A', T)).toBe(true);
    await store.certTxs.release('BKNURI0001', 'CERT-A', 'TX-A');
    expect(await store.certTxs.claim('BKNURI0001', 'CERT-A', 'TX-A', T)).toBe(true);
  });

  it('logins and authorization requests round-trip; a put replaces', async () => {
    const { store } = await make();
    const login = {
      orgCode: 'BKNURI0001',
      loginId: 'hnabc',
      ci: 'Q0k=',
      passwordHash: '$argon2id$x',
      phone: '010-1-2',
      failures: 0,
    };
    await store.logins.put(login);
    await store.logins.put({ ...login, failures: 5, lockedUntil: T });
    expect(await store.logins.find('BKNURI0001', 'hnabc')).toEqual({ ...login, failures: 5, lockedUntil: T });
    expect(await store.logins.find('CDNURI0001', 'hnabc')).toBeUndefined();
    const request: AuthRequest = {
      id: `req-${++serial}`,
      orgCode: 'BKNURI0001',
      clientId: 'client1',
      redirectUri: 'https://x/cb',
      appScheme: 'x://',
      state: 's',
      tranId: 'MDHANNUN01M00000000000001',
      userCi: 'Q0k=',
      createdAt: T,
      expiresAt: T + 900_000,
      csrf: 'c',
      stage: 'otp',
      otp: { codeHash: 'h', sentAt: T, expiresAt: T + 180_000, attempts: 1, sends: 1 },
    };
    await store.requests.put(request);
    expect(await store.requests.get(request.id)).toEqual(request);
    await store.requests.delete(request.id);
    expect(await store.requests.get(request.id)).toBeUndefined();
  });

  it('persistence: a reopened store loads consents into a fresh index and the revoked jtis', async () => {
    const subject = await make();
    if (!subject.reopen) {
      // In memory nothing outlives the process; the engine's own TokenRevocations is the index.
      await subject.store.revokedJtis.revoke('BKNURI0001', 'j', T);
      expect(subject.store.revokedJtis.loaded()).toEqual([]);
      return;
    }
    const c = consent();
    await subject.store.consents.insert(c);
    await subject.store.consents.revoke(c.id, T + 1);
    await subject.store.revokedJtis.revoke('BKNURI0001', 'jti-1', T + 2);
    await subject.store.revokedJtis.revoke('BKNURI0001', 'jti-1', T + 3);
    const fresh = new Map<string, ConsentRecord>();
    const index: ConsentStore = {
      get: (id) => fresh.get(id),
      put: (x) => void fresh.set(x.id, x),
      revoke: () => undefined,
    };
    const reopened = await subject.reopen(index);
    expect(index.get(c.id)).toEqual({ ...c, revokedAt: T + 1 });
    expect(reopened.revokedJtis.loaded()).toEqual([{ jti: 'jti-1', at: T + 2 }]);
  });
}
