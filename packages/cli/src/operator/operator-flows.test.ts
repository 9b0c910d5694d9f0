import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogSink } from '@hannun/infra';
import { createOperatorDomain, loadKeyRing, type OperatorDomain, openOperatorStore } from '@hannun/operator';
import { clientAgent } from '@hannun/pki';
import { kstDate, systemClock } from '@hannun/provider';
import { apiById, apiPath, generateTranId } from '@hannun/spec';
import { storeUrlFor } from '@hannun/store';
import { type Agent, fetch } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoFile, DemoPerson } from '../ecosystem/demo-file.ts';
import { HANNUN_OPERATOR, HANNUN_PORTAL } from '../ecosystem/demo-organisations.ts';
import { type DemoPersonProfile, demoPeople } from '../ecosystem/demo-people.ts';
import { freePorts } from '../ecosystem/services.ts';
import { type Ecosystem, startEcosystem } from '../ecosystem/start-ecosystem.ts';
import { approveOnCaPageForDemo } from './approve-on-ca-page.ts';
import { eventually, readEvents, WebBrowser, walkProviderPages } from './testing/web-browser.ts';

/**
 * The operator's app API in the running ecosystem (`hannun up`: portal, CA, providers, operator over mutual
 * TLS 1.3), with the demo's people NOT signed up by the operator (OPERATOR_DEMO=false), so the test does it
 * through the API as a person would: sign-up with the CA's identity check, consent, 통합인증 and 개별인증,
 * live progress, the data, withdrawal, the portal's support APIs, leaving.
 */
const sink = createLogSink();
let dir: string;
let eco: Ecosystem;
let demo: DemoFile;
let app: string;
let person: DemoPerson;
let profile: DemoPersonProfile;
let operatorAgent: Agent;
let domain: OperatorDomain;
let closeDomain: () => Promise<void>;
const me = new WebBrowser();
const PASSWORD = 'Flows-test-password-1';
let personId: string;
const connected: string[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hannun-operator-'));
  eco = await startEcosystem({
    env: { ...freePorts(), HANNUN_DATA_DIR: dir, OPERATOR_DEMO: 'false' },
    logDestination: sink,
  });
  demo = JSON.parse(await readFile(eco.demoFile, 'utf8')) as DemoFile;
  app = eco.services.find((s) => s.role === 'operator')!.url;
  person = demo.people.find((p) => p.role === 'connected')!;
  profile = demoPeople(kstDate(systemClock.nowMs())).find((p) => p.ci === person.ci)!;
  operatorAgent = clientAgent(eco.trust.pki.org(HANNUN_OPERATOR.pkiId));
  // The test reads the operator's own database (the vault) with its key ring, as the operator does.
  const store = await openOperatorStore({ url: storeUrlFor(dir) });
  const { ring } = await loadKeyRing({ dataDir: dir });
  domain = createOperatorDomain({
    store,
    keyRing: ring,
    registry: eco.trust.registry,
    recipient: { orgCode: HANNUN_OPERATOR.orgCode, clientId: demo.operator.service!.client_id },
  });
  closeDomain = () => store.close();
}, 120_000);

afterAll(async () => {
  await closeDomain?.();
  await operatorAgent?.close();
  await eco?.stop();
  await rm(dir, { recursive: true, force: true });
});

const clientId = () => demo.operator.service!.client_id;
const institution = (org: string) => demo.institutions.find((i) => i.org_code === org)!;

/** 공통-002 at the provider with a token: what the provider says of the consent behind it. */
async function consentAtProvider(org: string, accessToken: string): Promise<string> {
  const i = institution(org);
  const res = await fetch(
    `${i.baseUrl}${apiPath(apiById('공통-002'), { version: 'v2', industry: i.industry })}?org_code=${org}`,
    {
      dispatcher: operatorAgent,
      headers: {
        authorization: `Bearer ${accessToken}`,
        'x-api-tran-id': generateTranId(HANNUN_OPERATOR.orgCode, 'M'),
        'x-api-type': 'user-consent',
      },
    },
  );
  return ((await res.json()) as { rsp_code: string }).rsp_code;
}

