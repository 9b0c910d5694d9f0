import type { Logger } from '@hannun/infra';
import { HANNUN_OPERATOR, HANNUN_PORTAL } from '../ecosystem/demo-organisations.ts';
import type { StartedService } from '../ecosystem/service-definition.ts';
import type { EcosystemRole } from '../ecosystem/roles.ts';
import { portalAdminClient } from './portal-admin-client.ts';

/** Where each organisation of a started service answers: its domain at the portal (지원-002 `domain`). */
export function domainsOf(role: EcosystemRole, service: StartedService): Map<string, string> {
  const domains = new Map<string, string>();
  for (const i of service.demo?.institutions ?? []) domains.set(i.org_code, i.baseUrl);
  if (service.demo?.ca) domains.set(service.demo.ca.org_code, service.demo.ca.apiUrl);
  if (role === 'portal') domains.set(HANNUN_PORTAL.orgCode, service.url);
  // The operator's support APIs (지원-101/103/104 for the portal) answer on a listener of their own.
  if (service.demo?.operatorSupportUrl) domains.set(HANNUN_OPERATOR.orgCode, service.demo.operatorSupportUrl);
  return domains;
}

/**
 * Register at the portal where a service's organisations answer, now that it listens (ports may differ from
 * run to run), through the portal's admin API, as an organisation would update its registration. Only what
 * changed is sent (a 지원-002 M change each). Does nothing when no portal runs with this data directory.
 */
export async function announceDomains(
  dataDir: string,
  role: EcosystemRole,
  service: StartedService,
  logger: Logger,
): Promise<number> {
  const domains = domainsOf(role, service);
  if (domains.size === 0) return 0;
  const client = await portalAdminClient(dataDir);
  if (!client) return 0;
  const listed = (await client.call('GET', '/admin/orgs')).org_list as { org_code: string; domain?: string }[];
  const current = new Map(listed.map((o) => [o.org_code, o.domain]));
  let changed = 0;
  for (const [orgCode, domain] of domains) {
    if (!current.has(orgCode) || current.get(orgCode) === domain) continue;
    await client.call('PATCH', `/admin/orgs/${orgCode}`, { domain });
    changed++;
  }
  if (changed > 0) logger.info({ role, organisations: changed }, 'domains registered at the portal');
  return changed;
}
