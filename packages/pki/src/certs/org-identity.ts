import { isIP } from 'node:net';

/**
 * Who an organisation is, as far as its certificate goes. `regNo` becomes the subject serialNumber
 * (OID 2.5.4.5) — the SERIALNUMBER the portal registers and providers check on every call (40103);
 * usually the business registration number.
 */
export interface OrgIdentity {
  /** Name, e.g. `한눈은행`: subject CN and O. */
  readonly name: string;
  /** Registration number, e.g. `1234567890`: subject serialNumber. */
  readonly regNo: string;
  /** Extra DNS names or IP addresses for the SAN, beyond `localhost` and `127.0.0.1`. */
  readonly hosts?: readonly string[];
}

/** X.520: serialNumber is a PrintableString of at most 64 characters. */
const PRINTABLE = /^[A-Za-z0-9 '()+,\-./:=?]{1,64}$/;
const DNS_NAME =
  /^(?=.{1,253}$)(\*\.)?([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;

/** Throws a TypeError naming the first field that cannot go into a certificate. */
export function assertOrgIdentity(org: OrgIdentity): void {
  if (org.name.trim() === '' || org.name.length > 64) {
    throw new TypeError(`organisation name must be 1–64 characters, got ${JSON.stringify(org.name)}`);
  }
  if (!PRINTABLE.test(org.regNo)) {
    throw new TypeError(
      `regNo must be 1–64 PrintableString characters (letters, digits, space and '()+,-./:=?), got ${JSON.stringify(org.regNo)}`,
    );
  }
  for (const host of org.hosts ?? []) {
    if (isIP(host) === 0 && !DNS_NAME.test(host))
      throw new TypeError(`host is neither an IP address nor a DNS name: ${host}`);
  }
}

/** The SAN entries: `localhost`, `127.0.0.1`, then the organisation's own, without duplicates. */
export function subjectAltNames(hosts: readonly string[] = []): string[] {
  return [...new Set(['localhost', '127.0.0.1', ...hosts])];
}
