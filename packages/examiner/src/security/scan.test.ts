import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger, createLogSink } from '@hannun/infra';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { needlesOf } from './known-secrets.ts';
import { scanDatabaseFiles, scanLogFiles } from './scan-files.ts';
import { passesLuhn, scanLogLines, scanText } from './scan-text.ts';

const TOKEN =
  'eyJhbGciOiJFUzI1NiIsImtpZCI6ImsxIn0.eyJpc3MiOiJCS05VUkkwMDAxIiwic2NvcGUiOiJiYW5rLmxpc3QifQ.MEUCIQDx7yq1fZ2Wb0xJc4v9s8k1o2p3q4r5s6t7u8v9w0';
const CI = `${'Q'.repeat(40)}abcdefghijklmnopqrstuvwxyz0123456789+/AB${'z'.repeat(6)}==`;
const ACCOUNT = '110-234-567890';
const CARD = '9410-1234-5678-9013';
const known = needlesOf({ tokens: [TOKEN], cis: [CI], accountNumbers: [ACCOUNT], cardNumbers: [CARD] });

describe('security scan: text', () => {
  it('finds every known secret, with and without separators, and never repeats it', () => {
    const findings = scanText(`token=${TOKEN} ci=${CI} acct=110234567890 card ${CARD}`, 'x.log', 'line 1', known);
    expect(findings.map((f) => `${f.kind}/${f.how}`).sort()).toEqual([
      'account-number/known value',
      'card-number/known value',
      'ci/known value',
      'token/known value',
    ]);
    for (const f of findings) {
      for (const secret of [TOKEN, CI, ACCOUNT, CARD, '110234567890']) expect(f.value).not.toContain(secret);
    }
  });

  it('finds what has the shape of a token, a card number or a CI even when nobody said so', () => {
    const other = scanText(`Bearer ${TOKEN} paid with 4111 1111 1111 1111 user ${CI}`, 'x.log', 'line 1', []);
    expect(other.map((f) => f.kind).sort()).toEqual(['card-number', 'ci', 'token']);
    expect(passesLuhn('4111111111111111')).toBe(true);
    expect(passesLuhn('4111111111111112')).toBe(false);
    // Not card numbers: Luhn fails, a timestamp, a tran id; masked values are not secrets.
    expect(scanText('4111 1111 1111 1112 at 20261124120000 MDHANNUN01M0123456789ABCD', 'x', '1', [])).toEqual([]);
    expect(scanText('card ****-****-****-1111 token [REDACTED] ci [REDACTED]', 'x', '1', known)).toEqual([]);
    // A request id whose first groups are all digits (seen in a CI run): "49871234-5678-9071" is Luhn-valid.
    expect(passesLuhn('4987123456789071')).toBe(true);
    expect(scanText('{"reqId":"49871234-5678-9071-8abc-0123456789ab"}', 'x', '1', [])).toEqual([]);
    expect(scanText('{"card":"4987-1234-5678-9071"}', 'x', '1', []).map((f) => f.kind)).toEqual(['card-number']);
  });

  it("Hannun's logger leaves nothing to find in a line about a token, a CI and an account; a raw line gives all away", () => {
    const sink = createLogSink();
    const logger = createLogger({ service: 'scan-test', destination: sink });
    logger.info(
      { access_token: TOKEN, user_ci: CI, account_num: ACCOUNT, card_num: CARD },
      `called with Bearer ${TOKEN}`,
    );
    expect(scanLogLines(sink.lines, 'scan-test', known)).toEqual([]);
    const raw = JSON.stringify({ access_token: TOKEN, user_ci: CI, account_num: ACCOUNT });
    expect(
      scanLogLines([raw], 'raw', known)
        .map((f) => f.kind)
        .sort(),
    ).toEqual(['account-number', 'ci', 'token']);
  });
});

describe('security scan: phone numbers', () => {
  const PHONE = '010-4821-0937';
  const phones = needlesOf({ phones: [PHONE, '01177776666', '02-123-4567'] });

  it('a known mobile number is searched for with and without its dashes', () => {
    expect(phones.map((n) => `${n.kind}:${n.value}`)).toEqual([
      'phone:010-4821-0937',
      'phone:01048210937',
      'phone:011-7777-6666',
      'phone:01177776666',
      'phone:02-123-4567',
    ]);
    const findings = scanText(`sent to 01048210937 and {"to":"${PHONE}"}`, 'x.log', 'line 1', phones);
    expect(findings.map((f) => `${f.kind}/${f.value}`)).toEqual([
      'phone/010…(13 characters)',
      'phone/010…(11 characters)',
    ]);
    expect(scanText('sent to 010-****-0937', 'x.log', 'line 1', phones)).toEqual([]);
  });

  it("Hannun's logger leaves no phone number to find, under a phone key or in free text; a raw line gives it away", () => {
    const sink = createLogSink();
    const logger = createLogger({ service: 'scan-test', destination: sink });
    logger.info({ phone: PHONE, to: { phone_num: '01048210937' } }, `one-time code sent to ${PHONE} (01048210937)`);
    expect(sink.lines.length).toBe(1);
    expect(scanLogLines(sink.lines, 'scan-test', phones)).toEqual([]);
    expect(scanLogLines([`sent to ${PHONE}`], 'raw', phones).map((f) => f.kind)).toEqual(['phone']);
  });
});

describe('security scan: files', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hannun-scan-'));
    await mkdir(join(dir, 'operator'), { recursive: true });
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('finds a secret in clear inside a database file and its WAL, by byte offset; sealed bytes hide it', async () => {
    const page = Buffer.concat([randomBytes(3000), Buffer.from(ACCOUNT), randomBytes(500)]);
    await writeFile(join(dir, 'hannun.db'), page);
    await writeFile(join(dir, 'hannun.db-wal'), Buffer.concat([randomBytes(100), Buffer.from(CI), randomBytes(100)]));
    await writeFile(join(dir, 'operator', 'sealed.db'), randomBytes(8000));
    const findings = await scanDatabaseFiles(dir, known);
    expect(findings.map((f) => `${f.source} ${f.kind} ${f.at}`)).toEqual([
      'hannun.db account-number byte 3000',
      'hannun.db-wal ci byte 100',
    ]);
  });

  it('scans every log file under a directory, line by line', async () => {
    await writeFile(join(dir, 'operator', 'run.log'), `ok\n{"msg":"token ${TOKEN}"}\n`);
    const findings = await scanLogFiles(dir, known);
    expect(findings).toEqual([
      {
        source: join('operator', 'run.log'),
        at: 'line 2',
        kind: 'token',
        how: 'known value',
        value: `eyJ…(${TOKEN.length} characters)`,
      },
    ]);
  });
});
