import { describe, expect, it } from 'vitest';
import { OAUTH_ERRORS } from './oauth-errors.ts';
import { isRspCode, isSuccess, RSP_CODES, rspCodeInfo } from './rsp-codes.ts';

describe('rsp_code catalogue', () => {
  it('holds every code of the standard from 00000 to 50010', () => {
    const expected = [
      '00000',
      '00001',
      '40001',
      '40002',
      '40003',
      '40004',
      '40101',
      '40102',
      '40103',
      '40104',
      '40105',
      '40106',
      '40301',
      '40302',
      '40303',
      '40304',
      '40305',
      '40401',
      '40402',
      '40403',
      '40404',
      '40501',
      '40901',
      '42901',
      '42902',
      '50001',
      '50002',
      '50003',
      '50004',
      '50005',
      '50006',
      '50007',
      '50008',
      '50009',
      '50010',
    ];
    expect(Object.keys(RSP_CODES).sort()).toEqual(expected);
  });

  it('maps each code to the HTTP status its first digits say, with Korean and English messages', () => {
    for (const [code, info] of Object.entries(RSP_CODES)) {
      const expectedHttp = code.startsWith('0') ? 200 : Number(code.slice(0, 3));
      expect(info.http, code).toBe(expectedHttp);
      expect(info.ko, code).toMatch(/[가-힣]/);
      expect(info.en.length, code).toBeGreaterThan(5);
    }
  });

  it('tells success codes and unknown codes apart', () => {
    expect(isSuccess('00000')).toBe(true);
    expect(isSuccess('00001')).toBe(true);
    expect(isSuccess('40101')).toBe(false);
    expect(isRspCode('40106')).toBe(true);
    expect(isRspCode('99999')).toBe(false);
    expect(isRspCode('toString')).toBe(false);
    expect(rspCodeInfo('50009')).toMatchObject({ code: '50009', http: 500 });
  });

  it('OAuth errors carry RFC 6749 statuses and the standard’s unauthorized_user', () => {
    expect(OAUTH_ERRORS.invalid_grant.http).toBe(400);
    expect(OAUTH_ERRORS.method_not_allowed.http).toBe(405);
    expect(OAUTH_ERRORS.temporarily_unavailable.http).toBe(503);
    expect(OAUTH_ERRORS.unauthorized_user.ko).toContain('CI');
  });
});
