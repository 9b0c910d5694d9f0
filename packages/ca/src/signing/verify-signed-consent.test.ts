import { createRootCa } from '@hannun/pki';
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { CompactSign, compactVerify, decodeProtectedHeader } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { issuePersonCertificate, type PersonCertificate } from '../people/person-certificate.ts';
import { signConsent } from './sign-consent.ts';
import { signedConsentHeader, signedConsentLength, x5cEntry } from './signed-consent-format.ts';
import { verifySignedConsent } from './verify-signed-consent.ts';

const NOW = Date.parse('2026-11-24T10:30:00Z');
let root: Awaited<ReturnType<typeof createRootCa>>;
let person: PersonCertificate;
const fields = {
  consent: '{"org_code":"BKNURI0001","purpose":"자산 조회"}',
  cert_tx_id: 'c'.repeat(40),
  tx_id: 'MD_1',
  iat: NOW / 1000,
};

beforeAll(async () => {
  root = await createRootCa({ commonName: 'test personal root' });
  person = await issuePersonCertificate(root, { caName: '한눈인증', nowMs: NOW, validityDays: 365 });
});

describe('signed consent (provisional JWS format)', () => {
  it('has the documented header and payload, and verifies against the personal root', async () => {
    const header = signedConsentHeader(person.certPem, root.certPem);
    const jws = await signConsent(person.keyPem, header, fields);
    expect(decodeProtectedHeader(jws)).toEqual({
      alg: 'ES256',
      typ: 'JOSE',
      x5c: [x5cEntry(person.certPem), x5cEntry(root.certPem)],
    });
    const check = await verifySignedConsent(jws, root.certPem);
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    expect(check.payload).toMatchObject(fields);
    expect(check.payload.consentNonce).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(check.certSerial).toBe(person.serial);
    // Its length was known before signing (통합인증-102 relies on it).
    expect(jws.length).toBe(signedConsentLength(fields.consent, fields.tx_id, header, 40));
  });

  it('two signatures of the same consent differ (a fresh nonce each time)', async () => {
    const header = signedConsentHeader(person.certPem, root.certPem);
    const a = await verifySignedConsent(await signConsent(person.keyPem, header, fields), root.certPem);
    const b = await verifySignedConsent(await signConsent(person.keyPem, header, fields), root.certPem);
    expect(a.ok && b.ok && a.payload.consentNonce !== b.payload.consentNonce).toBe(true);
  });

  it.each([
    ['a chain of another root', 'chain'],
    ['a leaf of another root naming our root', 'chain'],
    ['a key other than the certificate’s', 'signature'],
    ['alg none', 'header'],
    ['a signature made after the certificate expired', 'certificate-not-valid-at-signing'],
  ])('refuses %s', async (what, fault) => {
    const other = await createRootCa({ commonName: 'other root' });
    const foreign = await issuePersonCertificate(other, { caName: 'x', nowMs: NOW, validityDays: 30 });
    let jws: string;
    switch (what) {
      case 'a chain of another root':
        jws = await signConsent(foreign.keyPem, signedConsentHeader(foreign.certPem, other.certPem), fields);
        break;
      case 'a leaf of another root naming our root':
        jws = await signConsent(foreign.keyPem, signedConsentHeader(foreign.certPem, root.certPem), fields);
        break;
      case 'a key other than the certificate’s':
        jws = await signConsent(foreign.keyPem, signedConsentHeader(person.certPem, root.certPem), fields);
        break;
      case 'alg none': {
        const h = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JOSE' })).toString('base64url');
        jws = `${h}.${Buffer.from(JSON.stringify(fields)).toString('base64url')}.`;
        break;
      }
      default:
        jws = await signConsent(person.keyPem, signedConsentHeader(person.certPem, root.certPem), {
          ...fields,
          iat: (NOW + 400 * 86_400_000) / 1000,
        });
    }
    expect(await verifySignedConsent(jws, root.certPem)).toEqual({ ok: false, fault });
  });

  it('a person certificate that chained once is still checked against the root of every later verification', async () => {
    const header = signedConsentHeader(person.certPem, root.certPem);
    expect((await verifySignedConsent(await signConsent(person.keyPem, header, fields), root.certPem)).ok).toBe(true);
    // The same leaf, presented as a chain of another root, to a CA whose personal root that other one is.
    const other = await createRootCa({ commonName: 'other root' });
    const underOther = await signConsent(person.keyPem, signedConsentHeader(person.certPem, other.certPem), fields);
    expect(await verifySignedConsent(underOther, other.certPem)).toEqual({ ok: false, fault: 'chain' });
    // And once known, the leaf is still held to the signature and the validity at signing.
    const late = await signConsent(person.keyPem, header, { ...fields, iat: (NOW + 400 * 86_400_000) / 1000 });
    expect(await verifySignedConsent(late, root.certPem)).toEqual({
      ok: false,
      fault: 'certificate-not-valid-at-signing',
    });
    const forged = await signConsent(
      (await issuePersonCertificate(root, { caName: 'x', nowMs: NOW, validityDays: 30 })).keyPem,
      header,
      fields,
    );
    expect(await verifySignedConsent(forged, root.certPem)).toEqual({ ok: false, fault: 'signature' });
  });

  it('is a standard compact JWS: signed here it verifies with jose, signed by jose it verifies here', async () => {
    const header = signedConsentHeader(person.certPem, root.certPem);
    const leafKey = new X509Certificate(person.certPem).publicKey;
    const ours = await signConsent(person.keyPem, header, fields);
    const { payload, protectedHeader } = await compactVerify(ours, leafKey, { algorithms: ['ES256'] });
    expect(protectedHeader).toEqual({ ...header, x5c: [...header.x5c] });
    expect(JSON.parse(Buffer.from(payload).toString())).toMatchObject(fields);
    const theirs = await new CompactSign(Buffer.from(JSON.stringify({ ...fields, consentNonce: 'n'.repeat(43) })))
      .setProtectedHeader({ ...header, x5c: [...header.x5c] })
      .sign(createPrivateKey(person.keyPem));
    // Byte for byte the same signing input as jose's for the same payload.
    const ourPayload = JSON.parse(Buffer.from(ours.split('.')[1]!, 'base64url').toString()) as object;
    expect(Object.keys(ourPayload)).toEqual(['consent', 'consentNonce', 'cert_tx_id', 'tx_id', 'iat']);
    expect(ours.split('.')[0]).toBe(theirs.split('.')[0]);
    const check = await verifySignedConsent(theirs, root.certPem);
    expect(check).toMatchObject({ ok: true, certSerial: person.serial, payload: { consentNonce: 'n'.repeat(43) } });
    // One byte of jose's signature changed: refused here too.
    const sig = theirs.split('.')[2]!;
    const flipped = `${theirs.slice(0, theirs.length - sig.length)}${sig[0] === 'A' ? 'B' : 'A'}${sig.slice(1)}`;
    expect(await verifySignedConsent(flipped, root.certPem)).toEqual({ ok: false, fault: 'signature' });
  });

  it('refuses garbage without throwing', async () => {
    expect(await verifySignedConsent('not-a-jws', root.certPem)).toEqual({ ok: false, fault: 'malformed' });
  });
});
