import { describe, expect, it } from 'vitest';
import { formatServiceTable } from './service-table.ts';

describe('formatServiceTable', () => {
  it('aligns service, role and URL, and says where demo.json is', () => {
    const text = formatServiceTable(
      [
        { name: 'docs', role: 'docs', url: 'http://127.0.0.1:3000' },
        { name: 'provider', role: 'provider', url: 'http://127.0.0.1:3100' },
      ],
      '/data/demo.json',
      '1.0.0',
    );
    expect(text.split('\n')).toEqual([
      '한눈 Hannun 1.0.0: 서비스 2개 실행 중 / 2 service(s) running',
      '',
      '  SERVICE   ROLE      URL',
      '  docs      docs      http://127.0.0.1:3000',
      '  provider  provider  http://127.0.0.1:3100',
      '',
      'demo.json: /data/demo.json',
      '종료하려면 Ctrl-C / Press Ctrl-C to stop.',
      '',
    ]);
  });
});
