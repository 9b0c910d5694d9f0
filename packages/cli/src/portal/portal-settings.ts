import { type ConfigSchema, setting } from '@hannun/infra';

/** How often participants ask the portal for registry changes (지원-002/003/006). */
export const REGISTRY_SYNC_SETTINGS = {
  REGISTRY_SYNC_INTERVAL_MS: setting.int({
    default: 30_000,
    min: 200,
    max: 86_400_000,
    description:
      'How often each participant asks the portal for registry changes (지원-002/003/006), in ms: an organisation removed at the portal, or whose certificate changed, is refused within this time',
  }),
} satisfies ConfigSchema;

/** Settings of the portal in `hannun up` (besides PORTAL_PORT, its support APIs). */
export const PORTAL_SETTINGS = {
  PORTAL_ADMIN_PORT: setting.port({
    default: 4001,
    description:
      'Port of the portal admin API used by `hannun portal …` (plain HTTP, always on 127.0.0.1, behind the token in <data dir>/portal/admin.token)',
  }),
  PORTAL_PAGES_PORT: setting.port({
    default: 4002,
    description:
      "Port of the portal's pages for administrators (registry, change log, statistics; plain HTTP on HOST, login with the admin token)",
  }),
  PORTAL_STATUS_INTERVAL_MS: setting.int({
    default: 60_000,
    min: 200,
    max: 86_400_000,
    description: 'How often the portal asks every provider for its status (지원-101 token, then 지원-102), in ms',
  }),
} satisfies ConfigSchema;
