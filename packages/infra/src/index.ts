// The public entry of @hannun/infra: what every Hannun service shares to run.
// Route code types its handlers with fastify's types; services import them from here, not from fastify.
export type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
export { ConfigError, type ConfigProblem } from './config/config-error.ts';
export { describeConfig, type Environment, loadConfig } from './config/load-config.ts';
export {
  type ConfigOf,
  type ConfigSchema,
  type Setting,
  type SettingKind,
  type SettingOptions,
  setting,
} from './config/settings.ts';
export {
  type CheckResult,
  createHealth,
  type Health,
  type HealthOptions,
  type ReadinessCheck,
  type ReadinessReport,
} from './health/create-health.ts';
export { registerHealthRoutes } from './health/health-routes.ts';
export { createLogger, LOG_LEVELS, type Logger, type LoggerOptions, type LogLevel } from './logging/create-logger.ts';
export { maskCard, passesLuhn } from './logging/luhn.ts';
export { REDACTED, scrubText } from './logging/scrub-text.ts';
export { scrubValue } from './logging/scrub-value.ts';
export { SENSITIVE_KEYS, type SensitiveKeyMatcher, sensitiveKeyMatcher } from './logging/sensitive-keys.ts';
export { createLogSink, type LogSink } from './logging/test-sink.ts';
export { createMetrics, type HttpLabel, type MetricsOptions, type ServiceMetrics } from './metrics/create-metrics.ts';
export { registerMetrics, UNMATCHED_ROUTE } from './metrics/metrics-plugin.ts';
export { extractRspCode } from './metrics/rsp-code.ts';
export {
  createService,
  type ListenOptions,
  REQUEST_ID_HEADER,
  type Service,
  type ServiceControls,
  type ServiceOptions,
} from './server/create-service.ts';
export { type ErrorBody, errorBody } from './server/error-handler.ts';
export { PortInUseError } from './server/port-in-use-error.ts';
export { TRAN_ID_HEADER } from './server/tran-id-header.ts';
export { onShutdown, type ShutdownHook, type ShutdownOptions } from './shutdown/on-shutdown.ts';
export {
  planShutdown,
  runShutdown,
  type ShutdownHandler,
  type ShutdownLog,
  type ShutdownReport,
} from './shutdown/plan-shutdown.ts';
export * from './html/html.ts';
export { seededRandom } from './random/seeded-random.ts';
