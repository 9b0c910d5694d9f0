import { describe, expect, it } from 'vitest';
import { kstToEpochMs } from '../clock/kst.ts';
import { createCallerRegistry, isLoopback, normaliseIp } from './caller-registry.ts';
import { checkClientCert } from './check-client-cert.ts';
import { isFailure } from './check-failure.ts';
import { checkSourceIp } from './check-source-ip.ts';
import { createCycleCounter } from './cycle-counter.ts';
import { effectiveApiType } from './effective-api-type.ts';
import { parseNpWindows } from './np-time-windows.ts';
import { readRawInput } from './raw-input.ts';
import { createTranIdLedger } from './tran-id-ledger.ts';

const callers = createCallerRegistry({
  callers: [{ orgCode: 'MDHANNUN01', serials: ['1018112345'], ips: ['10.0.0.7', '::ffff:10.0.0.8'] }],
});

describe('client certificate (40103) and source IP (40102)', () => {
  it('without mTLS the serial step is skipped and the caller unknown', () => {
    expect(checkClientCert(false, undefined, callers)).toBeUndefined();
  });
  it('with mTLS a registered serial names the caller; none or an unknown one answers 40103', () => {
    expect(checkClientCert(true, '1018112345', callers)).toBe('MDHANNUN01');
    for (const serial of [undefined, '', '999']) {
      const result = checkClientCert(true, serial, callers);
      expect(isFailure(result) && result.rspCode).toBe('40103');
    }
  });
  it('allows loopback by default, the caller’s own IPs, and refuses the rest with 40102', () => {
    expect(checkSourceIp('127.0.0.1', undefined, callers)).toBeUndefined();
    expect(checkSourceIp('::1', 'MDHANNUN01', callers)).toBeUndefined();
    expect(checkSourceIp('10.0.0.7', 'MDHANNUN01', callers)).toBeUndefined();
    expect(checkSourceIp('::ffff:10.0.0.7', 'MDHANNUN01', callers)).toBeUndefined();
    expect(checkSourceIp('10.0.0.8', undefined, callers)).toBeUndefined();
    expect(checkSourceIp('10.0.0.7', 'MDOTHER001', callers)?.rspCode).toBe('40102');
    expect(checkSourceIp('192.168.1.1', undefined, callers)?.rspCode).toBe('40102');
    const strict = createCallerRegistry({ allowLoopback: false });
    expect(checkSourceIp('127.0.0.1', undefined, strict)?.rspCode).toBe('40102');
  });
  it('normalises IPv4-mapped addresses', () => {
    expect(normaliseIp('::ffff:127.0.0.1')).toBe('127.0.0.1');
    expect(isLoopback('::ffff:127.0.0.1')).toBe(true);
    expect(isLoopback('128.0.0.1')).toBe(false);
  });
});

describe('duplicate tran ids (40002)', () => {
  it('remembers a tran id for the rest of the Korean day at one institution', () => {
    const ledger = createTranIdLedger();
    const morning = kstToEpochMs(2025, 3, 15, 0, 0, 1);
    expect(ledger.record('BKNURI0001', 'T1', morning)).toBe(true);
    expect(ledger.record('BKNURI0001', 'T1', kstToEpochMs(2025, 3, 15, 23, 59, 59))).toBe(false);
    expect(ledger.record('CDNURI0001', 'T1', morning)).toBe(true);
    expect(ledger.record('BKNURI0001', 'T1', kstToEpochMs(2025, 3, 16, 0, 0, 0))).toBe(true);
  });

  it('keeps at least the last generation of ids, and at most two generations', () => {
    const ledger = createTranIdLedger(3);
    const at = kstToEpochMs(2025, 3, 15, 12, 0, 0);
    for (const id of ['A', 'B', 'C', 'D', 'E', 'F']) expect(ledger.record('BKNURI0001', id, at)).toBe(true);
    for (const id of ['D', 'E', 'F']) expect(ledger.record('BKNURI0001', id, at)).toBe(false);
    expect(ledger.record('BKNURI0001', 'G', at)).toBe(true);
    // A to C were dropped with the oldest generation when G started a new one.
    expect(ledger.record('BKNURI0001', 'A', at)).toBe(true);
  });
});

describe('cycle counter (42901)', () => {
  it('reserves up to `times` per window, releases failed calls, restarts with the window', () => {
    const counter = createCycleCounter();
    const a = counter.reserve('k', 1, 2);
    const b = counter.reserve('k', 1, 2);
    expect(a && b).toBeTruthy();
    expect(counter.reserve('k', 1, 2)).toBeUndefined();
    b!.release();
    b!.release();
    const c = counter.reserve('k', 1, 2);
    expect(c).toBeDefined();
    expect(counter.reserve('k', 1, 2)).toBeUndefined();
    expect(counter.reserve('k', 2, 2)).toBeDefined();
    a!.release(); // from the old window: changes nothing now
    expect(counter.reserve('k', 2, 2)).toBeDefined();
    expect(counter.reserve('k', 2, 2)).toBeUndefined();
  });
});

describe('np_time windows (50009)', () => {
  it('reads hhmm:hhmm windows, 2400 as midnight, and windows over midnight', () => {
    const w = parseNpWindows(['0000:0600', '1200:1300', '2300:0100']);
    expect(w.contains(0)).toBe(true);
    expect(w.contains(359)).toBe(true);
    expect(w.contains(360)).toBe(false);
    expect(w.contains(12 * 60 + 30)).toBe(true);
    expect(w.contains(13 * 60)).toBe(false);
    expect(w.contains(23 * 60 + 30)).toBe(true);
    expect(parseNpWindows(['1800:2400']).contains(23 * 60 + 59)).toBe(true);
    for (const bad of ['0000-0600', '2500:0100', '0000:2430', '000:0600'])
      expect(() => parseNpWindows([bad])).toThrow();
  });
});

describe('request input', () => {
  it('takes the query of a GET and the JSON object body of a POST', () => {
    expect(readRawInput('GET', { org_code: 'A' }, undefined, undefined)).toEqual({ org_code: 'A' });
    expect(readRawInput('POST', {}, '{"org_code":"A"}', 'application/json; charset=utf-8')).toEqual({ org_code: 'A' });
  });
  it.each([
    ['a query on a POST', { a: '1' }, '{}', 'application/json'],
    ['another content type', {}, '{}', 'text/plain'],
    ['no body', {}, '', 'application/json'],
    ['broken JSON', {}, '{"a":', 'application/json'],
    ['a JSON array', {}, '[]', 'application/json'],
  ])('refuses %s with 40001', (_what, query, body, type) => {
    const result = readRawInput('POST', query, body, type);
    expect(isFailure(result) && result.rspCode).toBe('40001');
  });
  it('judges a call without x-api-type as user-refresh, never as scheduled', () => {
    expect(effectiveApiType(undefined)).toBe('user-refresh');
    expect(effectiveApiType('scheduled')).toBe('scheduled');
  });
});
