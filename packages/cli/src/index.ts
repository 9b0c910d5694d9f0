// The public entry of @hannun/cli: the pieces of the `hannun` command, for tests and for later services.
export type { Benchmark, BenchRecord, BenchResult, MachineInfo, Measurement } from './bench/bench-types.ts';
export { BENCHMARKS } from './bench/registry.ts';
export { runBenchmarks, type RunBenchmarksOptions } from './bench/run-benchmarks.ts';
export { runOpenApi, writeOpenApiDocuments } from './commands/openapi.ts';
export { type Output, runUp } from './commands/up.ts';
export { createDocsHub, type DocsHubOptions } from './docs-hub/create-docs-hub.ts';
export type {
  DemoFile,
  DemoInstitution,
  DemoOperator,
  DemoPerson,
  DemoPki,
  DemoService,
} from './ecosystem/demo-file.ts';
export { ECOSYSTEM_ROLES, type EcosystemRole } from './ecosystem/roles.ts';
export type {
  RunningServiceInfo,
  ServiceContext,
  ServiceDefinition,
  StartedService,
} from './ecosystem/service-definition.ts';
export { SERVICES } from './ecosystem/services.ts';
export {
  type Ecosystem,
  type EcosystemOptions,
  type RunningService,
  startEcosystem,
} from './ecosystem/start-ecosystem.ts';
export { createProgram } from './program.ts';
export { UserError } from './user-error.ts';
export { HANNUN_VERSION } from './version.ts';
