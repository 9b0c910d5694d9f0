import { Temporal } from 'temporal-polyfill';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fixtureConsent, fixtureInstitution } from '../testing/fixture-world.ts';
import { retentionDate } from './handle-consents.ts';

const base = fixtureConsent(fixtureInstitution('BKNURI0001'));

afterEach(() => vi.restoreAllMocks());

describe('공통-002 period (retentionDate)', () => {
  it('reads the dates Temporal reads, and only real days', () => {
    expect(retentionDate({ ...base, period: '20280229' }).toString()).toBe('2028-02-29');
    expect(retentionDate({ ...base, period: '20270229' })).toEqual(base.endDate);
    expect(retentionDate({ ...base, period: '20300431' })).toEqual(base.endDate);
    expect(retentionDate({ ...base, period: '20300001' })).toEqual(base.endDate);
    expect(retentionDate({ ...base, period: '2031-02-03T10:00' }).toString()).toBe('2031-02-03');
    expect(retentionDate({ ...base, period: '2031-02-30' })).toEqual(base.endDate);
  });

  it('words are the end date without Temporal being asked (its refusal throws, on every call)', () => {
    const from = vi.spyOn(Temporal.PlainDate, 'from');
    expect(retentionDate({ ...base, period: '서비스 탈퇴 시까지' })).toEqual(base.endDate);
    expect(retentionDate({ ...base, period: '' })).toEqual(base.endDate);
    expect(retentionDate({ ...base, period: '5년' })).toEqual(base.endDate);
    expect(from).not.toHaveBeenCalled();
  });

  it('is read once per consent record', () => {
    const consent = { ...base, period: '2031-02-03' };
    const from = vi.spyOn(Temporal.PlainDate, 'from');
    const first = retentionDate(consent);
    expect(retentionDate(consent)).toBe(first);
    expect(from).toHaveBeenCalledTimes(1);
    expect(retentionDate({ ...consent }).toString()).toBe('2031-02-03');
    expect(from).toHaveBeenCalledTimes(2);
  });
});
