import type { Logger } from '@hannun/infra';
import {
  createRegistryAdmin,
  type IssuedCredential,
  migratePortalStore,
  type PortalDatabase,
  type RegistryRepository,
  registrySnapshot,
  sqlRegistryRepository,
} from '@hannun/portal';
import { hashClientSecret, type RegistrySnapshot } from '@hannun/registry';
import { openStore, type Store } from '@hannun/store';
import {
  type ClientCredential,
  type EcosystemCredentials,
  readEcosystemCredentials,
  writeEcosystemCredentials,
} from '../ecosystem/ecosystem-credentials.ts';
import type { DemoOperatorService, DemoOrganisation } from '../ecosystem/demo-organisations.ts';
import { demoOrgInput } from '../ecosystem/demo-registry.ts';
import { ensureCredentialKey } from './portal-files.ts';

export interface SeedPortalOptions {
  readonly dataDir: string;
  /** The Hannun database (storeUrlFor): the portal's tables live there. */
  readonly storeUrl: string;
  readonly organisations: readonly DemoOrganisation[];
  readonly services: readonly DemoOperatorService[];
  readonly logger: Logger;
}

export interface SeededPortal {
  /** What the portal issued, as its holders keep it (credentials.json). */
  readonly credentials: EcosystemCredentials;
  /** The portal's registry right after seeding. */
  readonly snapshot: RegistrySnapshot;
  /** How many organisations and services were onboarded now (0 on a plain restart). */
  readonly onboarded: number;
}

const providersLast = (a: DemoOrganisation, b: DemoOrganisation) =>
  Number(a.orgType === '01' || a.orgType === '02') - Number(b.orgType === '01' || b.orgType === '02');

/**
 * The demo's onboarding at the portal, before any service starts: every demo organisation and service the
 * portal has never registered is onboarded now (the portal issues its credentials; a pair already in
 * credentials.json, from an earlier run, is kept), one a person removed is left removed (its removal is in the
 * change log). The issued secrets go to credentials.json, the portal's export for their holders, with the
 * portal credential each organisation verifies at 지원-101. A registered organisation whose secret is not in
 * the file (the file was deleted) gets a new one. Writes nothing when nothing changed.
 */
export async function seedPortal(opts: SeedPortalOptions): Promise<SeededPortal> {
  const store: Store<PortalDatabase> = await openStore<PortalDatabase>({ url: opts.storeUrl });
  try {
    await migratePortalStore(store);
    const repo = sqlRegistryRepository(store, { nowMs: () => Date.now() });
    const admin = createRegistryAdmin(repo, await ensureCredentialKey(opts.dataDir));
    const existing = await readEcosystemCredentials(opts.dataDir);
    const orgs = new Map<string, ClientCredential>(existing?.orgs);
    const services = new Map<string, ClientCredential>(existing?.services);
    const portal = new Map<string, ClientCredential>();
    const everRegistered = await everRegisteredKeys(repo);
    let onboarded = 0;
    let created = 0;

    const codes = new Set(opts.organisations.map((o) => o.orgCode));
    for (const o of [...opts.organisations].sort(providersLast)) {
      const input = demoOrgInput(o);
      // The engine's host relays the providers when it is one of the organisations (not in every test world).
      const { relayOrgCode, ...rest } = input;
      const withRelay = relayOrgCode !== undefined && codes.has(relayOrgCode) ? input : rest;
      const stored = await repo.org(o.orgCode);
      if (!stored && !everRegistered.orgs.has(o.orgCode)) {
        const known = orgs.get(o.orgCode);
        const result = await admin.onboardOrg(withRelay, known ? { credential: known } : {});
        if (o.hasCredentials) orgs.set(o.orgCode, result.credential);
        if (!known && o.hasCredentials) created++;
        onboarded++;
      } else if (stored && o.hasCredentials && !matches(orgs.get(o.orgCode), stored.credential)) {
        orgs.set(o.orgCode, await admin.reissueOrgCredential(o.orgCode));
        created++;
        opts.logger.warn({ org: o.orgCode }, 'no matching credential in credentials.json: the portal issued a new one');
      }
      if (await repo.org(o.orgCode)) portal.set(o.orgCode, await admin.portalCredentialOf(o.orgCode));
    }

    for (const s of opts.services) {
      const known = services.get(s.key);
      const registered = known ? await repo.service(known.clientId) : undefined;
      if (registered) continue;
      if (known && everRegistered.services.has(known.clientId)) continue; // removed by a person: stays removed
      const same = known
        ? undefined
        : (await repo.services()).find((r) => r.orgCode === s.orgCode && r.name === s.name);
      if (same) {
        // Registered, but its secret is lost with credentials.json: the portal issues a new one.
        services.set(s.key, await admin.reissueServiceSecret(same.clientId));
        created++;
        continue;
      }
      const result = await admin.addService(
        { orgCode: s.orgCode, name: s.name, redirectUris: s.redirectUris, appSchemes: s.appSchemes },
        known ? { credential: known } : {},
      );
      services.set(s.key, result.credential);
      if (!known) created++;
      onboarded++;
    }

    await writeEcosystemCredentials(opts.dataDir, { orgs, services, portal });
    if (onboarded > 0) opts.logger.info({ onboarded, issued: created }, 'demo organisations onboarded at the portal');
    const credentials = await readEcosystemCredentials(opts.dataDir);
    if (!credentials) throw new Error('credentials.json vanished while seeding the portal');
    return { credentials: { ...credentials, created }, snapshot: await registrySnapshot(repo), onboarded };
  } finally {
    await store.close();
  }
}

function matches(pair: IssuedCredential | undefined, stored: { clientId: string; clientSecretHash: string }): boolean {
  if (!pair || pair.clientId !== stored.clientId) return false;
  return hashClientSecret(pair.clientSecret) === stored.clientSecretHash;
}

/** Every org_code and client_id the change log has ever seen. */
async function everRegisteredKeys(repo: RegistryRepository) {
  const [orgs, services] = await Promise.all([repo.changesSince('org', 0), repo.changesSince('service', 0)]);
  return { orgs: new Set(orgs.map((c) => c.key)), services: new Set(services.map((c) => c.key)) };
}
