import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect, type PeerCertificate } from 'node:tls';
import { createLogSink, type LogSink } from '@hannun/infra';
import { clientAgent, ensurePki, type TlsMaterial } from '@hannun/pki';
import {
  createMemoryConsentStore,
  createTokenRevocations,
  DEMO_INSTITUTIONS,
  generateSigningKey,
  kstDate,
  mintAccessToken,
  verifyAccessToken,
} from '@hannun/provider';
import { apiById, apiPath, generateTranId } from '@hannun/spec';
import { Agent, fetch } from 'undici';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DemoFile } from '../ecosystem/demo-file.ts';
import { HANNUN_OPERATOR, PROVIDER_HOST } from '../ecosystem/demo-organisations.ts';
import { type Ecosystem, startEcosystem } from '../ecosystem/start-ecosystem.ts';
import { institutionSigningKeys } from './provider-signing-keys.ts';
import { CURSOR_SECRET_FILE, providerService } from './provider-service.ts';

const HOOKS_TOKEN = 'test-hooks-token-0123456789';
const ACCOUNTS = apiPath(apiById('은행-001'), { version: 'v2' }); // GET /v2/bank/accounts

/** Start the provider as `hannun up` does: trust first (PKI, credentials, registry), then the service. */
function startProvider(dataDir: string, env: Record<string, string> = {}, logs: LogSink = createLogSink()) {
  return startEcosystem({
    env: { PROVIDER_PORT: '0', HANNUN_DATA_DIR: dataDir, LOG_LEVEL: 'info', ...env },
    services: [providerService],
    logDestination: logs,
  });
}

const providerUrl = (eco: Ecosystem) => eco.services.find((s) => s.name === 'provider')!.url;

/** 은행-001 at 누리은행 without a token, as `agent`'s organisation; the rsp_code, or the TLS error's code. */
async function callWithoutToken(eco: Ecosystem, agent: Agent): Promise<{ status: number; rspCode: unknown }> {
  try {
    const res = await fetch(`${providerUrl(eco)}/BKNURI0001${ACCOUNTS}?org_code=BKNURI0001&limit=10`, {
      dispatcher: agent,
      headers: { 'x-api-tran-id': generateTranId(HANNUN_OPERATOR.orgCode, 'M'), 'x-api-type': 'user-search' },
    });
    const body = (await res.json()) as { rsp_code?: unknown };
    return { status: res.status, rspCode: body.rsp_code };
  } finally {
    await agent.close();
  }
}

/** What a failed fetch failed on: the low-level cause's code (TLS alerts, resets). */
async function failureOf(attempt: Promise<unknown>): Promise<string> {
  const error = await attempt.then(
    () => null,
    (e: unknown) => e as Error & { cause?: NodeJS.ErrnoException },
  );
  if (error === null) throw new Error('expected the request to fail');
  return error.cause?.code ?? error.cause?.message ?? error.message;
}

/**
 * Send one raw HTTP/1.1 request over TLS presenting `client` (or no certificate) and report what came back:
 * the response's first line, or the error the connection ended with. In TLS 1.3 the client's handshake ends
 * before the server has checked the client certificate, so a refusal arrives as an alert on the first read.
 */
function rawRequest(url: string, client: Partial<TlsMaterial> & { caPem: string }): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    let received = '';
    const socket = connect(
      { host: hostname, port: Number(port), ca: client.caPem, cert: client.certPem, key: client.keyPem },
      () => socket.write(`GET /healthz HTTP/1.1\r\nhost: ${hostname}\r\nconnection: close\r\n\r\n`),
    );
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      received += chunk;
    });
    socket.on('error', (error: NodeJS.ErrnoException) => resolve(`error ${error.code ?? error.message}`));
    socket.on('close', () => resolve(received === '' ? 'closed without a response' : received.split('\r\n')[0]!));
  });
}

/** The server's certificate and the TLS version it speaks, seen by a client presenting `material`. */
function handshake(url: string, material: TlsMaterial): Promise<{ protocol: string | null; cert: PeerCertificate }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(
      { host: hostname, port: Number(port), ca: material.caPem, cert: material.certPem, key: material.keyPem },
      () => {
        resolve({ protocol: socket.getProtocol(), cert: socket.getPeerCertificate() });
        socket.end();
      },
    );
    socket.on('error', reject);
  });
}

