import { describe, expect, it } from 'vitest';
import { extractRspCode } from './rsp-code.ts';

describe('extractRspCode', () => {
  it('reads rsp_code from a JSON string or buffer body', () => {
    expect(extractRspCode('{"rsp_code":"40101","rsp_msg":"토큰 만료"}')).toBe('40101');
    expect(extractRspCode(Buffer.from('{ "rsp_code" : "00000" }'))).toBe('00000');
  });

  it('gives undefined for bodies without one', () => {
    expect(extractRspCode('{"error":"invalid_grant"}')).toBeUndefined();
    expect(extractRspCode('<html></html>')).toBeUndefined();
    expect(extractRspCode(undefined)).toBeUndefined();
    expect(extractRspCode({ rsp_code: '00000' })).toBeUndefined();
  });

  it('refuses label values that are not short codes (bounded cardinality)', () => {
    expect(extractRspCode('{"rsp_code":"a very long free text"}')).toBeUndefined();
  });
});
