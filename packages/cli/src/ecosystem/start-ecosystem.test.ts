import { stat, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, createLogSink } from '@hannun/infra';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UserError } from '../user-error.ts';
import type { DemoFile } from './demo-file.ts';
import type { ServiceDefinition } from './service-definition.ts';
import { freePorts } from './services.ts';
import { clientAgent } from '@hannun/pki';
import { Agent, fetch as undiciFetch } from 'undici';
import { type Ecosystem, startEcosystem } from './start-ecosystem.ts';

let dir: string;
let running: Ecosystem | undefined;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hannun-up-'));
});

afterEach(async () => {
  await running?.stop();
  running = undefined;
  await rm(dir, { recursive: true, force: true });
});

const quiet = { logDestination: createLogSink() };

async function listenOnFreePort(): Promise<{ server: Server; port: number }> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, port: (server.address() as { port: number }).port };
}

describe('startEcosystem', () => {
  it('starts the portal first, then the CA, the provider engine (https), the operator and the docs hub, and writes demo.json with mode 0600', async () => {
    const dataDir = join(dir, 'nested', 'data');
    running = await startEcosystem({ env: { ...freePorts(), HANNUN_DATA_DIR: dataDir }, ...quiet });
    expect(running.services.map((s) => [s.name, s.role])).toEqual([
      ['portal', 'portal'],
      ['ca', 'ca'],
      ['provider', 'provider'],
      ['operator', 'operator'],
      ['docs', 'docs'],
    ]);
    const [portalUrl, caUrl, providerUrl, operatorUrl, url] = running.services.map((s) => s.url);
    expect(portalUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(caUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(providerUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(operatorUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    expect((await fetch(`${operatorUrl}/healthz`)).status).toBe(200);
    // The app took PORT; the docs hub is on its own port and still reached from the app at /docs.
    const docs = await fetch(`${operatorUrl}/docs/apis/${encodeURIComponent('은행-001')}?lang=en`, {
      redirect: 'manual',
    });
    expect(docs.status).toBe(302);
    expect(docs.headers.get('location')).toBe(`${url}/apis/${encodeURIComponent('은행-001')}?lang=en`);
    expect((await fetch(docs.headers.get('location')!)).status).toBe(200);

    expect(running.demoFile).toBe(join(dataDir, 'demo.json'));
    expect((await stat(running.demoFile)).mode & 0o777).toBe(0o600);
    expect((await stat(dataDir)).mode & 0o777).toBe(0o700);
    const demo = JSON.parse(await readFile(running.demoFile, 'utf8')) as DemoFile;
    expect(Object.keys(demo)).toEqual([
      'services',
      'institutions',
      'ca',
      'people',
      'pki',
      'operator',
      'portal',
      'generatedAt',
    ]);
    expect(demo.portal).toMatchObject({
      apiUrl: portalUrl,
      pagesUrl: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/) as unknown,
    });
    expect(demo.ca).toEqual({
      org_code: 'CAHANNUN01',
      ca_code: 'HNCA01',
      apiUrl: caUrl,
      pagesUrl: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
    });
    expect(demo.institutions).toHaveLength(26);
    expect(new Set(demo.institutions.map((i) => i.industry)).size).toBe(11);
    expect(demo.institutions[0]).toEqual({
      org_code: 'BKNURI0001',
      industry: 'bank',
      name: '누리은행',
      baseUrl: `${providerUrl}/BKNURI0001`,
    });
    expect(demo).toMatchObject({
      services: [
        { name: 'portal', role: 'portal', url: portalUrl },
        { name: 'ca', role: 'ca', url: caUrl },
        { name: 'provider', role: 'provider', url: providerUrl },
        { name: 'operator', role: 'operator', url: operatorUrl },
        { name: 'docs', role: 'docs', url },
      ],
      // Signed up by the operator through the CA's identity check on first start (issue #6 item 11).
      people: [
        {
          role: 'connected',
          login: 'demo.connected',
          password: expect.stringMatching(/^.{10,}$/),
          caPin: expect.stringMatching(/^\d{6}$/),
        },
        {
          role: 'newcomer',
          login: 'demo.newcomer',
          password: expect.stringMatching(/^.{10,}$/),
          caPin: expect.stringMatching(/^\d{6}$/),
        },
      ],
      pki: {
        rootCa: join(dataDir, 'pki', 'root', 'ca.crt.pem'),
        operatorClientCert: join(dataDir, 'pki', 'orgs', 'mdhannun01', 'tls.crt.pem'),
        operatorClientKey: join(dataDir, 'pki', 'orgs', 'mdhannun01', 'tls.key.pem'),
      },
      operator: {
        supportUrl: expect.stringMatching(/^https:\/\/127\.0\.0\.1:\d+$/),
        service: {
          org_code: 'MDHANNUN01',
          service_name: '한눈 앱',
          redirect_uri_list: ['http://127.0.0.1:3000/callback'],
          app_scheme_list: ['hannun://mydata'],
        },
      },
    });
    expect(await readFile(demo.pki.rootCa!, 'utf8')).toContain('BEGIN CERTIFICATE');
    expect(await readFile(demo.pki.operatorClientKey!, 'utf8')).toContain('BEGIN PRIVATE KEY');
    // The operator's credentials are the ones the portal issued and its registry holds (by hash).
    const own = demo.operator.portalCredentials!;
    const app = demo.operator.service!;
    for (const secret of [own.client_id, own.client_secret, app.client_id, app.client_secret]) {
      expect(secret).toMatch(/^[A-Za-z0-9]{50}$/);
    }
    expect(running.trust.registry.orgByClientId(own.client_id)?.orgCode).toBe('MDHANNUN01');
    expect(running.trust.registry.service(app.client_id)?.orgCode).toBe('MDHANNUN01');
    expect(Number.isNaN(Date.parse(demo.generatedAt))).toBe(false);
  });

  it('통합인증-101: the CA issues a scope=ca token to the operator over mutual TLS, and refuses a client without a certificate', async () => {
    running = await startEcosystem({ env: { ...freePorts(), HANNUN_DATA_DIR: dir, OPERATOR_DEMO: 'false' }, ...quiet });
    const caUrl = running.services.find((s) => s.name === 'ca')!.url;
    const demo = JSON.parse(await readFile(running.demoFile, 'utf8')) as DemoFile;
    const own = demo.operator.portalCredentials!;
    const dispatcher = clientAgent(running.trust.pki.org('mdhannun01'));
    const form = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: own.client_id,
      client_secret: own.client_secret,
      scope: 'ca',
    });
    try {
      const res = await undiciFetch(`${caUrl}/oauth/2.0/token`, {
        method: 'POST',
        dispatcher,
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-api-tran-id': 'MDHANNUN01M00000000000001' },
        body: form.toString(),
      });
      expect(res.status).toBe(200);
      const body = (await res.json()) as Record<string, string>;
      expect(body).toMatchObject({ token_type: 'Bearer', scope: 'ca' });
      expect(body.access_token!.split('.')).toHaveLength(3);
    } finally {
      await dispatcher.close();
    }
    const root = await readFile(demo.pki.rootCa!, 'utf8');
    const anonymous = new Agent({ connect: { ca: root } });
    try {
      await expect(
        undiciFetch(`${caUrl}/oauth/2.0/token`, { method: 'POST', dispatcher: anonymous, body: form }),
      ).rejects.toThrow();
    } finally {
      await anonymous.close();
    }
  });

  it('lists its services on the hub page as running', async () => {
    running = await startEcosystem({ env: { ...freePorts(), HANNUN_DATA_DIR: dir, OPERATOR_DEMO: 'false' }, ...quiet });
    const url = running.services.find((s) => s.name === 'docs')!.url;
    const page = await (await fetch(`${url}/`)).text();
    expect(page).toContain(`<a href="${url}">${url}</a>`);
  });

  it('stops cleanly, and a restart keeps the data directory and rewrites demo.json as 0600', async () => {
    const eco = await startEcosystem({
      env: { ...freePorts(), HANNUN_DATA_DIR: dir, OPERATOR_DEMO: 'false' },
      ...quiet,
    });
    const url = eco.services.find((s) => s.name === 'docs')!.url;
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    await writeFile(join(dir, 'keep-me.db'), 'data');
    await writeFile(eco.demoFile, '{}', { mode: 0o644 });
    await eco.stop();
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();

    running = await startEcosystem({ env: { ...freePorts(), HANNUN_DATA_DIR: dir, OPERATOR_DEMO: 'false' }, ...quiet });
    expect(await readFile(join(dir, 'keep-me.db'), 'utf8')).toBe('data');
    expect((await stat(running.demoFile)).mode & 0o777).toBe(0o600);
    expect(JSON.parse(await readFile(running.demoFile, 'utf8'))).toHaveProperty('services');
  });

  it('reports a port in use clearly, naming the port and PORT', async () => {
    const { server, port } = await listenOnFreePort();
    try {
      const error = await startEcosystem({
        env: { ...freePorts(), PORT: String(port), HANNUN_DATA_DIR: dir },
        ...quiet,
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UserError);
      const message = (error as UserError).message;
      expect(message).toContain(`Port ${port} on 127.0.0.1 is already in use`);
      expect(message).toContain(`choose another port with PORT (e.g. PORT=${port + 1} npm start)`);
      expect(message).toContain(`포트 ${port}`);
      expect(message).not.toMatch(/\n\s+at /);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });

  it('refuses invalid configuration with every problem listed', async () => {
    const error = await startEcosystem({
      env: { PORT: 'eighty', LOG_LEVEL: 'loud', HANNUN_DATA_DIR: dir },
      ...quiet,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems.map((p) => p.variable).sort()).toEqual(['LOG_LEVEL', 'PORT']);
  });

  it('stops the services already started when a later one fails', async () => {
    const stopped: string[] = [];
    const ok = (name: string, portVariable: string): ServiceDefinition => ({
      name,
      role: 'portal',
      description: { ko: name, en: name },
      defaultPort: 0,
      portVariable,
      async start() {
        return { url: `http://127.0.0.1/${name}`, stop: async () => void stopped.push(name) };
      },
    });
    const failing: ServiceDefinition = {
      ...ok('ca', 'CA_PORT'),
      async start() {
        throw new Error('key file unreadable');
      },
    };
    const error = await startEcosystem({
      env: { HANNUN_DATA_DIR: dir },
      services: [ok('portal', 'PORTAL_PORT'), ok('provider', 'PROVIDER_PORT'), failing],
      ...quiet,
    }).catch((e: unknown) => e);
    expect((error as Error).message).toBe('key file unreadable');
    expect(stopped).toEqual(['provider', 'portal']);
  });

  it('gives each service its own port variable and the running list', async () => {
    const seen: { port: number; running: string[] }[] = [];
    const def = (name: string, portVariable: string): ServiceDefinition => ({
      name,
      role: 'provider',
      description: { ko: name, en: name },
      defaultPort: 4000,
      portVariable,
      async start(ctx) {
        seen.push({ port: ctx.port, running: ctx.running().map((s) => s.name) });
        return { url: `http://x/${name}`, stop: async () => {} };
      },
    });
    running = await startEcosystem({
      env: { HANNUN_DATA_DIR: dir, A_PORT: '4100' },
      services: [def('a', 'A_PORT'), def('b', 'B_PORT')],
      ...quiet,
    });
    expect(seen).toEqual([
      { port: 4100, running: [] },
      { port: 4000, running: ['a'] },
    ]);
  });
});
