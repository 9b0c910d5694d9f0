import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger, createLogSink } from '@hannun/infra';
import { DEMO_INSTITUTIONS } from '@hannun/provider';
import { clientSecretMatches } from '@hannun/registry';
import { type PortalDatabase, sqlRegistryRepository } from '@hannun/portal';
import { openStore } from '@hannun/store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CREDENTIALS_FILE, ensureEcosystemCredentials } from './ecosystem-credentials.ts';
import {
  DEMO_OPERATOR_SERVICES,
  DEMO_ORGANISATIONS,
  HANNUN_APP,
  HANNUN_CA,
  HANNUN_OPERATOR,
  HANNUN_PORTAL,
  PROVIDER_HOST,
} from './demo-organisations.ts';
import { prepareTrust } from './ecosystem-trust.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hannun-trust-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function quietLogger() {
  const sink = createLogSink();
  return { sink, logger: createLogger({ service: 'hannun', level: 'info', destination: sink }) };
}

describe('the demo organisations', () => {
  it('are the 26 providers (org_type 01), the operator (03), the CA (06), the portal (07) and the host (04)', () => {
    expect(DEMO_ORGANISATIONS).toHaveLength(30);
    expect(DEMO_ORGANISATIONS.filter((o) => o.orgType === '01').map((o) => o.orgCode)).toEqual(
      DEMO_INSTITUTIONS.map((i) => i.orgCode),
    );
    expect([HANNUN_OPERATOR, HANNUN_CA, HANNUN_PORTAL, PROVIDER_HOST].map((o) => [o.orgCode, o.orgType])).toEqual([
      ['MDHANNUN01', '03'],
      ['CAHANNUN01', '06'],
      ['PTHANNUN01', '07'],
      ['RLHANNUN01', '04'],
    ]);
    expect(HANNUN_CA.caCode).toBe('HNCA01');
  });

  it('have distinct org_codes and 10-digit registration numbers, lower-case org_codes as PKI ids', () => {
    const codes = DEMO_ORGANISATIONS.map((o) => o.orgCode);
    const regNos = DEMO_ORGANISATIONS.map((o) => o.regNo);
    expect(new Set(codes).size).toBe(30);
    expect(new Set(regNos).size).toBe(30);
    for (const o of DEMO_ORGANISATIONS) {
      expect(o.regNo).toMatch(/^\d{10}$/);
      expect(o.pkiId).toBe(o.orgCode.toLowerCase());
    }
  });

  it("the operator's one service is the Hannun app with its callback and app scheme", () => {
    expect(DEMO_OPERATOR_SERVICES).toEqual([HANNUN_APP]);
    expect(HANNUN_APP).toMatchObject({
      orgCode: 'MDHANNUN01',
      redirectUris: ['http://127.0.0.1:3000/callback'],
      appSchemes: ['hannun://mydata'],
    });
  });
});

