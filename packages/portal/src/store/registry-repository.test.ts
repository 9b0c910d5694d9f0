import type { Store, Transaction } from '@hannun/store';
import { describeEachDialect } from '@hannun/store/testing';
import { expect, it } from 'vitest';
import { RegistryConflictError, RegistryInputError } from '../registry/registry-input-error.ts';
import { app, bank, operator, openRegistry, relay, someCredential } from '../testing/fixtures.ts';
import type { PortalDatabase } from './portal-database.ts';
import { sqlRegistryRepository } from './registry-repository.ts';

async function errorOf(p: Promise<unknown>): Promise<unknown> {
  return p.then(
    () => {
      throw new Error('expected a refusal');
    },
    (e: unknown) => e,
  );
}

/** A store whose transactions fail at the first write to a current-state table: after the log row was written. */
function failingAfterLog(store: Store<PortalDatabase>): Store<PortalDatabase> {
  const broken = new Set(['portal_org', 'portal_service']);
  return {
    ...store,
    db: store.db,
    transaction: <T>(fn: (trx: Transaction<PortalDatabase>) => Promise<T>) =>
      store.transaction((trx) => {
        const proxy = new Proxy(trx, {
          get(target, prop) {
            const value = Reflect.get(target, prop, target) as unknown;
            if (typeof value !== 'function') return value;
            const method = (value as (...args: unknown[]) => unknown).bind(target);
            if (prop !== 'insertInto' && prop !== 'updateTable' && prop !== 'deleteFrom') return method;
            return (table: string) => {
              if (broken.has(table)) throw new Error('injected failure after the change-log row');
              return method(table);
            };
          },
        });
        return fn(proxy);
      }),
  };
}

