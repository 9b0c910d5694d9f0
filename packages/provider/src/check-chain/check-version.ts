import { type ApiVersion, isApiVersion, type VersionConfig } from '@hannun/spec';
import { type CheckFailure, fail } from './check-failure.ts';

/** Step 4, 40003: the `<version>` path segment must be one this engine answers (/v2, and /v1 by default). */
export function checkVersion(segment: string, versions: VersionConfig): ApiVersion | CheckFailure {
  if (isApiVersion(segment) && versions.accepted.includes(segment)) return segment;
  return fail('40003', `허용 버전: ${versions.accepted.join(', ')}`, `version '${segment.slice(0, 10)}' not accepted`);
}
