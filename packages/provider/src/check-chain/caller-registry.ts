import type { Registry } from '@hannun/registry';

/**
 * Who may call the engine: the organisations registered at the portal, each with the serial numbers of
 * its client certificates and its client IPs (지원-002 `serial_num`, `ip_list`). Built from a `Registry`
 * (`createCallerRegistry({ registry })`, as `hannun up` does) or from a plain list of callers (tests).
 */
export interface CallerRegistry {
  /** The org_code whose client certificate carries this SERIALNUMBER, if registered. */
  orgBySerial(serial: string): string | undefined;
  /**
   * Whether a call from this IP is allowed: from the IPs of `orgCode` when the caller is known (mTLS), or
   * of any registered organisation when it is not (development without TLS).
   */
  ipAllowed(ip: string, orgCode: string | undefined): boolean;
}

export interface RegisteredCaller {
  readonly orgCode: string;
  readonly serials: readonly string[];
  readonly ips: readonly string[];
}

export interface CallerRegistryOptions {
  readonly callers?: readonly RegisteredCaller[];
  /**
   * The portal registry: every registered organisation's `serial_num` and `ip_list` (any org_type may
   * pass the certificate step; what it may read is the token's business). Consulted together with `callers`.
   */
  readonly registry?: Pick<Registry, 'snapshot'>;
  /** Allow 127.0.0.0/8 and ::1 for everyone (development, tests). Default true. */
  readonly allowLoopback?: boolean;
}

/** IPv4-mapped IPv6 (`::ffff:10.0.0.1`) compares as the IPv4 address. */
export function normaliseIp(ip: string): string {
  return ip.startsWith('::ffff:') && ip.includes('.') ? ip.slice(7) : ip;
}

export function isLoopback(ip: string): boolean {
  const v = normaliseIp(ip);
  return v === '::1' || v.startsWith('127.');
}

export function createCallerRegistry(opts: CallerRegistryOptions = {}): CallerRegistry {
  const allowLoopback = opts.allowLoopback ?? true;
  const bySerial = new Map<string, string>();
  const ipsByOrg = new Map<string, Set<string>>();
  const anyOrgIps = new Set<string>();
  for (const caller of [...(opts.callers ?? []), ...callersOf(opts.registry)]) {
    for (const serial of caller.serials) bySerial.set(serial, caller.orgCode);
    const ips = ipsByOrg.get(caller.orgCode) ?? new Set<string>();
    for (const ip of caller.ips) {
      ips.add(normaliseIp(ip));
      anyOrgIps.add(normaliseIp(ip));
    }
    ipsByOrg.set(caller.orgCode, ips);
  }
  return {
    orgBySerial: (serial) => bySerial.get(serial),
    ipAllowed(ip, orgCode) {
      if (allowLoopback && isLoopback(ip)) return true;
      const v = normaliseIp(ip);
      return orgCode === undefined ? anyOrgIps.has(v) : (ipsByOrg.get(orgCode)?.has(v) ?? false);
    },
  };
}

/** The registry's organisations as callers: one certificate serial (the registration number) and its IPs each. */
function callersOf(registry: Pick<Registry, 'snapshot'> | undefined): RegisteredCaller[] {
  return (registry?.snapshot.orgs ?? []).map((org) => ({
    orgCode: org.orgCode,
    serials: [org.serialNum],
    ips: org.ips,
  }));
}
