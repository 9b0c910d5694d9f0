import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger, createLogSink } from '@hannun/infra';
import { clientAgent, ensurePki, tlsServerOptions } from '@hannun/pki';
import {
  createCallerRegistry,
  createLedger,
  createManualClock,
  createMemoryConsentStore,
  createProviderEngine,
  DEMO_INSTITUTIONS,
  kstDateTime,
  type ProviderEngine,
} from '@hannun/provider';
import { Temporal } from 'temporal-polyfill';
import type { Agent } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Secret } from '../crypto/secret.ts';
import { createProviderClient, type InfoCall } from './provider-client.ts';
import { OPERATOR, WORLD_NOW } from './testing/collect-world.ts';

/**
 * The provider client against the real engine over mutual TLS 1.3 (the operator's clientAgent): every answer
 * validated with the spec, every outcome a value.
 */
const BANK = DEMO_INSTITUTIONS.find((i) => i.orgCode === 'BKNURI0001')!;
let dir: string;
let engine: ProviderEngine;
let url: string;
let operator: Agent;
let stranger: Agent;
let token: string;
let ci: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hannun-client-'));
  const pki = await ensurePki({
    dataDir: dir,
    orgs: [
      { id: 'host', name: '한눈중계', regNo: '2208100104', hosts: ['127.0.0.1'] },
      { id: 'operator', name: '한눈', regNo: '2208100101' },
      { id: 'stranger', name: '미등록', regNo: '2208100199' },
    ],
  });
  const clock = createManualClock(WORLD_NOW);
  const ledger = createLedger({
    institutions: [BANK],
    customers: 10,
    seed: 'client-test',
    start: Temporal.PlainDate.from('2024-06-01'),
  });
  engine = createProviderEngine({
    institutions: [BANK],
    books: ledger.values(),
    consents: createMemoryConsentStore(),
    clock,
    config: {
      logger: createLogger({ service: 'client-test', destination: createLogSink(), level: 'error' }),
      metrics: false,
      requireMtls: true,
      callers: createCallerRegistry({ callers: [{ orgCode: OPERATOR, serials: ['2208100101'], ips: ['127.0.0.1'] }] }),
      fastify: { https: tlsServerOptions(pki.org('host')) },
      testHooks: { enabled: true, adminToken: 'client-test-admin-token', prefix: '/_test' },
    },
  });
  url = await engine.start({ host: '127.0.0.1', port: 0 });
  operator = clientAgent(pki.org('operator'));
  stranger = clientAgent(pki.org('stranger'));
  const book = ledger.get(BANK.orgCode)!;
  ci = [...book.customers()][0]!;
  const holdings = book.customer(ci)!.holdings('은행-001', kstDateTime(WORLD_NOW));
  const consent = {
    id: `pc-${randomUUID()}`,
    orgCode: BANK.orgCode,
    ci,
    recipientOrgCode: OPERATOR,
    clientId: 'c1',
    scopes: ['bank.deposit'] as const,
    assets: holdings.map((h) => ({ listApi: h.listApi, key: h.key })),
    isScheduled: true,
    fndCycle: '1/w',
    addCycle: '1/w',
    endDate: Temporal.PlainDate.from('2027-03-10'),
    purpose: '조회',
    period: '탈퇴 시',
    flags: { transMemo: true, merchantNameRegno: true, transCategory: true },
    createdAt: WORLD_NOW,
  };
  engine.provider.consents.put({ ...consent, scopes: [...consent.scopes] });
  const iat = Math.floor(WORLD_NOW / 1000);
  token = await engine.provider.mintAccessToken({
    iss: BANK.orgCode,
    aud: OPERATOR,
    sub: consent.id,
    jti: randomUUID(),
    scope: 'bank.list bank.deposit',
    iat,
    exp: iat + 3600,
  });
}, 60_000);

afterAll(async () => {
  await operator?.close();
  await stranger?.close();
  await engine?.stop();
  await rm(dir, { recursive: true, force: true });
});

const call = (over: Partial<InfoCall> = {}): InfoCall => ({
  baseUrl: `${url}${BANK.basePath}`,
  industry: 'bank',
  apiId: '은행-001',
  apiType: 'user-consent',
  accessToken: new Secret(token),
  fields: { org_code: BANK.orgCode, search_timestamp: '0', limit: '500' },
  ...over,
});

describe('provider client (information APIs over mutual TLS)', () => {
  it('은행-001 over mTLS: the answer decoded with the spec (typed values), with its tran id and x-api-type', async () => {
    const client = createProviderClient({ orgCode: OPERATOR, dispatcher: operator, now: () => WORLD_NOW });
    const r = await client.call(call());
    expect(r.kind).toBe('ok');
    if (r.kind !== 'ok') return;
    expect(r.httpStatus).toBe(200);
    expect(r.tranId).toMatch(/^MDHANNUN01M[A-Z0-9]{14}$/);
    expect(r.requestedAt).toBe(WORLD_NOW);
    const list = r.body['account_list'] as Record<string, unknown>[];
    expect(list.length).toBeGreaterThan(0);
    expect(typeof r.body['search_timestamp']).toBe('number');
    expect(typeof list[0]!['is_consent']).toBe('boolean');
    // The same search_timestamp back: 00001, nothing sent.
    const again = await client.call(
      call({ fields: { org_code: BANK.orgCode, search_timestamp: String(r.body['search_timestamp']) } }),
    );
    expect(again.kind).toBe('up-to-date');
  });

  it('refusals are values with their rsp_code; a certificate the provider does not know cannot even connect', async () => {
    const client = createProviderClient({ orgCode: OPERATOR, dispatcher: operator });
    const r = await client.call(call({ accessToken: new Secret('not-a-token') }));
    expect([r.kind, 'rspCode' in r ? r.rspCode : null, r.httpStatus]).toEqual(['refused', '40101', 401]);
    const noCert = createProviderClient({ orgCode: OPERATOR });
    expect((await noCert.call(call())).kind).toBe('connection');
    const unknown = createProviderClient({ orgCode: OPERATOR, dispatcher: stranger });
    const u = await unknown.call(call());
    expect([u.kind, 'rspCode' in u ? u.rspCode : null]).toEqual(['refused', '40103']);
  });

  it('malformed answers are named, never thrown: cut-off JSON, and numbers where the standard wants strings', async () => {
    const client = createProviderClient({ orgCode: OPERATOR, dispatcher: operator });
    const faults = engine.provider.faults!;
    try {
      faults.set(BANK.orgCode, { malformed: 'invalid-json' });
      const cut = await client.call(call());
      expect([cut.kind, cut.kind === 'malformed' ? cut.field : '']).toEqual(['malformed', '(message)']);
      faults.set(BANK.orgCode, { malformed: 'wrong-types' });
      const typed = await client.call(call());
      expect(typed.kind).toBe('malformed');
      if (typed.kind === 'malformed') expect(typed.reason).toMatch(/^rsp_code: /);
    } finally {
      faults.clear();
    }
  });

  it('a provider that never answers: a timeout after timeoutMs', async () => {
    const client = createProviderClient({ orgCode: OPERATOR, dispatcher: operator, timeoutMs: 200 });
    engine.provider.faults!.set(BANK.orgCode, { timeout: true });
    try {
      const t0 = performance.now();
      const r = await client.call(call());
      expect([r.kind, r.httpStatus]).toEqual(['timeout', null]);
      expect(performance.now() - t0).toBeLessThan(2_000);
    } finally {
      engine.provider.faults!.clear();
    }
  });
});
