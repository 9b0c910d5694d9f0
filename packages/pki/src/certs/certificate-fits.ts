import { X509Certificate } from 'node:crypto';
import { isIP } from 'node:net';
import { inspectCertificate } from './inspect-certificate.ts';
import { type OrgIdentity, subjectAltNames } from './org-identity.ts';

/**
 * Whether a certificate still says what the organisation is: subject serialNumber = regNo, CN = name, and
 * every wanted host in its SAN. (Extra SAN entries are caught by comparing the stored org.json instead.)
 */
export function certificateFits(certPem: string, org: OrgIdentity): boolean {
  const facts = inspectCertificate(certPem);
  if (facts.subjectSerialNumber !== org.regNo || facts.commonName !== org.name) return false;
  const cert = new X509Certificate(certPem);
  const dnsNames = new Set(
    facts.subjectAltNames.filter((n) => n.startsWith('DNS:')).map((n) => n.slice(4).toLowerCase()),
  );
  return subjectAltNames(org.hosts).every((host) =>
    isIP(host) === 0 ? dnsNames.has(host.toLowerCase()) : cert.checkIP(host) !== undefined,
  );
}
