import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clientSecretMatches } from '@hannun/registry';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HANNUN_CA, HANNUN_OPERATOR } from '../ecosystem/demo-organisations.ts';
import { type BenchTrust, benchRegistry, createBenchTrust, loadBenchTrust, pkiOf } from './integrated-auth-trust.ts';
import { benchInstitutions, benchOrganisations, benchPerson } from './integrated-auth-world.ts';

describe('benchRegistry', () => {
  const organisations = benchOrganisations(benchInstitutions());
  const pair = (code: string) => ({
    clientId: `${code}id`.padEnd(50, '0'),
    clientSecret: `${code}secret`.padEnd(50, '0'),
  });
  const credentials = {
    orgs: Object.fromEntries(organisations.map((o) => [o.orgCode, pair(o.orgCode)])),
    service: pair('APP'),
  };

  it('registers every organisation by its certificate serialNumber with a hash of its own secret, and the app', () => {
    const registry = benchRegistry(organisations, credentials, 0);
    for (const o of organisations) {
      const org = registry.orgBySerial(o.regNo);
      expect(org?.orgCode).toBe(o.orgCode);
      expect(org?.credentials?.clientId).toBe(credentials.orgs[o.orgCode]!.clientId);
      expect(JSON.stringify(org)).not.toContain(credentials.orgs[o.orgCode]!.clientSecret);
      expect(clientSecretMatches(credentials.orgs[o.orgCode]!.clientSecret, org!.credentials!.clientSecretHash)).toBe(
        true,
      );
    }
    expect(registry.caByCode(HANNUN_CA.caCode!)?.orgCode).toBe(HANNUN_CA.orgCode);
    expect(registry.service(credentials.service.clientId)?.orgCode).toBe(HANNUN_OPERATOR.orgCode);
  });

  it('refuses an organisation without credentials', () => {
    const { [HANNUN_CA.orgCode]: _ca, ...rest } = credentials.orgs;
    expect(() => benchRegistry(organisations, { ...credentials, orgs: rest }, 0)).toThrow(
      /no client credentials for CAHANNUN01/,
    );
  });
});

describe('createBenchTrust / loadBenchTrust', () => {
  let dir: string;
  let made: BenchTrust;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hannun-bench-trust-'));
    made = await createBenchTrust(dir, [benchPerson('T', 0)]);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('gives every organisation its own certificate, whose serialNumber the registry knows', () => {
    const serials = new Set(made.organisations.map((o) => pkiOf(made, o.orgCode).certificate.subjectSerialNumber));
    expect(serials.size).toBe(33);
    for (const o of made.organisations) {
      const serial = pkiOf(made, o.orgCode).certificate.subjectSerialNumber ?? '';
      expect(made.registry.orgBySerial(serial)?.orgCode).toBe(o.orgCode);
    }
  });

  it('hands the children the same trust through a file only its owner may read', async () => {
    const loaded = await loadBenchTrust(dir);
    expect(loaded.registry.snapshot.orgs).toEqual(made.registry.snapshot.orgs);
    expect(loaded.service).toEqual(made.service);
    expect(loaded.people).toEqual(made.people);
    expect(pkiOf(loaded, HANNUN_OPERATOR.orgCode).certPem).toBe(pkiOf(made, HANNUN_OPERATOR.orgCode).certPem);
    expect((await stat(join(dir, 'bench-run.json'))).mode & 0o077).toBe(0);
  });

  it('throws naming an org_code that is not one of the benchmark’s', () => {
    expect(() => pkiOf(made, 'XXNONE0001')).toThrow(/XXNONE0001/);
  });
});
