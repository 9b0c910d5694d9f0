import { type ConsentDocument, encodeConsentDocument, utf8Length } from '@hannun/spec';
import { afterAll, describe, expect, it } from 'vitest';
import { KIM_CI, LEE_CI } from '../../testing/fixture-world.ts';
import {
  CA_CODE,
  CLIENT_ID,
  CLIENT_SECRET,
  createAuthWorld,
  OTHER_CLIENT_ID,
  OTHER_OPERATOR,
} from '../testing/auth-world.ts';
import { kimConsentDocument, newTxId } from '../testing/consent-documents.ts';
import { createFakeCa } from '../testing/fake-ca.ts';

const ca = createFakeCa();
const world = createAuthWorld({ auth: { caClient: ca } });
afterAll(() => world.close());
const ORG = 'BKNURI0001';
const store = world.engine.provider.auth.store;

interface Signed {
  readonly text: string;
  readonly signed: string;
  readonly certTxId: string;
  readonly txId: string;
}

function signFor(ci: string, doc: ConsentDocument, org = ORG): Signed {
  const text = encodeConsentDocument(doc);
  const { certTxId, signed } = ca.sign(ci, [text]);
  return { text, signed: signed[0]!, certTxId, txId: newTxId(org) };
}

function passwordForm(s: Signed, overrides: Record<string, string> = {}, org = ORG): Record<string, string> {
  return {
    tx_id: s.txId,
    org_code: org,
    grant_type: 'password',
    client_id: CLIENT_ID,
    client_secret: CLIENT_SECRET,
    ca_code: CA_CODE,
    username: KIM_CI,
    request_type: '1',
    password_len: String(s.signed.length),
    password: s.signed,
    auth_type: '1',
    consent_type: '0',
    consent_len: String(utf8Length(s.text)),
    consent: s.text,
    cert_tx_id: s.certTxId,
    ...overrides,
  };
}

const pairCount = async () => (await store.pairs.list(ORG)).length;

async function refusedWithoutToken(form: Record<string, string>, error: string, field: string) {
  const before = await pairCount();
  const consentsBefore = world.consents.all().length;
  const response = await world.post(ORG, 'token', form);
  expect(response.statusCode).toBe(error === 'temporarily_unavailable' ? 503 : error === 'server_error' ? 500 : 400);
  expect(response.json()).toMatchObject({ error });
  expect((response.json() as Record<string, string>)['error_description']).toContain(field);
  expect(await pairCount()).toBe(before);
  expect(world.consents.all().length).toBe(consentsBefore);
  return response;
}

