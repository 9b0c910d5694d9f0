import { describe, expect, it } from 'vitest';
import { clientSecretMatches, hashClientSecret, newClientCredential } from './client-secret.ts';
import { createRegistry } from './create-registry.ts';
import type { RegistrySnapshot } from './registry.ts';

const snapshot: RegistrySnapshot = {
  takenAt: 0,
  orgs: [
    { orgCode: 'BKNURI0001', orgType: '01', industry: 'bank', name: '누리은행', serialNum: '1018100001', ips: [] },
    { orgCode: 'MDHANNUN01', orgType: '03', name: '한눈', serialNum: '2208100001', ips: ['127.0.0.1'] },
    { orgCode: 'CAHANNUN01', orgType: '06', name: '한눈인증', serialNum: '2208100002', ips: [], caCode: 'HNCA01' },
  ],
  services: [
    {
      clientId: 'c'.repeat(50),
      orgCode: 'MDHANNUN01',
      name: '한눈 앱',
      clientSecretHash: hashClientSecret('s'.repeat(50)),
      redirectUris: ['http://127.0.0.1:3000/callback'],
      appSchemes: ['hannun://'],
    },
  ],
};

describe('registry', () => {
  it('finds organisations by org_code, certificate serial and ca_code, and services by client_id', () => {
    const r = createRegistry(snapshot);
    expect(r.org('BKNURI0001')?.name).toBe('누리은행');
    expect(r.orgBySerial('2208100001')?.orgCode).toBe('MDHANNUN01');
    expect(r.caByCode('HNCA01')?.orgCode).toBe('CAHANNUN01');
    expect(r.service('c'.repeat(50))?.orgCode).toBe('MDHANNUN01');
    expect(r.orgBySerial('9999999999')).toBeUndefined();
  });

  it('refuses duplicate serials, unknown service owners and more than 4 redirect URIs', () => {
    const [bank, operator] = snapshot.orgs;
    expect(() => createRegistry({ ...snapshot, orgs: [bank!, { ...operator!, serialNum: bank!.serialNum }] })).toThrow(
      /duplicate serial_num/,
    );
    const service = snapshot.services[0]!;
    expect(() => createRegistry({ ...snapshot, services: [{ ...service, orgCode: 'NOPE000000' }] })).toThrow(
      /unknown org/,
    );
    expect(() =>
      createRegistry({ ...snapshot, services: [{ ...service, redirectUris: ['a', 'b', 'c', 'd', 'e'] }] }),
    ).toThrow(/more than 4/);
  });
});

describe('client credentials', () => {
  it('are aN(50), distinct, and only the right secret matches its hash', () => {
    const a = newClientCredential();
    const b = newClientCredential();
    expect(a).toMatch(/^[A-Za-z0-9]{50}$/);
    expect(a).not.toBe(b);
    const hash = hashClientSecret(a);
    expect(clientSecretMatches(a, hash)).toBe(true);
    expect(clientSecretMatches(b, hash)).toBe(false);
    expect(clientSecretMatches(a, 'abcd')).toBe(false);
  });
});