describe('prepareTrust (hannun up, before any service starts)', () => {
  it('creates a root, and per organisation a certificate whose subject serialNumber is its regNo and a signing key', async () => {
    const { sink, logger } = quietLogger();
    const trust = await prepareTrust({ dataDir: dir, logger });
    expect(trust.pki.orgs.size).toBe(30);
    for (const o of DEMO_ORGANISATIONS) {
      const creds = trust.pki.org(o.pkiId);
      expect(creds.certificate.subjectSerialNumber).toBe(o.regNo);
      expect(creds.name).toBe(o.name);
      expect(creds.signing?.alg).toBe('ES256');
    }
    expect(trust.pki.changes.some((c) => c.item === 'root' && c.action === 'created')).toBe(true);
    const ready = sink.records().find((r) => r['msg'] === 'pki created or renewed');
    expect(ready).toMatchObject({ organisations: 30, changed: trust.pki.changes.length, ms: trust.pkiMs });
    expect(sink.records().find((r) => r['msg'] === 'pki changes')?.['changes']).toHaveLength(trust.pki.changes.length);
  });

  it('builds the registry: serial_num = the certificate serialNumber, IPs, ca_code, only hashes of secrets', async () => {
    const trust = await prepareTrust({ dataDir: dir, logger: quietLogger().logger });
    const { registry, credentials } = trust;
    for (const o of DEMO_ORGANISATIONS) {
      const registered = registry.orgBySerial(trust.pki.org(o.pkiId).certificate.subjectSerialNumber!);
      expect(registered?.orgCode).toBe(o.orgCode);
      expect(registered?.ips).toContain('127.0.0.1');
    }
    expect(registry.caByCode('HNCA01')?.orgCode).toBe('CAHANNUN01');
    expect(credentials.orgs.has('PTHANNUN01')).toBe(true); // the portal is the CA's client (its consent view's identity check)
    expect(registry.org('BKNURI0001')?.industry).toBe('bank');

    const app = credentials.services.get(HANNUN_APP.key)!;
    const service = registry.service(app.clientId)!;
    expect(service).toMatchObject({ orgCode: 'MDHANNUN01', redirectUris: HANNUN_APP.redirectUris });
    expect(clientSecretMatches(app.clientSecret, service.clientSecretHash)).toBe(true);
    const own = credentials.orgs.get('MDHANNUN01')!;
    expect(
      clientSecretMatches(own.clientSecret, registry.orgByClientId(own.clientId)!.credentials!.clientSecretHash),
    ).toBe(true);

    const snapshot = JSON.stringify(registry.snapshot);
    for (const pair of [...credentials.orgs.values(), ...credentials.services.values()]) {
      expect(snapshot).not.toContain(pair.clientSecret);
    }
  });

  it('keeps credentials in <dataDir>/ecosystem/credentials.json, 0600 in a 0700 directory', async () => {
    const trust = await prepareTrust({ dataDir: dir, logger: quietLogger().logger });
    expect(trust.credentials.path).toBe(join(dir, CREDENTIALS_FILE));
    expect((await stat(trust.credentials.path)).mode & 0o777).toBe(0o600);
    expect((await stat(join(dir, 'ecosystem'))).mode & 0o777).toBe(0o700);
    expect(trust.credentials.orgs.size).toBe(30); // every organisation, the portal too
    expect(trust.credentials.created).toBe(31); // and the app
  });

  it('a restart reuses everything: no PKI change, same certificates, keys and credentials, nothing rewritten', async () => {
    const first = await prepareTrust({ dataDir: dir, logger: quietLogger().logger });
    const credentialsBefore = await stat(first.credentials.path);
    const { sink, logger } = quietLogger();
    const second = await prepareTrust({ dataDir: dir, logger });
    expect(second.pki.changes).toEqual([]);
    expect(second.pki.manifest).toEqual(first.pki.manifest);
    for (const o of DEMO_ORGANISATIONS) {
      expect(second.pki.org(o.pkiId).signing?.kid).toBe(first.pki.org(o.pkiId).signing?.kid);
    }
    expect(second.credentials.created).toBe(0);
    expect([...second.credentials.orgs]).toEqual([...first.credentials.orgs]);
    expect([...second.credentials.services]).toEqual([...first.credentials.services]);
    expect((await stat(second.credentials.path)).mtimeMs).toBe(credentialsBefore.mtimeMs);
    expect(sink.records().map((r) => r['msg'])).toContain('pki reused');
    expect(sink.records().map((r) => r['msg'])).not.toContain('demo client credentials issued');
  });

  it('puts a specific HOST into every certificate, and never logs a secret', async () => {
    const { sink, logger } = quietLogger();
    const trust = await prepareTrust({ dataDir: dir, logger, host: 'hannun.test' });
    expect(trust.pki.org('mdhannun01').certificate.subjectAltNames).toContain('DNS:hannun.test');
    const text = sink.text();
    for (const pair of [...trust.credentials.orgs.values(), ...trust.credentials.services.values()]) {
      expect(text).not.toContain(pair.clientSecret);
    }
  });
});

