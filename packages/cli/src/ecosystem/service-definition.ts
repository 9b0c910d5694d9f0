import type { Environment, Logger, LogLevel } from '@hannun/infra';
import type { Bilingual } from '../docs-hub/i18n.ts';
import type { DemoCa, DemoInstitution, DemoPerson, DemoPortal } from './demo-file.ts';
import type { EcosystemTrust } from './ecosystem-trust.ts';
import type { EcosystemRole } from './roles.ts';

/** A service of this run, as others see it. */
export interface RunningServiceInfo {
  readonly name: string;
  readonly role: EcosystemRole;
  readonly url: string;
  /** Where a person's browser is sent, for a service with pages apart from its API (the CA's approval pages). */
  readonly pagesUrl?: string;
}

/** What `hannun up` gives each service when starting it. */
export interface ServiceContext {
  readonly host: string;
  /** The port from the service's variable (0 picks a free one). */
  readonly port: number;
  /** The data directory (created, kept across restarts); each service keeps its files under it. */
  readonly dataDir: string;
  /** A logger for this service (its name on every line). */
  readonly logger: Logger;
  readonly logLevel: LogLevel;
  /** Hannun's version. */
  readonly version: string;
  /** The services of this run as they are now (read it at request time: later services start after). */
  running(): readonly RunningServiceInfo[];
  /** The environment this run reads its settings from (process.env unless a test gives another). */
  readonly env: Environment;
  /** The PKI, the registry and the client credentials, ready before any service starts. */
  readonly trust: EcosystemTrust;
}

export interface StartedService {
  readonly url: string;
  /** Its pages for people's browsers, when apart from `url` (the CA). */
  readonly pagesUrl?: string;
  stop(): Promise<void>;
  /** What this service adds to demo.json (the provider: its institutions; a person listed again replaces the entry of the same CI). */
  readonly demo?: {
    readonly institutions?: readonly DemoInstitution[];
    readonly ca?: DemoCa;
    readonly portal?: DemoPortal;
    readonly people?: readonly DemoPerson[];
    /** The operator's support APIs (지원-101, 103, 104). */
    readonly operatorSupportUrl?: string;
  };
}

/** One service of the ecosystem, as `hannun up` composes them (see services.ts). */
export interface ServiceDefinition {
  readonly name: string;
  readonly role: EcosystemRole;
  readonly description: Bilingual;
  readonly defaultPort: number;
  /** The environment variable that sets its port, named in errors (`PORT`, later `CA_PORT`, …). */
  readonly portVariable: string;
  start(ctx: ServiceContext): Promise<StartedService>;
}
