import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clientSecretMatches, clientSecretVerifier, hashClientSecret, secretHashFromWire } from './client-secret.ts';
import { createLiveRegistry } from './live-registry.ts';
import type { RegisteredOrg, RegisteredService } from './registry.ts';
import { orgDeltaOf, serviceDeltaOf } from './sync/portal-records.ts';

const bank: RegisteredOrg = {
  orgCode: 'BKNURI0001',
  orgType: '01',
  industry: 'bank',
  name: '누리은행',
  serialNum: '1018100001',
  ips: ['127.0.0.1'],
};
const operator: RegisteredOrg = {
  orgCode: 'MDHANNUN01',
  orgType: '03',
  name: '한눈',
  serialNum: '2208100101',
  ips: ['127.0.0.1'],
};
const app: RegisteredService = {
  clientId: 'c'.repeat(50),
  orgCode: 'MDHANNUN01',
  name: '한눈 앱',
  clientSecretHash: hashClientSecret('s'.repeat(50)),
  redirectUris: [],
  appSchemes: [],
};

describe('createLiveRegistry', () => {
  it('answers from the current snapshot and updates in place: upserts, removals (with the org’s services)', () => {
    const live = createLiveRegistry({ orgs: [bank], services: [], takenAt: 1 });
    const seen: number[] = [];
    live.onChange((s) => seen.push(s.takenAt));
    live.applyDeltas({ orgs: [{ op: 'I', org: operator }], services: [{ op: 'I', service: app }], takenAt: 2 });
    expect(live.orgBySerial('2208100101')?.orgCode).toBe('MDHANNUN01');
    expect(live.service(app.clientId)?.name).toBe('한눈 앱');
    live.applyDeltas({ orgs: [{ op: 'M', org: { ...operator, serialNum: '2208100999' } }], takenAt: 3 });
    expect(live.orgBySerial('2208100101')).toBeUndefined();
    expect(live.orgBySerial('2208100999')?.orgCode).toBe('MDHANNUN01');
    live.applyDeltas({ orgs: [{ op: 'D', orgCode: 'MDHANNUN01' }], takenAt: 4 });
    expect(live.org('MDHANNUN01')).toBeUndefined();
    expect(live.service(app.clientId)).toBeUndefined();
    expect(seen).toEqual([2, 3, 4]);
  });

  it('refuses a change that breaks the registry’s rules whole, keeping what it had', () => {
    const live = createLiveRegistry({ orgs: [bank, operator], services: [], takenAt: 1 });
    const before = live.snapshot;
    expect(() =>
      live.applyDeltas({ orgs: [{ op: 'M', org: { ...operator, serialNum: bank.serialNum } }], takenAt: 2 }),
    ).toThrow(/duplicate serial_num/);
    expect(() =>
      live.applyDeltas({ services: [{ op: 'I', service: { ...app, orgCode: 'NOPE000000' } }], takenAt: 2 }),
    ).toThrow(/unknown org/);
    expect(live.snapshot).toBe(before);
  });

  it('organisations without a certificate of their own (serial "") are not found by serial and do not collide', () => {
    const relayed = (code: string): RegisteredOrg => ({ ...bank, orgCode: code, orgType: '02', serialNum: '' });
    const live = createLiveRegistry({ orgs: [relayed('BKRELAY001'), relayed('BKRELAY002')], services: [], takenAt: 1 });
    expect(live.orgBySerial('')).toBeUndefined();
    expect(live.org('BKRELAY002')?.orgType).toBe('02');
  });
});

describe('지원-003 client_secret verifier (Hannun, provisional)', () => {
  it('encodes any SHA-256 in 47 letters and digits (aN(50)) and decodes to the same hash', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), (bytes) => {
        const hash = Buffer.from(bytes).toString('hex');
        const verifier = clientSecretVerifier(hash);
        expect(verifier).toMatch(/^S256[A-Za-z0-9]{43}$/);
        expect(secretHashFromWire(verifier)).toBe(hash);
      }),
    );
  });

  it('checks the secret an operator presents without the provider ever holding it; a plain secret still works', () => {
    const verifier = clientSecretVerifier(hashClientSecret('s'.repeat(50)));
    expect(clientSecretMatches('s'.repeat(50), secretHashFromWire(verifier)!)).toBe(true);
    expect(clientSecretMatches('t'.repeat(50), secretHashFromWire(verifier)!)).toBe(false);
    expect(secretHashFromWire('p'.repeat(50))).toBe(hashClientSecret('p'.repeat(50)));
  });
});

describe('지원-002/003 records → registry entries', () => {
  it('maps an org record (domain → baseUrl, a CA’s cert_issuer_dn → caCode) and D to a removal', () => {
    expect(
      orgDeltaOf({
        op_type: 'I',
        org_code: 'CAHANNUN01',
        org_type: '06',
        org_name: '한눈인증',
        serial_num: '2208100102',
        domain: 'https://127.0.0.1:4200',
        cert_issuer_dn: 'HNCA01',
        ip_list: [{ ip: '127.0.0.1' }],
        ip_cnt: 1,
      } as Parameters<typeof orgDeltaOf>[0]),
    ).toEqual({
      op: 'I',
      org: {
        orgCode: 'CAHANNUN01',
        orgType: '06',
        name: '한눈인증',
        serialNum: '2208100102',
        ips: ['127.0.0.1'],
        baseUrl: 'https://127.0.0.1:4200',
        caCode: 'HNCA01',
      },
    });
    expect(
      orgDeltaOf({ op_type: 'D', org_code: 'BKNURI0001', org_type: '01' } as Parameters<typeof orgDeltaOf>[0]),
    ).toEqual({
      op: 'D',
      orgCode: 'BKNURI0001',
    });
    const service = serviceDeltaOf('MDHANNUN01', {
      service_name: '한눈 앱',
      op_type: 'M',
      client_id: app.clientId,
      client_secret: clientSecretVerifier(app.clientSecretHash),
    } as Parameters<typeof serviceDeltaOf>[1]);
    expect(service).toEqual({ op: 'M', service: app });
  });
});
