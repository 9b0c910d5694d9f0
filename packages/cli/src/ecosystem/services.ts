import { docsHubService } from '../docs-hub/docs-hub-service.ts';
import { providerService } from '../provider/provider-service.ts';
import type { ServiceDefinition } from './service-definition.ts';

/**
 * Every service `hannun up` runs, in start order (a service may call those before it). Later issues add
 * theirs here: portal, CA, provider engine, operator, workers.
 */
export const SERVICES: readonly ServiceDefinition[] = [providerService, docsHubService];
