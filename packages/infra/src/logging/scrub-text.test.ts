import { describe, expect, it } from 'vitest';
import { scrubText } from './scrub-text.ts';
import { sensitiveKeyMatcher } from './sensitive-keys.ts';

const scrub = (s: string) => scrubText(s, sensitiveKeyMatcher());

describe('scrubText', () => {
  it('leaves ordinary operational text alone', () => {
    for (const s of [
      'GET /v2/bank/accounts?org_code=BANK000001&limit=500 200 12ms',
      'listening on http://127.0.0.1:3000',
      'time 1732460000000 ms since epoch',
      'request 550e8400-e29b-41d4-a716-446655440000 done',
      'from 2024-01-01 to 2024-01-31',
      'rsp_code: 40101 token_type=Bearer',
      'version 2.6.8 on 10.0.0.12',
      '거래 500건 처리',
    ]) {
      expect(scrub(s)).toBe(s);
    }
  });

  it('redacts a JSON object value after a sensitive name', () => {
    expect(scrub('{"consent":{"a":"}","b":[1,2]},"ok":1}')).toBe('{"consent":"[REDACTED]","ok":1}');
  });

  it('redacts bare and quoted values in several notations', () => {
    expect(scrub("password: 'p w'")).toBe("password: '[REDACTED]'");
    expect(scrub('client_secret=abc; path=/')).toBe('client_secret=[REDACTED]; path=/');
    expect(scrub('x-user-ci: Q2k=')).toBe('x-user-ci: [REDACTED]');
  });

  it('masks card numbers written in groups', () => {
    expect(scrub('4111-1111-1111-1111')).toBe('****-****-****-1111');
    expect(scrub('3782 822463 10005')).toBe('****-****-****-0005');
  });
});
