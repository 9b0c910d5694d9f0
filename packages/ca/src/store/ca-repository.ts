import type { PinState } from '../people/pin-lock.ts';

/**
 * Persistence of the CA: people (enrolled at the CA), signing transactions with their consents and
 * signatures, and verifications. Two implementations pass the same contract (ca-repository.contract.ts):
 * in memory (tests, and until a store is configured) and SQL (SQLite / PostgreSQL through @hannun/store).
 *
 * Every state change that can race is a compare-and-set here, so two requests at once cannot both win:
 * PIN failures, approving or refusing a transaction, the one verification of a signed consent.
 */
export interface PersonRecord {
  /** Random id; the AAD of the sealed key names it. */
  readonly id: string;
  /** 연계정보 (CI): personal data, never logged. */
  readonly ci: string;
  readonly name: string;
  /** Digits only, domestic form (01012345678). */
  readonly phone: string;
  /** YYYYMMDD */
  readonly birthDate: string;
  /** argon2id over HMAC(pepper, PIN). */
  readonly pinHash: string;
  readonly pin: PinState;
  /** The person's private key, sealed (AES-256-GCM, AAD = the id). */
  readonly sealedKey: string;
  readonly certPem: string;
  /** Certificate serial number, upper-case hex: how a signature leads back to the person. */
  readonly certSerial: string;
  readonly createdAt: number;
}

export type SignStatus = 'requested' | 'approved' | 'refused' | 'expired';

/** One consent of a signing transaction: for one provider, as the operator sent it. */
export interface TransactionConsent {
  /** 통합인증 tx_id: names the consent at the provider (통합인증-002) and in 104. */
  readonly txId: string;
  readonly title: string;
  /** The consent text, exactly as sent (what is signed). */
  readonly consent: string;
  /** The provider's org_code (the consent's org_code). */
  readonly providerOrgCode: string;
}

export interface SignTransaction {
  /** The CA's id of the transaction: random, unguessable, URL-safe (40 characters). */
  readonly certTxId: string;
  /** The operator's id of the request, unique per operator. */
  readonly signTxId: string;
  readonly operatorOrgCode: string;
  readonly personId: string;
  readonly requestTitle: string;
  readonly deviceCode: string;
  readonly deviceBrowser: string;
  readonly returnAppSchemeUrl: string | null;
  readonly consentType: string;
  /** The approval page's CSRF token for this transaction. */
  readonly csrfToken: string;
  /** As stored; a 'requested' transaction past expiresAt reads as expired (see effectiveStatus). */
  readonly status: SignStatus;
  readonly createdAt: number;
  readonly expiresAt: number;
  readonly decidedAt: number | null;
  readonly consents: readonly TransactionConsent[];
}

/** A signed consent: the compact JWS the person's key made over one consent. */
export interface ConsentSignature {
  readonly txId: string;
  readonly signedConsent: string;
  readonly signedAt: number;
}

/**
 * What 통합인증-104 compares for one consent of a transaction, read in one step: the transaction's status,
 * its person, the consent with this tx_id (if the transaction has one) and the signature the CA produced for
 * it (once approved).
 */
export interface VerificationSubject {
  readonly status: SignStatus;
  readonly person: Pick<PersonRecord, 'id' | 'ci' | 'certSerial'>;
  readonly consent: TransactionConsent | undefined;
  readonly signedConsent: string | undefined;
}

export interface VerificationRecord {
  readonly certTxId: string;
  readonly txId: string;
  readonly providerOrgCode: string;
  readonly verifiedAt: number;
}

export interface CaRepository {
  /** Adds a person; 'duplicate' when the CI (or the certificate serial) is already enrolled. */
  addPerson(person: PersonRecord): Promise<'ok' | 'duplicate'>;
  personByCi(ci: string): Promise<PersonRecord | undefined>;
  personById(id: string): Promise<PersonRecord | undefined>;
  personByCertSerial(serial: string): Promise<PersonRecord | undefined>;
  /**
   * Everyone enrolled with this mobile number, in any form normalisePhone reads (`010-1234-5678`, `+82…`): the
   * identity check (identity/) narrows by name and birth date.
   */
  peopleByPhone(phone: string): Promise<PersonRecord[]>;
  /** Sets the PIN state if it is still `expected`; false when another request changed it first. */
  updatePinState(personId: string, expected: PinState, next: PinState): Promise<boolean>;

  /** Stores a new transaction; 'duplicate' when this operator already used the sign_tx_id. */
  addTransaction(tx: SignTransaction): Promise<'ok' | 'duplicate'>;
  transaction(certTxId: string): Promise<SignTransaction | undefined>;
  /**
   * Marks the transaction approved with its signatures, in one step, only if it is still 'requested' and
   * `at` is before its expiry. False otherwise (already decided, or expired), and nothing is written.
   */
  approve(certTxId: string, signatures: readonly ConsentSignature[], at: number): Promise<boolean>;
  /** Marks a 'requested' transaction refused (or expired), if it still is 'requested'. */
  decide(certTxId: string, status: 'refused' | 'expired', at: number): Promise<boolean>;
  /** The signatures of a transaction; with `txId`, only that consent's (통합인증-104 needs one of thirty). */
  signatures(certTxId: string, txId?: string): Promise<ConsentSignature[]>;

  /** 통합인증-104's facts about one consent of a transaction; undefined when there is no such transaction. */
  verificationSubject(certTxId: string, txId: string): Promise<VerificationSubject | undefined>;
  /** Records the one successful verification of a signed consent; false when it was verified before (replay). */
  recordVerification(v: VerificationRecord): Promise<boolean>;
  verification(certTxId: string, txId: string): Promise<VerificationRecord | undefined>;

  /** Releases connections (SQL); a no-op in memory. */
  close(): Promise<void>;
}

/** The status a transaction has at `now`: a 'requested' one past its expiry is expired. */
export function effectiveStatus(tx: Pick<SignTransaction, 'status' | 'expiresAt'>, now: number): SignStatus {
  return tx.status === 'requested' && now >= tx.expiresAt ? 'expired' : tx.status;
}
