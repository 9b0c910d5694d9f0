import { X509Certificate } from 'node:crypto';
import { daysUntil } from '../certs/validity.ts';

/** Whether the certificate has fewer than `days` days left (or has expired). */
export function expiresWithin(certPem: string, days: number, now = new Date()): boolean {
  return daysUntil(new Date(new X509Certificate(certPem).validTo), now) < days;
}
