import { isIPv4 } from 'node:net';
import type { FastifyRequest } from '@hannun/infra';
import { peerCertificateSerialNumber } from '@hannun/pki';
import type { RegisteredOrg, Registry } from '@hannun/registry';

/** Why a caller is not the portal: the rsp_code the support APIs answer (지원-101 maps them to OAuth errors). */
export type CallerRefusal = { readonly rspCode: '40103' | '40102' | '40104'; readonly reason: string };

const plainIp = (ip: string) => {
  const m = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  return m && isIPv4(m[1]!) ? m[1]! : ip;
};
const isLoopback = (ip: string) => {
  const p = plainIp(ip);
  return p === '::1' || (isIPv4(p) && p.startsWith('127.'));
};

/**
 * The support APIs are the portal's: over mutual TLS the verified client certificate's serialNumber must be a
 * registered organisation (40103) of type 07 (40104), calling from one of its registered addresses or, in the
 * demo, loopback (40102). Without mutual TLS (development) there is no certificate to check: undefined.
 */
export function portalCaller(
  request: FastifyRequest,
  registry: Registry,
  o: { readonly requireMtls: boolean; readonly allowLoopback: boolean },
): RegisteredOrg | CallerRefusal | undefined {
  if (!o.requireMtls) return undefined;
  const serial = peerCertificateSerialNumber(request.raw.socket);
  const org = serial === null ? undefined : registry.orgBySerial(serial);
  if (!org) return { rspCode: '40103', reason: 'client certificate serial not registered' };
  const ip = plainIp(request.ip);
  if (!(o.allowLoopback && isLoopback(ip)) && !org.ips.some((r) => plainIp(r) === ip)) {
    return { rspCode: '40102', reason: 'address not registered for the caller' };
  }
  if (org.orgType !== '07') return { rspCode: '40104', reason: `caller ${org.orgCode} is not the portal` };
  return org;
}

export function isRefusal(v: unknown): v is CallerRefusal {
  return typeof v === 'object' && v !== null && 'rspCode' in v && !('orgCode' in v);
}
