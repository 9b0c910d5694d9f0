import type { RunningServiceInfo } from './service-definition.ts';

/** The table `hannun up` prints: what runs where, and where demo.json is. */
export function formatServiceTable(services: readonly RunningServiceInfo[], demoFile: string, version: string): string {
  const header = ['SERVICE', 'ROLE', 'URL'];
  const rows = services.map((s) => [s.name, s.role, s.url]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]) => `  ${cells.map((c, i) => c.padEnd(widths[i]!)).join('  ')}`.trimEnd();
  return [
    `한눈 Hannun ${version}: 서비스 ${services.length}개 실행 중 / ${services.length} service(s) running`,
    '',
    line(header),
    ...rows.map(line),
    '',
    `demo.json: ${demoFile}`,
    '종료하려면 Ctrl-C / Press Ctrl-C to stop.',
    '',
  ].join('\n');
}
