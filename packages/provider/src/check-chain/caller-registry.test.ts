import { createRegistry, hashClientSecret } from '@hannun/registry';
import { describe, expect, it } from 'vitest';
import { createCallerRegistry } from './caller-registry.ts';
import { checkClientCert } from './check-client-cert.ts';
import { isFailure } from './check-failure.ts';
import { checkSourceIp } from './check-source-ip.ts';

const registry = createRegistry({
  takenAt: 0,
  orgs: [
    { orgCode: 'MDHANNUN01', orgType: '03', name: '한눈마이데이터', serialNum: '2208100001', ips: ['10.0.0.7'] },
    { orgCode: 'MDOTHER001', orgType: '03', name: '다른사업자', serialNum: '2208100009', ips: ['::ffff:10.0.0.9'] },
    { orgCode: 'BKNURI0001', orgType: '01', industry: 'bank', name: '누리은행', serialNum: '1018100001', ips: [] },
  ],
  services: [
    {
      clientId: 'c'.repeat(50),
      orgCode: 'MDHANNUN01',
      name: '한눈 앱',
      clientSecretHash: hashClientSecret('s'.repeat(50)),
      redirectUris: [],
      appSchemes: [],
    },
  ],
});

describe('callers built from the portal registry (serial_num → 40103, ip_list → 40102)', () => {
  const callers = createCallerRegistry({ registry, allowLoopback: false });

  it("a registered organisation's certificate serialNumber names it; an unregistered one answers 40103", () => {
    expect(checkClientCert(true, '2208100001', callers)).toBe('MDHANNUN01');
    expect(checkClientCert(true, '1018100001', callers)).toBe('BKNURI0001');
    const unknown = checkClientCert(true, '9999999999', callers);
    expect(isFailure(unknown) && unknown.rspCode).toBe('40103');
  });

  it("a call from the caller's own registered IP passes; another registered org's IP answers 40102", () => {
    expect(checkSourceIp('10.0.0.7', 'MDHANNUN01', callers)).toBeUndefined();
    expect(checkSourceIp('::ffff:10.0.0.7', 'MDHANNUN01', callers)).toBeUndefined();
    expect(checkSourceIp('10.0.0.9', 'MDOTHER001', callers)).toBeUndefined();
    expect(checkSourceIp('10.0.0.9', 'MDHANNUN01', callers)?.rspCode).toBe('40102');
    expect(checkSourceIp('127.0.0.1', 'MDHANNUN01', callers)?.rspCode).toBe('40102');
  });

  it('loopback is allowed for every caller when asked (the demo), and by default', () => {
    const demo = createCallerRegistry({ registry });
    expect(checkSourceIp('127.0.0.1', 'MDHANNUN01', demo)).toBeUndefined();
    expect(checkSourceIp('::1', 'BKNURI0001', demo)).toBeUndefined();
    expect(checkSourceIp('192.168.0.1', 'MDHANNUN01', demo)?.rspCode).toBe('40102');
  });

  it('listed callers and the registry combine', () => {
    const both = createCallerRegistry({
      registry,
      callers: [{ orgCode: 'MDEXTRA001', serials: ['3308100001'], ips: ['10.0.0.5'] }],
      allowLoopback: false,
    });
    expect(checkClientCert(true, '3308100001', both)).toBe('MDEXTRA001');
    expect(checkClientCert(true, '2208100001', both)).toBe('MDHANNUN01');
  });
});
