// The contract every CaRepository passes (in memory, SQLite, PostgreSQL): run it with the implementation's factory.
import { expect, it } from 'vitest';
import type { CaRepository, PersonRecord, SignTransaction } from './ca-repository.ts';

let n = 0;
const unique = () => {
  n += 1;
  return `${process.pid}x${n}`;
};

export function personRecord(change: Partial<PersonRecord> = {}): PersonRecord {
  const id = unique();
  return {
    id: `person-${id}`,
    ci: `CI${id}${'A'.repeat(60)}==`,
    name: '김한눈',
    phone: '01012345678',
    birthDate: '19900101',
    pinHash: '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA',
    pin: { failedAttempts: 0, lockedUntil: null },
    sealedKey: 'c2VhbGVk',
    certPem: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n',
    certSerial: `SERIAL${id}`,
    createdAt: 1_790_000_000_000,
    ...change,
  };
}

export function signTransaction(personId: string, change: Partial<SignTransaction> = {}): SignTransaction {
  const id = unique();
  return {
    certTxId: `cert${id}`.padEnd(40, 'c'),
    signTxId: `MDHANNUN01_HNCA000001_20261124103000_${id}`,
    operatorOrgCode: 'MDHANNUN01',
    personId,
    requestTitle: '마이데이터 서비스 가입',
    deviceCode: 'PC',
    deviceBrowser: 'WB',
    returnAppSchemeUrl: null,
    consentType: '0',
    csrfToken: `csrf${id}`,
    status: 'requested',
    createdAt: 1_790_000_000_000,
    expiresAt: 1_790_000_300_000,
    decidedAt: null,
    consents: [
      { txId: `MD_tx1_${id}`, title: '은행', consent: '{"purpose":"자산 조회"}', providerOrgCode: 'BKNURI0001' },
      {
        txId: `MD_tx2_${id}`,
        title: '카드',
        consent: `{"purpose":"${'가'.repeat(2000)}"}`,
        providerOrgCode: 'CDNURI0001',
      },
    ],
    ...change,
  };
}