describe('the portal as the registry and the issuer (prepareTrust seeds it)', () => {
  const portalRepo = async () => {
    const store = await openStore<PortalDatabase>({ url: `sqlite:${join(dir, 'hannun.db')}` });
    return { store, repo: sqlRegistryRepository(store, { nowMs: () => Date.now() }) };
  };

  it('onboards every demo organisation and the app at the portal once: 31 I rows, the same registry as trust.registry', async () => {
    const trust = await prepareTrust({ dataDir: dir, logger: quietLogger().logger, env: {} });
    const { store, repo } = await portalRepo();
    try {
      expect((await repo.orgs()).map((o) => o.org.orgCode).sort()).toEqual(
        DEMO_ORGANISATIONS.map((o) => o.orgCode).sort(),
      );
      expect(await repo.changeCount()).toBe(31);
      const bank = (await repo.org('BKNURI0001'))!.org;
      expect(bank).toMatchObject({
        serialNum: '1018100001',
        relayOrgCode: 'RLHANNUN01',
        npTimes: ['0000:0700'],
        authType: '03',
      });
      expect(trust.registry.snapshot.orgs).toHaveLength(30);
      expect(trust.registry.snapshot.services.map((s) => s.clientId)).toEqual(
        (await repo.services()).map((s) => s.clientId),
      );
      // Each organisation also received the portal credential it verifies at 지원-101.
      expect(trust.credentials.portal.get('BKNURI0001')?.clientSecret).toMatch(/^[A-Za-z0-9]{50}$/);
      await prepareTrust({ dataDir: dir, logger: quietLogger().logger, env: {} });
      expect(await repo.changeCount()).toBe(31);
    } finally {
      await store.close();
    }
  });

  it('an organisation a person removed stays removed on restart; a lost credentials.json gets new secrets', async () => {
    await prepareTrust({ dataDir: dir, logger: quietLogger().logger, env: {} });
    const { store, repo } = await portalRepo();
    try {
      await repo.removeOrg('USMIDEUM01');
      await rm(join(dir, CREDENTIALS_FILE));
      const { sink, logger } = quietLogger();
      const again = await prepareTrust({ dataDir: dir, logger, env: {} });
      expect(await repo.org('USMIDEUM01')).toBeUndefined();
      expect(again.registry.org('USMIDEUM01')).toBeUndefined();
      const own = again.credentials.orgs.get('MDHANNUN01')!;
      const stored = (await repo.org('MDHANNUN01'))!.credential;
      expect(stored.clientId).toBe(own.clientId);
      expect(clientSecretMatches(own.clientSecret, stored.clientSecretHash)).toBe(true);
      expect(
        sink.records().filter((r) => r['msg']?.toString().startsWith('no matching credential')).length,
      ).toBeGreaterThan(0);
      const services = await repo.services();
      expect(services).toHaveLength(1); // the app's secret was reissued, not a second app registered
      const app = again.credentials.services.get(HANNUN_APP.key)!;
      expect(clientSecretMatches(app.clientSecret, services[0]!.clientSecretHash)).toBe(true);
    } finally {
      await store.close();
    }
  });
});

describe('ensureEcosystemCredentials', () => {
  it('issues credentials only to organisations that lack them, keeping the others', async () => {
    const operatorOnly = await ensureEcosystemCredentials(dir, [HANNUN_OPERATOR], []);
    const all = await ensureEcosystemCredentials(dir, DEMO_ORGANISATIONS, DEMO_OPERATOR_SERVICES);
    expect(all.created).toBe(30);
    expect(all.orgs.get('MDHANNUN01')).toEqual(operatorOnly.orgs.get('MDHANNUN01'));
    const ids = [...all.orgs.values(), ...all.services.values()].map((p) => p.clientId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('refuses a file it did not write, naming it and the entry, and leaves it as it was', async () => {
    const path = join(dir, CREDENTIALS_FILE);
    await ensureEcosystemCredentials(dir, [HANNUN_OPERATOR], []);
    const broken = JSON.stringify({ version: 1, orgs: { MDHANNUN01: { client_id: 'short' } }, services: {} });
    await writeFile(path, broken);
    await expect(ensureEcosystemCredentials(dir, [HANNUN_OPERATOR], [])).rejects.toThrow(
      `${path}: orgs.MDHANNUN01 needs client_id and client_secret of 50 letters and digits`,
    );
    await writeFile(path, 'not json');
    await expect(ensureEcosystemCredentials(dir, [HANNUN_OPERATOR], [])).rejects.toThrow(`${path}: not JSON`);
    expect(await readFile(path, 'utf8')).toBe('not json');
  });
});