/** 지원-103 as the portal (its certificate, the credential it holds for the operator): the person's consents by CI. */
async function asPortal(ci: string): Promise<Record<string, unknown>> {
  const portalAgent = clientAgent(eco.trust.pki.org(HANNUN_PORTAL.pkiId));
  const credential = eco.trust.credentials.portal.get(HANNUN_OPERATOR.orgCode)!;
  try {
    const token = await fetch(`${demo.operator.supportUrl}/mgmts/oauth/2.0/token`, {
      method: 'POST',
      dispatcher: portalAgent,
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-api-tran-id': generateTranId('PTHANNUN01', 'P'),
      },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: credential.clientId,
        client_secret: credential.clientSecret,
        scope: 'manage',
      }).toString(),
    });
    const bearer = ((await token.json()) as { access_token: string }).access_token;
    const res = await fetch(`${demo.operator.supportUrl}/v2/mgmts/consents`, {
      method: 'POST',
      dispatcher: portalAgent,
      headers: {
        'content-type': 'application/json',
        'x-api-tran-id': generateTranId('PTHANNUN01', 'P'),
        authorization: `Bearer ${bearer}`,
      },
      body: JSON.stringify({ org_code: HANNUN_OPERATOR.orgCode, user_ci: ci }),
    });
    return (await res.json()) as Record<string, unknown>;
  } finally {
    await portalAgent.close();
  }
}

