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

  it('issue (통합인증-002): claim, consent and pair in one step; a replayed cert_tx_id or tx_id writes nothing, even racing', async () => {
    const { store, consents } = await make();
    const c1 = consent({ ci: 'SVNTVUU=' });
    const p1 = pair(c1.id, { ci: 'SVNTVUU=', auth: 'integrated', grant: 'cert:CERT-I1' });
    expect(await store.certTxs.claimed('BKNURI0001', 'CERT-I1', 'TX-I1')).toBe(false);
    // Two racing with one claim: one pair, one consent.
    const c1b = consent({ ci: 'SVNTVUU=' });
    const p1b = pair(c1b.id, { ci: 'SVNTVUU=', auth: 'integrated', grant: 'cert:CERT-I1' });
    const results = await Promise.all([
      store.pairs.issue({ claim: { certTxId: 'CERT-I1', txId: 'TX-I1' }, consent: c1, pair: p1 }, T),
      store.pairs.issue({ claim: { certTxId: 'CERT-I1', txId: 'TX-I1' }, consent: c1b, pair: p1b }, T),
    ]);
    expect(results.map((r) => r.ok).sort()).toEqual([false, true]);
    expect(results.find((r) => !r.ok)).toEqual({ ok: false, reason: 'replayed' });
    const [won, lost] = results[0]!.ok
      ? ([
          [c1, p1],
          [c1b, p1b],
        ] as const)
      : ([
          [c1b, p1b],
          [c1, p1],
        ] as const);
    expect(consents.get(won[0].id)).toEqual(won[0]);
    expect(consents.get(lost[0].id)).toBeUndefined();
    expect((await store.pairs.list('BKNURI0001')).filter((p) => p.ci === 'SVNTVUU=')).toEqual([won[1]]);
    expect(await store.certTxs.claimed('BKNURI0001', 'CERT-I1', 'TX-other')).toBe(true);
    expect(await store.certTxs.claimed('BKNURI0001', 'CERT-other', 'TX-I1')).toBe(true);
    expect(await store.certTxs.claimed('CDNURI0001', 'CERT-I1', 'TX-I1')).toBe(false);
    // Either id alone is a replay.
    for (const claim of [
      { certTxId: 'CERT-I1', txId: 'TX-I9' },
      { certTxId: 'CERT-I9', txId: 'TX-I1' },
    ]) {
      const c = consent({ ci: 'SVNTVUU=' });
      const p = pair(c.id, { ci: 'SVNTVUU=' });
      expect(await store.pairs.issue({ claim, consent: c, pair: p }, T + 1)).toEqual({ ok: false, reason: 'replayed' });
      expect(consents.get(c.id)).toBeUndefined();
      expect(await store.pairs.byJti('BKNURI0001', p.accessJti)).toBeUndefined();
      expect(await store.certTxs.claimed('BKNURI0001', 'CERT-I9', 'TX-I9')).toBe(false);
    }
    // The one claimed with the pair counts for `claim` too, and the other way round.
    expect(await store.certTxs.claim('BKNURI0001', 'CERT-I1', 'TX-I2', T)).toBe(false);
    expect(await store.certTxs.claim('BKNURI0001', 'CERT-I3', 'TX-I3', T)).toBe(true);
    const c3 = consent({ ci: 'SVNTVUU=' });
    expect(
      await store.pairs.issue(
        { claim: { certTxId: 'CERT-I3', txId: 'TX-I4' }, consent: c3, pair: pair(c3.id, { ci: 'SVNTVUU=' }) },
        T + 2,
      ),
    ).toEqual({ ok: false, reason: 'replayed' });
  });

  it('issue: the live pair of the same person, service and institution is replaced with its jtis and (if another) its consent', async () => {
    const subject = await make();
    const { store, consents } = subject;
    const ci = 'UkVQTEFDRQ==';
    const c1 = consent({ ci });
    await store.consents.insert(c1);
    const p1 = pair(c1.id, { ci });
    expect(await store.pairs.issue({ pair: p1 }, T)).toEqual({ ok: true, replaced: undefined });
    // Another service of the same person is another pair: not replaced.
    const other = pair(c1.id, { ci, clientId: 'client2' });
    expect(await store.pairs.issue({ pair: other }, T)).toEqual({ ok: true, replaced: undefined });
    // Same consent (개별인증 again): the old pair ends, the consent lives on.
    const p2 = pair(c1.id, { ci });
    expect(await store.pairs.issue({ pair: p2 }, T + 10)).toEqual({ ok: true, replaced: p1 });
    expect(await store.pairs.byJti('BKNURI0001', p1.accessJti)).toMatchObject({
      revokedAt: T + 10,
      revokedWhy: 'replaced',
    });
    expect(consents.get(c1.id)?.revokedAt).toBeUndefined();
    // A new consent (통합인증-002): the old pair and its consent end.
    const c2 = consent({ ci });
    const p3 = pair(c2.id, { ci, auth: 'integrated', grant: 'cert:CERT-R' });
    expect(
      await store.pairs.issue({ claim: { certTxId: 'CERT-R', txId: 'TX-R' }, consent: c2, pair: p3 }, T + 20),
    ).toEqual({
      ok: true,
      replaced: p2,
    });
    expect(consents.get(c1.id)?.revokedAt).toBe(T + 20);
    expect(consents.get(c2.id)).toEqual(c2);
    expect((await store.pairs.live('BKNURI0001', 'client1', ci, T + 20))?.id).toBe(p3.id);
    expect((await store.pairs.live('BKNURI0001', 'client2', ci, T + 20))?.id).toBe(other.id);
    expect(await store.pairs.byJti('BKNURI0001', p2.refreshJti)).toMatchObject({ revokedWhy: 'replaced' });
    if (subject.reopen) {
      // The replaced tokens stay revoked after a restart (the check chain's index is filled from these).
      const fresh = new Map<string, ConsentRecord>();
      const reopened = await subject.reopen({
        get: (id) => fresh.get(id),
        put: (x) => void fresh.set(x.id, x),
        revoke: () => undefined,
      });
      expect(reopened.revokedJtis.loaded().map((r) => r.jti)).toEqual(
        expect.arrayContaining([p1.accessJti, p1.refreshJti, p2.accessJti, p2.refreshJti]),
      );
      expect(fresh.get(c1.id)?.revokedAt).toBe(T + 20);
    }
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
