import { describe, expect, it } from 'vitest';
import { INDUSTRY_SCOPES } from '../scopes.ts';
import {
  assetWording,
  cycleWording,
  dateWording,
  endDateWording,
  SCOPE_WORDING,
  scheduleWording,
  scopeWording,
  targetWording,
} from './consent-wording.ts';

describe('consent wording (the words a person reads before signing)', () => {
  it('describes every information scope of every industry in Korean and English', () => {
    for (const scopes of Object.values(INDUSTRY_SCOPES)) {
      for (const scope of scopes) {
        expect(scopeWording(scope, 'ko'), scope).toMatch(/[가-힣]/);
        expect(scopeWording(scope, 'en'), scope).not.toBe(scope);
      }
    }
    expect(Object.keys(SCOPE_WORDING)).toHaveLength(Object.values(INDUSTRY_SCOPES).flat().length);
  });

  it.each([
    ['1/w', '주 1회', 'once a week'],
    ['2/w', '주 2회', 'twice a week'],
    ['1/d', '일 1회', 'once a day'],
    ['3/m', '월 3회', '3 times a month'],
    ['1m', '월 1회', 'once a month'],
    ['2w', '2주마다 1회', 'once every 2 weeks'],
  ])('says the cycle %s as %s / %s', (cycle, ko, en) => {
    expect(cycleWording(cycle, 'ko')).toBe(ko);
    expect(cycleWording(cycle, 'en')).toBe(en);
  });

  it('says dates and end dates in words, and returns malformed dates as given', () => {
    expect(dateWording('20271124', 'ko')).toBe('2027년 11월 24일');
    expect(dateWording('20270105', 'en')).toBe('5 January 2027');
    expect(endDateWording('20271124', 'ko')).toBe('2027년 11월 24일까지');
    expect(endDateWording('20271124', 'en')).toBe('until 24 November 2027');
    expect(dateWording('20271324', 'ko')).toBe('20271324');
  });

  it('says whether the data is sent regularly, with both cycles when they differ', () => {
    const base = { is_scheduled: 'true', fnd_cycle: '1/w', add_cycle: '1/w' } as const;
    expect(scheduleWording(base, 'ko')).toBe('정기적으로 전송 (주 1회)');
    expect(scheduleWording({ ...base, add_cycle: '1/m' }, 'ko')).toBe(
      '정기적으로 전송 (기본정보 주 1회, 추가정보 월 1회)',
    );
    expect(scheduleWording({ ...base, is_scheduled: 'false' }, 'en')).toMatch(/^No regular transmission/);
  });

  it('names chosen assets by their list API and masks account numbers to the last four digits', () => {
    const asset = { api: '은행-001', key: { account_num: '1002123456789', seqno: '1' } };
    expect(assetWording(asset, 'ko')).toBe('계좌 목록 조회: ********6789 · 1');
    expect(targetWording({ target: 'all', asset_list: [] }, 'ko')[0]).toMatch(/^전체 자산/);
    expect(targetWording({ target: 'list', asset_list: [asset] }, 'en')).toEqual([
      'List of accounts: ********6789 · 1',
    ]);
  });
});
