import { isIP } from 'node:net';
import { EC_ALGORITHM } from './algorithm.ts';
import type { KeyAndCertificate } from './key-and-certificate.ts';
import { generateKeyPair } from './key-pair.ts';
import { assertOrgIdentity, type OrgIdentity, subjectAltNames } from './org-identity.ts';
import { importSigningKey, privateKeyToPem } from './pem.ts';
import { randomSerialNumberHex } from './serial-number.ts';
import { resolveValidity, type ValidityOptions } from './validity.ts';
import { x509 } from './x509.ts';

/** One year for an organisation's TLS certificate. */
export const LEAF_VALIDITY_DAYS = 365;

/** OID 2.5.4.5, X.520 serialNumber: the subject attribute that carries the registration number. */
export const SUBJECT_SERIAL_NUMBER_OID = '2.5.4.5';

/**
 * Issue an organisation's TLS certificate, with a new key, signed by `issuer` (the root):
 * subject C=KR, O=name, CN=name, serialNumber=regNo; SAN DNS/IP; EKU serverAuth and clientAuth (every
 * institution serves some and calls others); key usage digitalSignature; CA:false. The certificate never
 * outlives its issuer: notAfter is capped at the issuer's.
 */
export async function issueOrgCertificate(
  issuer: KeyAndCertificate,
  org: OrgIdentity,
  options: ValidityOptions = {},
): Promise<KeyAndCertificate> {
  assertOrgIdentity(org);
  const issuerCert = new x509.X509Certificate(issuer.certPem);
  const validity = resolveValidity(options, LEAF_VALIDITY_DAYS);
  const notAfter = new Date(Math.min(validity.notAfter.getTime(), issuerCert.notAfter.getTime()));
  const keys = await generateKeyPair();
  const sans: x509.JsonGeneralName[] = subjectAltNames(org.hosts).map((value) => ({
    type: isIP(value) === 0 ? 'dns' : 'ip',
    value,
  }));
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: randomSerialNumberHex(),
    subject: [
      { C: ['KR'] },
      { O: [org.name] },
      { CN: [org.name] },
      // Encoded as PrintableString, as X.520 requires for serialNumber: assertOrgIdentity admits only
      // PrintableString characters, and for those @peculiar/x509 chooses PrintableString.
      { [SUBJECT_SERIAL_NUMBER_OID]: [org.regNo] },
    ],
    issuer: issuerCert.subjectName,
    notBefore: validity.notBefore,
    notAfter,
    publicKey: keys.publicKey,
    signingKey: await importSigningKey(issuer.keyPem),
    signingAlgorithm: EC_ALGORITHM,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth, x509.ExtendedKeyUsage.clientAuth]),
      new x509.SubjectAlternativeNameExtension(sans),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
      await x509.AuthorityKeyIdentifierExtension.create(issuerCert.publicKey),
    ],
  });
  return { certPem: cert.toString('pem'), keyPem: privateKeyToPem(keys.privateKey) };
}
