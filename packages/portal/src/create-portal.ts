import type { Logger, Service } from '@hannun/infra';
import type { OrgCredentials } from '@hannun/pki';
import { DEFAULT_VERSION_CONFIG } from '@hannun/spec';
import type { Store } from '@hannun/store';
import { Agent, type Dispatcher } from 'undici';
import { createAdminApi } from './admin/create-admin-api.ts';
import { AdminAccounts } from './admins/admin-accounts.ts';
import type { PersonIdentity } from './consent-view/ca-identity.ts';
import { gatherConsents } from './consent-view/operator-consents.ts';
import { ViewTickets } from './consent-view/view-tickets.ts';
import { createPortalPages } from './pages/create-portal-pages.ts';
import { askForResend, type ResendOutcome, type ResendRequest } from './statistics/ask-resend.ts';
import { createRegistryAdmin, type RegistryAdmin } from './registry/registry-admin.ts';
import { createStatusPoller, type StatusPoller } from './status/status-poller.ts';
import type { PortalDatabase } from './store/portal-database.ts';
import { migratePortalStore } from './store/portal-migrations.ts';
import { type RegistryClock, type RegistryRepository, sqlRegistryRepository } from './store/registry-repository.ts';
import { type StatisticsRepository, sqlStatisticsRepository } from './store/statistics-repository.ts';
import { type StatusRepository, sqlStatusRepository } from './store/status-repository.ts';
import { createSupportApi } from './support-api/create-support-api.ts';
import { manageTokenKey } from './tokens/manage-token.ts';

export interface PortalOptions {
  /** The portal's own org_code (org_type 07): iss of its tokens, start of its tran ids. */
  readonly orgCode: string;
  /** An open store; the portal migrates its tables (namespace `portal`). */
  readonly store: Store<PortalDatabase>;
  /** The portal organisation's PKI credentials: TLS certificate (mutual TLS) and ES256 signing key (tokens). */
  readonly credentials: OrgCredentials;
  /** Derives the portal credential each organisation verifies at 지원-101 (≥ 32 bytes, kept secret). */
  readonly credentialKey: Uint8Array;
  /** The admin API's bearer token. */
  readonly adminToken: string;
  /** Serve 지원-001…006 over mutual TLS 1.3 (callers named by certificate). False only in development. */
  readonly requireMtls: boolean;
  /** Accept loopback addresses for every organisation (the demo on one machine). */
  readonly allowLoopback?: boolean;
  /** 지원-001 token lifetime (≤ 1 year). Default 90 days. */
  readonly tokenLifetimeSeconds?: number;
  /**
   * Poll providers' status (지원-101/102): how often, and through which agent (the portal's mutual-TLS agent;
   * undici's default for plain HTTP in development). No polling without it.
   */
  readonly status?: { readonly intervalMs: number; readonly dispatcher?: Dispatcher };
  /**
   * The consolidated consent view for people (`/consents` on the pages): who checks their identity (the CA's
   * identity check). Without it the view is not served.
   */
  readonly consentView?: { readonly identity: PersonIdentity };
  readonly clock?: RegistryClock;
  readonly logger: Logger;
}

export interface Portal {
  /** 지원-001…006 (start it with `start({ host, port })`). */
  readonly api: Service;
  /** The administration API (plain HTTP: listen on loopback only). */
  readonly adminApi: Service;
  /** The web pages for administrators (registry, change log, statistics): plain HTTP, login with the admin token. */
  readonly pages: Service;
  /** 지원-104: ask an organisation to send a week's statistics again. */
  askForResend(request: ResendRequest): Promise<ResendOutcome>;
  readonly admin: RegistryAdmin;
  readonly registry: RegistryRepository;
  readonly statistics: StatisticsRepository;
  readonly statuses: StatusRepository;
  /** Provider status polling (지원-101/102), when asked for; start it once providers run. */
  readonly poller: (StatusPoller & { start(): void }) | undefined;
  /** Stop polling and the three services (the store is the caller's to close). */
  stop(): Promise<void>;
}

const DEFAULT_TOKEN_SECONDS = 90 * 24 * 3600;

/** The portal (종합포털): registry with its change log, support APIs, statistics intake, provider status, admin API. */
export async function createPortal(opts: PortalOptions): Promise<Portal> {
  if (!opts.credentials.signing) throw new Error('the portal credentials have no signing key (tokens need one)');
  await migratePortalStore(opts.store);
  const clock = opts.clock ?? { nowMs: () => Date.now() };
  const registry = sqlRegistryRepository(opts.store, clock);
  const statistics = sqlStatisticsRepository(opts.store);
  const statuses = sqlStatusRepository(opts.store);
  const admin = createRegistryAdmin(registry, opts.credentialKey);
  const api = createSupportApi({
    ctx: {
      orgCode: opts.orgCode,
      registry,
      statistics,
      tokenKey: manageTokenKey(opts.credentials.signing),
      tokenLifetimeSeconds: opts.tokenLifetimeSeconds ?? DEFAULT_TOKEN_SECONDS,
      clock,
      versions: DEFAULT_VERSION_CONFIG,
      transport: { requireMtls: opts.requireMtls, allowLoopback: opts.allowLoopback ?? false },
      logger: opts.logger,
    },
    credentials: opts.credentials,
  });
  // Calls to participants (지원-101/102/104) go through the portal's mutual-TLS agent when given.
  const ownAgent = opts.status?.dispatcher ? undefined : new Agent();
  const dispatcher: Dispatcher = opts.status?.dispatcher ?? ownAgent!;
  const resend = (request: ResendRequest) =>
    askForResend(
      { registry, dispatcher, credentialKey: opts.credentialKey, portalOrgCode: opts.orgCode, clock },
      request,
    );
  const accounts = new AdminAccounts(opts.store);
  const adminApi = createAdminApi({
    accounts,
    nowMs: () => clock.nowMs(),
    admin,
    registry,
    statuses,
    statistics,
    adminToken: opts.adminToken,
    resend,
    logger: opts.logger,
  });
  const pages = createPortalPages({
    accounts,
    admin,
    registry,
    statuses,
    statistics,
    adminToken: opts.adminToken,
    resend,
    clock,
    logger: opts.logger,
    ...(opts.consentView
      ? {
          consentView: {
            identity: opts.consentView.identity,
            tickets: new ViewTickets(() => clock.nowMs()),
            gather: (ci: string) =>
              gatherConsents(
                { registry, dispatcher, credentialKey: opts.credentialKey, portalOrgCode: opts.orgCode },
                ci,
              ),
            orgName: async (orgCode: string) => (await registry.org(orgCode))?.org.name,
            serviceName: async (clientId: string) => (await registry.service(clientId))?.name,
          },
        }
      : {}),
  });
  const poller = opts.status
    ? createStatusPoller({
        registry,
        statuses,
        dispatcher,
        credentialKey: opts.credentialKey,
        portalOrgCode: opts.orgCode,
        intervalMs: opts.status.intervalMs,
        clock,
        logger: opts.logger,
      })
    : undefined;
  return {
    api,
    adminApi,
    pages,
    askForResend: resend,
    admin,
    registry,
    statistics,
    statuses,
    poller,
    async stop() {
      poller?.stop();
      await pages.stop();
      await adminApi.stop();
      await api.stop();
      await ownAgent?.close();
    },
  };
}
