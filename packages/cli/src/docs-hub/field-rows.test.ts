import { apiById } from '@hannun/spec';
import { describe, expect, it } from 'vitest';
import { fieldRows } from './field-rows.ts';

describe('fieldRows', () => {
  it('flattens a list into its count, the list and the item fields with paths and depth', () => {
    const rows = fieldRows(apiById('은행-001').response);
    const paths = rows.map((r) => r.path);
    const cnt = paths.indexOf('account_cnt');
    expect(cnt).toBeGreaterThanOrEqual(0);
    expect(paths[cnt + 1]).toBe('account_list');
    expect(paths[cnt + 2]).toBe('account_list[].account_num');
    const list = rows[cnt + 1]!;
    expect(list).toMatchObject({ type: 'Object[]', max: 500, depth: 0, required: true });
    expect(rows[cnt]).toMatchObject({ countOf: 'account_list', type: 'N(5)' });
    expect(rows[cnt + 2]).toMatchObject({ depth: 1, required: true, meaning: { ko: '계좌번호' } });
  });

  it('carries version, consent gate and provisional marks', () => {
    const memo = fieldRows(apiById('은행-004').response).find((r) => r.path === 'trans_list[].trans_memo');
    expect(memo).toMatchObject({
      since: 'v2',
      gate: 'is_consent_trans_memo',
      provisional: true,
      required: false,
      type: 'AH(300)',
    });
  });

  it('descends into objects', () => {
    const rows = fieldRows([
      {
        kind: 'object',
        name: 'consent',
        required: true,
        ko: '동의',
        en: 'Consent',
        shape: [
          {
            kind: 'field',
            name: 'is_scheduled',
            type: { kind: 'BOOL' },
            required: true,
            ko: '정기',
            en: 'Scheduled',
            provisional: false,
          },
        ],
      },
    ]);
    expect(rows.map((r) => [r.path, r.type, r.depth])).toEqual([
      ['consent', 'Object', 0],
      ['consent.is_scheduled', 'Boolean', 1],
    ]);
  });
});
