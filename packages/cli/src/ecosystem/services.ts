import { caService } from '../ca/ca-service.ts';
import { docsHubService } from '../docs-hub/docs-hub-service.ts';
import { operatorService } from '../operator/operator-service.ts';
import { portalService } from '../portal/portal-service.ts';
import { providerService } from '../provider/provider-service.ts';
import type { ServiceDefinition } from './service-definition.ts';

/**
 * Every service `hannun up` runs, in start order (a service may call those before it): the portal first,
 * since every participant syncs its registry from it; the operator after the CA and the providers it calls; the
 * docs hub last (it lists them all).
 */
export const SERVICES: readonly ServiceDefinition[] = [
  portalService,
  caService,
  providerService,
  operatorService,
  docsHubService,
];

/** Every service's port variable set to 0 (a free port each): for tests that start the whole ecosystem. */
export function freePorts(): Record<string, string> {
  return Object.fromEntries(SERVICES.map((s) => [s.portVariable, '0']));
}
