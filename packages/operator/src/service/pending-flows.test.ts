import { createLogger, createLogSink } from '@hannun/infra';
import { describeEachDialect } from '@hannun/store/testing';
import { expect, it } from 'vitest';
import { recordingCollector } from '../http/testing/app-kit.ts';
import { bankDraft, openTestDomain, signUpInput, type TestDomain } from '../testing/operator-test-kit.ts';
import type { CaClient, SignResult } from './ca-client.ts';
import { IndividualAuth } from './individual-auth.ts';
import { IntegratedAuth } from './integrated-auth.ts';
import { LiveProgress } from './live-progress.ts';
import { PendingFlows } from './pending-flows.ts';
import type { ProviderAuthClient } from './provider-auth-client.ts';
import { SignUpIdentity } from './sign-up-identity.ts';

const logger = createLogger({ service: 'flows-test', destination: createLogSink(), level: 'fatal' });
const CI = `${'Q'.repeat(86)}==`;

/**
 * A stand-in for the CA's and providers' HTTP clients (their real calls are tested with the ecosystem in
 * packages/cli): what a flow asks, answered from a script.
 */
function fakeCa(o: { signResults?: SignResult[]; identity?: 'pending' | 'confirmed' } = {}) {
  const results = [...(o.signResults ?? [])];
  let identityTaken = false;
  return {
    operatorOrgCode: 'MDHANNUN01',
    signRequest: async () => 'CERTTX0001',
    signResult: async () => results.shift() ?? ({ status: 'pending' } as SignResult),
    identityRequest: async () => 'IDTX0001',
    // The CA hands the identity out once.
    identityResult: async () => {
      if (o.identity !== 'confirmed') return { status: 'pending' };
      if (identityTaken) return { status: 'refused' };
      identityTaken = true;
      return { status: 'confirmed', ci: CI, name: '김한눈', birthDate: '19900101' };
    },
  } as unknown as CaClient;
}

const fakeProviders = {
  clientId: 'client',
  name: (org: string) => org,
  authorize: async (org: string, _ci: string, state: string) => `https://${org}.example/auth?state=${state}`,
  exchangeCode: async () => {
    throw new Error('no provider in this test');
  },
} as unknown as ProviderAuthClient;

/** One app process over the shared database. */
function processOn(d: TestDomain, ca: CaClient, o: { leaseMs?: number } = {}) {
  const flows = new PendingFlows({ store: d.store, crypto: d.crypto });
  const collector = recordingCollector();
  const hub = new LiveProgress(collector);
  const common = { domain: d, providers: fakeProviders, hub, collector, logger, flows };
  return {
    flows,
    individual: new IndividualAuth(common),
    integrated: new IntegratedAuth({
      ...common,
      ca,
      caCode: 'HNCA01',
      caPagesUrl: 'https://ca.example',
      pollMs: 10,
      leaseMs: o.leaseMs ?? 10_000,
    }),
    signUp: new SignUpIdentity({ ca, flows, caPagesUrl: 'https://ca.example', clock: d.clock, logger }),
  };
}

async function rawRows(d: TestDomain): Promise<string> {
  return JSON.stringify(await d.store.db.selectFrom('op_pending_flow').selectAll().execute());
}