describe('통합인증-002 grant_type=password', () => {
  it('AC40: a consent signed at the CA buys the token pair: CA asked (104), tx_id echoed, consent stored with its signature', async () => {
    const s = signFor(KIM_CI, kimConsentDocument(world, ORG));
    const response = await world.post(ORG, 'token', passwordForm(s));
    expect(response.statusCode).toBe(200);
    const body = response.json() as Record<string, string>;
    expect(body).toMatchObject({
      tx_id: s.txId,
      token_type: 'Bearer',
      scope: 'bank.list bank.deposit bank.invest bank.loan bank.irp',
    });
    expect(ca.calls.at(-1)).toMatchObject({
      tx_id: s.txId,
      cert_tx_id: s.certTxId,
      consent: s.text,
      signed_consent: s.signed,
    });
    const pair = (await store.pairs.list(ORG)).at(-1)!;
    expect(pair).toMatchObject({ auth: 'integrated', ci: KIM_CI, clientId: CLIENT_ID, grant: `cert:${s.certTxId}` });
    const consent = world.consents.get(pair.consentId)!;
    expect(consent.signature).toEqual({
      caCode: CA_CODE,
      certTxId: s.certTxId,
      txId: s.txId,
      consent: s.text,
      signedConsent: s.signed,
    });
    expect(consent.endDate.toString()).toBe('2026-03-15');
    expect((await world.call(ORG, '은행-001', body['access_token']!)).json()).toMatchObject({ rsp_code: '00000' });
    // The refresh token lasts until the end of the consent's end date (KST).
    expect(Number(body['refresh_token_expires_in'])).toBe(
      Math.floor((Date.UTC(2026, 2, 15, 15) - world.clock.nowMs()) / 1000),
    );
  });

  it('AC41: target all resolves to every asset the customer holds here', async () => {
    const s = signFor(KIM_CI, kimConsentDocument(world, ORG, { target: 'all', asset_list: [] }));
    expect((await world.post(ORG, 'token', passwordForm(s))).statusCode).toBe(200);
    const consent = world.consents.get((await store.pairs.list(ORG)).at(-1)!.consentId)!;
    expect(consent.assets).toHaveLength(world.fixtures[ORG].kim.length);
  });

  it('AC42: a signed consent altered by one byte: the CA says false → invalid_grant, no token', async () => {
    const s = signFor(KIM_CI, kimConsentDocument(world, ORG));
    const altered = s.text.replace('"end_date":"20260315"', '"end_date":"20260316"');
    expect(altered).not.toBe(s.text);
    await refusedWithoutToken(
      passwordForm({ ...s, text: altered }, { consent: altered, consent_len: String(utf8Length(altered)) }),
      'invalid_grant',
      'password',
    );
  });

  it.each([
    ['another org_code', { org_code: 'BKGARAM001' }, 'invalid_grant', 'consent.org_code'],
    ['another recipient operator', { rcv_org_code: OTHER_OPERATOR }, 'invalid_grant', 'consent.rcv_org_code'],
    ['another service', { client_id: OTHER_CLIENT_ID }, 'invalid_grant', 'consent.client_id'],
    ['scopes of another industry', { scope: 'card.list card.card' }, 'invalid_scope', 'consent.scope'],
    ['an end date before today', { end_date: '20250314' }, 'invalid_grant', 'consent.end_date'],
    ['an end date past 5 years', { end_date: '20300316' }, 'invalid_grant', 'consent.end_date'],
    ['an asset of another customer', {}, 'invalid_grant', 'consent.asset_list'],
  ])(
    'AC43: a consent for %s is refused (%s naming %s) before the CA is asked, no token',
    async (what, overrides, error, field) => {
      const doc = kimConsentDocument(world, ORG, overrides as Partial<ConsentDocument>);
      const lee = world.fixtures[ORG].lee[0]!;
      const final = what.startsWith('an asset')
        ? { ...doc, asset_list: [...doc.asset_list, { api: lee.listApi, key: lee.key }] }
        : doc;
      const calls = ca.calls.length;
      await refusedWithoutToken(passwordForm(signFor(KIM_CI, final)), error, field);
      expect(ca.calls.length).toBe(calls);
    },
  );

  it('AC44: a replayed cert_tx_id (or tx_id) is refused, the first pair stays', async () => {
    const s = signFor(KIM_CI, kimConsentDocument(world, ORG));
    expect((await world.post(ORG, 'token', passwordForm(s))).statusCode).toBe(200);
    await refusedWithoutToken(passwordForm(s), 'invalid_grant', 'cert_tx_id');
    await refusedWithoutToken(passwordForm({ ...s, txId: newTxId(ORG) }), 'invalid_grant', 'cert_tx_id');
    const other = signFor(KIM_CI, kimConsentDocument(world, ORG));
    await refusedWithoutToken(passwordForm({ ...other, txId: s.txId }), 'invalid_grant', 'cert_tx_id');
    const live = (await store.pairs.list(ORG)).filter((p) => p.revokedAt === undefined);
    expect(live.map((p) => p.grant)).toEqual([`cert:${s.certTxId}`]);
  });

  it('AC45: two requests racing with one cert_tx_id yield one pair', async () => {
    const s = signFor(KIM_CI, kimConsentDocument(world, ORG));
    const before = await pairCount();
    const answers = await Promise.all([
      world.post(ORG, 'token', passwordForm(s)),
      world.post(ORG, 'token', passwordForm(s)),
    ]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 400]);
    expect((await pairCount()) - before).toBe(1);
  });

  it('AC46: CI mismatch — the CA’s signer is not username → unauthorized_user; a username not a customer here → unauthorized_user', async () => {
    const s = signFor(LEE_CI, kimConsentDocument(world, ORG));
    await refusedWithoutToken(passwordForm(s), 'unauthorized_user', 'username');
    const t = signFor(KIM_CI, kimConsentDocument(world, ORG));
    await refusedWithoutToken(passwordForm(t, { username: `${'Z'.repeat(86)}==` }), 'unauthorized_user', 'username');
  });

  it.each([
    ['consent_len not the UTF-8 bytes of consent', { consent_len: '10' }, 'consent_len'],
    ['password_len not the length of password', { password_len: '3' }, 'password_len'],
    ['auth_type 0 (not offered)', { auth_type: '0' }, 'auth_type'],
    ['no cert_tx_id', { cert_tx_id: '' }, 'cert_tx_id'],
    ['consent_type 1', { consent_type: '1' }, 'consent_type'],
    ['an unknown ca_code', { ca_code: 'NOCA000001' }, 'ca_code'],
    ['a consent that is not JSON', { consent: 'not json', consent_len: '8' }, 'consent'],
  ])('AC47: %s is invalid_request naming it', async (_what, overrides, field) => {
    await refusedWithoutToken(
      passwordForm(signFor(KIM_CI, kimConsentDocument(world, ORG)), overrides),
      'invalid_request',
      field,
    );
  });

  it('AC48: an unreachable CA answers temporarily_unavailable (503, Retry-After) and the operator may retry', async () => {
    const s = signFor(KIM_CI, kimConsentDocument(world, ORG));
    ca.down = true;
    try {
      const response = await refusedWithoutToken(passwordForm(s), 'temporarily_unavailable', '통합인증기관');
      expect(response.headers['retry-after']).toBe('5');
    } finally {
      ca.down = false;
    }
    expect((await world.post(ORG, 'token', passwordForm(s))).statusCode).toBe(200);
  });

  it('AC49: without a CA client the engine answers a clear server_error', async () => {
    const bare = createAuthWorld();
    try {
      const s = signFor(KIM_CI, kimConsentDocument(bare, ORG));
      const response = await bare.post(ORG, 'token', passwordForm(s));
      expect(response.statusCode).toBe(500);
      expect(response.json()).toMatchObject({ error: 'server_error' });
    } finally {
      await bare.close();
    }
  });
});
