import type { FastifyRequest } from '@hannun/infra';
import { peerCertificateSerialNumber } from '@hannun/pki';
import type { StoredOrg } from '../store/registry-repository.ts';
import type { PortalContext } from './portal-context.ts';
import { ipAllowed } from './source-ip.ts';
import { fail, type SupportFailure } from './support-failure.ts';

/**
 * With mutual TLS, the registered organisation whose serial_num is the verified client certificate's subject
 * serialNumber (else 40103), calling from one of its registered addresses (else 40102). Undefined without
 * mutual TLS (development): the token then names the caller.
 */
export async function certificateCaller(
  ctx: PortalContext,
  request: FastifyRequest,
): Promise<StoredOrg | undefined | SupportFailure> {
  if (!ctx.transport.requireMtls) return undefined;
  const serial = peerCertificateSerialNumber(request.raw.socket);
  if (serial === null) return fail('40103', '클라이언트 인증서가 없습니다', 'no client certificate');
  const org = await ctx.registry.orgBySerial(serial);
  if (!org) return fail('40103', '등록되지 않은 기관의 인증서입니다', 'client certificate serial not registered');
  if (!ipAllowed(org.org.ips, request.ip, ctx.transport.allowLoopback)) {
    return fail('40102', undefined, 'source address not registered for the certificate organisation');
  }
  return org;
}
