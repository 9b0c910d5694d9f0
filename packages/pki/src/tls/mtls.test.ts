import { connect as tcpConnect } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect as tlsConnect } from 'node:tls';
import { Agent, fetch } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KeyAndCertificate } from '../certs/key-and-certificate.ts';
import { issueOrgCertificate } from '../certs/org-certificate.ts';
import { createRootCa } from '../certs/root-ca.ts';
import { ensurePki } from '../store/ensure-pki.ts';
import { clientAgent } from './client-agent.ts';
import { type MtlsFixture, startMtlsServer } from './mtls-fixture.ts';
import { peerCertificateSerialNumber, peerFingerprint256 } from './peer-certificate.ts';
import type { TlsMaterial } from './tls-material.ts';

const PROVIDER = { name: '한눈은행', regNo: '1018100340' };
const OPERATOR = { name: '한눈마이데이터', regNo: '220-81-62517' };

let root: KeyAndCertificate;
let provider: TlsMaterial;
let operator: TlsMaterial;
let foreignOperator: TlsMaterial;
let server: MtlsFixture;

const material = (tls: KeyAndCertificate, ca: KeyAndCertificate): TlsMaterial => ({ ...tls, caPem: ca.certPem });

beforeAll(async () => {
  root = await createRootCa();
  const foreignRoot = await createRootCa();
  provider = material(await issueOrgCertificate(root, { ...PROVIDER, hosts: ['bank.hannun.test'] }), root);
  operator = material(await issueOrgCertificate(root, OPERATOR), root);
  // Same name and registration number, but another root: must still be refused.
  foreignOperator = material(await issueOrgCertificate(foreignRoot, OPERATOR), root);
  server = await startMtlsServer(provider);
});

afterAll(async () => {
  await server.close();
});

/** GET the server through `agent`, always closing the agent; resolves to the body or rejects with the cause's code. */
async function get(agent: Agent, url = server.url): Promise<unknown> {
  try {
    const res = await fetch(url, { dispatcher: agent });
    return await res.json();
  } catch (error) {
    const cause = (error as { cause?: NodeJS.ErrnoException }).cause;
    throw new Error(cause?.code ?? cause?.message ?? String(error));
  } finally {
    await agent.close();
  }
}

/** Run `attempt` and return what the server saw of it: requests handled and handshakes refused. */
async function observe(attempt: () => Promise<unknown>) {
  const before = { requests: server.requests.length, refusals: server.refusals.length };
  const outcome = await attempt().then(
    (body) => ({ ok: true as const, body }),
    (error: unknown) => ({ ok: false as const, error: (error as Error).message }),
  );
  // The server's tlsClientError can trail the client's failure by a tick.
  await new Promise((resolve) => setTimeout(resolve, 50));
  return {
    outcome,
    handled: server.requests.slice(before.requests),
    refusals: server.refusals.slice(before.refusals),
  };
}

