import { normalisePhone } from '../people/phone.ts';
import type { PinState } from '../people/pin-lock.ts';
import type {
  CaRepository,
  ConsentSignature,
  PersonRecord,
  SignTransaction,
  VerificationRecord,
} from './ca-repository.ts';

const samePin = (a: PinState, b: PinState) => a.failedAttempts === b.failedAttempts && a.lockedUntil === b.lockedUntil;

/** The CA repository in memory: the same contract as the SQL one, for tests and a store-less start. */
export function createMemoryCaRepository(): CaRepository {
  const people = new Map<string, PersonRecord>();
  const byCi = new Map<string, string>();
  const bySerial = new Map<string, string>();
  const txs = new Map<string, SignTransaction>();
  const signTxIds = new Set<string>();
  const sigs = new Map<string, ConsentSignature[]>();
  const verifications = new Map<string, VerificationRecord>();
  const vKey = (certTxId: string, txId: string) => `${certTxId}\u0000${txId}`;

  return {
    async addPerson(p) {
      if (people.has(p.id) || byCi.has(p.ci) || bySerial.has(p.certSerial)) return 'duplicate';
      people.set(p.id, p);
      byCi.set(p.ci, p.id);
      bySerial.set(p.certSerial, p.id);
      return 'ok';
    },
    async personByCi(ci) {
      const id = byCi.get(ci);
      return id === undefined ? undefined : people.get(id);
    },
    async personById(id) {
      return people.get(id);
    },
    async personByCertSerial(serial) {
      const id = bySerial.get(serial);
      return id === undefined ? undefined : people.get(id);
    },
    async peopleByPhone(phone) {
      const number = (raw: string) => normalisePhone(raw) ?? raw;
      return [...people.values()].filter((p) => number(p.phone) === number(phone));
    },
    async updatePinState(personId, expected, next) {
      const p = people.get(personId);
      if (!p || !samePin(p.pin, expected)) return false;
      people.set(personId, { ...p, pin: { ...next } });
      return true;
    },
    async addTransaction(tx) {
      const key = `${tx.operatorOrgCode}\u0000${tx.signTxId}`;
      if (signTxIds.has(key) || txs.has(tx.certTxId)) return 'duplicate';
      signTxIds.add(key);
      txs.set(tx.certTxId, { ...tx, consents: tx.consents.map((c) => ({ ...c })) });
      return 'ok';
    },
    async transaction(certTxId) {
      return txs.get(certTxId);
    },
    async approve(certTxId, signatures, at) {
      const tx = txs.get(certTxId);
      if (tx?.status !== 'requested' || at >= tx.expiresAt) return false;
      txs.set(certTxId, { ...tx, status: 'approved', decidedAt: at });
      sigs.set(
        certTxId,
        signatures.map((s) => ({ ...s })),
      );
      return true;
    },
    async decide(certTxId, status, at) {
      const tx = txs.get(certTxId);
      if (tx?.status !== 'requested') return false;
      txs.set(certTxId, { ...tx, status, decidedAt: at });
      return true;
    },
    async signatures(certTxId, txId) {
      return (sigs.get(certTxId) ?? []).filter((s) => txId === undefined || s.txId === txId).map((s) => ({ ...s }));
    },
    async verificationSubject(certTxId, txId) {
      const tx = txs.get(certTxId);
      const person = tx && people.get(tx.personId);
      if (!tx || !person) return undefined;
      const consent = tx.consents.find((c) => c.txId === txId);
      return {
        status: tx.status,
        person: { id: person.id, ci: person.ci, certSerial: person.certSerial },
        consent: consent && { ...consent },
        signedConsent: sigs.get(certTxId)?.find((s) => s.txId === txId)?.signedConsent,
      };
    },
    async recordVerification(v) {
      const key = vKey(v.certTxId, v.txId);
      if (verifications.has(key)) return false;
      verifications.set(key, { ...v });
      return true;
    },
    async verification(certTxId, txId) {
      return verifications.get(vKey(certTxId, txId));
    },
    async close() {},
  };
}
