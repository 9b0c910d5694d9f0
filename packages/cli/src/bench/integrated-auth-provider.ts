// The provider child of the integrated-auth benchmark: the engine wired as `hannun up` wires it (mutual TLS 1.3
// with the host's certificate, callers checked against the registry, each institution's PKI signing key, consents
// and pairs in SQLite, a CA client calling 통합인증-101/104 as each institution with its own certificate and
// credentials), serving the 30 institutions over a small synthetic ledger in which the run's people are customers.
import { createPrivateKey, createPublicKey, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { clientAgent, ensureStorageKey, tlsServerOptions } from '@hannun/pki';
import {
  type CaClient,
  createCallerRegistry,
  createHttpCaClient,
  createMemoryConsentStore,
  createProviderEngine,
  openSqlAuthStore,
  type SigningKeys,
  signingKeysOf,
  systemClock,
} from '@hannun/provider';
import { createRegistry } from '@hannun/registry';
import type { Dispatcher } from 'undici';
import { HANNUN_CA, PROVIDER_HOST } from '../ecosystem/demo-organisations.ts';
import { runAsBenchChild, tellParent } from './bench-child.ts';
import { serveProfiles } from './bench-profiler.ts';
import { bookWithPeople } from './bench-person-book.ts';
import { BENCH_LEDGER_CUSTOMERS, benchLedger, standInOf } from './bench-stand-in.ts';
import type { ChildStats, ProviderReady, ProviderStart } from './integrated-auth-protocol.ts';
import { type BenchTrust, benchLogger, loadBenchTrust, pkiOf } from './integrated-auth-trust.ts';

function nextMessage<T extends { type: string }>(type: T['type']): Promise<T> {
  return new Promise((resolve) => {
    const listener = (m: { type?: unknown }) => {
      if (m.type === type) {
        process.off('message', listener);
        resolve(m as T);
      }
    };
    process.on('message', listener);
  });
}

/** Each institution signs its tokens with its own PKI signing key (kid = the key's thumbprint). */
function signingKeys(trust: BenchTrust): SigningKeys {
  return signingKeysOf(
    trust.institutions.map((institution) => {
      const signing = pkiOf(trust, institution.orgCode).signing;
      if (signing === null) throw new Error(`the PKI holds no signing key for ${institution.orgCode}`);
      return {
        orgCode: institution.orgCode,
        kid: signing.kid,
        privateKey: createPrivateKey(signing.privateKeyPem),
        publicKey: createPublicKey(signing.publicKeyPem),
      };
    }),
  );
}

async function main(): Promise<void> {
  const dataDir = process.argv[2];
  if (!dataDir) throw new Error('usage: integrated-auth-provider.ts <data dir>');
  const starting = nextMessage<ProviderStart>('start');
  const logger = benchLogger('provider');
  const trust = await loadBenchTrust(dataDir);
  const { institutions } = trust;
  const nowMs = systemClock.nowMs();
  const ledger = benchLedger(institutions, nowMs);
  const people = trust.people.map((p) => p.ci);
  const books = institutions.map((institution) => {
    const book = ledger.get(institution.orgCode);
    if (!book) throw new Error(`the ledger has no book for ${institution.orgCode}`);
    return bookWithPeople(book, standInOf(book, institution, nowMs), people);
  });

  const { caUrl } = await starting;
  // The CA's address as this run serves it (the portal would register it as the CA's domain).
  const registry = createRegistry({
    ...trust.registry.snapshot,
    orgs: trust.registry.snapshot.orgs.map((o) => (o.orgCode === HANNUN_CA.orgCode ? { ...o, baseUrl: caUrl } : o)),
  });
  const consents = createMemoryConsentStore();
  const { key: storageKey } = await ensureStorageKey(join(dataDir, 'provider', 'storage.key'));
  const store = await openSqlAuthStore({ url: `sqlite:${join(dataDir, 'provider.db')}`, consents, storageKey });
  const agents = new Map<string, Dispatcher>();
  const agentOf = (orgCode: string): Dispatcher => {
    let agent = agents.get(orgCode);
    if (!agent) {
      agent = clientAgent(pkiOf(trust, orgCode));
      agents.set(orgCode, agent);
    }
    return agent;
  };
  const http = createHttpCaClient({ dispatcher: agentOf, credentials: (orgCode) => trust.orgCredentials.get(orgCode) });
  // Timing span: how long 통합인증-002 waits for the CA (104, and 101 when the institution's CA token is not cached).
  let caCalls = 0;
  let caWaitMs = 0;
  const caClient: CaClient = {
    async verify(ca, asOrg, request) {
      const t0 = performance.now();
      try {
        return await http.verify(ca, asOrg, request);
      } finally {
        caCalls++;
        caWaitMs += performance.now() - t0;
      }
    },
  };
  const engine = createProviderEngine({
    institutions,
    books,
    consents,
    clock: systemClock,
    registry,
    config: {
      auth: { store, caClient },
      logger,
      serviceName: 'provider',
      requireMtls: true,
      callers: createCallerRegistry({ registry, allowLoopback: true }),
      signingKeys: signingKeys(trust),
      cursorSecret: randomBytes(32),
      fastify: { https: tlsServerOptions(pkiOf(trust, PROVIDER_HOST.orgCode)) },
    },
  });
  const url = await engine.start({ host: '127.0.0.1', port: 0 });

  process.on('message', (m: { type?: unknown }) => {
    if (m.type === 'stats') {
      const { user, system } = process.cpuUsage();
      void tellParent({ type: 'stats', user, system, caCalls, caWaitMs } satisfies ChildStats);
    }
  });
  serveProfiles();
  process.on('SIGTERM', () => {
    void engine
      .stop()
      .then(() => Promise.allSettled([...agents.values()].map((a) => a.close())))
      .then(() => store.close())
      .finally(() => process.exit(0));
  });
  await tellParent({
    type: 'ready',
    url,
    institutions: institutions.map((i) => ({ orgCode: i.orgCode, industry: i.industry, basePath: i.basePath })),
    ledgerCustomers: BENCH_LEDGER_CUSTOMERS,
  } satisfies ProviderReady);
}

runAsBenchChild(main);
