import { X509Certificate } from 'node:crypto';
import { fingerprint256 } from './fingerprint.ts';
import { SUBJECT_SERIAL_NUMBER_OID } from './org-certificate.ts';
import { x509 } from './x509.ts';

/** What the manifest and the store need to know about a certificate, read from its PEM. */
export interface CertificateFacts {
  /** Subject as `C=KR, O=한눈은행, CN=한눈은행, serialNumber=1234567890`. */
  readonly subject: string;
  readonly issuer: string;
  /** Subject CN: the organisation's name. */
  readonly commonName: string | null;
  /** The subject serialNumber attribute (OID 2.5.4.5), or null when the certificate has none (the root). */
  readonly subjectSerialNumber: string | null;
  /** The certificate's own serial number, upper-case hex. Not the subject serialNumber. */
  readonly serialNumber: string;
  readonly fingerprint256: string;
  readonly notBefore: Date;
  readonly notAfter: Date;
  /** SAN entries as `DNS:localhost`, `IP Address:127.0.0.1`. */
  readonly subjectAltNames: readonly string[];
}

export function inspectCertificate(certPem: string): CertificateFacts {
  const cert = new x509.X509Certificate(certPem);
  const node = new X509Certificate(certPem);
  const serials = cert.subjectName.getField(SUBJECT_SERIAL_NUMBER_OID);
  return {
    subject: node.subject.split('\n').join(', '),
    issuer: node.issuer.split('\n').join(', '),
    commonName: cert.subjectName.getField('CN')[0] ?? null,
    subjectSerialNumber: serials.length === 1 ? serials[0]! : null,
    serialNumber: node.serialNumber.toUpperCase(),
    fingerprint256: fingerprint256(new Uint8Array(cert.rawData)),
    notBefore: cert.notBefore,
    notAfter: cert.notAfter,
    subjectAltNames: node.subjectAltName?.split(', ') ?? [],
  };
}

/** Whether `certPem` was signed by the key of `issuerCertPem` (and names it as issuer). */
export function isIssuedBy(certPem: string, issuerCertPem: string): boolean {
  const cert = new X509Certificate(certPem);
  const issuer = new X509Certificate(issuerCertPem);
  return cert.checkIssued(issuer) && cert.verify(issuer.publicKey);
}