describe('the operator in the running ecosystem', () => {
  it('sign-up: the CA confirms the person (their PIN on its page) and the CI comes from the CA, never from the person', async () => {
    expect(app).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const unknown = await me.post(`${app}/api/signup/identity`, {
      name: person.name,
      birthDate: '19000101',
      phone: person.providerLogin.phone,
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({ code: 'OP_INVALID_INPUT', field: 'identity' });

    const started = await me.post(`${app}/api/signup/identity`, {
      name: profile.name,
      birthDate: profile.birthDate,
      phone: person.providerLogin.phone,
    });
    expect(started.status).toBe(201);
    const caPageUrl = started.body.caPageUrl as string;
    expect(caPageUrl.startsWith(`${demo.ca!.pagesUrl}/identity/`)).toBe(true);
    expect((await me.json(`${app}/api/signup/identity`)).body).toMatchObject({ status: 'waiting' });
    // Too early: the login is refused until the CA confirms.
    expect((await me.post(`${app}/api/signup`, { loginName: 'kim.test', password: PASSWORD })).status).toBe(409);

    await approveOnCaPageForDemo(caPageUrl, person.caPin);
    expect((await me.json(`${app}/api/signup/identity`)).body).toMatchObject({ status: 'confirmed' });
    const signed = await me.post(`${app}/api/signup`, { loginName: 'kim.test', password: PASSWORD });
    expect(signed.status).toBe(201);
    expect(signed.body).toMatchObject({ authenticated: true, person: { name: person.name, loginName: 'kim.test' } });
    expect(signed.res.headers.getSetCookie().join('\n')).toMatch(
      /hannun_session=[^;]+; Path=\/; HttpOnly; SameSite=Lax/,
    );

    personId = (await domain.people.personIdByCi(person.ci))!;
    expect(personId).toBeDefined();
    expect(await domain.people.profile(personId)).toMatchObject({
      ci: person.ci,
      phone: person.providerLogin.phone.replaceAll('-', ''),
    });

    // The same person again, confirmed by the CA again: already a member (409), nobody new.
    const again = new WebBrowser();
    const second = await again.post(`${app}/api/signup/identity`, {
      name: profile.name,
      birthDate: profile.birthDate,
      phone: person.providerLogin.phone,
    });
    await approveOnCaPageForDemo(second.body.caPageUrl as string, person.caPin);
    const twice = await again.post(`${app}/api/signup`, { loginName: 'kim.second', password: PASSWORD });
    expect(twice.status).toBe(409);
    expect(twice.body).toMatchObject({ code: 'OP_ALREADY_REGISTERED', field: 'ci' });
    expect(await domain.store.db.selectFrom('op_person').select('id').execute()).toHaveLength(1);
  });

  it('통합인증: consents → one approval at the CA → 통합인증-002 at each provider → tokens in the vault, consents active, progress over SSE', async () => {
    const orgs = person.institutions.slice(0, 3);
    const stream = await fetch(`${app}/api/progress`, {
      headers: { cookie: [...me.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    expect(stream.status).toBe(200);
    expect(stream.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    const sse = readEvents(stream);
    try {
      const proposed = await me.post(`${app}/api/consents`, { orgCodes: orgs, authPath: 'integrated' });
      expect(proposed.status).toBe(201);
      const ids = (proposed.body.consents as { id: string }[]).map((c) => c.id);
      const flow = await me.post(`${app}/api/connect/integrated`, { consentIds: ids });
      expect(flow.status).toBe(201);
      expect(flow.body).toMatchObject({
        status: 'waiting',
        institutions: orgs.map((o) => ({ orgCode: o, status: 'waiting' })),
      });
      const page = await (await fetch(flow.body.caPageUrl as string)).text();
      for (const o of orgs) expect(page).toContain(institution(o).name);
      await approveOnCaPageForDemo(flow.body.caPageUrl as string, person.caPin);
      const end = await eventually(
        async () => {
          const v = (await me.json(`${app}/api/connect/integrated/${flow.body.id as string}`)).body;
          return v.status !== 'waiting' && v.status !== 'connecting' ? v : undefined;
        },
        30_000,
        'the 통합인증 flow',
      );
      expect(end).toMatchObject({
        status: 'done',
        institutions: orgs.map((o) => ({ orgCode: o, status: 'connected' })),
      });

      const listed = (await me.json(`${app}/api/consents`)).body.consents as {
        orgCode: string;
        status: string;
        signed: boolean;
      }[];
      for (const o of orgs)
        expect(listed.find((c) => c.orgCode === o)).toMatchObject({ status: 'active', signed: true });
      for (const o of orgs) {
        const t = await domain.vault.usable(personId, clientId(), o);
        expect(t, o).toBeDefined();
        expect(await consentAtProvider(o, t!.accessToken.reveal())).toBe('00000');
      }
      connected.push(...orgs);

      await eventually(
        async () =>
          orgs.every((o) =>
            sse.events.some((e) => e.event === 'connect' && e.data.orgCode === o && e.data.stage === 'connected'),
          ),
        5000,
        'connect events',
      );
      await eventually(
        async () => orgs.every((o) => sse.events.some((e) => e.event === 'collect' && e.data.orgCode === o)),
        20_000,
        'collect events',
      );
      expect(JSON.stringify(sse.events)).not.toContain(personId);
    } finally {
      sse.stop();
    }
  }, 60_000);

  it('통합인증 refused on the CA’s page: the flow ends refused and the consent stays pending, with no tokens', async () => {
    const org = person.institutions[4]!;
    const proposed = await me.post(`${app}/api/consents`, { orgCodes: [org], authPath: 'integrated' });
    const id = (proposed.body.consents as { id: string }[])[0]!.id;
    const flow = await me.post(`${app}/api/connect/integrated`, { consentIds: [id] });
    const page = await (await fetch(flow.body.caPageUrl as string)).text();
    const csrf = /name="csrf" value="([^"]+)"/.exec(page)![1]!;
    const refused = await fetch(flow.body.caPageUrl as string, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrf, action: 'refuse' }).toString(),
    });
    expect(refused.status).toBe(200);
    const end = await eventually(
      async () => {
        const v = (await me.json(`${app}/api/connect/integrated/${flow.body.id as string}`)).body;
        return v.status !== 'waiting' ? v : undefined;
      },
      15_000,
      'the refused flow',
    );
    expect(end).toMatchObject({ status: 'refused', institutions: [{ orgCode: org, status: 'waiting' }] });
    expect((await domain.consents.get(personId, id))?.status).toBe('pending');
    expect(await domain.vault.get(personId, clientId(), org)).toBeUndefined();
    // Someone else cannot read this person's flow.
    const stranger = new WebBrowser();
    expect((await stranger.json(`${app}/api/connect/integrated/${flow.body.id as string}`)).status).toBe(401);
  }, 30_000);

  it('the data: collected assets, and an account’s transactions newest first, paged by cursor', async () => {
    const assets = await eventually(
      async () => {
        const a = (await me.json(`${app}/api/assets`)).body.assets as {
          id: string;
          listApi: string;
          hasTransactions: boolean;
          number: string | null;
        }[];
        return a.length > 0 && a.some((x) => x.hasTransactions) ? a : undefined;
      },
      60_000,
      'collected assets',
    );
    const withTx = assets.find((a) => a.hasTransactions)!;
    expect(withTx.number ?? '').not.toMatch(/^\d{8,}$/);
    const first = await eventually(
      async () => {
        const r = (await me.json(`${app}/api/transactions?assetId=${withTx.id}&limit=3`)).body;
        return (r.transactions as unknown[]).length === 3 ? r : undefined;
      },
      60_000,
      'transactions',
    );
    const page1 = first.transactions as { id: string; time: string }[];
    expect([...page1.map((x) => x.time)].sort().reverse()).toEqual(page1.map((x) => x.time));
    expect(first.nextCursor).toEqual(expect.any(String));
    {
      const page2 = (
        await me.json(`${app}/api/transactions?assetId=${withTx.id}&limit=3&cursor=${first.nextCursor as string}`)
      ).body.transactions as { id: string; time: string }[];
      expect(page2.every((x) => !page1.some((y) => y.id === x.id))).toBe(true);
      if (page2.length > 0) expect(page2[0]!.time <= page1[2]!.time).toBe(true);
    }
    const bad = await me.json(`${app}/api/transactions?assetId=${withTx.id}&cursor=forged`);
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ field: 'cursor' });
    expect((await me.json(`${app}/api/transactions?assetId=nope`)).status).toBe(404);
  }, 130_000);

  it('개별인증: the provider’s login page; a callback with another state or from another browser is refused; the real one connects', async () => {
    const org = person.institutions[3]!;
    const proposed = await me.post(`${app}/api/consents`, { orgCodes: [org], authPath: 'individual' });
    const consentId = (proposed.body.consents as { id: string }[])[0]!.id;
    const started = await me.post(`${app}/api/connect/individual`, { consentId });
    expect(started.status).toBe(201);
    const loginUrl = started.body.redirectUrl as string;
    // The institution's own pages have a listener of their own, without client certificates: a plain browser opens them.
    const pagesUrl = eco.services.find((s) => s.name === 'provider')!.pagesUrl!;
    expect(pagesUrl).toMatch(/^http:\/\//);
    expect(loginUrl.startsWith(`${pagesUrl}${new URL(institution(org).baseUrl).pathname}/auth/login`)).toBe(true);
    const callback = await walkProviderPages(new WebBrowser(), loginUrl, person.providerLogin);
    expect(`${callback.origin}${callback.pathname}`).toBe(demo.operator.service!.redirect_uri_list[0]);
    const code = callback.searchParams.get('code')!;
    const state = callback.searchParams.get('state')!;
    const ours = (q: string) => `${app}/callback?${q}`;

    const forged = await me.get(ours(`code=${code}&state=${'A'.repeat(40)}&api_tran_id=x`));
    expect(forged.status).toBe(400);
    expect(((await forged.json()) as { code: string }).code).toBe('OP_STATE_MISMATCH');
    const stranger = await new WebBrowser().get(ours(`code=${code}&state=${state}`));
    expect(stranger.status).toBe(400);
    expect((await domain.consents.get(personId, consentId))?.status).toBe('pending');

    const done = await me.get(ours(callback.search.slice(1)));
    expect(done.status).toBe(302);
    expect(done.headers.get('location')).toBe(`/?connected=${org}`);
    expect((await domain.consents.get(personId, consentId))?.status).toBe('active');
    const t = await domain.vault.usable(personId, clientId(), org);
    expect(await consentAtProvider(org, t!.accessToken.reveal())).toBe('00000');
    // The state was used: the same answer again is refused.
    expect((await me.get(ours(callback.search.slice(1)))).status).toBe(400);
    connected.push(org);
  }, 60_000);

  it('지원-101 and 지원-103 over mutual TLS: the portal sees the person’s live consents by CI; the operator’s own certificate is refused', async () => {
    const supportUrl = demo.operator.supportUrl!;
    expect(supportUrl).toMatch(/^https:\/\//);
    const credential = eco.trust.credentials.portal.get(HANNUN_OPERATOR.orgCode)!;
    const refused = await fetch(`${supportUrl}/mgmts/oauth/2.0/token`, {
      method: 'POST',
      dispatcher: operatorAgent,
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-api-tran-id': generateTranId('MDHANNUN01', 'M'),
      },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: credential.clientId,
        client_secret: credential.clientSecret,
        scope: 'manage',
      }).toString(),
    });
    expect(((await refused.json()) as { error: string }).error).toBe('unauthorized_client');
    const body = (await asPortal(person.ci)) as {
      is_member: string;
      service_list: { client_id: string; consent_list: { org_code: string }[] }[];
    };
    expect(body.is_member).toBe('true');
    expect(body.service_list[0]!.client_id).toBe(clientId());
    expect(body.service_list[0]!.consent_list.map((c) => c.org_code).sort()).toEqual([...connected].sort());
  });

  it('withdrawal: one call ends the consent, revokes the pair at the provider (개별인증-004) and offers deleting what came from there', async () => {
    const org = connected[0]!;
    const before = await domain.vault.usable(personId, clientId(), org);
    const consent = ((await me.json(`${app}/api/consents`)).body.consents as { id: string; orgCode: string }[]).find(
      (c) => c.orgCode === org,
    )!;
    const w = await me.post(`${app}/api/consents/${consent.id}/withdraw`);
    expect(w.status).toBe(200);
    expect(w.body).toMatchObject({
      consent: { status: 'withdrawn' },
      revokedAtProvider: true,
      jobsStopped: true,
      deletionOffer: { orgCode: org },
    });
    expect(await consentAtProvider(org, before!.accessToken.reveal())).toBe('40101');
    expect(await domain.vault.get(personId, clientId(), org)).toBeUndefined();
    const offer = (w.body.deletionOffer as { id: string }).id;
    const del = await me.post(`${app}/api/deletion-offers/${offer}`, { delete: true });
    expect(del.body).toMatchObject({ deleted: true });
    const assets = (await me.json(`${app}/api/assets`)).body.assets as { orgCode: string }[];
    expect(assets.some((a) => a.orgCode === org)).toBe(false);
  });

  it('leaving: everything of the person deleted, the pairs revoked at every provider, and the portal hears "not a member"', async () => {
    const pairs = await Promise.all(
      connected.slice(1).map(async (o) => [o, await domain.vault.usable(personId, clientId(), o)] as const),
    );
    const left = await me.post(`${app}/api/leave`, { password: PASSWORD });
    expect(left.status).toBe(200);
    expect(left.body).toMatchObject({ left: true, revoked: connected.length - 1, pending: 0 });
    expect((await me.json(`${app}/api/session`)).body).toEqual({ authenticated: false });
    expect(await domain.people.personIdByCi(person.ci)).toBeUndefined();
    for (const [o, t] of pairs) expect(await consentAtProvider(o, t!.accessToken.reveal()), o).toBe('40101');
    const login = await new WebBrowser().post(`${app}/api/login`, { loginName: 'kim.test', password: PASSWORD });
    expect(login.status).toBe(401);
    expect(await asPortal(person.ci)).toMatchObject({ rsp_code: '00000', is_member: 'false' });
  });
});
