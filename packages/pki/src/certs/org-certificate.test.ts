import { createPrivateKey, createPublicKey, X509Certificate } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { KeyAndCertificate } from './key-and-certificate.ts';
import { issueOrgCertificate, SUBJECT_SERIAL_NUMBER_OID } from './org-certificate.ts';
import { createRootCa } from './root-ca.ts';
import { x509 } from './x509.ts';

const SERVER_AUTH = '1.3.6.1.5.5.7.3.1';
const CLIENT_AUTH = '1.3.6.1.5.5.7.3.2';
const DAY = 86_400_000;

let root: KeyAndCertificate;
let rootCert: X509Certificate;

beforeAll(async () => {
  root = await createRootCa();
  rootCert = new X509Certificate(root.certPem);
});

describe('root CA', () => {
  it('is self-signed, CA:true, keyCertSign, ECDSA P-256, valid ten years', () => {
    expect(rootCert.ca).toBe(true);
    expect(rootCert.issuer).toBe(rootCert.subject);
    expect(rootCert.verify(rootCert.publicKey)).toBe(true);
    expect(rootCert.publicKey.asymmetricKeyType).toBe('ec');
    expect(rootCert.publicKey.asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
    const usages = new x509.X509Certificate(root.certPem).getExtension(x509.KeyUsagesExtension)!;
    expect(usages.critical).toBe(true);
    expect(usages.usages & x509.KeyUsageFlags.keyCertSign).toBeTruthy();
    const years = (Date.parse(rootCert.validTo) - Date.now()) / (365 * DAY);
    expect(years).toBeGreaterThan(9.9);
  });

  it('gets a fresh name each time, so an old and a new root are told apart', async () => {
    const other = new X509Certificate((await createRootCa()).certPem);
    expect(other.subject).not.toBe(rootCert.subject);
  });
});

describe('§5 registration: an organisation certificate carries its registration number as subject serialNumber', () => {
  const org = { name: '한눈은행', regNo: '101-81-00340', hosts: ['bank.hannun.test', '10.1.2.3'] };
  let leaf: KeyAndCertificate;
  let cert: X509Certificate;

  beforeAll(async () => {
    leaf = await issueOrgCertificate(root, org);
    cert = new X509Certificate(leaf.certPem);
  });

  it('is issued by the root and verifies with its public key', () => {
    expect(cert.issuer).toBe(rootCert.subject);
    expect(cert.checkIssued(rootCert)).toBe(true);
    expect(cert.verify(rootCert.publicKey)).toBe(true);
    expect(cert.ca).toBe(false);
  });

  it('has subject C=KR, O=name, CN=name, serialNumber=regNo (OID 2.5.4.5)', () => {
    expect(cert.subject.split('\n')).toEqual(['C=KR', `O=${org.name}`, `CN=${org.name}`, `serialNumber=${org.regNo}`]);
    expect(cert.toLegacyObject().subject).toMatchObject({ serialNumber: org.regNo, CN: org.name });
  });

  it('encodes the serialNumber as a PrintableString, as X.520 requires', () => {
    // DER: OBJECT IDENTIFIER 2.5.4.5 (06 03 55 04 05), then PrintableString (tag 0x13), length, value.
    const regNo = Buffer.from(org.regNo, 'ascii');
    const printable = Buffer.concat([Buffer.from([0x06, 0x03, 0x55, 0x04, 0x05, 0x13, regNo.length]), regNo]);
    expect(cert.raw.includes(printable)).toBe(true);
    expect(SUBJECT_SERIAL_NUMBER_OID).toBe('2.5.4.5');
  });

  it('is for both serverAuth and clientAuth: every institution serves and calls', () => {
    expect(cert.keyUsage).toEqual([SERVER_AUTH, CLIENT_AUTH]);
  });

  it('names localhost, 127.0.0.1 and the hosts given in its SAN', () => {
    expect(cert.subjectAltName?.split(', ')).toEqual([
      'DNS:localhost',
      'IP Address:127.0.0.1',
      'DNS:bank.hannun.test',
      'IP Address:10.1.2.3',
    ]);
    expect(cert.checkIP('127.0.0.1')).toBe('127.0.0.1');
    expect(cert.checkHost('localhost')).toBe('localhost');
  });

  it('has a random 128-bit serial number, different for every certificate', async () => {
    const again = new X509Certificate((await issueOrgCertificate(root, org)).certPem);
    expect(cert.serialNumber).not.toBe(again.serialNumber);
    for (const serial of [cert.serialNumber, again.serialNumber]) {
      expect(BigInt(`0x${serial}`)).toBeGreaterThan(0n);
      expect(BigInt(`0x${serial}`)).toBeLessThan(2n ** 128n);
    }
  });

  it('lasts a year by default, and never beyond its root', async () => {
    const days = (Date.parse(cert.validTo) - Date.now()) / DAY;
    expect(days).toBeGreaterThan(364);
    expect(days).toBeLessThan(366);
    const shortRoot = await createRootCa({ validityDays: 10 });
    const capped = new X509Certificate((await issueOrgCertificate(shortRoot, org)).certPem);
    expect(capped.validTo).toBe(new X509Certificate(shortRoot.certPem).validTo);
  });

  it('takes explicit dates (an expired certificate for tests)', async () => {
    const notAfter = new Date(Date.now() - DAY);
    const expired = new X509Certificate(
      (await issueOrgCertificate(root, org, { notBefore: new Date(Date.now() - 2 * DAY), notAfter })).certPem,
    );
    expect(Date.parse(expired.validTo)).toBe(Math.floor(notAfter.getTime() / 1000) * 1000);
  });

  it('comes with the private key that matches it', () => {
    const fromKey = createPublicKey(createPrivateKey(leaf.keyPem)).export({ type: 'spki', format: 'der' });
    expect(fromKey.equals(cert.publicKey.export({ type: 'spki', format: 'der' }))).toBe(true);
  });
});

describe('what cannot go into a certificate is refused before issuing', () => {
  it.each([
    [{ name: '은행', regNo: '' }, /regNo/],
    [{ name: '은행', regNo: '사업자123' }, /regNo/],
    [{ name: '은행', regNo: 'x'.repeat(65) }, /regNo/],
    [{ name: ' ', regNo: '1' }, /name/],
    [{ name: '은행', regNo: '1', hosts: ['bad host'] }, /host/],
  ])('%j', async (org, message) => {
    await expect(issueOrgCertificate(root, org)).rejects.toThrow(message);
  });
});
