// Test support: a real mutual-TLS https server on 127.0.0.1, port 0, that records what it saw.
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { TLSSocket } from 'node:tls';
import { verifiedPeer, type VerifiedPeer } from './peer-certificate.ts';
import type { TlsMaterial } from './tls-material.ts';
import { tlsServerOptions } from './tls-server-options.ts';

export interface MtlsFixture {
  readonly url: string;
  /** Requests that reached the handler, with the peer each came from and the protocol spoken. */
  readonly requests: { readonly peer: VerifiedPeer | null; readonly protocol: string | null }[];
  /** Why the server refused handshakes: the verification error (`CERT_HAS_EXPIRED`…) or the TLS error code. */
  readonly refusals: string[];
  close(): Promise<void>;
}

export async function startMtlsServer(
  material: TlsMaterial,
  overrides: { rejectUnauthorized?: boolean } = {},
): Promise<MtlsFixture> {
  const requests: MtlsFixture['requests'] = [];
  const refusals: string[] = [];
  const server = createServer({ ...tlsServerOptions(material), ...overrides }, (req, res) => {
    const peer = verifiedPeer(req.socket);
    requests.push({ peer, protocol: req.socket instanceof TLSSocket ? req.socket.getProtocol() : null });
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ serialNumber: peer?.subjectSerialNumber ?? null }));
  });
  // A certificate that fails verification surfaces as a reset; the reason is the socket's authorizationError.
  server.on('tlsClientError', (error: NodeJS.ErrnoException, socket) => {
    const reason: unknown = socket.authorizationError;
    refusals.push(reason ? String(reason) : (error.code ?? error.message));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://127.0.0.1:${port}/`,
    requests,
    refusals,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
