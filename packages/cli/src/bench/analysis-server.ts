import { generateKeyPairSync } from 'node:crypto';
import { createLogger, createLogSink } from '@hannun/infra';
import { createOperatorApp, createOperatorRuntime } from '@hannun/operator';
import { createRegistry } from '@hannun/registry';
import { type AnalysisWorld, BANK_ORG, CARD_ORG } from './analysis-world.ts';

export interface AnalysisServer {
  /** The app server's base URL on loopback. */
  readonly url: string;
  /** The `cookie` header of a logged-in session of the world's person. */
  readonly cookie: string;
  /** That session's id (a browser context's `hannun_session` cookie). */
  readonly sessionId: string;
  close(): Promise<void>;
}

/**
 * The operator's real app server (fastify, sessions, the analysis routes) over an analysis world's domain, on a
 * free loopback port, with a session of the world's person: what the app's dashboard calls, over real HTTP.
 * No CA and no providers (the analysis reads only the operator's own database). With `appDir`, it serves the
 * built web app too.
 */
export async function analysisServer(w: AnalysisWorld, o: { readonly appDir?: string } = {}): Promise<AnalysisServer> {
  const logger = createLogger({ service: 'bench-analysis', destination: createLogSink() });
  const registry = createRegistry({
    orgs: [CARD_ORG, BANK_ORG].map((orgCode, i) => ({
      orgCode,
      orgType: '01' as const,
      industry: i === 0 ? ('card' as const) : ('bank' as const),
      name: `${orgCode} 벤치`,
      serialNum: `11000000${i + 1}0`,
      ips: ['127.0.0.1'],
    })),
    services: [],
    takenAt: Date.now(),
  });
  const runtime = createOperatorRuntime({
    domain: w.domain,
    registry,
    out: { orgCode: 'MDHANNUN01' },
    ca: {
      apiUrl: 'http://127.0.0.1:9',
      pagesUrl: 'http://127.0.0.1:9',
      orgCode: 'CAHANNUN01',
      caCode: 'HNCA01',
      publicKey: generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey,
    },
    orgCredentials: { clientId: 'a'.repeat(50), clientSecret: 'a'.repeat(50) },
    service: {
      clientId: 'b'.repeat(50),
      clientSecret: 'b'.repeat(50),
      redirectUri: 'http://127.0.0.1/callback',
      appScheme: 'hannun://mydata',
    },
    collector: { start: async () => undefined, stop: async () => undefined, subscribe: () => () => undefined },
    logger,
    maintenance: false,
  });
  const app = createOperatorApp({
    runtime,
    logger,
    version: 'bench',
    secureCookies: false,
    metrics: false,
    ...(o.appDir ? { appDir: o.appDir } : {}),
  });
  const url = await app.start({ host: '127.0.0.1', port: 0 });
  const session = await w.domain.people.sessions.create(w.domain.store.db, w.personId, Date.now());
  return {
    url,
    cookie: `hannun_session=${session.id.reveal()}`,
    sessionId: session.id.reveal(),
    async close() {
      await app.stop().catch(() => undefined);
      await runtime.close();
    },
  };
}