/** Define the contract's tests in the current describe block; `make` gives a fresh, empty repository. */
export function caRepositoryContract(make: () => Promise<CaRepository>): void {
  it('people: stored whole, found by CI, id and certificate serial; a second CI or serial is a duplicate', async () => {
    const repo = await make();
    const p = personRecord({ pin: { failedAttempts: 2, lockedUntil: 1_790_000_999_000 } });
    expect(await repo.addPerson(p)).toBe('ok');
    expect(await repo.personByCi(p.ci)).toEqual(p);
    expect(await repo.personById(p.id)).toEqual(p);
    expect(await repo.personByCertSerial(p.certSerial)).toEqual(p);
    expect(await repo.personByCi('nobody')).toBeUndefined();
    expect(await repo.addPerson(personRecord({ ci: p.ci }))).toBe('duplicate');
    expect(await repo.addPerson(personRecord({ certSerial: p.certSerial }))).toBe('duplicate');
  });

  it('people by phone (the identity check): everyone with the number, nobody for another', async () => {
    const repo = await make();
    const phone = `010${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
    const a = personRecord({ phone });
    const b = personRecord({ phone, name: '김다른' });
    await repo.addPerson(a);
    await repo.addPerson(b);
    await repo.addPerson(personRecord({ phone: '01099998888' }));
    const found = await repo.peopleByPhone(phone);
    expect(found.map((p) => p.id).sort()).toEqual([a.id, b.id].sort());
    expect(found.find((p) => p.id === b.id)).toEqual(b);
    // The number in another form (dashed, +82) is the same number.
    const dashed = `${phone.slice(0, 3)}-${phone.slice(3, 7)}-${phone.slice(7)}`;
    expect((await repo.peopleByPhone(dashed)).map((p) => p.id).sort()).toEqual([a.id, b.id].sort());
    expect((await repo.peopleByPhone(`+82-${dashed.slice(1)}`)).length).toBe(2);
    expect(await repo.peopleByPhone('01000000001')).toEqual([]);
  });

  it('PIN state: a compare-and-set that fails when someone changed it first; two at once, one wins', async () => {
    const repo = await make();
    const p = personRecord();
    await repo.addPerson(p);
    const one = { failedAttempts: 1, lockedUntil: null };
    expect(await repo.updatePinState(p.id, p.pin, one)).toBe(true);
    expect(await repo.updatePinState(p.id, p.pin, one)).toBe(false);
    const locked = { failedAttempts: 0, lockedUntil: 1_790_001_800_000 };
    expect(await repo.updatePinState(p.id, one, locked)).toBe(true);
    expect((await repo.personById(p.id))?.pin).toEqual(locked);
    expect(await repo.updatePinState(p.id, locked, { failedAttempts: 0, lockedUntil: null })).toBe(true);
    const raced = await Promise.all([
      repo.updatePinState(p.id, { failedAttempts: 0, lockedUntil: null }, { failedAttempts: 1, lockedUntil: null }),
      repo.updatePinState(p.id, { failedAttempts: 0, lockedUntil: null }, { failedAttempts: 1, lockedUntil: null }),
    ]);
    expect(raced.filter(Boolean)).toHaveLength(1);
  });

  it('transactions: stored with their consents in order; a sign_tx_id reused by the same operator is a duplicate and writes nothing', async () => {
    const repo = await make();
    const p = personRecord();
    await repo.addPerson(p);
    const tx = signTransaction(p.id, { returnAppSchemeUrl: 'hannun://done' });
    expect(await repo.addTransaction(tx)).toBe('ok');
    expect(await repo.transaction(tx.certTxId)).toEqual(tx);
    const again = signTransaction(p.id, { signTxId: tx.signTxId });
    expect(await repo.addTransaction(again)).toBe('duplicate');
    expect(await repo.transaction(again.certTxId)).toBeUndefined();
    expect(
      await repo.addTransaction(signTransaction(p.id, { signTxId: tx.signTxId, operatorOrgCode: 'MDOTHERS01' })),
    ).toBe('ok');
    expect(await repo.transaction('missing')).toBeUndefined();
  });

  it('approve: only a requested transaction before its expiry, once, with its signatures in the same step', async () => {
    const repo = await make();
    const p = personRecord();
    await repo.addPerson(p);
    const tx = signTransaction(p.id);
    await repo.addTransaction(tx);
    const sigs = tx.consents.map((c, i) => ({ txId: c.txId, signedConsent: `jws-${i}`, signedAt: tx.createdAt + 1 }));
    expect(await repo.approve(tx.certTxId, sigs, tx.expiresAt)).toBe(false);
    expect(await repo.signatures(tx.certTxId)).toEqual([]);
    const raced = await Promise.all([
      repo.approve(tx.certTxId, sigs, tx.createdAt + 1),
      repo.approve(tx.certTxId, sigs, tx.createdAt + 2),
    ]);
    expect(raced.filter(Boolean)).toHaveLength(1);
    const stored = await repo.transaction(tx.certTxId);
    expect(stored?.status).toBe('approved');
    expect(stored?.decidedAt).not.toBeNull();
    expect((await repo.signatures(tx.certTxId)).sort((a, b) => a.txId.localeCompare(b.txId))).toEqual(
      [...sigs].sort((a, b) => a.txId.localeCompare(b.txId)),
    );
    // One consent's signature alone (통합인증-104), and none for a tx_id of no consent.
    expect(await repo.signatures(tx.certTxId, sigs[1]!.txId)).toEqual([sigs[1]]);
    expect(await repo.signatures(tx.certTxId, 'no-such-tx')).toEqual([]);
    expect(await repo.decide(tx.certTxId, 'refused', tx.createdAt + 3)).toBe(false);
  });

  it('decide: refusing or expiring a requested transaction, after which it cannot be approved', async () => {
    const repo = await make();
    const p = personRecord();
    await repo.addPerson(p);
    const tx = signTransaction(p.id);
    await repo.addTransaction(tx);
    expect(await repo.decide(tx.certTxId, 'refused', tx.createdAt + 5)).toBe(true);
    expect(await repo.transaction(tx.certTxId)).toMatchObject({ status: 'refused', decidedAt: tx.createdAt + 5 });
    expect(await repo.approve(tx.certTxId, [], tx.createdAt + 6)).toBe(false);
    const other = signTransaction(p.id);
    await repo.addTransaction(other);
    expect(await repo.decide(other.certTxId, 'expired', other.expiresAt)).toBe(true);
    expect((await repo.transaction(other.certTxId))?.status).toBe('expired');
  });

  it('verification subject (통합인증-104): status, person, the one consent and its signature, read at once', async () => {
    const repo = await make();
    const p = personRecord();
    await repo.addPerson(p);
    const tx = signTransaction(p.id);
    await repo.addTransaction(tx);
    const [bank, card] = tx.consents as [SignTransaction['consents'][0], SignTransaction['consents'][0]];
    const person = { id: p.id, ci: p.ci, certSerial: p.certSerial };
    expect(await repo.verificationSubject(tx.certTxId, card.txId)).toEqual({
      status: 'requested',
      person,
      consent: card,
      signedConsent: undefined,
    });
    const sigs = tx.consents.map((c, i) => ({ txId: c.txId, signedConsent: `jws-${i}`, signedAt: tx.createdAt + 1 }));
    expect(await repo.approve(tx.certTxId, sigs, tx.createdAt + 1)).toBe(true);
    expect(await repo.verificationSubject(tx.certTxId, bank.txId)).toEqual({
      status: 'approved',
      person,
      consent: bank,
      signedConsent: 'jws-0',
    });
    expect(await repo.verificationSubject(tx.certTxId, card.txId)).toMatchObject({
      consent: card,
      signedConsent: 'jws-1',
    });
    // A tx_id of no consent of this transaction (another transaction's, say): the transaction, nothing else.
    const other = signTransaction(p.id);
    await repo.addTransaction(other);
    expect(await repo.verificationSubject(tx.certTxId, other.consents[0]!.txId)).toEqual({
      status: 'approved',
      person,
      consent: undefined,
      signedConsent: undefined,
    });
    expect(await repo.verificationSubject('no-such-transaction'.padEnd(40, 'x'), bank.txId)).toBeUndefined();
  });

  it('verification: recorded once; a second (or concurrent) record is refused', async () => {
    const repo = await make();
    const p = personRecord();
    await repo.addPerson(p);
    const tx = signTransaction(p.id);
    await repo.addTransaction(tx);
    const v = {
      certTxId: tx.certTxId,
      txId: tx.consents[0]!.txId,
      providerOrgCode: 'BKNURI0001',
      verifiedAt: 1_790_000_100_000,
    };
    const raced = await Promise.all([repo.recordVerification(v), repo.recordVerification(v)]);
    expect(raced.filter(Boolean)).toHaveLength(1);
    expect(await repo.recordVerification(v)).toBe(false);
    expect(await repo.verification(v.certTxId, v.txId)).toEqual(v);
    expect(await repo.verification(v.certTxId, tx.consents[1]!.txId)).toBeUndefined();
  });
}
