import { createPrivateKey, generateKeyPairSync, randomBytes, webcrypto, X509Certificate } from 'node:crypto';
import { type KeyAndCertificate, x509 } from '@hannun/pki';

const EC = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
const DAY_MS = 86_400_000;

export interface PersonCertificate {
  /** The person's private key, PKCS#8 PEM: seal it before storing, never log it. */
  readonly keyPem: string;
  readonly certPem: string;
  /** The certificate's serial number, upper-case hex: the CA maps it to the person's CI. */
  readonly serial: string;
  readonly notBefore: number;
  readonly notAfter: number;
}

export interface IssuePersonCertificateOptions {
  /** The CA's name, for the subject's O. */
  readonly caName: string;
  /** Start of validity, epoch ms (the CA clock's now). */
  readonly nowMs: number;
  readonly validityDays: number;
}

/**
 * A person's signing certificate, issued by the CA's personal root: ECDSA P-256, CA:false, key usage
 * digitalSignature and nonRepudiation (the key signs consents, nothing else). The subject names the CA
 * and a random pseudonym; the person's CI and name are NOT in it: the CA keeps serial → CI, and answers
 * the CI only to the provider in 통합인증-104.
 */
export async function issuePersonCertificate(
  root: KeyAndCertificate,
  opts: IssuePersonCertificateOptions,
): Promise<PersonCertificate> {
  const rootCert = new x509.X509Certificate(root.certPem);
  const notBefore = new Date(opts.nowMs - 5 * 60_000);
  const notAfter = new Date(Math.min(opts.nowMs + opts.validityDays * DAY_MS, rootCert.notAfter.getTime()));
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const publicCryptoKey = await webcrypto.subtle.importKey(
    'spki',
    publicKey.export({ type: 'spki', format: 'der' }),
    EC,
    true,
    ['verify'],
  );
  const issuerKey = await webcrypto.subtle.importKey(
    'pkcs8',
    createPrivateKey(root.keyPem).export({ type: 'pkcs8', format: 'der' }),
    EC,
    false,
    ['sign'],
  );
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: randomBytes(16).toString('hex'),
    subject: [{ C: ['KR'] }, { O: [opts.caName] }, { CN: [`personal-${randomBytes(8).toString('hex')}`] }],
    issuer: rootCert.subjectName,
    notBefore,
    notAfter,
    publicKey: publicCryptoKey,
    signingKey: issuerKey,
    signingAlgorithm: EC,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation, true),
      await x509.SubjectKeyIdentifierExtension.create(publicCryptoKey),
      await x509.AuthorityKeyIdentifierExtension.create(rootCert.publicKey),
    ],
  });
  const certPem = cert.toString('pem');
  return {
    keyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    certPem,
    serial: new X509Certificate(certPem).serialNumber.toUpperCase(),
    notBefore: notBefore.getTime(),
    notAfter: notAfter.getTime(),
  };
}