describeEachDialect('registry repository', (open, { openAgain }) => {
  it('지원-002 / AC01: registering an organisation writes its state and one I row in the change log', async () => {
    const { repo, clock } = await openRegistry(open);
    const change = await repo.registerOrg(bank(), someCredential());
    expect(change).toMatchObject({ op: 'I', key: 'BKNURI0001', atMs: clock.nowMs() });
    expect((await repo.org('BKNURI0001'))?.org).toEqual(bank());
    expect((await repo.orgBySerial('1018100001'))?.org.orgCode).toBe('BKNURI0001');
    const log = await repo.changesSince('org', 0);
    expect(log.map((c) => [c.op, c.key])).toEqual([['I', 'BKNURI0001']]);
    expect(log[0]?.record).toEqual(bank());
  });

  it('지원-002 / AC02: a modification logs M with the new record; an identical one logs nothing', async () => {
    const { repo, clock } = await openRegistry(open);
    await repo.registerOrg(bank(), someCredential());
    clock.advance(1000);
    const changed = bank('BKNURI0001', '1018100001', { ips: ['10.0.0.5'] });
    expect(await repo.modifyOrg(changed)).toMatchObject({ op: 'M', key: 'BKNURI0001' });
    expect(await repo.modifyOrg(changed)).toBeUndefined();
    expect((await repo.org('BKNURI0001'))?.org.ips).toEqual(['10.0.0.5']);
    expect((await repo.changesSince('org', 0)).map((c) => c.op)).toEqual(['I', 'M']);
    expect((await repo.changesSince('org', clock.nowMs())).map((c) => c.op)).toEqual(['M']);
  });

  it('지원-002/003 / AC03: removing an organisation removes its services, one D row each, in one transaction', async () => {
    const { repo } = await openRegistry(open);
    await repo.registerOrg(operator(), someCredential());
    await repo.registerService(app('c'.repeat(50)));
    await repo.registerService(app('d'.repeat(50), 'MDHANNUN01', { name: '한눈 가계부' }));
    const removed = await repo.removeOrg('MDHANNUN01');
    expect(removed).toMatchObject({ op: 'D', key: 'MDHANNUN01', record: operator() });
    expect(await repo.org('MDHANNUN01')).toBeUndefined();
    expect(await repo.services()).toEqual([]);
    expect((await repo.changesSince('service', 0)).map((c) => [c.op, c.key.slice(0, 1)])).toEqual([
      ['I', 'c'],
      ['I', 'd'],
      ['D', 'c'],
      ['D', 'd'],
    ]);
    // The D row keeps the last state (지원-003 sends the service_name of a removed service).
    expect((await repo.changesSince('service', 0))[3]?.record.name).toBe('한눈 가계부');
  });

  it('bad input / AC01: a duplicate serial is refused naming serial_num, and neither the state nor the log changes', async () => {
    const { repo } = await openRegistry(open);
    await repo.registerOrg(bank(), someCredential());
    const e = await errorOf(repo.registerOrg(bank('BKGARAM001', '1018100001'), someCredential()));
    expect(e).toBeInstanceOf(RegistryConflictError);
    expect(e).toMatchObject({ field: 'serial_num', rspCode: '40001' });
    expect((e as Error).message).toContain('already registered to another organisation');
    expect(await repo.org('BKGARAM001')).toBeUndefined();
    expect(await repo.changeCount()).toBe(1);
  });

  it('bad input / AC02: a modification onto another org’s serial fails after its log row: both roll back', async () => {
    const { repo } = await openRegistry(open);
    await repo.registerOrg(bank(), someCredential());
    await repo.registerOrg(bank('BKGARAM001', '1018100002'), someCredential());
    const e = await errorOf(repo.modifyOrg(bank('BKGARAM001', '1018100001')));
    expect(e).toMatchObject({ field: 'serial_num' });
    expect((await repo.org('BKGARAM001'))?.org.serialNum).toBe('1018100002');
    expect((await repo.changesSince('org', 0)).map((c) => c.op)).toEqual(['I', 'I']);
  });

  it('bad input / AC03: a failure injected after the change-log row leaves the log and the state untouched', async () => {
    const { store, repo } = await openRegistry(open);
    await repo.registerOrg(operator(), someCredential());
    await repo.registerService(app());
    const broken = sqlRegistryRepository(failingAfterLog(store), { nowMs: () => Date.now() });
    for (const attempt of [
      () => broken.registerOrg(bank(), someCredential()),
      () => broken.modifyOrg(operator('MDHANNUN01', '2208100101', { name: '새 이름' })),
      () => broken.removeOrg('MDHANNUN01'),
      () => broken.registerService(app('e'.repeat(50))),
      () => broken.modifyService(app('c'.repeat(50), 'MDHANNUN01', { name: '새 앱' })),
      () => broken.removeService('c'.repeat(50)),
    ]) {
      expect(((await errorOf(attempt())) as Error).message).toBe('injected failure after the change-log row');
    }
    expect(await repo.changeCount()).toBe(2);
    expect((await repo.orgs()).map((o) => o.org)).toEqual([operator()]);
    expect(await repo.services()).toEqual([app()]);
  });

  it('bad input / AC04: a relay must be registered as org_type 04, and a relay in use cannot be removed', async () => {
    const { repo } = await openRegistry(open);
    const relayed = { ...bank('BKRELAY001', '1018100009'), orgType: '02' as const, relayOrgCode: 'RLHANNUN01' };
    const missing = await errorOf(repo.registerOrg(relayed, someCredential()));
    expect(missing).toMatchObject({ field: 'relay_org_code' });
    expect((missing as Error).message).toContain("no 중계기관 'RLHANNUN01' is registered");
    await repo.registerOrg(operator(), someCredential());
    expect(await errorOf(repo.registerOrg({ ...relayed, relayOrgCode: 'MDHANNUN01' }, someCredential()))).toMatchObject(
      {
        field: 'relay_org_code',
        message: expect.stringContaining('not a relay') as unknown,
      },
    );
    await repo.registerOrg(relay(), someCredential());
    await repo.registerOrg(relayed, someCredential());
    const inUse = await errorOf(repo.removeOrg('RLHANNUN01'));
    expect(inUse).toBeInstanceOf(RegistryConflictError);
    expect((inUse as Error).message).toContain('is the relay of BKRELAY001');
    expect(await repo.changeCount()).toBe(3);
  });

  it('bad input / AC05: malformed records are refused before any write, naming the field', async () => {
    const { repo } = await openRegistry(open);
    const cases: [Promise<unknown>, string][] = [
      [repo.registerOrg(bank('bknuri0001'), someCredential()), 'org_code'],
      [
        repo.registerOrg(bank('BKNURI0001', '1018100001', { npTimes: ['0000:0300'] }), someCredential()),
        'np_time_list',
      ],
      [repo.registerOrg(operator('MDHANNUN01', '2208100101', { industry: 'bank' }), someCredential()), 'industry'],
    ];
    for (const [attempt, field] of cases) {
      const e = await errorOf(attempt);
      expect(e).toBeInstanceOf(RegistryInputError);
      expect((e as RegistryInputError).field).toBe(field);
    }
    await repo.registerOrg(operator(), someCredential());
    const five = app('c'.repeat(50), 'MDHANNUN01', {
      redirectUris: [1, 2, 3, 4, 5].map((i) => `https://app.example/cb${i}`),
    });
    expect(await errorOf(repo.registerService(five))).toMatchObject({ field: 'redirect_uri_list' });
    expect(await errorOf(repo.registerService(app('c'.repeat(50), 'BKNURI0001')))).toMatchObject({ field: 'org_code' });
    expect(await repo.changeCount()).toBe(1);
  });

  it('지원-003 / AC01: services belong to operators; a bank cannot hold one, and a service cannot change owner', async () => {
    const { repo } = await openRegistry(open);
    await repo.registerOrg(operator(), someCredential());
    await repo.registerOrg(operator('MDOTHER001', '2208100199'), someCredential());
    await repo.registerOrg(bank(), someCredential());
    expect(await errorOf(repo.registerService(app('c'.repeat(50), 'BKNURI0001')))).toMatchObject({
      field: 'org_code',
      message: expect.stringContaining('neither an operator') as unknown,
    });
    await repo.registerService(app());
    expect(await errorOf(repo.modifyService(app('c'.repeat(50), 'MDOTHER001')))).toMatchObject({ field: 'org_code' });
    expect(await errorOf(repo.registerService(app()))).toMatchObject({ field: 'client_id' });
  });

  it('keeps one log row per write when two stores register at the same time', async () => {
    const { store, repo } = await openRegistry(open);
    const other = sqlRegistryRepository(await openAgain(store), { nowMs: () => Date.now() });
    await Promise.all(
      Array.from({ length: 12 }, (_, i) => {
        const code = `BKTEST${String(i).padStart(4, '0')}`;
        return (i % 2 === 0 ? repo : other).registerOrg(
          bank(code, `10181${String(i).padStart(5, '0')}`),
          someCredential(),
        );
      }),
    );
    const log = await repo.changesSince('org', 0);
    expect(log).toHaveLength(12);
    expect(new Set(log.map((c) => c.key)).size).toBe(12);
    expect((await repo.orgs()).length).toBe(12);
    expect(log.map((c) => c.seq)).toEqual([...log.map((c) => c.seq)].sort((a, b) => a - b));
  });
});
