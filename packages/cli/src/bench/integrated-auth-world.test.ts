import { DEMO_INSTITUTIONS } from '@hannun/provider';
import { apiById, decodeMessage, encodeConsentDocument, parseConsentDocument, SIGN_REQUEST_BODY } from '@hannun/spec';
import { describe, expect, it } from 'vitest';
import {
  BENCH_CLONES,
  benchConsent,
  benchInstitutions,
  benchOrganisations,
  benchPerson,
  signingIds,
} from './integrated-auth-world.ts';

describe('benchInstitutions (the 30 institutions of integrated-auth)', () => {
  const all = benchInstitutions();

  it('are the demo institutions and four clones of four industries, with no org_code, regNo or path twice', () => {
    expect(all).toHaveLength(30);
    expect(all.slice(0, DEMO_INSTITUTIONS.length)).toEqual(DEMO_INSTITUTIONS);
    for (const key of ['orgCode', 'regNo', 'basePath'] as const) expect(new Set(all.map((i) => i[key])).size).toBe(30);
    expect(new Set(all.slice(DEMO_INSTITUTIONS.length).map((i) => i.industry)).size).toBe(4);
  });

  it('copies a clone from its source under its own codes and path, without the company group', () => {
    const spec = BENCH_CLONES[0]!;
    const source = DEMO_INSTITUTIONS.find((i) => i.orgCode === spec.from)!;
    const clone = all.find((i) => i.orgCode === spec.orgCode)!;
    expect(clone).toMatchObject({
      industry: source.industry,
      npTimes: source.npTimes,
      regNo: spec.regNo,
      basePath: `/${spec.orgCode}`,
    });
    expect(clone.group).toBeUndefined();
  });

  it('refuses a clone of an institution that is not there, and a clone that takes a code twice', () => {
    expect(() => benchInstitutions(DEMO_INSTITUTIONS, [{ ...BENCH_CLONES[0]!, from: 'XXNONE0001' }])).toThrow(
      /no institution XXNONE0001/,
    );
    expect(() =>
      benchInstitutions(DEMO_INSTITUTIONS, [{ ...BENCH_CLONES[0]!, regNo: DEMO_INSTITUTIONS[3]!.regNo }]),
    ).toThrow(/share the regNo/);
  });
});

describe('benchOrganisations', () => {
  it('registers each institution as a provider of its industry, then the operator, the CA (with its ca_code) and the host', () => {
    const orgs = benchOrganisations(benchInstitutions());
    expect(orgs).toHaveLength(33);
    expect(orgs.filter((o) => o.orgType === '01' && o.industry !== undefined)).toHaveLength(30);
    expect(orgs.map((o) => o.orgType).slice(30)).toEqual(['03', '06', '04']);
    expect(orgs.find((o) => o.orgType === '06')?.caCode).toMatch(/^[A-Z0-9]+$/);
    expect(new Set(orgs.map((o) => o.pkiId)).size).toBe(33);
    expect(orgs.every((o) => o.pkiId === o.orgCode.toLowerCase())).toBe(true);
  });
});

describe('benchPerson', () => {
  it('has a CI of 88 Base64 characters, different for every index and run', () => {
    const a = benchPerson('RUN1', 0);
    expect(a.ci).toMatch(/^[A-Za-z0-9+/]{86}==$/);
    expect(new Set([a.ci, benchPerson('RUN1', 1).ci, benchPerson('RUN2', 0).ci, benchPerson('RUN1', 36).ci]).size).toBe(
      4,
    );
    expect(a.pin).toMatch(/^\d{6}$/);
  });

  it('refuses a run tag or index that could make two people alike', () => {
    expect(() => benchPerson('run', 0)).toThrow(RangeError);
    expect(() => benchPerson('RUN', -1)).toThrow(RangeError);
    expect(() => benchPerson('RUN', 1.5)).toThrow(RangeError);
  });
});

describe('benchConsent', () => {
  const to = { operatorOrgCode: 'MDHANNUN01', clientId: 'a'.repeat(50) };

  it('is a consent the spec parses, for every scope of the institution industry and all assets, ending a year on', () => {
    for (const institution of benchInstitutions()) {
      const text = encodeConsentDocument(benchConsent(institution, to, '20261124103000'));
      const parsed = parseConsentDocument(text);
      expect(parsed.ok).toBe(true);
      if (!parsed.ok) continue;
      expect(parsed.industry).toBe(institution.industry);
      expect(parsed.consent).toMatchObject({ org_code: institution.orgCode, target: 'all', end_date: '20271124' });
    }
  });

  it('ends on 28 February a year after a 29 February', () => {
    expect(benchConsent(DEMO_INSTITUTIONS[0]!, to, '20280229090000').end_date).toBe('20290228');
  });

  it('refuses a time that is not YYYYMMDDhhmmss', () => {
    expect(() => benchConsent(DEMO_INSTITUTIONS[0]!, to, '2026-11-24')).toThrow(RangeError);
  });
});

describe('signingIds', () => {
  const opts = { operator: 'MDHANNUN01', caCode: 'HNCA01', nowKst: '20261124103000', serial: 7 };
  const providers = benchInstitutions().map((i) => i.orgCode);

  it('gives a sign_tx_id starting {operator}_{ca_code}_ and a distinct tx_id per provider, each fitting its field', () => {
    const ids = signingIds(opts, providers);
    expect(ids.signTxId.startsWith('MDHANNUN01_HNCA01_')).toBe(true);
    expect(new Set(ids.txIds).size).toBe(providers.length);
    expect(ids.txIds[3]).toContain(`_${providers[3]}_`);
    // The 통합인증-102 body decodes with them (sign_tx_id aNS(49), tx_id aNS(74)).
    const body = {
      sign_tx_id: ids.signTxId,
      user_ci: benchPerson('T', 0).ci,
      real_name: '김벤치',
      phone_num: '+821020003000',
      request_title: 't',
      device_code: 'PC',
      device_browser: 'WB',
      consent_type: '0',
      consent_cnt: String(ids.txIds.length),
      consent_list: ids.txIds.map((tx_id) => ({ tx_id, consent_title: 't', consent: '{}', consent_len: '2' })),
    };
    expect(() => decodeMessage(SIGN_REQUEST_BODY, body, { location: 'body' })).not.toThrow();
    expect(apiById('통합인증-102').request.shape).toBe(SIGN_REQUEST_BODY);
  });

  it('never repeats an id between two serials', () => {
    const a = signingIds({ ...opts, serial: 1 }, providers);
    const b = signingIds({ ...opts, serial: 2 }, providers);
    expect(new Set([a.signTxId, b.signTxId, ...a.txIds, ...b.txIds]).size).toBe(2 + 2 * providers.length);
  });

  it('refuses a serial out of range', () => {
    expect(() => signingIds({ ...opts, serial: -1 }, providers)).toThrow(RangeError);
    expect(() => signingIds({ ...opts, serial: 1e9 }, providers)).toThrow(RangeError);
  });
});
