import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clientAgent, type TlsMaterial } from '@hannun/pki';
import { utf8Length } from '@hannun/spec';
import { Agent, fetch } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BANK,
  CARD,
  type CaHarness,
  type CaWorld,
  consentFor,
  createCaWorld,
  OPERATOR,
  PERSON,
  signRequestBody,
  startHarness,
  tranId,
} from './testing/ca-fixture.ts';
import { csrfOf } from './testing/inject-client.ts';
import type { CaRepository } from './store/ca-repository.ts';
import { openSqlCaRepository } from './store/sql-ca-repository.ts';

let world: CaWorld;
let h: CaHarness;
let apiUrl: string;
let pagesUrl: string;
const agents: Agent[] = [];

const agentOf = (tls: TlsMaterial) => {
  const agent = clientAgent(tls);
  agents.push(agent);
  return agent;
};

let dir: string;
let repository: CaRepository;

beforeAll(async () => {
  world = await createCaWorld();
  // The service as it runs: on the SQL repository (SQLite file).
  dir = await mkdtemp(join(tmpdir(), 'hannun-ca-'));
  repository = await openSqlCaRepository({
    url: `sqlite:${join(dir, 'ca.db')}`,
    storageKey: world.secrets.storageKey,
  });
  h = startHarness(world, { requireMtls: true, allowLoopback: false, repository });
  await h.ca.controls.enrol(PERSON);
  apiUrl = await h.ca.api.start({ host: '127.0.0.1', port: 0 });
  pagesUrl = await h.ca.pages.start({ host: '127.0.0.1', port: 0 });
});
afterAll(async () => {
  await Promise.all(agents.map((a) => a.close()));
  await h.ca.api.stop();
  await h.ca.pages.stop();
  await repository.close();
  await rm(dir, { recursive: true, force: true });
});

