import { randomUUID } from 'node:crypto';
import type { CaClock } from '../clock.ts';
import type { CaSecrets } from '../secrets/ca-secrets.ts';
import type { CaRepository, PersonRecord } from '../store/ca-repository.ts';
import { personKeyAad, sealKey } from './key-envelope.ts';
import { issuePersonCertificate } from './person-certificate.ts';
import { normalisePhone } from './phone.ts';
import { hashPin, PIN_PATTERN } from './pin-hash.ts';

export interface EnrolInput {
  /** 연계정보 (CI), Base64 (B64(100)). */
  readonly ci: string;
  readonly name: string;
  readonly phone: string;
  /** YYYYMMDD */
  readonly birthDate: string;
  /** Six digits. */
  readonly pin: string;
}

/** What enrolment tells the caller: never the PIN hash or the key. */
export interface EnrolledPerson {
  readonly id: string;
  readonly certSerial: string;
  readonly certPem: string;
  readonly certNotAfter: number;
}

/** Enrolment refused: which field, and why (the value is never in the message). */
export class EnrolError extends Error {
  override readonly name = 'EnrolError';
  constructor(
    readonly field: keyof EnrolInput,
    message: string,
  ) {
    super(`enrol: ${field} ${message}`);
  }
}

const CI = /^[A-Za-z0-9+/_-]{1,98}={0,2}$/;

function validDate(yyyymmdd: string): boolean {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(yyyymmdd);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

export interface EnrolDeps {
  readonly repository: CaRepository;
  readonly secrets: CaSecrets;
  readonly clock: CaClock;
  readonly caName: string;
  readonly certificateDays: number;
}

/**
 * Enrol a person at the CA: check the input, hash the PIN (argon2id over the peppered PIN), issue an
 * ES256 key pair and a certificate from the personal root, seal the key to the person's row, store it.
 * Nothing is stored when any step fails.
 */
export async function enrolPerson(deps: EnrolDeps, input: EnrolInput): Promise<EnrolledPerson> {
  if (!CI.test(input.ci) || input.ci.length > 100)
    throw new EnrolError('ci', 'must be Base64 of at most 100 characters');
  const name = input.name.trim();
  if (name.length === 0 || Buffer.byteLength(name) > 30) throw new EnrolError('name', 'must be 1–30 bytes');
  const phone = normalisePhone(input.phone);
  if (!phone) throw new EnrolError('phone', 'must be a Korean mobile number');
  if (!validDate(input.birthDate)) throw new EnrolError('birthDate', 'must be a real date as YYYYMMDD');
  if (!PIN_PATTERN.test(input.pin)) throw new EnrolError('pin', 'must be 6 digits');
  if (await deps.repository.personByCi(input.ci)) throw new EnrolError('ci', 'is already enrolled');

  const now = deps.clock.nowMs();
  const id = randomUUID();
  const cert = await issuePersonCertificate(deps.secrets.personalRoot, {
    caName: deps.caName,
    nowMs: now,
    validityDays: deps.certificateDays,
  });
  const person: PersonRecord = {
    id,
    ci: input.ci,
    name,
    phone,
    birthDate: input.birthDate,
    pinHash: await hashPin(input.pin, deps.secrets.pepper),
    pin: { failedAttempts: 0, lockedUntil: null },
    sealedKey: sealKey(cert.keyPem, deps.secrets.keyEncryptionKey, personKeyAad(id)),
    certPem: cert.certPem,
    certSerial: cert.serial,
    createdAt: now,
  };
  if ((await deps.repository.addPerson(person)) === 'duplicate') throw new EnrolError('ci', 'is already enrolled');
  return { id, certSerial: cert.serial, certPem: cert.certPem, certNotAfter: cert.notAfter };
}
