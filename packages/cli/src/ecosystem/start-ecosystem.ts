import {
  createLogger,
  type Environment,
  type Logger,
  type LoggerOptions,
  loadConfig,
  PortInUseError,
} from '@hannun/infra';
import { UserError } from '../user-error.ts';
import { HANNUN_VERSION } from '../version.ts';
import { ensureDataDir, writeDemoFile } from './data-dir.ts';
import { type DemoCa, type DemoInstitution, type DemoPerson, type DemoPortal, emptyDemoFile } from './demo-file.ts';
import { demoTrust } from './demo-trust.ts';
import { type EcosystemTrust, prepareTrust } from './ecosystem-trust.ts';
import type { RunningServiceInfo, ServiceDefinition } from './service-definition.ts';
import { SERVICES } from './services.ts';
import { announceDomains } from '../portal/announce-domains.ts';
import { portSettings, SHARED_SETTINGS } from './up-config.ts';

export interface EcosystemOptions {
  /** Where configuration is read from; process.env by default. */
  readonly env?: Environment;
  /** The services to run; {@link SERVICES} by default. */
  readonly services?: readonly ServiceDefinition[];
  /** Where every service's log lines go; stdout by default (tests capture them). */
  readonly logDestination?: LoggerOptions['destination'];
}

export interface RunningService extends RunningServiceInfo {
  stop(): Promise<void>;
}

export interface Ecosystem {
  readonly services: readonly RunningService[];
  readonly dataDir: string;
  /** Absolute path of demo.json. */
  readonly demoFile: string;
  /** The PKI, registry and credentials the services were started with. */
  readonly trust: EcosystemTrust;
  /** The logger of `hannun` itself (shutdown messages). */
  readonly logger: Logger;
  /** Stop every service, the last started first. */
  stop(): Promise<void>;
}

export function portInUseMessage(def: ServiceDefinition, error: PortInUseError): string {
  const next = error.port === 0 ? 0 : error.port + 1;
  return [
    `포트 ${error.port}(${error.host})를 이미 다른 프로그램이 쓰고 있어 ${def.name} 서비스를 시작할 수 없습니다. ${def.portVariable} 변수로 다른 포트를 지정하세요 (예: ${def.portVariable}=${next} npm start).`,
    `Port ${error.port} on ${error.host} is already in use, so the ${def.name} service cannot start. Stop the program using it, or choose another port with ${def.portVariable} (e.g. ${def.portVariable}=${next} npm start).`,
  ].join('\n');
}

/**
 * Prepare the trust layer (PKI, credentials, registry), start every service in order, write demo.json, and
 * return what runs where. If a service fails to
 * start, the ones already started are stopped before the error is thrown (a {@link UserError} when the
 * person can fix it, e.g. a port in use).
 */
export async function startEcosystem(opts: EcosystemOptions = {}): Promise<Ecosystem> {
  const defs = opts.services ?? SERVICES;
  const env = opts.env ?? process.env;
  const config = loadConfig({ ...SHARED_SETTINGS, ...portSettings(defs) }, env);
  // The port settings are named by the definitions, so they are read by name (validated as ports above).
  const portOf = (def: ServiceDefinition) => (config as Readonly<Record<string, unknown>>)[def.portVariable] as number;
  const level = config.LOG_LEVEL;
  const loggerFor = (service: string) =>
    createLogger({
      service,
      level,
      version: HANNUN_VERSION,
      ...(opts.logDestination ? { destination: opts.logDestination } : {}),
    });
  const logger = loggerFor('hannun');
  const dataDir = config.HANNUN_DATA_DIR;
  await ensureDataDir(dataDir);
  const trust = await prepareTrust({ dataDir, logger, host: config.HOST, env });

  const started: RunningService[] = [];
  const institutions: DemoInstitution[] = [];
  let ca: DemoCa | null = null;
  let operatorSupportUrl: string | null = null;
  let portal: DemoPortal | null = null;
  const people: DemoPerson[] = [];
  const stopAll = async () => {
    for (const s of [...started].reverse()) await s.stop();
  };
  for (const def of defs) {
    try {
      const service = await def.start({
        host: config.HOST,
        port: portOf(def),
        dataDir,
        logger: loggerFor(def.name),
        logLevel: level,
        version: HANNUN_VERSION,
        running: () =>
          started.map(({ name, role, url, pagesUrl }) => ({ name, role, url, ...(pagesUrl ? { pagesUrl } : {}) })),
        env,
        trust,
      });
      started.push({
        name: def.name,
        role: def.role,
        url: service.url,
        ...(service.pagesUrl ? { pagesUrl: service.pagesUrl } : {}),
        stop: service.stop,
      });
      // Where this service's organisations answer, registered at the portal (ports differ from run to run).
      if (started.some((s) => s.role === 'portal')) await announceDomains(dataDir, def.role, service, logger);
      institutions.push(...(service.demo?.institutions ?? []));
      ca = service.demo?.ca ?? ca;
      operatorSupportUrl = service.demo?.operatorSupportUrl ?? operatorSupportUrl;
      portal = service.demo?.portal ?? portal;
      // A later service completes a person an earlier one listed (the operator adds the app login): same CI, replaced.
      for (const p of service.demo?.people ?? []) {
        const i = people.findIndex((x) => x.ci === p.ci);
        if (i >= 0) people[i] = p;
        else people.push(p);
      }
    } catch (error) {
      await stopAll();
      if (error instanceof PortInUseError) throw new UserError(portInUseMessage(def, error));
      throw error;
    }
  }

  const demoFile = await writeDemoFile(dataDir, {
    ...emptyDemoFile(started.map(({ name, role, url }) => ({ name, role, url }))),
    institutions,
    ca,
    portal,
    people,
    ...demoTrust(trust, operatorSupportUrl),
  });
  return { services: started, dataDir, demoFile, trust, logger, stop: stopAll };
}
