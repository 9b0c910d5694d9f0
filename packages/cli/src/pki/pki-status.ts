import { type CertificateFacts, type Pki, RENEW_BEFORE_DAYS } from '@hannun/pki';

const DAY_MS = 86_400_000;

/** One line of `hannun pki status`. */
export interface PkiStatusRow {
  /** `root`, or the organisation's PKI id (its org_code in lower case). */
  readonly id: string;
  /** The subject serialNumber (= registration number) that providers check; `-` for the root. */
  readonly serialNumber: string;
  readonly notAfter: string;
  readonly daysLeft: number;
  readonly fingerprint256: string;
  readonly name: string;
}

export function pkiStatusRows(pki: Pki, now: Date = new Date()): PkiStatusRow[] {
  const row = (id: string, facts: CertificateFacts, name: string): PkiStatusRow => ({
    id,
    serialNumber: facts.subjectSerialNumber ?? '-',
    notAfter: facts.notAfter.toISOString().slice(0, 10),
    daysLeft: Math.floor((facts.notAfter.getTime() - now.getTime()) / DAY_MS),
    fingerprint256: facts.fingerprint256,
    name,
  });
  const orgs = [...pki.orgs.values()].sort((a, b) => a.id.localeCompare(b.id));
  return [
    row('root', pki.root.certificate, pki.root.certificate.commonName ?? 'root CA'),
    ...orgs.map((org) => row(org.id, org.certificate, org.name)),
  ];
}

/** The table `hannun pki status` prints (names last: Hangul is two columns wide in a terminal). */
export function formatPkiStatus(pki: Pki, now: Date = new Date()): string {
  const header = ['ORGANISATION', 'SERIALNUMBER', 'NOT AFTER', 'DAYS LEFT', 'FINGERPRINT (SHA-256)', 'NAME'];
  const rows = pkiStatusRows(pki, now).map((r) => [
    r.id,
    r.serialNumber,
    r.notAfter,
    r.daysLeft < RENEW_BEFORE_DAYS ? `${r.daysLeft} (renews at next start)` : String(r.daysLeft),
    r.fingerprint256,
    r.name,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]) => `  ${cells.map((c, i) => c.padEnd(widths[i]!)).join('  ')}`.trimEnd();
  return [
    `PKI: ${pki.dir} (${pki.manifest.algorithm}; ${pki.orgs.size} organisation(s))`,
    '',
    line(header),
    ...rows.map(line),
    ...(pki.problems.length > 0 ? ['', 'Problems / 문제:', ...pki.problems.map((p) => `  ${p}`)] : []),
    '',
    'SERIALNUMBER is the certificate subject serialNumber (the registration number) that providers check (40103).',
    '',
  ].join('\n');
}
