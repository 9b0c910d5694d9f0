import { peerCertificateSerialNumber } from '@hannun/pki';
import type { RegisteredOrg, Registry } from '@hannun/registry';
import type { FastifyRequest } from '@hannun/infra';

/**
 * The organisation on the other end of the mutual-TLS connection: the registered organisation whose
 * serial_num is the verified client certificate's subject serialNumber. 'no-certificate' on plain HTTP
 * or without a verified certificate; 'unregistered' when no organisation has that serial (40103).
 */
export function peerOrg(
  request: FastifyRequest,
  registry: Registry,
): RegisteredOrg | 'no-certificate' | 'unregistered' {
  const serial = peerCertificateSerialNumber(request.raw.socket);
  if (serial === null) return 'no-certificate';
  return registry.orgBySerial(serial) ?? 'unregistered';
}
