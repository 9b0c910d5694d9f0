import type { Socket } from 'node:net';
import { TLSSocket } from 'node:tls';
import { SUBJECT_SERIAL_NUMBER_OID } from '../certs/org-certificate.ts';
import { x509 } from '../certs/x509.ts';

/** The verified client certificate of a mutual-TLS connection, as a provider's check chain needs it. */
export interface VerifiedPeer {
  /**
   * The subject serialNumber attribute (OID 2.5.4.5): the registration number the portal registers as the
   * organisation's `serial_num`. Null when the certificate has none, or more than one.
   */
  readonly subjectSerialNumber: string | null;
  /** SHA-256 fingerprint, `AA:BB:…`, as Node prints it. */
  readonly fingerprint256: string;
  /** The certificate's own serial number (hex): NOT what the standard calls SERIALNUMBER. */
  readonly certificateSerialNumber: string;
  /** Subject CN, for logs. */
  readonly commonName: string | null;
}

// A TLS 1.3 connection's peer certificate cannot change (no renegotiation), so parse it once per socket.
// Only a verified peer is remembered: before the handshake ends there is none yet.
const peers = new WeakMap<TLSSocket, VerifiedPeer>();

/**
 * The client certificate of `socket` if the TLS layer verified it against the trusted root, else null
 * (plain TCP, no certificate, or `rejectUnauthorized` off and the certificate failed).
 */
export function verifiedPeer(socket: Socket): VerifiedPeer | null {
  if (!(socket instanceof TLSSocket)) return null;
  const known = peers.get(socket);
  if (known !== undefined) return known;
  const peer = readPeer(socket);
  if (peer !== null) peers.set(socket, peer);
  return peer;
}

/**
 * The subject serialNumber (OID 2.5.4.5) of the verified client certificate — what the provider compares
 * with the portal registry's `serial_num` (40103 when it does not match). Null when there is no verified
 * certificate or it carries no single serialNumber. Read from the certificate's DER by OID, never from the
 * certificate's own serial number.
 */
export function peerCertificateSerialNumber(socket: Socket): string | null {
  return verifiedPeer(socket)?.subjectSerialNumber ?? null;
}

/** The SHA-256 fingerprint of the verified client certificate, or null. */
export function peerFingerprint256(socket: Socket): string | null {
  return verifiedPeer(socket)?.fingerprint256 ?? null;
}

function readPeer(socket: TLSSocket): VerifiedPeer | null {
  if (!socket.authorized) return null;
  const cert = socket.getPeerCertificate();
  // With no certificate Node returns an empty object (or null once the socket is gone).
  if (!cert?.raw) return null;
  const parsed = new x509.X509Certificate(new Uint8Array(cert.raw));
  const serials = parsed.subjectName.getField(SUBJECT_SERIAL_NUMBER_OID);
  const commonNames = parsed.subjectName.getField('CN');
  return {
    subjectSerialNumber: serials.length === 1 ? serials[0]! : null,
    fingerprint256: cert.fingerprint256,
    certificateSerialNumber: cert.serialNumber,
    commonName: commonNames[0] ?? null,
  };
}
