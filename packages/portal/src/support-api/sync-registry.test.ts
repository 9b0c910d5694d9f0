import { type RegistrySync, SupportApiError, syncRegistry } from '@hannun/registry';
import { describeEachDialect } from '@hannun/store/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { bank } from '../testing/fixtures.ts';
import { type PortalWorld, startPortalWorld } from '../testing/portal-world.ts';

/** syncRegistry (@hannun/registry) against the real portal: what every participant runs. */
describeEachDialect('syncRegistry against the portal (지원-001, 002, 003, 006)', (open) => {
  let world: PortalWorld;
  let sync: RegistrySync;

  const start = (role: 'provider' | 'ca', orgCode: string) =>
    syncRegistry({
      portalUrl: world.url,
      dispatcher: world.agent(orgCode.toLowerCase()),
      credentials: world.credentials.get(orgCode)!,
      orgCode,
      tranIdKind: role === 'ca' ? 'A' : 'S',
      role,
      intervalMs: 3_600_000, // rounds are run by hand here
    });

  beforeAll(async () => {
    world = await startPortalWorld(open);
    await world.admin.addService({
      orgCode: 'MDHANNUN01',
      name: '한눈 앱',
      redirectUris: ['http://127.0.0.1:3000/callback'],
    });
    world.clock.advance(10_000);
    sync = await start('provider', 'BKNURI0001');
  });
  afterAll(async () => {
    sync.stop();
    await world.stop();
  });

  it('지원-002/003 / AC01: the first round brings everything (search_timestamp 0), with the services and their hashes', () => {
    expect(sync.registry.snapshot.orgs.map((o) => o.orgCode).sort()).toEqual([
      'BKNURI0001',
      'CAHANNUN01',
      'MDHANNUN01',
      'PTHANNUN01',
      'RLHANNUN01',
    ]);
    expect(sync.registry.orgBySerial('2208100101')?.orgCode).toBe('MDHANNUN01');
    expect(sync.registry.caByCode('HNCA01')?.orgCode).toBe('CAHANNUN01');
    expect(sync.registry.snapshot.services).toHaveLength(1);
    expect(sync.last?.report).toMatchObject({ orgs: 5, services: 1 });
  });

  it('지원-002/003 / AC02: later rounds bring only the changes since the last search_timestamp', async () => {
    world.clock.advance(10_000);
    await world.admin.onboardOrg({ ...bank('BKGARAM001', '1018100002'), name: '가람은행' });
    await world.admin.updateOrg('MDHANNUN01', { ips: ['127.0.0.1', '10.0.0.3'] });
    world.clock.advance(10_000);
    const report = await sync.syncNow();
    expect(report).toMatchObject({ orgs: 2, services: 0 });
    expect(sync.registry.org('BKGARAM001')?.name).toBe('가람은행');
    expect(sync.registry.org('MDHANNUN01')?.ips).toEqual(['127.0.0.1', '10.0.0.3']);
    world.clock.advance(10_000);
    expect(await sync.syncNow()).toMatchObject({ orgs: 0, services: 0 });
  });

  it('지원-001 / AC05: a token the portal no longer accepts is fetched again once, and the round succeeds', async () => {
    world.clock.advance(91 * 24 * 3600 * 1000); // past the 90-day lifetime at the portal
    await world.admin.removeOrg('BKGARAM001');
    world.clock.advance(10_000);
    const report = await sync.syncNow();
    expect(report.orgs).toBe(1);
    expect(sync.registry.org('BKGARAM001')).toBeUndefined();
  });

  it('a refused round rejects and keeps the registry as it was', async () => {
    const before = sync.registry.snapshot;
    await world.admin.updateOrg('BKNURI0001', { serialNum: '1018100999' }); // its certificate no longer matches
    world.clock.advance(10_000);
    const error = await sync.syncNow().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SupportApiError);
    expect((error as SupportApiError).code).toBe('40103');
    expect(sync.registry.snapshot).toBe(before);
    await world.admin.updateOrg('BKNURI0001', { serialNum: '1018100001' });
  });

  it('지원-006 / AC02: the CA role keeps the 지원-006 records beside the registry', async () => {
    const ca = await start('ca', 'CAHANNUN01');
    try {
      expect([...ca.caDirectory.keys()].sort()).toEqual(['BKNURI0001', 'MDHANNUN01', 'RLHANNUN01']);
      expect(ca.registry.org('PTHANNUN01')?.orgType).toBe('07');
    } finally {
      ca.stop();
    }
  });
});