describe('the provider service of hannun up, over mutual TLS 1.3', () => {
  let dir: string;
  let eco: Ecosystem;
  const logs = createLogSink();
  const operator = () => eco.trust.pki.org(HANNUN_OPERATOR.pkiId);

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hannun-provider-'));
    eco = await startProvider(dir, {}, logs);
  });
  afterAll(async () => {
    await eco.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('listens on https and offers its 26 institutions to demo.json under https base URLs', async () => {
    expect(providerUrl(eco)).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const demo = JSON.parse(await readFile(eco.demoFile, 'utf8')) as DemoFile;
    expect(demo.institutions).toHaveLength(26);
    expect(demo.institutions.every((i) => i.baseUrl.startsWith(`${providerUrl(eco)}/`))).toBe(true);
  });

  it("the operator's client certificate passes mutual TLS: 은행-001 without a token answers 40101", async () => {
    expect(await callWithoutToken(eco, clientAgent(operator()))).toEqual({ status: 401, rspCode: '40101' });
  });

  it("speaks TLS 1.3 and presents the hosting organisation's certificate (serialNumber = its registration number)", async () => {
    const { protocol, cert } = await handshake(providerUrl(eco), operator());
    expect(protocol).toBe('TLSv1.3');
    expect(cert.subject.serialNumber).toBe(PROVIDER_HOST.regNo);
    expect(cert.fingerprint256).toBe(eco.trust.pki.org(PROVIDER_HOST.pkiId).certificate.fingerprint256);
  });

  it('a client without a certificate fails the handshake', async () => {
    expect(await rawRequest(providerUrl(eco), operator())).toBe('HTTP/1.1 200 OK');
    expect(await rawRequest(providerUrl(eco), { caPem: operator().caPem })).toBe(
      'error ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED',
    );
    const bare = new Agent({ connect: { ca: operator().caPem } });
    expect(await failureOf(callWithoutToken(eco, bare))).toBe('UND_ERR_SOCKET');
  });

  it('a certificate issued by the root to an organisation not in the registry answers 40103', async () => {
    // Same data directory, so the same root; the registry does not know this registration number.
    const pki = await ensurePki({
      dataDir: dir,
      orgs: [{ id: 'stranger', name: '미등록사업자', regNo: '9990000001', signingKey: false }],
    });
    expect(eco.trust.registry.orgBySerial('9990000001')).toBeUndefined();
    expect(await callWithoutToken(eco, clientAgent(pki.org('stranger')))).toEqual({ status: 401, rspCode: '40103' });
  });

  it("a certificate from another root fails the handshake, even with the operator's name and number", async () => {
    const elsewhere = await mkdtemp(join(tmpdir(), 'hannun-foreign-'));
    try {
      const foreign = await ensurePki({
        dataDir: elsewhere,
        orgs: [{ id: 'mdhannun01', name: HANNUN_OPERATOR.name, regNo: HANNUN_OPERATOR.regNo, signingKey: false }],
      });
      // It trusts our root (so the client accepts the server); the server must refuse its certificate.
      const impostor = { ...foreign.org('mdhannun01'), caPem: operator().caPem };
      // The server ends the connection (an unknown-CA alert, or a plain close) before any HTTP is read.
      expect(await rawRequest(providerUrl(eco), impostor)).toMatch(
        /^(error ERR_SSL_TLSV1_ALERT_UNKNOWN_CA|error ECONNRESET|closed without a response)$/,
      );
      expect(await failureOf(callWithoutToken(eco, clientAgent(impostor)))).toBe('UND_ERR_SOCKET');
    } finally {
      await rm(elsewhere, { recursive: true, force: true });
    }
  });

  it('HTTP/1.1 over TLS 1.2 is refused, even with a registered certificate', async () => {
    const { certPem, keyPem, caPem } = operator();
    const tls12 = new Agent({ connect: { ca: caPem, cert: certPem, key: keyPem, maxVersion: 'TLSv1.2' } });
    expect(await failureOf(callWithoutToken(eco, tls12))).toBe('ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION');
  });

  it('logs that mutual TLS is on and how long the PKI took, and no warning about it being off', () => {
    const text = logs.text();
    expect(text).not.toContain('MUTUAL TLS IS OFF');
    expect(text).not.toContain('HANNUN_INSECURE_NO_MTLS');
    const ready = logs.records().find((r) => r['msg'] === 'provider engine ready');
    expect(ready?.['mutualTls']).toBe(true);
    const pki = logs.records().find((r) => r['msg'] === 'pki created or renewed');
    expect(typeof pki?.['ms']).toBe('number');
  });
});

