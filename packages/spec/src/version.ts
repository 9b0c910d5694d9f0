/**
 * The `<version>` path segment. The standard's current text uses `/v2`; `/v1` is still accepted.
 * Kept as configuration here so every service and client reads the same rule.
 */
export const API_VERSIONS = ['v1', 'v2'] as const;
export type ApiVersion = (typeof API_VERSIONS)[number];

export interface VersionConfig {
  /** The version Hannun sends and documents. */
  readonly default: ApiVersion;
  /** Versions a provider answers; others get 40003. */
  readonly accepted: readonly ApiVersion[];
}

export const DEFAULT_VERSION_CONFIG: VersionConfig = { default: 'v2', accepted: ['v1', 'v2'] };

export function isApiVersion(s: string): s is ApiVersion {
  return (API_VERSIONS as readonly string[]).includes(s);
}