async function token(as: TlsMaterial, org: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const o = world.orgs[org]!;
  const res = await fetch(`${apiUrl}/oauth/2.0/token`, {
    method: 'POST',
    dispatcher: agentOf(as),
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-api-tran-id': tranId(org) },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: o.clientId,
      client_secret: o.clientSecret,
      scope: 'ca',
    }).toString(),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function call(as: TlsMaterial, path: string, bearer: string, body: unknown, org: string) {
  const res = await fetch(`${apiUrl}${path}`, {
    method: 'POST',
    dispatcher: agentOf(as),
    headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}`, 'x-api-tran-id': tranId(org) },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('Flow B (사설인증서 기반 통합인증) over mutual TLS 1.3 on loopback', () => {
  it('operator: 101 → 102; person: approval page; operator: 103; each provider: 101 → 104 returns the CI', async () => {
    const operator = world.orgs[OPERATOR]!;
    expect(apiUrl).toMatch(/^https:\/\/127\.0\.0\.1:/);
    const opToken = await token(operator.tls, OPERATOR);
    expect(opToken.status).toBe(200);
    const request = signRequestBody([{ consent: consentFor(h.clock, BANK) }, { consent: consentFor(h.clock, CARD) }]);
    const opened = await call(operator.tls, '/ca/sign_request', opToken.body.access_token as string, request, OPERATOR);
    expect(opened.body.rsp_code).toBe('00000');
    const certTxId = opened.body.cert_tx_id as string;

    const pending = await call(
      operator.tls,
      '/ca/sign_result',
      opToken.body.access_token as string,
      { cert_tx_id: certTxId, sign_tx_id: request.sign_tx_id },
      OPERATOR,
    );
    expect(pending.body.rsp_code).toBe('40901');

    // The person, in a browser: plain HTTP on loopback.
    const page = await fetch(`${pagesUrl}${h.ca.controls.approvalPath(certTxId)}`);
    expect(page.status).toBe(200);
    const approved = await fetch(`${pagesUrl}/sign/${certTxId}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrf: csrfOf(await page.text()), action: 'approve', pin: PERSON.pin }).toString(),
    });
    expect(approved.status).toBe(200);

    const result = await call(
      operator.tls,
      '/ca/sign_result',
      opToken.body.access_token as string,
      { cert_tx_id: certTxId, sign_tx_id: request.sign_tx_id },
      OPERATOR,
    );
    expect(result.body.rsp_code).toBe('00000');
    const signed = result.body.signed_consent_list as { tx_id: string; signed_consent: string }[];
    const consents = request.consent_list as { tx_id: string; consent: string }[];

    for (const [i, provider] of [BANK, CARD].entries()) {
      const p = world.orgs[provider]!;
      const pToken = await token(p.tls, provider);
      const item = signed[i]!;
      const consent = consents[i]!.consent;
      const verified = await call(
        p.tls,
        '/ca/sign_verification',
        pToken.body.access_token as string,
        {
          tx_id: item.tx_id,
          cert_tx_id: certTxId,
          signed_consent_len: String(item.signed_consent.length),
          signed_consent: item.signed_consent,
          consent_type: '0',
          consent_len: String(utf8Length(consent)),
          consent,
        },
        provider,
      );
      expect(verified.body).toMatchObject({ rsp_code: '00000', tx_id: item.tx_id, result: 'true', user_ci: PERSON.ci });
    }
  });

  it("101: a client certificate of another organisation than the client_id's answers unauthorized_client", async () => {
    const { status, body } = await token(world.orgs[BANK]!.tls, OPERATOR);
    expect(status).toBe(400);
    expect(body.error).toBe('unauthorized_client');
    expect(body).not.toHaveProperty('access_token');
  });

  it('101/102: a certificate whose serial no organisation registered answers unauthorized_client / 40103', async () => {
    expect((await token(world.stranger, OPERATOR)).body.error).toBe('unauthorized_client');
    const opToken = (await token(world.orgs[OPERATOR]!.tls, OPERATOR)).body.access_token as string;
    const res = await call(world.stranger, '/ca/sign_request', opToken, {}, OPERATOR);
    expect(res.status).toBe(401);
    expect(res.body.rsp_code).toBe('40103');
  });

  it("102: the operator's token over a provider's certificate answers 40101", async () => {
    const opToken = (await token(world.orgs[OPERATOR]!.tls, OPERATOR)).body.access_token as string;
    const res = await call(world.orgs[BANK]!.tls, '/ca/sign_request', opToken, {}, BANK);
    expect(res.body.rsp_code).toBe('40101');
  });

  it('a client without a certificate never reaches a handler (TLS refuses the handshake)', async () => {
    const noCert = new Agent({ connect: { ca: world.root.certPem, minVersion: 'TLSv1.3', rejectUnauthorized: true } });
    agents.push(noCert);
    // The previous tests' request lines may trail their answers by a tick.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const before = h.log.records().filter((r) => r.msg === 'request completed').length;
    await expect(fetch(`${apiUrl}/oauth/2.0/token`, { method: 'POST', dispatcher: noCert })).rejects.toThrow();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(h.log.records().filter((r) => r.msg === 'request completed').length).toBe(before);
  });

  it('with requireMtls false the CA says loudly that mutual TLS is off', () => {
    const dev = startHarness(world, { requireMtls: false });
    expect(dev.log.records().some((r) => r.level === 'warn' && String(r.msg).includes('MUTUAL TLS IS OFF'))).toBe(true);
    expect(h.log.text()).not.toContain('MUTUAL TLS IS OFF');
  });
});

describe('40102: a registered organisation calling from an address it did not register', () => {
  it('answers 40102 on 102 and unauthorized_client on 101 (loopback not allowed, registered 10.0.0.1)', async () => {
    const remote = await createCaWorld({ ips: ['10.0.0.1'] });
    const strict = startHarness(remote, { requireMtls: true, allowLoopback: false });
    const url = await strict.ca.api.start({ host: '127.0.0.1', port: 0 });
    try {
      const o = remote.orgs[OPERATOR]!;
      const tokenRes = await fetch(`${url}/oauth/2.0/token`, {
        method: 'POST',
        dispatcher: agentOf(o.tls),
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-api-tran-id': tranId(OPERATOR) },
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: o.clientId,
          client_secret: o.clientSecret,
          scope: 'ca',
        }).toString(),
      });
      expect(((await tokenRes.json()) as { error: string }).error).toBe('unauthorized_client');
      const res = await fetch(`${url}/ca/sign_request`, {
        method: 'POST',
        dispatcher: agentOf(o.tls),
        headers: { 'content-type': 'application/json', authorization: 'Bearer x', 'x-api-tran-id': tranId(OPERATOR) },
        body: '{}',
      });
      expect(res.status).toBe(401);
      expect(((await res.json()) as { rsp_code: string }).rsp_code).toBe('40102');
    } finally {
      await strict.ca.api.stop();
    }
  });
});