describe('the provider service across a restart', () => {
  let dir: string;
  let running: Ecosystem | undefined;
  afterEach(async () => {
    await running?.stop();
    running = undefined;
    await rm(dir, { recursive: true, force: true });
  });

  it('keeps the same certificates, signing keys and cursor key: a token minted before the restart verifies after', async () => {
    dir = await mkdtemp(join(tmpdir(), 'hannun-restart-'));
    const first = await startProvider(dir);
    const before = await handshake(providerUrl(first), first.trust.pki.org(HANNUN_OPERATOR.pkiId));
    const keysBefore = institutionSigningKeys(first.trust.pki, DEMO_INSTITUTIONS);
    const cursorKey = await readFile(join(dir, CURSOR_SECRET_FILE));
    const now = Math.floor(Date.now() / 1000);
    const claims = { iss: 'BKNURI0001', aud: 'MDHANNUN01', sub: 'consent-1', jti: 'j1', scope: 'bank.list', iat: now };
    const token = await mintAccessToken(keysBefore.of('BKNURI0001'), { ...claims, exp: now + 3600 });
    await first.stop();

    running = await startProvider(dir);
    expect(running.trust.pki.changes).toEqual([]);
    const after = await handshake(providerUrl(running), running.trust.pki.org(HANNUN_OPERATOR.pkiId));
    expect(after.cert.fingerprint256).toBe(before.cert.fingerprint256);
    expect(running.trust.pki.manifest.orgs).toEqual(first.trust.pki.manifest.orgs);
    expect(await readFile(join(dir, CURSOR_SECRET_FILE))).toEqual(cursorKey);
    expect(cursorKey).toHaveLength(32);
    expect((await stat(join(dir, CURSOR_SECRET_FILE))).mode & 0o777).toBe(0o600);

    const keysAfter = institutionSigningKeys(running.trust.pki, DEMO_INSTITUTIONS);
    expect(keysAfter.of('BKNURI0001').kid).toBe(keysBefore.of('BKNURI0001').kid);
    const consents = createMemoryConsentStore();
    consents.put({
      id: 'consent-1',
      orgCode: 'BKNURI0001',
      ci: 'synthetic-ci',
      recipientOrgCode: 'MDHANNUN01',
      clientId: 'hannun-app',
      scopes: ['bank.list'],
      assets: [],
      isScheduled: false,
      fndCycle: '1/w',
      addCycle: '1/w',
      endDate: kstDate(Date.now()).add({ months: 1 }),
      purpose: 'test',
      period: '1y',
      flags: { transMemo: false, merchantNameRegno: false, transCategory: false },
      createdAt: Date.now(),
    });
    const verify = (key = keysAfter.of('BKNURI0001')) =>
      verifyAccessToken(token, { key, consents, revocations: createTokenRevocations(), now: Date.now() });
    expect(await verify()).toMatchObject({ ok: true, claims: { jti: 'j1' } });
    // What a restart with fresh keys (the engine's default) would have done: the token no longer verifies.
    expect(await verify(generateSigningKey('BKNURI0001'))).toEqual({ ok: false, reason: 'signature' });
  });
});

describe('the provider service with options', () => {
  let dir: string;
  let running: Ecosystem | undefined;
  afterEach(async () => {
    await running?.stop();
    running = undefined;
    await rm(dir, { recursive: true, force: true });
  });

  it('HANNUN_INSECURE_NO_MTLS=true serves plain HTTP without client certificates, warning loudly', async () => {
    dir = await mkdtemp(join(tmpdir(), 'hannun-insecure-'));
    const logs = createLogSink();
    running = await startProvider(dir, { HANNUN_INSECURE_NO_MTLS: 'true' }, logs);
    expect(providerUrl(running)).toMatch(/^http:\/\//);
    expect((await fetch(`${providerUrl(running)}/healthz`)).status).toBe(200);
    const warnings = logs.records().filter((r) => r['level'] === 40 || r['level'] === 'warn');
    expect(warnings.map((w) => String(w['msg'])).join('\n')).toMatch(
      /HANNUN_INSECURE_NO_MTLS is set[\s\S]*MUTUAL TLS IS OFF/,
    );
  });

  it('no test hooks by default; with PROVIDER_TEST_HOOKS_TOKEN the clock is controllable through them', async () => {
    dir = await mkdtemp(join(tmpdir(), 'hannun-hooks-'));
    const advance = async (eco: Ecosystem, token: string) => {
      const agent = clientAgent(eco.trust.pki.org(HANNUN_OPERATOR.pkiId));
      try {
        return await fetch(`${providerUrl(eco)}/_test/clock`, {
          dispatcher: agent,
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ advance_ms: 2 * 86_400_000 }),
        });
      } finally {
        await agent.close();
      }
    };
    running = await startProvider(dir, { PROVIDER_TEST_HOOKS_TOKEN: HOOKS_TOKEN });
    expect((await advance(running, 'wrong-token-wrong-token')).status).toBe(401);
    const res = await advance(running, HOOKS_TOKEN);
    expect(res.status).toBe(200);
    const { now } = (await res.json()) as { now: string };
    const day = (d: Date) => d.toISOString().slice(0, 10).replaceAll('-', '');
    const inTwoDays = new Date(Date.now() + 9 * 3_600_000 + 2 * 86_400_000);
    expect(now.slice(0, 8)).toBe(day(inTwoDays));

    await running.stop();
    running = await startProvider(dir);
    expect((await advance(running, HOOKS_TOKEN)).status).toBe(404);
  });
});