describe('§2.1 mutual TLS 1.3 between institutions', () => {
  it('an operator calls a provider: the handshake is TLS 1.3 and the provider reads the subject serialNumber = regNo', async () => {
    const seen = await observe(() => get(clientAgent(operator)));
    expect(seen.outcome).toEqual({ ok: true, body: { serialNumber: OPERATOR.regNo } });
    expect(seen.handled).toHaveLength(1);
    const [request] = seen.handled;
    expect(request!.protocol).toBe('TLSv1.3');
    expect(request!.peer!.subjectSerialNumber).toBe(OPERATOR.regNo);
    expect(request!.peer!.commonName).toBe(OPERATOR.name);
    // The standard's SERIALNUMBER is the subject attribute, not the certificate's own serial number.
    expect(request!.peer!.certificateSerialNumber).not.toBe(OPERATOR.regNo);
    expect(request!.peer!.fingerprint256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
  });

  it("Node 20's global fetch accepts the same undici Agent as dispatcher", async () => {
    const agent = clientAgent(operator);
    try {
      // The types differ (undici 7 vs Node 20's bundled undici-types), the runtime protocol does not.
      const res = await globalThis.fetch(server.url, { dispatcher: agent } as unknown as RequestInit);
      expect(await res.json()).toEqual({ serialNumber: OPERATOR.regNo });
    } finally {
      await agent.close();
    }
  });

  it('the host name form works too (SAN DNS localhost)', async () => {
    const seen = await observe(() => get(clientAgent(operator), server.url.replace('127.0.0.1', 'localhost')));
    expect(seen.outcome).toEqual({ ok: true, body: { serialNumber: OPERATOR.regNo } });
  });

  it('a client without a certificate is refused during the handshake', async () => {
    const seen = await observe(() => get(new Agent({ connect: { ca: root.certPem, minVersion: 'TLSv1.3' } })));
    expect(seen.outcome.ok).toBe(false);
    expect(seen.handled).toEqual([]);
    expect(seen.refusals).toEqual(['ERR_SSL_PEER_DID_NOT_RETURN_A_CERTIFICATE']);
  });

  it('a client certificate from another root is refused, even with the same subject', async () => {
    const seen = await observe(() => get(clientAgent(foreignOperator)));
    expect(seen.outcome.ok).toBe(false);
    expect(seen.handled).toEqual([]);
    expect(seen.refusals).toEqual(['UNABLE_TO_VERIFY_LEAF_SIGNATURE']);
  });

  it('a client limited to TLS 1.2 is refused (protocol version alert)', async () => {
    const tls12 = new Agent({
      connect: { ca: root.certPem, cert: operator.certPem, key: operator.keyPem, maxVersion: 'TLSv1.2' },
    });
    const seen = await observe(() => get(tls12));
    expect(seen.outcome).toEqual({ ok: false, error: 'ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION' });
    expect(seen.handled).toEqual([]);
    expect(seen.refusals).toEqual(['ERR_SSL_UNSUPPORTED_PROTOCOL']);
  });

  it('an expired client certificate is refused', async () => {
    const expired = await issueOrgCertificate(root, OPERATOR, {
      notBefore: new Date(Date.now() - 3 * 86_400_000),
      notAfter: new Date(Date.now() - 86_400_000),
    });
    const seen = await observe(() => get(clientAgent(material(expired, root))));
    expect(seen.outcome.ok).toBe(false);
    expect(seen.handled).toEqual([]);
    expect(seen.refusals).toEqual(['CERT_HAS_EXPIRED']);
  });

  it('the client refuses a server whose certificate does not chain to the root', async () => {
    const impostor = await startMtlsServer({ ...foreignOperator, caPem: root.certPem });
    try {
      const seen = await get(clientAgent(operator), impostor.url).then(
        () => 'connected',
        (error: unknown) => (error as Error).message,
      );
      expect(seen).toBe('UNABLE_TO_VERIFY_LEAF_SIGNATURE');
      expect(impostor.requests).toEqual([]);
    } finally {
      await impostor.close();
    }
  });
});

describe('peerCertificateSerialNumber reads only verified certificates', () => {
  it('is null on a plain TCP socket', async () => {
    const socket = tcpConnect({ host: '127.0.0.1', port: Number(new URL(server.url).port) });
    await new Promise((resolve) => socket.once('connect', resolve));
    expect(peerCertificateSerialNumber(socket)).toBeNull();
    expect(peerFingerprint256(socket)).toBeNull();
    socket.destroy();
  });

  it('is null for an unverified certificate when a server is (wrongly) configured not to reject it', async () => {
    const lax = await startMtlsServer(provider, { rejectUnauthorized: false });
    try {
      expect(await get(clientAgent(foreignOperator), lax.url)).toEqual({ serialNumber: null });
      expect(await get(new Agent({ connect: { ca: root.certPem } }), lax.url)).toEqual({ serialNumber: null });
      expect(lax.requests.map((r) => r.peer)).toEqual([null, null]);
    } finally {
      await lax.close();
    }
  });

  it("on the client side it reads the server's subject serialNumber", async () => {
    const socket = tlsConnect({
      host: '127.0.0.1',
      port: Number(new URL(server.url).port),
      ca: root.certPem,
      cert: operator.certPem,
      key: operator.keyPem,
      minVersion: 'TLSv1.3',
    });
    await new Promise((resolve, reject) => socket.once('secureConnect', resolve).once('error', reject));
    expect(peerCertificateSerialNumber(socket)).toBe(PROVIDER.regNo);
    socket.destroy();
  });
});

describe('credentials from the store (ensurePki) work end to end', () => {
  it('two organisations from one data directory complete a mutual-TLS call', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'hannun-pki-mtls-'));
    try {
      const pki = await ensurePki({
        dataDir,
        orgs: [
          { id: 'bank', ...PROVIDER },
          { id: 'operator', ...OPERATOR },
        ],
      });
      const bank = await startMtlsServer(pki.org('bank'));
      try {
        expect(await get(clientAgent(pki.org('operator')), bank.url)).toEqual({ serialNumber: OPERATOR.regNo });
        expect(bank.requests[0]!.peer!.fingerprint256).toBe(pki.org('operator').certificate.fingerprint256);
      } finally {
        await bank.close();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