describeEachDialect('service: pending authentication flows in the database', (open) => {
  it('AC: the repository keeps a hash of the secret and a sealed payload; writes are compare-and-set; take is single use', async () => {
    const d = await openTestDomain(open);
    const flows = new PendingFlows({ store: d.store, crypto: d.crypto });
    const now = d.clock.nowMs();
    await flows.create('individual', 'S'.repeat(40), {
      status: 'waiting',
      payload: { ci: CI },
      expiresAt: now + 1000,
      now,
    });
    const raw = await rawRows(d);
    expect(raw).not.toContain('S'.repeat(40));
    expect(raw).not.toContain(CI);
    const f = (await flows.get<{ ci: string }>('individual', 'S'.repeat(40)))!;
    expect(f).toMatchObject({ status: 'waiting', payload: { ci: CI }, version: 1 });
    expect(await flows.get('identity', 'S'.repeat(40))).toBeUndefined();
    expect(await flows.update('individual', 'S'.repeat(40), 1, { status: 'x' })).toBe(true);
    expect(await flows.update('individual', 'S'.repeat(40), 1, { status: 'y' })).toBe(false);
    const takes = await Promise.all([1, 2, 3].map(() => flows.take('individual', 'S'.repeat(40))));
    expect(takes.filter(Boolean)).toHaveLength(1);
    await flows.create('identity', 'old', { status: 'waiting', payload: {}, expiresAt: now - 10, now });
    await flows.create('identity', 'new', { status: 'waiting', payload: {}, expiresAt: now + 10, now });
    expect(await flows.sweep(now)).toBe(1);
    expect(await flows.get('identity', 'new')).toBeDefined();
  });

  it('AC: a 개별인증 state started in one process is taken by the callback in another, once; another session’s is refused', async () => {
    const d = await openTestDomain(open);
    const { personId } = await d.people.signUp(signUpInput());
    const consent = await d.consents.propose(personId, bankDraft('BKTESTAA01', { authPath: 'individual' }));
    const a = processOn(d, fakeCa());
    const b = processOn(d, fakeCa());
    const { redirectUrl } = await a.individual.start(personId, consent.id, 'session-ref-1');
    const state = new URL(redirectUrl).searchParams.get('state')!;
    expect(await rawRows(d)).not.toContain(state);
    // Another browser session: refused, and the state is not used up by it.
    const stranger = await b.individual.callback({ state, code: 'c', error: undefined, sessionRef: 'session-ref-2' });
    expect(stranger).toMatchObject({ ok: false, reason: { code: 'state_mismatch' } });
    // Two callbacks at once in two processes (a replay): one is exchanged, the other refused.
    const [x, y] = await Promise.all(
      [a, b].map((p) => p.individual.callback({ state, code: 'c', error: undefined, sessionRef: 'session-ref-1' })),
    );
    const outcomes = [x!, y!].map((o) => (o.ok ? 'ok' : o.reason.code));
    // The exchange itself fails here (no provider): it got that far only once.
    expect(outcomes.filter((c) => c === 'state_mismatch')).toHaveLength(1);
    expect(outcomes.filter((c) => c !== 'state_mismatch' && c !== 'ok')).toHaveLength(1);
    expect(await rawRows(d)).toBe('[]');
  });

  it('AC: a sign-up identity check survives a restart; the identity the CA gives once is kept for any process until used', async () => {
    const d = await openTestDomain(open);
    const ca = fakeCa({ identity: 'confirmed' });
    const a = processOn(d, ca);
    const started = await a.signUp.begin({ name: '김한눈', birthDate: '19900101', phone: '010-1234-5678' });
    expect(await rawRows(d)).not.toContain(started.ticket);
    const b = processOn(d, ca); // a restart, or another process
    expect(await b.signUp.status(started.ticket)).toEqual({ status: 'confirmed' });
    expect(await rawRows(d)).not.toContain(CI);
    // The CA would not give it again: the stored identity answers.
    expect(await a.signUp.confirmed(started.ticket)).toEqual({
      ci: CI,
      name: '김한눈',
      birthDate: '19900101',
      phone: '01012345678',
    });
    await b.signUp.consume(started.ticket);
    expect(await a.signUp.status(started.ticket)).toBeUndefined();
    expect(await a.signUp.status('s_unknown')).toBeUndefined();
  });

  it('AC: a 통합인증 flow outlives its process: another answers it, takes the polling over after a stop, and ends it', async () => {
    const d = await openTestDomain(open);
    const { personId } = await d.people.signUp(signUpInput({ phone: '01012345678' }));
    const consent = await d.consents.propose(personId, bankDraft('BKTESTAA01'));
    const a = processOn(d, fakeCa());
    const flow = await a.integrated.start(personId, [consent.id]);
    expect(await rawRows(d)).not.toContain(CI);
    const b = processOn(
      d,
      fakeCa({ signResults: [{ status: 'pending' }, { status: 'refused', message: '거절' } as SignResult] }),
      {
        leaseMs: 50,
      },
    );
    expect(await b.integrated.view(personId, flow.id)).toMatchObject({ id: flow.id, status: 'waiting' });
    expect(await b.integrated.view('someone-else', flow.id)).toBeUndefined();
    // While A holds the lease, B takes nothing.
    expect(await b.integrated.resume()).toBe(0);
    await a.integrated.close(); // a restart: the lease is given up, the flow still waits
    expect(await b.integrated.view(personId, flow.id)).toMatchObject({ status: 'waiting' });
    expect(await b.integrated.resume()).toBe(1);
    const end = await b.integrated.wait(personId, flow.id);
    expect(end).toMatchObject({ id: flow.id, status: 'refused' });
    const c = processOn(d, fakeCa());
    expect(await c.integrated.view(personId, flow.id)).toMatchObject({ status: 'refused' });
    expect(await c.integrated.resume()).toBe(0);
    await b.integrated.close();
  });
});
