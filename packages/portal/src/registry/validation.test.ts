import { describe, expect, it } from 'vitest';
import { bank, ca, operator } from '../testing/fixtures.ts';
import { validateNpTimes } from './np-time.ts';
import type { DeltaEntry, RegistryChange } from './portal-org.ts';
import { reduceChanges } from './reduce-changes.ts';
import { RegistryInputError } from './registry-input-error.ts';
import { validateOrg } from './validate-org.ts';
import { validateService } from './validate-service.ts';

function refusal(fn: () => void): RegistryInputError {
  try {
    fn();
  } catch (error) {
    if (error instanceof RegistryInputError) return error;
    throw error;
  }
  throw new Error('expected a RegistryInputError');
}

describe('np_time windows (지원-002 np_time_list)', () => {
  it('AC01: accepts up to 3 windows in 30-minute units adding up to at least 6 hours, over midnight too', () => {
    expect(() => validateNpTimes(['0000:0600'])).not.toThrow();
    expect(() => validateNpTimes(['2300:0500'])).not.toThrow();
    expect(() => validateNpTimes(['0030:0330', '1200:1300', '2200:2400'])).not.toThrow();
    expect(() => validateNpTimes(['0000:2400'])).not.toThrow();
  });

  it('AC02: refuses more than 3 windows, naming the list', () => {
    const e = refusal(() => validateNpTimes(['0000:0200', '0300:0500', '0600:0800', '2200:2300']));
    expect(e.field).toBe('np_time_list');
    expect(e.message).toContain('has 4 windows, at most 3 allowed');
    expect(e.rspCode).toBe('40001');
  });

  it('AC03: refuses windows adding up to less than 6 hours', () => {
    const e = refusal(() => validateNpTimes(['0000:0300', '1200:1430']));
    expect(e).toMatchObject({ field: 'np_time_list' });
    expect(e.message).toContain('adds up to 5.5 hours a day, at least 6 required');
  });

  it('AC04: refuses overlapping windows, naming the later one', () => {
    const e = refusal(() => validateNpTimes(['0000:0600', '0530:0700']));
    expect(e.field).toBe('np_time_list[1].np_time');
    expect(e.message).toContain("'0530:0700' overlaps '0000:0600'");
    expect(refusal(() => validateNpTimes(['2200:0400', '0300:0500'])).message).toContain('overlaps');
  });

  it('AC05: refuses times off the 30-minute grid, malformed and empty windows, and no window at all', () => {
    expect(refusal(() => validateNpTimes(['0015:0615'])).message).toContain('30-minute units');
    expect(refusal(() => validateNpTimes(['2400:0600'])).message).toContain('30-minute units');
    expect(refusal(() => validateNpTimes(['0000-0600'])).message).toContain('hhmm:hhmm');
    expect(refusal(() => validateNpTimes(['0600:0600'])).message).toContain('start and end are the same');
    expect(refusal(() => validateNpTimes([])).field).toBe('np_time_list');
  });
});

describe('organisation records', () => {
  it('accept the demo shapes of a bank, an operator and a CA', () => {
    expect(() => validateOrg(bank())).not.toThrow();
    expect(() => validateOrg(operator())).not.toThrow();
    expect(() => validateOrg(ca())).not.toThrow();
  });

  it('bad input: a bad org_code is refused with the field and an example', () => {
    for (const code of ['BKNURI001', 'bknuri0001', 'BKNURI-001', 'BKNURI00011']) {
      const e = refusal(() => validateOrg(bank(code)));
      expect(e.field).toBe('org_code');
      expect(e.message).toContain('must be 10 upper-case letters or digits');
    }
  });

  it('bad input: fields an org_type does not carry, and missing ones, are refused by name', () => {
    expect(refusal(() => validateOrg({ ...operator(), npTimes: ['0000:0600'] })).field).toBe('np_time_list');
    expect(refusal(() => validateOrg({ ...bank(), industry: undefined })).field).toBe('industry');
    expect(refusal(() => validateOrg({ ...bank(), serialNum: undefined })).field).toBe('serial_num');
    expect(refusal(() => validateOrg({ ...bank(), caCode: 'X1' })).field).toBe('ca_code');
    expect(refusal(() => validateOrg({ ...bank(), orgType: '02' })).field).toBe('relay_org_code');
    expect(refusal(() => validateOrg({ ...bank(), ips: ['127.0.0.1', '300.1.1.1'] })).field).toBe('ip_list[1].ip');
    expect(refusal(() => validateOrg({ ...bank(), ips: ['10.0.0.1', '10.0.0.1'] })).field).toBe('ip_list');
    expect(refusal(() => validateOrg({ ...bank(), domain: 'not a domain' })).field).toBe('domain');
    expect(refusal(() => validateOrg({ ...bank(), orgRegno: '12345' })).field).toBe('org_regno');
    expect(refusal(() => validateOrg({ ...bank(), name: '가'.repeat(51) })).message).toContain('153 UTF-8 bytes');
  });
});

describe('service records (지원-003)', () => {
  const service = { name: '한눈 앱', redirectUris: ['https://app.example/cb'], appSchemes: ['hannun://mydata'] };

  it('bad input: more than 4 redirect URIs are refused', () => {
    const uris = [1, 2, 3, 4, 5].map((i) => `https://app.example/cb${i}`);
    const e = refusal(() => validateService({ ...service, redirectUris: uris }));
    expect(e.field).toBe('redirect_uri_list');
    expect(e.message).toContain('has 5 callback URLs, at most 4 allowed');
    expect(() => validateService({ ...service, redirectUris: uris.slice(0, 4) })).not.toThrow();
  });

  it('bad input: relative or fragment URIs, bad schemes and long names are refused by name', () => {
    expect(refusal(() => validateService({ ...service, redirectUris: ['/cb'] })).field).toBe(
      'redirect_uri_list[0].redirect_uri',
    );
    expect(refusal(() => validateService({ ...service, redirectUris: ['https://a.example/cb#x'] })).field).toBe(
      'redirect_uri_list[0].redirect_uri',
    );
    expect(refusal(() => validateService({ ...service, appSchemes: ['Hannun'] })).field).toBe(
      'app_scheme_list[0].app_scheme',
    );
    expect(refusal(() => validateService({ ...service, name: '한눈지갑마이데이터통합관리' })).field).toBe(
      'service_name',
    );
  });
});

describe('reduceChanges (지원-002/003/006 deltas)', () => {
  const c = (seq: number, op: 'I' | 'M' | 'D', key: string): RegistryChange<string> => ({
    seq,
    atMs: seq,
    op,
    key,
    record: `${key}@${seq}`,
  });
  const ops = (entries: DeltaEntry<string>[]) => entries.map((e) => `${e.op} ${e.record}`);

  it('gives one entry per key with its last record: I for new, M for changed, D for removed', () => {
    expect(ops(reduceChanges([c(1, 'I', 'a'), c(2, 'M', 'a'), c(3, 'M', 'b'), c(4, 'D', 'c')]))).toEqual([
      'I a@2',
      'M b@3',
      'D c@4',
    ]);
  });

  it('removed then registered again is M; registered then removed is D; order follows each last change', () => {
    expect(ops(reduceChanges([c(1, 'D', 'a'), c(2, 'I', 'b'), c(3, 'I', 'a'), c(4, 'D', 'b')]))).toEqual([
      'M a@3',
      'D b@4',
    ]);
  });
});
