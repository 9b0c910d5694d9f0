// The public entry of @hannun/cli: the pieces of the `hannun` command, for tests and for later services.
export type { Benchmark, BenchRecord, BenchResult, MachineInfo, Measurement } from './bench/bench-types.ts';
export { BENCHMARKS } from './bench/registry.ts';
export { runBenchmarks, type RunBenchmarksOptions } from './bench/run-benchmarks.ts';
export { runOpenApi, writeOpenApiDocuments } from './commands/openapi.ts';
export { type Output, runUp } from './commands/up.ts';
export { createDocsHub, type DocsHubOptions } from './docs-hub/create-docs-hub.ts';
export type {
  DemoClientCredentials,
  DemoFile,
  DemoInstitution,
  DemoOperator,
  DemoOperatorServiceCredentials,
  DemoPerson,
  DemoPki,
  DemoService,
} from './ecosystem/demo-file.ts';
export {
  DEMO_OPERATOR_SERVICES,
  DEMO_ORGANISATIONS,
  DEMO_PROVIDERS,
  type DemoOperatorService,
  type DemoOrganisation,
  HANNUN_APP,
  HANNUN_CA,
  HANNUN_OPERATOR,
  HANNUN_PORTAL,
  PROVIDER_HOST,
  pkiIdOf,
} from './ecosystem/demo-organisations.ts';
export { DEMO_IPS, demoOrgInput } from './ecosystem/demo-registry.ts';
export {
  type ClientCredential,
  CREDENTIALS_FILE,
  type EcosystemCredentials,
  ensureEcosystemCredentials,
} from './ecosystem/ecosystem-credentials.ts';
export { type EcosystemTrust, type PrepareTrustOptions, prepareTrust } from './ecosystem/ecosystem-trust.ts';
export { TRUST_SETTINGS } from './ecosystem/trust-settings.ts';
export { runPkiRotate, runPkiStatus } from './commands/pki.ts';
export { ECOSYSTEM_ROLES, type EcosystemRole } from './ecosystem/roles.ts';
export type {
  RunningServiceInfo,
  ServiceContext,
  ServiceDefinition,
  StartedService,
} from './ecosystem/service-definition.ts';
export { freePorts, SERVICES } from './ecosystem/services.ts';
export {
  type Ecosystem,
  type EcosystemOptions,
  type RunningService,
  startEcosystem,
} from './ecosystem/start-ecosystem.ts';
export { createProgram } from './program.ts';
export { UserError } from './user-error.ts';
export { HANNUN_VERSION } from './version.ts';
export { type DemoPersonProfile, demoPeople } from './ecosystem/demo-people.ts';
