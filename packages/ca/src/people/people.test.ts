import { X509Certificate } from 'node:crypto';
import { createRootCa, x509 } from '@hannun/pki';
import { describe, expect, it } from 'vitest';
import { manualClock } from '../clock.ts';
import { generateCaSecrets } from '../secrets/ca-secrets.ts';
import { createMemoryCaRepository } from '../store/memory-ca-repository.ts';
import { EnrolError, enrolPerson } from './enrol-person.ts';
import { openKey, personKeyAad, sealKey } from './key-envelope.ts';
import { maskName } from './mask-name.ts';
import { issuePersonCertificate } from './person-certificate.ts';
import { normalisePhone } from './phone.ts';
import { hashPin, PIN_HASH_PARAMS, pinMatches } from './pin-hash.ts';
import { AFTER_RIGHT_PIN, afterWrongPin, attemptsLeft, isLocked, type PinState } from './pin-lock.ts';

const POLICY = { maxAttempts: 5, lockMs: 30 * 60_000 };

describe('PIN hashing: argon2id (m=19456, t=2, p=1) over HMAC-SHA256(pepper, PIN)', () => {
  it('matches only the right PIN with the right pepper', async () => {
    const pepper = Buffer.alloc(32, 1);
    const stored = await hashPin('482915', pepper);
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(PIN_HASH_PARAMS).toMatchObject({ memoryCost: 19_456, timeCost: 2, parallelism: 1 });
    expect(await pinMatches(stored, '482915', pepper)).toBe(true);
    expect(await pinMatches(stored, '482916', pepper)).toBe(false);
    expect(await pinMatches(stored, '482915', Buffer.alloc(32, 2))).toBe(false);
    expect(await pinMatches(stored, '48291', pepper)).toBe(false);
    await expect(hashPin('abcdef', pepper)).rejects.toThrow(/6 digits/);
  });
});

describe('PIN lockout (pure)', () => {
  it('counts wrong PINs, locks at the fifth for 30 minutes, ignores tries while locked, starts over after', () => {
    let s: PinState = AFTER_RIGHT_PIN;
    const t0 = 1_000_000;
    for (let i = 1; i <= 4; i++) {
      s = afterWrongPin(s, POLICY, t0);
      expect(attemptsLeft(s, POLICY, t0)).toBe(5 - i);
    }
    s = afterWrongPin(s, POLICY, t0);
    expect(s).toEqual({ failedAttempts: 0, lockedUntil: t0 + 30 * 60_000 });
    expect(isLocked(s, t0 + 30 * 60_000 - 1)).toBe(true);
    expect(afterWrongPin(s, POLICY, t0 + 1)).toBe(s);
    expect(isLocked(s, t0 + 30 * 60_000)).toBe(false);
    expect(attemptsLeft(s, POLICY, t0 + 30 * 60_000)).toBe(5);
    expect(afterWrongPin(s, POLICY, t0 + 30 * 60_000)).toEqual({ failedAttempts: 1, lockedUntil: null });
  });
});

describe('sealed private keys (AES-256-GCM, AAD = the person row)', () => {
  it('open with the right key and row; fail for another row, another key, or one changed byte', () => {
    const key = Buffer.alloc(32, 7);
    const sealed = sealKey('-----BEGIN PRIVATE KEY-----secret', key, personKeyAad('p1'));
    expect(sealed).not.toContain('secret');
    expect(openKey(sealed, key, personKeyAad('p1'))).toBe('-----BEGIN PRIVATE KEY-----secret');
    expect(() => openKey(sealed, key, personKeyAad('p2'))).toThrow();
    expect(() => openKey(sealed, Buffer.alloc(32, 8), personKeyAad('p1'))).toThrow();
    const raw = Buffer.from(sealed, 'base64');
    raw[raw.length - 1] = raw[raw.length - 1]! ^ 1;
    expect(() => openKey(raw.toString('base64'), key, personKeyAad('p1'))).toThrow();
  });
});

describe("a person's certificate", () => {
  it('is an end-entity ES256 certificate of the personal root, without CI or name', async () => {
    const root = await createRootCa({ commonName: 'personal root' });
    const now = Date.now();
    const c = await issuePersonCertificate(root, { caName: '한눈인증', nowMs: now, validityDays: 365 });
    const x = new X509Certificate(c.certPem);
    expect(x.ca).toBe(false);
    expect(x.checkIssued(new X509Certificate(root.certPem))).toBe(true);
    expect(x.verify(new X509Certificate(root.certPem).publicKey)).toBe(true);
    expect(x.publicKey.asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
    expect(x.subject).toMatch(/CN=personal-[0-9a-f]{16}/);
    const usage = new x509.X509Certificate(c.certPem).getExtension(x509.KeyUsagesExtension);
    expect(usage?.usages).toBe(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation);
    expect(c.serial).toBe(x.serialNumber.toUpperCase());
    expect(c.notAfter - now).toBe(365 * 86_400_000);
  });
});

describe('enrolment', () => {
  it('stores the person with a hashed PIN, a sealed key and a certificate; refuses bad input naming the field', async () => {
    const repository = createMemoryCaRepository();
    const deps = {
      repository,
      secrets: await generateCaSecrets(),
      clock: manualClock(Date.now()),
      caName: '한눈인증',
      certificateDays: 365,
    };
    const input = {
      ci: `${'Q'.repeat(86)}==`,
      name: '김한눈',
      phone: '+82 10-1234-5678',
      birthDate: '19900101',
      pin: '482915',
    };
    const enrolled = await enrolPerson(deps, input);
    const stored = await repository.personByCi(input.ci);
    expect(stored).toMatchObject({ id: enrolled.id, phone: '01012345678', certSerial: enrolled.certSerial });
    expect(stored!.pinHash).not.toContain('482915');
    expect(stored!.sealedKey).not.toContain('PRIVATE KEY');
    expect(openKey(stored!.sealedKey, deps.secrets.keyEncryptionKey, personKeyAad(stored!.id))).toContain(
      'PRIVATE KEY',
    );
    for (const [change, field] of [
      [{ ci: 'not base64!' }, 'ci'],
      [{ name: ' ' }, 'name'],
      [{ phone: '02-123-4567' }, 'phone'],
      [{ birthDate: '19900231' }, 'birthDate'],
      [{ pin: '12345' }, 'pin'],
      [{}, 'ci'], // already enrolled
    ] as const) {
      const error = await enrolPerson(deps, { ...input, ...change }).catch((e: unknown) => e);
      expect(error, field).toBeInstanceOf(EnrolError);
      expect((error as EnrolError).field).toBe(field);
      expect((error as EnrolError).message).not.toContain(input.ci);
    }
  });
});

describe('small helpers', () => {
  it('mask names and normalise phone numbers', () => {
    expect(maskName('김한눈')).toBe('김*눈');
    expect(maskName('남궁민수')).toBe('남**수');
    expect(maskName('이산')).toBe('이*');
    expect(normalisePhone('+821012345678')).toBe('01012345678');
    expect(normalisePhone('010-1234-5678')).toBe('01012345678');
    expect(normalisePhone('+82 010 1234 5678')).toBe('01012345678');
    expect(normalisePhone('02-123-4567')).toBeUndefined();
  });
});
