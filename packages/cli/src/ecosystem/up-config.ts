import { type ConfigSchema, LOG_LEVELS, type Setting, setting } from '@hannun/infra';
import type { ServiceDefinition } from './service-definition.ts';

/** The settings every run of `hannun up` reads. */
export const SHARED_SETTINGS = {
  HOST: setting.string({ default: '127.0.0.1', description: 'Interface every service listens on' }),
  HANNUN_DATA_DIR: setting.path({
    default: './data',
    description: 'Data directory (databases, keys, demo.json); created if missing, kept across restarts',
  }),
  LOG_LEVEL: setting.enum(LOG_LEVELS, { default: 'info', description: 'Log level' }),
} satisfies ConfigSchema;

/** One port setting per service, named by the service's `portVariable`. */
export function portSettings(services: readonly ServiceDefinition[]): Record<string, Setting<number, true>> {
  const ports: Record<string, Setting<number, true>> = {};
  for (const s of services) {
    ports[s.portVariable] = setting.port({
      default: s.defaultPort,
      description: `HTTP port of the ${s.description.en}`,
    });
  }
  return ports;
}
