import type { TLSSocket } from 'node:tls';
import type { FastifyRequest } from '@hannun/infra';

/**
 * The subject SERIALNUMBER (OID 2.5.4.5) of the client certificate of a mutual-TLS connection, when the
 * certificate was verified by the server's CA list; undefined on plain HTTP or without a valid certificate.
 */
export function tlsPeerSerial(request: FastifyRequest): string | undefined {
  const socket = request.raw.socket as Partial<TLSSocket>;
  if (typeof socket.getPeerCertificate !== 'function' || socket.authorized !== true) return undefined;
  const serial = socket.getPeerCertificate().subject?.serialNumber;
  return typeof serial === 'string' && serial !== '' ? serial : undefined;
}
