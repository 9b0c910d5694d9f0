import { describe, expect, it } from 'vitest';
import { createRegistry } from './create-registry.ts';
import { withLocalCredentials } from './credential-overlay.ts';
import { createLiveRegistry } from './live-registry.ts';
import type { RegisteredOrg } from './registry.ts';

const bank: RegisteredOrg = {
  orgCode: 'BKNURI0001',
  orgType: '01',
  name: '누리은행',
  serialNum: '1018100010',
  ips: [],
};
const operator: RegisteredOrg = {
  orgCode: 'MDHANNUN01',
  orgType: '03',
  name: '한눈',
  serialNum: '2208100001',
  ips: [],
};
const ca: RegisteredOrg = { orgCode: 'CAHANNUN01', orgType: '06', name: '한눈인증', serialNum: '2208100002', ips: [] };
const creds = (id: string) => ({ clientId: id, clientSecretHash: 'a'.repeat(64) });

const local = createRegistry({
  takenAt: 0,
  orgs: [
    { ...bank, credentials: creds('bank-id') },
    { ...operator, credentials: creds('op-id') },
    { ...ca, caCode: 'HNCA01', credentials: creds('ca-id') },
  ],
  services: [
    {
      clientId: 'app',
      orgCode: 'MDHANNUN01',
      name: '한눈 앱',
      clientSecretHash: 'b'.repeat(64),
      redirectUris: ['https://app.example/cb'],
      appSchemes: ['hannun://'],
    },
  ],
});

describe('a synced registry with the credentials no support API carries', () => {
  it('follows the portal for who exists and takes each organisation’s credential hash (and ca_code) from the local copy', () => {
    const live = createLiveRegistry({ takenAt: 1, orgs: [bank, operator, ca], services: [] });
    const registry = withLocalCredentials(live, local);
    expect(registry.org('MDHANNUN01')?.credentials?.clientId).toBe('op-id');
    expect(registry.orgByClientId('op-id')?.orgCode).toBe('MDHANNUN01');
    expect(registry.orgBySerial('1018100010')?.credentials?.clientId).toBe('bank-id');
    expect(registry.caByCode('HNCA01')?.orgCode).toBe('CAHANNUN01');
    expect(registry.snapshot.orgs.every((o) => o.credentials !== undefined)).toBe(true);
    expect(registry.service('app')?.orgCode).toBe('MDHANNUN01');
  });

  it('an organisation removed at the portal is gone, its credential with it; a new address at the portal is seen at once', () => {
    const live = createLiveRegistry({ takenAt: 1, orgs: [bank, operator, ca], services: [] });
    const registry = withLocalCredentials(live, local);
    live.applyDeltas({
      takenAt: 2,
      orgs: [
        { op: 'D', orgCode: 'MDHANNUN01' },
        { op: 'M', org: { ...bank, ips: ['10.0.0.7'] } },
      ],
    });
    expect(registry.org('MDHANNUN01')).toBeUndefined();
    expect(registry.orgByClientId('op-id')).toBeUndefined();
    expect(registry.service('app')).toBeUndefined();
    expect(registry.org('BKNURI0001')).toMatchObject({ ips: ['10.0.0.7'], credentials: creds('bank-id') });
  });
});
