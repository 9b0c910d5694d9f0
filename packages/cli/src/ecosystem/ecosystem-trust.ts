import { ensurePki, type OrgSpec, type Pki } from '@hannun/pki';
import { createRegistry, type Registry } from '@hannun/registry';
import type { Environment, Logger } from '@hannun/infra';
import { storeUrlFor } from '@hannun/store';
import { seedPortal } from '../portal/seed-portal.ts';
import type { EcosystemCredentials } from './ecosystem-credentials.ts';
import {
  DEMO_OPERATOR_SERVICES,
  DEMO_ORGANISATIONS,
  type DemoOperatorService,
  type DemoOrganisation,
} from './demo-organisations.ts';

/** What every service of `hannun up` trusts and proves itself with: the PKI, the registry, the credentials. */
export interface EcosystemTrust {
  /** The root, and every organisation's TLS certificate and signing key (`pki.org(pkiId)`). */
  readonly pki: Pki;
  /**
   * The portal's registry as it was when this run started (credentials' hashes included). Services that sync
   * from the portal (the provider engine, over 지원-002/003) keep a live copy of their own; the others read this.
   */
  readonly registry: Registry;
  /** The credentials the portal issued, with their secrets, for the organisations' own use (demo.json). */
  readonly credentials: EcosystemCredentials;
  readonly organisations: readonly DemoOrganisation[];
  readonly services: readonly DemoOperatorService[];
  /** How long `ensurePki` took, in ms. */
  readonly pkiMs: number;
}

export interface PrepareTrustOptions {
  readonly dataDir: string;
  readonly logger: Logger;
  /** The interface services listen on (HOST): added to every certificate's SAN when it names one host. */
  readonly host?: string;
  readonly organisations?: readonly DemoOrganisation[];
  readonly services?: readonly DemoOperatorService[];
  /** Where HANNUN_DATABASE_URL is read from (the portal's registry lives in the Hannun database). */
  readonly env?: Environment;
}

/** Hosts every certificate already names, or that name no single host. */
const IMPLIED_HOSTS = new Set(['127.0.0.1', 'localhost', '0.0.0.0', '::', '']);

/**
 * Make sure the data directory holds a root CA and, for every organisation, a TLS certificate (subject
 * serialNumber = its registration number) and an ES256 signing key (`ensurePki`: created on first start,
 * reused after); then onboard the demo's organisations and services at the portal (its registry in the Hannun
 * database; it issues their credentials) and take its registry. Logs what the PKI created or replaced, its
 * problems, and how long it took.
 */
export async function prepareTrust(opts: PrepareTrustOptions): Promise<EcosystemTrust> {
  const organisations = opts.organisations ?? DEMO_ORGANISATIONS;
  const services = opts.services ?? DEMO_OPERATOR_SERVICES;
  const hosts = opts.host !== undefined && !IMPLIED_HOSTS.has(opts.host) ? [opts.host] : [];
  const specs = organisations.map(
    (o): OrgSpec => ({ id: o.pkiId, name: o.name, regNo: o.regNo, ...(hosts.length > 0 ? { hosts } : {}) }),
  );
  const started = performance.now();
  const pki = await ensurePki({ dataDir: opts.dataDir, orgs: specs });
  const pkiMs = Math.round(performance.now() - started);
  opts.logger.info(
    { pki: pki.dir, organisations: specs.length, changed: pki.changes.length, ms: pkiMs },
    pki.changes.length === 0 ? 'pki reused' : 'pki created or renewed',
  );
  if (pki.changes.length > 0) opts.logger.info({ changes: pki.changes }, 'pki changes');
  for (const problem of pki.problems) opts.logger.warn({ problem }, 'pki problem');

  // The portal is the registry and the issuer of every credential: the demo's organisations are onboarded
  // there (first start) before any service starts, and what it issued is exported to credentials.json.
  const seeded = await seedPortal({
    dataDir: opts.dataDir,
    storeUrl: storeUrlFor(opts.dataDir, opts.env),
    organisations,
    services,
    logger: opts.logger,
  });
  const { credentials } = seeded;
  if (credentials.created > 0) {
    opts.logger.info({ file: credentials.path, created: credentials.created }, 'demo client credentials issued');
  }
  const registry = createRegistry(seeded.snapshot);
  return { pki, registry, credentials, organisations, services, pkiMs };
}
