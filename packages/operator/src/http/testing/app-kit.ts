import { generateKeyPairSync } from 'node:crypto';
import { createLogger, createLogSink, type LogSink, type Service } from '@hannun/infra';
import type { OpenTestStore } from '@hannun/store/testing';
import type { Response } from 'light-my-request';
import type { CollectionEvent, Collector } from '../../service/collector.ts';
import { createOperatorRuntime, type OperatorRuntime } from '../../service/operator-runtime.ts';
import {
  OPERATOR_ORG,
  openTestDomain,
  SERVICE_CLIENT_ID,
  type TestDomain,
  testRegistry,
} from '../../testing/operator-test-kit.ts';
import { createOperatorApp } from '../create-operator-app.ts';

/** A collector that records what it was asked and lets a test emit events (the engine is tested apart). */
export interface RecordingCollector extends Collector {
  readonly started: { personId: string; orgCodes: readonly string[]; apiType: string }[];
  readonly stopped: { personId: string; orgCode: string }[];
  emit(event: CollectionEvent): void;
}

export function recordingCollector(): RecordingCollector {
  const listeners = new Map<string, Set<(e: CollectionEvent) => void>>();
  const started: RecordingCollector['started'] = [];
  const stopped: RecordingCollector['stopped'] = [];
  return {
    started,
    stopped,
    async start(personId, orgCodes, apiType) {
      started.push({ personId, orgCodes, apiType });
    },
    async stop(personId, orgCode) {
      stopped.push({ personId, orgCode });
    },
    subscribe(personId, listener) {
      const set = listeners.get(personId) ?? new Set();
      set.add(listener);
      listeners.set(personId, set);
      return () => set.delete(listener);
    },
    emit(event) {
      for (const l of listeners.get(event.personId) ?? []) l(event);
    },
  };
}

/** A browser of the app: a cookie jar, JSON bodies, the CSRF token it was given. */
export class AppBrowser {
  readonly cookies = new Map<string, string>();
  csrf: string | undefined;

  constructor(private readonly app: Service) {}

  #keep(r: Response): Response {
    const set = r.headers['set-cookie'];
    for (const line of Array.isArray(set) ? set : set ? [set] : []) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq);
      const value = pair!.slice(eq + 1);
      if (/Max-Age=0/.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const body = r.headers['content-type']?.toString().includes('json')
      ? (r.json() as Record<string, unknown>)
      : undefined;
    if (typeof body?.csrfToken === 'string') this.csrf = body.csrfToken;
    return r;
  }

  #cookieHeader(): Record<string, string> {
    return this.cookies.size === 0 ? {} : { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') };
  }

  async get(url: string, headers: Record<string, string> = {}): Promise<Response> {
    return this.#keep(await this.app.inject({ method: 'GET', url, headers: { ...this.#cookieHeader(), ...headers } }));
  }

  async post(url: string, body: unknown = {}, headers: Record<string, string> = {}): Promise<Response> {
    return this.#keep(
      await this.app.inject({
        method: 'POST',
        url,
        headers: {
          'content-type': 'application/json',
          ...(this.csrf ? { 'x-csrf-token': this.csrf } : {}),
          ...this.#cookieHeader(),
          ...headers,
        },
        payload: JSON.stringify(body),
      }),
    );
  }
}

export interface TestApp {
  readonly d: TestDomain;
  readonly rt: OperatorRuntime;
  readonly app: Service;
  readonly collector: RecordingCollector;
  readonly log: LogSink;
  browser(): AppBrowser;
  close(): Promise<void>;
}

/**
 * The app over a real store (the suite's dialect) and the real domain, without a CA or providers: for what the
 * app decides itself (sessions, CSRF, lockout, input, consents as records). The CA's address is unreachable,
 * so a route that would call it fails loudly.
 */
export async function openTestApp(open: OpenTestStore, o: { secureCookies?: boolean } = {}): Promise<TestApp> {
  const d = await openTestDomain(open);
  const log = createLogSink();
  const logger = createLogger({ service: 'operator-test', destination: log, level: 'debug' });
  const collector = recordingCollector();
  const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const rt = createOperatorRuntime({
    domain: d,
    registry: testRegistry(),
    out: { orgCode: OPERATOR_ORG, timeoutMs: 500 },
    ca: {
      apiUrl: 'http://127.0.0.1:9',
      pagesUrl: 'http://127.0.0.1:9',
      orgCode: 'CAHANNUN01',
      caCode: 'HNCA01',
      publicKey,
    },
    orgCredentials: { clientId: 'o'.repeat(50), clientSecret: 'p'.repeat(50) },
    service: {
      clientId: SERVICE_CLIENT_ID,
      clientSecret: 's'.repeat(50),
      redirectUri: 'http://127.0.0.1:3000/callback',
      appScheme: 'hannun://mydata',
    },
    collector,
    logger,
  });
  const app = createOperatorApp({
    runtime: rt,
    logger,
    version: 'test',
    secureCookies: o.secureCookies ?? false,
    metrics: false,
  });
  return {
    d,
    rt,
    app,
    collector,
    log,
    browser: () => new AppBrowser(app),
    async close() {
      await app.stop();
      await rt.close();
    },
  };
}

/** A member signed up directly in the domain (the CA's identity check is tested with the ecosystem). */
export const PASSWORD = 'correct horse battery';
