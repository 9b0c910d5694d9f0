import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger, createLogSink, type LogSink, type Service } from '@hannun/infra';
import { clientAgent, ensurePki, type Pki } from '@hannun/pki';
import type { Store } from '@hannun/store';
import { DEFAULT_VERSION_CONFIG } from '@hannun/spec';
import type { Agent } from 'undici';
import type { IssuedCredential } from '../credentials/issue-credential.ts';
import type { PortalOrg } from '../registry/portal-org.ts';
import { createRegistryAdmin, type RegistryAdmin } from '../registry/registry-admin.ts';
import type { PortalDatabase } from '../store/portal-database.ts';
import { migratePortalStore } from '../store/portal-migrations.ts';
import { type RegistryRepository, sqlRegistryRepository } from '../store/registry-repository.ts';
import { type StatisticsRepository, sqlStatisticsRepository } from '../store/statistics-repository.ts';
import { createSupportApi } from '../support-api/create-support-api.ts';
import type { PortalContext } from '../support-api/portal-context.ts';
import { manageTokenKey } from '../tokens/manage-token.ts';
import { bank, ca, operator, portalOrg, relay, type TestClock, testClock } from './fixtures.ts';

/** A running portal over mutual TLS with a few registered organisations, for tests. */
export interface PortalWorld {
  readonly url: string;
  readonly pki: Pki;
  readonly clock: TestClock;
  readonly repo: RegistryRepository;
  readonly statistics: StatisticsRepository;
  readonly admin: RegistryAdmin;
  readonly store: Store<PortalDatabase>;
  readonly logs: LogSink;
  /** The own credential of each registered organisation, by org_code. */
  readonly credentials: ReadonlyMap<string, IssuedCredential>;
  /** A mutual-TLS agent presenting this PKI organisation's certificate (closed at stop). */
  agent(pkiId: string): Agent;
  stop(): Promise<void>;
}

/** The organisations of the world: portal, operator (with one service), bank, relay and CA; and a stranger. */
export const WORLD_ORGS: readonly PortalOrg[] = [portalOrg(), operator(), bank(), relay(), ca()];
/** Has a certificate from the same root, but is not registered. */
export const STRANGER = { id: 'stranger', name: '낯선기관', regNo: '9990000001' };

export const CREDENTIAL_KEY = new Uint8Array(32).fill(7);

export async function startPortalWorld(
  open: <DB>() => Promise<Store<DB>>,
  opts: { readonly requireMtls?: boolean; readonly allowLoopback?: boolean; readonly clock?: TestClock } = {},
): Promise<PortalWorld> {
  const dir = await mkdtemp(join(tmpdir(), 'hannun-portal-'));
  const pki = await ensurePki({
    dataDir: dir,
    orgs: [...WORLD_ORGS.map((o) => ({ id: o.orgCode.toLowerCase(), name: o.name, regNo: o.serialNum! })), STRANGER],
  });
  const clock = opts.clock ?? testClock();
  const store = await open<PortalDatabase>();
  await migratePortalStore(store);
  const repo = sqlRegistryRepository(store, clock);
  const statistics = sqlStatisticsRepository(store);
  const admin = createRegistryAdmin(repo, CREDENTIAL_KEY);
  const credentials = new Map<string, IssuedCredential>();
  for (const org of WORLD_ORGS) {
    const onboarded = await admin.onboardOrg(org);
    credentials.set(org.orgCode, onboarded.credential);
  }
  const logs = createLogSink();
  const logger = createLogger({ service: 'portal', destination: logs, level: 'info' });
  const portal = pki.org('pthannun01');
  const ctx: PortalContext = {
    orgCode: 'PTHANNUN01',
    registry: repo,
    statistics,
    tokenKey: manageTokenKey(portal.signing!),
    tokenLifetimeSeconds: 90 * 24 * 3600,
    clock,
    versions: DEFAULT_VERSION_CONFIG,
    transport: { requireMtls: opts.requireMtls ?? true, allowLoopback: opts.allowLoopback ?? true },
    logger,
  };
  const api: Service = createSupportApi({ ctx, credentials: portal, metrics: false });
  const url = await api.start({ port: 0 });
  const agents: Agent[] = [];
  return {
    url,
    pki,
    clock,
    repo,
    statistics,
    admin,
    store,
    logs,
    credentials,
    agent(pkiId) {
      const agent = clientAgent(pki.org(pkiId));
      agents.push(agent);
      return agent;
    },
    async stop() {
      await api.stop();
      await Promise.all(agents.map((a) => a.close()));
      await rm(dir, { recursive: true, force: true });
    },
  };
}
