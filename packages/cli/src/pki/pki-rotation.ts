import type { Pki, PkiChange } from '@hannun/pki';

/** What `hannun pki rotate` prints: each replaced item, the new certificates, and that services must restart. */
export function formatRotation(pki: Pki, changes: readonly PkiChange[]): string {
  const rows = changes.map((c) => [c.item, c.orgId ?? '(root)', `${c.action} (${c.reason})`, c.archivedTo ?? '']);
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i]!.length)));
  const touched = [...new Set(changes.flatMap((c) => (c.orgId !== undefined && c.item === 'tls' ? [c.orgId] : [])))];
  return [
    `교체한 항목 / Replaced (${changes.length}; the old files are in ${pki.dir}/archive/):`,
    ...rows.map((r) =>
      `  ${r.map((cell, i) => (i < 3 ? cell.padEnd(widths[i]!) : cell ? `→ ${cell}` : '')).join('  ')}`.trimEnd(),
    ),
    '',
    ...(changes.some((c) => c.item === 'root')
      ? [`New root / 새 루트: ${pki.root.certificate.fingerprint256}`, '']
      : []),
    ...(touched.length > 0 && touched.length <= 5
      ? [
          'New certificates / 새 인증서:',
          ...touched.map((id) => {
            const cert = pki.org(id).certificate;
            return `  ${id}  serialNumber ${cert.subjectSerialNumber}  not after ${cert.notAfter.toISOString().slice(0, 10)}  ${cert.fingerprint256}`;
          }),
          '',
        ]
      : []),
    ...(changes.some((c) => c.item === 'signing')
      ? [
          'Tokens signed with a replaced signing key no longer verify. / 교체된 서명키로 서명한 토큰은 더 이상 검증되지 않습니다.',
          '',
        ]
      : []),
    '실행 중인 서비스는 읽어 둔 인증서를 계속 씁니다: 다시 시작하세요 (Ctrl-C, 그다음 npm start).',
    'Running services keep the credentials they loaded: restart them (Ctrl-C, then npm start) to use the new ones.',
    ...(changes.some((c) => c.item === 'root')
      ? ['After a root rotation every participant must load the new root (demo.json keeps the same path).']
      : []),
    '',
  ].join('\n');
}
