import type { FastifyRequest } from '@hannun/infra';
import { peerCertificateSerialNumber } from '@hannun/pki';

/**
 * The subject SERIALNUMBER (OID 2.5.4.5) of the client certificate of a mutual-TLS connection, when the
 * certificate was verified against the server's root; undefined on plain HTTP or without a valid
 * certificate. Read by OID from the certificate's DER and remembered per TLS socket (`@hannun/pki`), so a
 * kept-alive connection parses its peer once.
 */
export function tlsPeerSerial(request: FastifyRequest): string | undefined {
  return peerCertificateSerialNumber(request.raw.socket) ?? undefined;
}
