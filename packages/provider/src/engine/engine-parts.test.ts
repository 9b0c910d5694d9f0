import { apisForIndustry, INDUSTRY_LIST } from '@hannun/spec';
import { describe, expect, it } from 'vitest';
import { apiKind } from './api-kind.ts';
import { compileApi } from './compile-api.ts';
import { createItemCache } from './item-cache.ts';
import { institutionRoutes } from './institution-routes.ts';
import { clampUtf8, envelopeAnswer, rspMsg } from './respond.ts';

const compileAll = (industry: (typeof INDUSTRY_LIST)[number]) => {
  const apis = apisForIndustry(industry);
  return apis.map((a) => compileApi(a, industry, apis)).filter((a) => a !== null);
};

describe('API kinds from the catalogue', () => {
  it('every information API of every industry compiles, with a kind', () => {
    for (const industry of INDUSTRY_LIST) {
      for (const api of compileAll(industry))
        expect(['api-list', 'consents', 'list', 'snapshot', 'series']).toContain(api.kind);
    }
  });

  it.each([
    ['bank', '은행-001', 'list'],
    ['bank', 'IRP-001', 'list'],
    ['bank', '선불-001', 'list'],
    ['bank', '은행-002', 'snapshot'],
    ['bank', '은행-004', 'series'],
    ['bank', 'IRP-003', 'series'],
    ['card', '카드-001', 'list'],
    ['card', '카드-003', 'snapshot'],
    ['card', '카드-004', 'series'],
    ['card', '카드-005', 'series'],
    ['card', '카드-010', 'snapshot'],
    ['insu', '보험-001', 'list'],
    ['insu', '보험-008', 'list'],
    ['telecom', '통신-002', 'snapshot'],
    ['telecom', '통신-003', 'snapshot'],
    ['efin', '전금-101', 'list'],
    ['bank', '공통-001', 'api-list'],
    ['bank', '공통-002', 'consents'],
  ] as const)('%s %s is a %s', (industry, id, kind) => {
    const apis = apisForIndustry(industry);
    expect(apiKind(apis.find((a) => a.id === id)!, industry, apis)).toBe(kind);
  });

  it('asset APIs name their asset by the list item’s keys; extra request keys are the book’s', () => {
    const insu = compileAll('insu');
    expect(insu.find((a) => a.id === '보험-003')!.asset).toEqual({
      listApi: '보험-001',
      identityKeys: ['insu_num'],
      scope: 'insu.insurance',
    });
    expect(compileAll('bank').find((a) => a.id === '은행-004')!.asset!.identityKeys).toEqual(['account_num', 'seqno']);
  });

  it('bank 선불-002…004 have no bank scope and are not served', () => {
    expect(compileAll('bank').map((a) => a.id)).not.toContain('선불-002');
    expect(compileAll('card').map((a) => a.id)).toContain('선불-002');
  });

  it('only 통신-002 filters its items to consented assets', () => {
    const filtered = INDUSTRY_LIST.flatMap((i) =>
      compileAll(i)
        .filter((a) => a.itemFilter)
        .map((a) => a.id),
    );
    expect(filtered).toEqual(['통신-002']);
  });

  it('cursors bind to the selecting fields, not to paging or the timestamp', () => {
    expect(compileAll('bank').find((a) => a.id === '은행-004')!.bindingFields).toEqual([
      'account_num',
      'from_date',
      'seqno',
      'to_date',
    ]);
    expect(compileAll('card').find((a) => a.id === '카드-008')!.bindingFields).toEqual([
      'card_id',
      'from_date',
      'to_date',
    ]);
    expect(compileAll('bank').find((a) => a.id === '은행-001')!.bindingFields).toEqual([]);
  });
});

describe('routes', () => {
  it('one route per path, the methods it does not serve answering 40501', () => {
    const routes = institutionRoutes('/CDNURI0001', compileAll('card'));
    const cards = routes.find((r) => r.url === '/CDNURI0001/:version/card/cards/:card_id')!;
    expect([...cards.served.keys()]).toEqual(['GET']);
    expect(cards.refused).toEqual(['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD']);
  });
});

describe('answers', () => {
  it('rsp_msg is the Korean meaning, with the detail, cut to 450 UTF-8 bytes', () => {
    expect(rspMsg('40101')).toBe('유효하지 않은 접근토큰');
    expect(rspMsg('40101', '만료')).toBe('유효하지 않은 접근토큰 - 만료');
    const long = rspMsg('40001', '가'.repeat(400));
    expect(Buffer.byteLength(long)).toBeLessThanOrEqual(450);
    expect(clampUtf8('가나다', 7)).toBe('가…');
    expect(JSON.parse(envelopeAnswer('00001').body.toString())).toEqual({
      rsp_code: '00001',
      rsp_msg: expect.stringContaining('정상'),
    });
  });
});

describe('item cache', () => {
  it('serves items it has seen, and stands aside while most lookups miss', () => {
    const cache = createItemCache();
    const kept = { a: 1 };
    cache.set(kept, 'A');
    expect(cache.get(kept)).toBe('A');
    // A run of fresh objects: after 1,024 lookups with few hits, it stops caching for a while.
    for (let i = 0; i < 1024; i++) cache.get({});
    const later = { b: 2 };
    cache.set(later, 'B');
    expect(cache.get(later)).toBeUndefined();
  });

  it('keeps caching while items come back', () => {
    const cache = createItemCache();
    const items = Array.from({ length: 10 }, (_, i) => ({ i }));
    for (let round = 0; round < 300; round++) {
      for (const item of items) if (cache.get(item) === undefined) cache.set(item, String(item.i));
    }
    expect(cache.get(items[3]!)).toBe('3');
  });
});
