import { assertOrgIdentity, type OrgIdentity } from '../certs/org-identity.ts';
import { assertOrgId } from './layout.ts';

/** An organisation the PKI serves: its certificate identity, plus a directory-safe id. */
export interface OrgSpec extends OrgIdentity {
  /** Stable id, e.g. the org_code or a slug (`bank-hannun`): names the directory `orgs/<id>/`. */
  readonly id: string;
  /** Whether it gets an ES256 signing key (tokens, consents). Default true. An existing key is never deleted. */
  readonly signingKey?: boolean;
}

/** The organisation as stored in `org.json`: every field explicit. */
export interface StoredOrgSpec {
  readonly id: string;
  readonly name: string;
  readonly regNo: string;
  readonly hosts: readonly string[];
  readonly signingKey: boolean;
}

export function normaliseOrgSpec(spec: OrgSpec): StoredOrgSpec {
  assertOrgId(spec.id);
  assertOrgIdentity(spec);
  return {
    id: spec.id,
    name: spec.name,
    regNo: spec.regNo,
    hosts: [...new Set(spec.hosts ?? [])],
    signingKey: spec.signingKey ?? true,
  };
}

/** Parse `org.json`, trusting nothing in it. */
export function parseStoredOrgSpec(json: string): StoredOrgSpec {
  const value: unknown = JSON.parse(json);
  if (typeof value !== 'object' || value === null) throw new TypeError('org.json is not an object');
  const v = value as Record<string, unknown>;
  const hosts = v['hosts'];
  if (
    typeof v['id'] !== 'string' ||
    typeof v['name'] !== 'string' ||
    typeof v['regNo'] !== 'string' ||
    typeof v['signingKey'] !== 'boolean' ||
    !Array.isArray(hosts) ||
    !hosts.every((h) => typeof h === 'string')
  ) {
    throw new TypeError('org.json lacks id, name, regNo, hosts or signingKey');
  }
  return normaliseOrgSpec({
    id: v['id'],
    name: v['name'],
    regNo: v['regNo'],
    hosts: hosts as string[],
    signingKey: v['signingKey'],
  });
}

/** Whether the certificate must change: a different name, registration number or host list. */
export function sameCertificateIdentity(a: StoredOrgSpec, b: StoredOrgSpec): boolean {
  const hosts = (s: StoredOrgSpec) => [...s.hosts].sort().join(' ');
  return a.name === b.name && a.regNo === b.regNo && hosts(a) === hosts(b);
}
