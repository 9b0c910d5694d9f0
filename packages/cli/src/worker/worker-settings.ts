import { type ConfigSchema, setting } from '@hannun/infra';
import { OPERATOR_KEY_SETTINGS } from '@hannun/operator';
import { STORE_SETTINGS } from '@hannun/store';
import { TRUST_SETTINGS } from '../ecosystem/trust-settings.ts';
import { SHARED_SETTINGS } from '../ecosystem/up-config.ts';
import { REGISTRY_SYNC_SETTINGS } from '../portal/portal-settings.ts';

/** Settings of `hannun worker`: the operator's (database, keys, trust, registry sync) and the worker's own. */
export const WORKER_SETTINGS = {
  HANNUN_DATA_DIR: SHARED_SETTINGS.HANNUN_DATA_DIR,
  LOG_LEVEL: SHARED_SETTINGS.LOG_LEVEL,
  ...STORE_SETTINGS,
  ...OPERATOR_KEY_SETTINGS,
  ...TRUST_SETTINGS,
  ...REGISTRY_SYNC_SETTINGS,
  HANNUN_PORTAL_URL: setting.url({
    optional: true,
    protocols: ['https:', 'http:'],
    description:
      "The portal's support APIs (지원-001/002), where the worker follows the registry (institutions' URLs, np_time); default: portal.apiUrl in <data dir>/demo.json, written by `hannun up`",
  }),
  WORKER_MAX_JOBS: setting.int({
    default: 16,
    min: 1,
    max: 1_000,
    description: 'Collection jobs this worker runs at once (each is one person at one institution)',
  }),
  WORKER_PER_INSTITUTION: setting.int({
    default: 4,
    min: 1,
    max: 100,
    description: 'Calls in flight per institution from this worker (N workers: up to N times this at one institution)',
  }),
} satisfies ConfigSchema;
