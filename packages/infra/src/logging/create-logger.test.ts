import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createLogger } from './create-logger.ts';
import { passesLuhn } from './luhn.ts';
import { createLogSink } from './test-sink.ts';

const CI = `${'Ab3+'.repeat(21)}x/==`; // 86 Base64 characters and padding, the shape of a CI
const CARD = '4111111111111111';
const NOT_A_CARD = '4111111111111112';

function logged(write: (log: ReturnType<typeof createLogger>) => void): {
  text: string;
  records: Record<string, unknown>[];
} {
  const sink = createLogSink();
  const log = createLogger({ service: 'test', level: 'trace', destination: sink });
  write(log);
  return { text: sink.text(), records: sink.records() };
}

/** Check digit that makes `body` pass Luhn. */
function withCheckDigit(body: string): string {
  for (let d = 0; d <= 9; d++) if (passesLuhn(body + d)) return body + d;
  throw new Error('unreachable');
}

describe('createLogger', () => {
  it('writes JSON lines with service, level name and message', () => {
    const { records } = logged((log) => log.info({ org_code: 'BANK000001' }, 'hello'));
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ service: 'test', level: 'info', msg: 'hello', org_code: 'BANK000001' });
    expect(typeof records[0]!.time).toBe('string');
  });

  it.each([
    ['authorization', { headers: { authorization: 'Bearer s3cr3t.token.value' } }, 's3cr3t.token.value'],
    ['access_token', { body: { access_token: 'at-7f3a9c' } }, 'at-7f3a9c'],
    ['refresh_token', { refresh_token: 'rt-19bd22' }, 'rt-19bd22'],
    ['client_secret', { form: { client_secret: 'cs-aa11bb22' } }, 'cs-aa11bb22'],
    ['password', { login: { password: 'hunter2!' } }, 'hunter2!'],
    ['code', { query: { code: 'authcode-xyz', state: 'keep-me' } }, 'authcode-xyz'],
    ['x-user-ci', { headers: { 'x-user-ci': CI } }, CI],
    ['user_ci', { user_ci: 'ci-value-1' }, 'ci-value-1'],
    ['ci', { person: { ci: 'ci-value-2' } }, 'ci-value-2'],
    ['username (password grant)', { grant: { grant_type: 'password', username: 'ci-as-username' } }, 'ci-as-username'],
    ['signed_consent', { signed_consent: 'MIIB-signed-consent' }, 'MIIB-signed-consent'],
    [
      'consent body',
      { consent: { is_scheduled: 'true', end_date: '20991231', purpose: 'consent-purpose-x' } },
      'consent-purpose-x',
    ],
    ['account_num', { a: { b: { c: { account_num: '1002123456789' } } } }, '1002123456789'],
    ['repay_account_num', { repay_account_num: '3333011234567' }, '3333011234567'],
    ['charge_account_num', { charge_account_num: '11012345678901' }, '11012345678901'],
    ['card_num', { card: { card_num: '9410123412341234' } }, '9410123412341234'],
    ['phone', { customer: { phone: '01098765432' } }, '01098765432'],
  ])('redacts %s from the output bytes', (_name, obj, secret) => {
    const { text } = logged((log) => log.info(obj, 'event'));
    expect(text).not.toContain(secret);
    expect(text).toMatch(/\[REDACTED\]|\*{4}-\*{4}-\*{4}-\d{4}/);
  });

  it('matches sensitive names case-insensitively and in camelCase, at any depth', () => {
    const { text } = logged((log) =>
      log.info({
        l1: {
          l2: [
            {
              l3: { Access_Token: 'a1-secret', ACCOUNT_NUM: '1234567890', accessToken: 'a2-secret', 'X-User-CI': 'c1' },
            },
          ],
        },
      }),
    );
    for (const secret of ['a1-secret', '1234567890', 'a2-secret', '"c1"']) expect(text).not.toContain(secret);
  });

  it('keeps trace ids whole (a tran id whose digits pass Luhn, a request UUID), but scrubs a card number put under tranId', () => {
    const tranId = `MDHANNUN01M${withCheckDigit('0000000000004')}`;
    const reqId = '256d1012-3456-4d4a-9dd0-c2a316789925';
    const { records } = logged((log) => log.info({ tranId, reqId }));
    expect(records[0]).toMatchObject({ tranId, reqId });
    const { text } = logged((log) => log.info({ tranId: CARD }));
    expect(text).not.toContain(CARD);
  });

  it('keeps the last four digits of a card number', () => {
    const { records } = logged((log) => log.info({ card_num: '9410-1234-1234-5678' }));
    expect(records[0]!.card_num).toBe('****-****-****-5678');
  });

  it('scrubs secrets out of message strings and format arguments', () => {
    const { text, records } = logged((log) => {
      log.warn('token exchange failed: grant_type=authorization_code&code=ac-991&state=st-1');
      log.info('callback %s', '?code=ac-992&state=st-2');
      log.info(`provider said {"access_token":"jwt-993","token_type":"Bearer"}`);
      log.info('header Authorization: Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl');
      log.info(`consent body {"consent":{"scope":"bank.list","purpose":"p-994"},"org_code":"BANK000001"}`);
    });
    for (const secret of ['ac-991', 'ac-992', 'jwt-993', 'eyJhbGciOiJSUzI1NiJ9', 'c2lnbmF0dXJl', 'p-994']) {
      expect(text).not.toContain(secret);
    }
    expect(records[0]!.msg).toBe('token exchange failed: grant_type=authorization_code&code=[REDACTED]&state=st-1');
    expect(records[1]!.msg).toBe('callback ?code=[REDACTED]&state=st-2');
    expect(records[2]!.msg).toContain('"token_type":"Bearer"');
    expect(records[4]!.msg).toContain('"org_code":"BANK000001"');
  });

  it('masks a Luhn-valid card number inside any string but leaves other digit runs', () => {
    const { records, text } = logged((log) =>
      log.info({ note: `paid with ${CARD}, ref ${NOT_A_CARD}`, spaced: 'card 4111 1111 1111 1111 ok' }, `card ${CARD}`),
    );
    expect(text).not.toContain(CARD);
    expect(records[0]!.note).toBe(`paid with ****-****-****-1111, ref ${NOT_A_CARD}`);
    expect(records[0]!.spaced).toBe('card ****-****-****-1111 ok');
    expect(records[0]!.msg).toBe('card ****-****-****-1111');
  });

  it('masks every Luhn-valid 16-digit number embedded in text (property)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[1-9]\d{14}$/), fc.string({ maxLength: 20 }), (body, prefix) => {
        const card = withCheckDigit(body);
        const safePrefix = prefix.replace(/\d/g, '');
        const { text } = logged((log) => log.info({ memo: `${safePrefix} ${card} end` }));
        return !text.includes(card) && text.includes(`****-****-****-${card.slice(-4)}`);
      }),
      { numRuns: 200 },
    );
  });

  it('redacts phone numbers, resident registration numbers, CI values and hyphenated account numbers in text', () => {
    const { text, records } = logged((log) =>
      log.info(
        { memo: `call 010-1234-5678 or 02-345-6789, rrn 900101-1234567, acct 110-123-456789, ci ${CI}` },
        'rrn 8001012345678 phone +82-10-2222-3333',
      ),
    );
    for (const secret of [
      '010-1234-5678',
      '02-345-6789',
      '900101-1234567',
      '110-123-456789',
      CI,
      '8001012345678',
      '2222-3333',
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(records[0]!.memo).toBe('call [REDACTED] or [REDACTED], rrn [REDACTED], acct [REDACTED], ci [REDACTED]');
  });

  it('redacts values in child-logger bindings', () => {
    const { text, records } = logged((log) =>
      log.child({ tranId: 'BANK000001M0000000000001A', user_ci: 'ci-in-binding' }).info('x'),
    );
    expect(text).not.toContain('ci-in-binding');
    expect(records[0]!.tranId).toBe('BANK000001M0000000000001A');
  });

  it('scrubs serialized errors but keeps their diagnostic code', () => {
    const err = Object.assign(new Error('upstream refused access_token=tok-555'), { code: 'ECONNREFUSED' });
    const { text, records } = logged((log) => log.error({ err }, 'call failed'));
    expect(text).not.toContain('tok-555');
    const e = records[0]!.err as Record<string, unknown>;
    expect(e.code).toBe('ECONNREFUSED');
    expect(e.type).toBe('Error');
    expect(String(e.stack)).toContain('create-logger.test.ts');
  });

  it('keeps non-secret fields intact', () => {
    const fields = {
      tranId: 'BANK000001M0000000000001A',
      org_code: 'BANK000001',
      rsp_code: '00000',
      rsp_msg: '성공',
      trans_dtime: '20240101123000',
      trans_amt: '-15000.5',
      trans_cnt: '500',
      next_page: '20240101123000:42',
      date: '2024-01-31',
      state: 'xyz',
      statusCode: 200,
      is_consent: 'true',
      scope: 'bank.list bank.deposit',
      url: '/v2/bank/accounts?org_code=BANK000001&limit=500',
    };
    const { records } = logged((log) => log.info(fields, '은행-001 계좌 목록 조회 completed in 12 ms'));
    expect(records[0]).toMatchObject({ ...fields, msg: '은행-001 계좌 목록 조회 completed in 12 ms' });
  });

  it('does not take a DTIME that happens to pass Luhn for a card number', () => {
    let dtime = '';
    for (let s = 0; s < 60 && !dtime; s++) {
      const candidate = `202401011230${String(s).padStart(2, '0')}`;
      if (passesLuhn(candidate)) dtime = candidate;
    }
    expect(dtime).not.toBe('');
    const { records } = logged((log) => log.info({ note: `at ${dtime}` }));
    expect(records[0]!.note).toBe(`at ${dtime}`);
  });

  it('honours the level and extra sensitive names', () => {
    const sink = createLogSink();
    const log = createLogger({ service: 's', level: 'warn', destination: sink, sensitiveKeys: ['holder_name'] });
    log.info('dropped');
    log.warn({ holder_name: '홍길동' }, 'kept');
    expect(sink.records()).toHaveLength(1);
    expect(sink.text()).not.toContain('홍길동');
  });
});
