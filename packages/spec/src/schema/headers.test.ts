import { describe, expect, it } from 'vitest';
import type { ApiSpec } from '../catalogue/api-spec.ts';
import { decodeHeaders } from './headers.ts';
import { wireErrorOf as errorOf } from '../testing/wire-error-of.ts';

const info = {
  headers: { required: ['authorization', 'x-api-tran-id'], optional: ['x-api-type'] },
} as const satisfies Pick<ApiSpec, 'headers'>;
const authorize = { headers: { required: ['x-user-ci', 'x-api-tran-id'], optional: [] } } as const satisfies Pick<
  ApiSpec,
  'headers'
>;
const good = {
  authorization: 'Bearer eyJhbGciOi.J9.sig',
  'x-api-tran-id': 'OPERATOR01M0A1B2C3D4E5F6G',
  'x-api-type': 'scheduled',
};

describe('request headers (§2.1): 40002 on anything missing or malformed', () => {
  it('parses the token, tran id and api type', () => {
    expect(decodeHeaders(info, good)).toEqual({
      accessToken: 'eyJhbGciOi.J9.sig',
      tranId: 'OPERATOR01M0A1B2C3D4E5F6G',
      apiType: 'scheduled',
    });
  });

  it('x-api-type is optional, but must be one of the four when sent', () => {
    const { 'x-api-type': _t, ...rest } = good;
    expect(decodeHeaders(info, rest).apiType).toBeUndefined();
    expect(errorOf(() => decodeHeaders(info, { ...good, 'x-api-type': 'batch' }))).toMatchObject({
      field: 'x-api-type',
      rspCode: '40002',
      rule: 'enum',
    });
  });

  it.each([
    ['authorization', { authorization: undefined }, 'required'],
    ['authorization', { authorization: 'Basic abc' }, 'format'],
    ['authorization', { authorization: `Bearer ${'a'.repeat(1501)}` }, 'length'],
    ['x-api-tran-id', { 'x-api-tran-id': '' }, 'required'],
    ['x-api-tran-id', { 'x-api-tran-id': 'OPERATOR01M0A1B2C3D4E5F6' }, 'format'],
    ['x-api-tran-id', { 'x-api-tran-id': 'OPERATOR01Z0A1B2C3D4E5F6G' }, 'format'],
    ['x-api-tran-id', { 'x-api-tran-id': 'operator01M0A1B2C3D4E5F6G' }, 'format'],
    ['x-api-tran-id', { 'x-api-tran-id': ['OPERATOR01M0A1B2C3D4E5F6G', 'OPERATOR01M0A1B2C3D4E5F6H'] }, 'format'],
  ])('%s %j → %s', (field, patch, rule) => {
    const e = errorOf(() => decodeHeaders(info, { ...good, ...patch }));
    expect(e).toMatchObject({ field, rule, rspCode: '40002' });
  });

  it('개별인증-001 needs x-user-ci as Base64 of at most 100', () => {
    expect(
      decodeHeaders(authorize, { 'x-user-ci': 'q1w2e3r4t5y6u7i8o9p0+/==', 'x-api-tran-id': good['x-api-tran-id'] })
        .userCi,
    ).toBe('q1w2e3r4t5y6u7i8o9p0+/==');
    expect(
      errorOf(() => decodeHeaders(authorize, { 'x-user-ci': '홍길동', 'x-api-tran-id': good['x-api-tran-id'] })).field,
    ).toBe('x-user-ci');
    expect(errorOf(() => decodeHeaders(authorize, { 'x-api-tran-id': good['x-api-tran-id'] })).rule).toBe('required');
  });
});
