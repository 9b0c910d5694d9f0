import { type EnrolInput, type EnrolledPerson, enrolPerson } from './people/enrol-person.ts';
import { attemptsLeft, isLocked } from './people/pin-lock.ts';
import type { CaContext } from './service/ca-context.ts';
import { effectiveStatus, type SignStatus } from './store/ca-repository.ts';

/** What a person looks like from outside the CA (tests, the demo): no PIN hash, no key. */
export interface PersonSummary {
  readonly id: string;
  readonly name: string;
  readonly certSerial: string;
  readonly certPem: string;
  readonly failedPinAttempts: number;
  readonly attemptsLeft: number;
  readonly lockedUntil: number | null;
  readonly locked: boolean;
}

export interface TransactionSummary {
  readonly certTxId: string;
  readonly signTxId: string;
  readonly operatorOrgCode: string;
  readonly status: SignStatus;
  readonly expiresAt: number;
  readonly consentTxIds: readonly string[];
  /** The approval page's CSRF token (tests drive the page with it). */
  readonly csrfToken: string;
}

export interface CaControls {
  /** Enrol a person: PIN hashed, key pair and certificate issued from the personal root. Throws EnrolError. */
  enrol(input: EnrolInput): Promise<EnrolledPerson>;
  person(ci: string): Promise<PersonSummary | undefined>;
  transaction(certTxId: string): Promise<TransactionSummary | undefined>;
  /** The approval page's path for a transaction (on the pages service). */
  approvalPath(certTxId: string): string;
  /** The root of people's certificates (PEM): what x5c chains to. */
  readonly personalRootPem: string;
  readonly orgCode: string;
  readonly caCode: string;
}

export function createCaControls(ctx: CaContext): CaControls {
  const policy = { maxAttempts: ctx.limits.maxPinAttempts, lockMs: ctx.limits.pinLockSeconds * 1000 };
  return {
    enrol: (input) =>
      enrolPerson(
        {
          repository: ctx.repository,
          secrets: ctx.secrets,
          clock: ctx.clock,
          caName: ctx.caName,
          certificateDays: ctx.limits.personCertificateDays,
        },
        input,
      ),
    async person(ci) {
      const p = await ctx.repository.personByCi(ci);
      if (!p) return undefined;
      const now = ctx.clock.nowMs();
      return {
        id: p.id,
        name: p.name,
        certSerial: p.certSerial,
        certPem: p.certPem,
        failedPinAttempts: p.pin.failedAttempts,
        attemptsLeft: attemptsLeft(p.pin, policy, now),
        lockedUntil: p.pin.lockedUntil,
        locked: isLocked(p.pin, now),
      };
    },
    async transaction(certTxId) {
      const tx = await ctx.repository.transaction(certTxId);
      if (!tx) return undefined;
      return {
        certTxId: tx.certTxId,
        signTxId: tx.signTxId,
        operatorOrgCode: tx.operatorOrgCode,
        status: effectiveStatus(tx, ctx.clock.nowMs()),
        expiresAt: tx.expiresAt,
        consentTxIds: tx.consents.map((c) => c.txId),
        csrfToken: tx.csrfToken,
      };
    },
    approvalPath: (certTxId) => `/sign/${certTxId}`,
    personalRootPem: ctx.secrets.personalRoot.certPem,
    orgCode: ctx.orgCode,
    caCode: ctx.caCode,
  };
}
