import { createRootCa } from '@hannun/pki';
import { utf8Length } from '@hannun/spec';
import { decodeProtectedHeader } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issuePersonCertificate } from '../people/person-certificate.ts';
import { signConsent } from '../signing/sign-consent.ts';
import { signedConsentHeader, x5cEntry } from '../signing/signed-consent-format.ts';
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
} from '../testing/ca-fixture.ts';
import { approveOnPage, callApi, csrfOf, getPage, postPage, tokenOf } from '../testing/inject-client.ts';

let world: CaWorld;
let h: CaHarness;

beforeAll(async () => {
  world = await createCaWorld();
  h = startHarness(world);
  await h.ca.controls.enrol(PERSON);
});
afterAll(async () => {
  await h.ca.api.stop();
  await h.ca.pages.stop();
});

interface Signed {
  readonly certTxId: string;
  readonly items: { tx_id: string; consent: string; signed_consent: string; org: string }[];
}

/** Flow B up to 103: request, approve on the page, fetch the signed consents. */
async function signed(): Promise<Signed> {
  const body = signRequestBody([{ consent: consentFor(h.clock, BANK) }, { consent: consentFor(h.clock, CARD) }]);
  const operatorToken = await tokenOf(h, OPERATOR);
  const opened = await callApi(h, '/ca/sign_request', operatorToken, body, OPERATOR);
  const certTxId = opened.body.cert_tx_id as string;
  await approveOnPage(h, certTxId, PERSON.pin);
  const res = await callApi(
    h,
    '/ca/sign_result',
    operatorToken,
    { cert_tx_id: certTxId, sign_tx_id: body.sign_tx_id },
    OPERATOR,
  );
  const list = res.body.signed_consent_list as { tx_id: string; signed_consent: string }[];
  const consents = body.consent_list as { tx_id: string; consent: string }[];
  return {
    certTxId,
    items: list.map((s, i) => ({ ...s, consent: consents[i]!.consent, org: i === 0 ? BANK : CARD })),
  };
}

function verificationBody(certTxId: string, item: { tx_id: string; consent: string; signed_consent: string }) {
  return {
    tx_id: item.tx_id,
    cert_tx_id: certTxId,
    signed_consent_len: String(item.signed_consent.length),
    signed_consent: item.signed_consent,
    consent_type: '0',
    consent_len: String(utf8Length(item.consent)),
    consent: item.consent,
  };
}

const verify = async (body: Record<string, unknown>, provider = BANK) =>
  callApi(h, '/ca/sign_verification', await tokenOf(h, provider), body, provider);

describe('통합인증-104 sign_verification', () => {
  it("AC01: a provider verifying its own signed consent gets result true and the person's CI", async () => {
    const s = await signed();
    for (const item of s.items) {
      const { status, body } = await verify(verificationBody(s.certTxId, item), item.org);
      expect(status).toBe(200);
      expect(body).toEqual({
        rsp_code: '00000',
        rsp_msg: '정상처리',
        tx_id: item.tx_id,
        result: 'true',
        user_ci: PERSON.ci,
      });
    }
  });

  it('AC02: the consent altered by one byte answers result false without user_ci', async () => {
    const s = await signed();
    const item = s.items[0]!;
    const altered = item.consent.replace('"purpose":"자산 현황 조회 및 분석"', '"purpose":"자산 현황 조회 및 분섹"');
    expect(altered).not.toBe(item.consent);
    const { status, body } = await verify(verificationBody(s.certTxId, { ...item, consent: altered }));
    expect(status).toBe(200);
    expect(body).toEqual({ rsp_code: '00000', rsp_msg: '정상처리', tx_id: item.tx_id, result: 'false' });
    // The untouched consent still verifies (the failed attempt did not consume it).
    expect((await verify(verificationBody(s.certTxId, item))).body.result).toBe('true');
  });

  it('AC03: the signature altered answers result false', async () => {
    const s = await signed();
    const item = s.items[0]!;
    const [head, payload, sig] = item.signed_consent.split('.');
    const flipped = `${head}.${payload}.${sig![0] === 'A' ? 'B' : 'A'}${sig!.slice(1)}`;
    const { body } = await verify(verificationBody(s.certTxId, { ...item, signed_consent: flipped }));
    expect(body.result).toBe('false');
    expect(body).not.toHaveProperty('user_ci');
  });

  it('AC04: a consent for another provider is refused (40303) without verifying it', async () => {
    const s = await signed();
    const cardItem = s.items[1]!;
    const { status, body } = await verify(verificationBody(s.certTxId, cardItem), BANK);
    expect(status).toBe(403);
    expect(body.rsp_code).toBe('40303');
    // Not consumed: the card company can still verify it.
    expect((await verify(verificationBody(s.certTxId, cardItem), CARD)).body.result).toBe('true');
  });

  it('AC05: a second verification of the same signed consent (replay) answers result false, and is logged without secrets', async () => {
    const s = await signed();
    const item = s.items[0]!;
    expect((await verify(verificationBody(s.certTxId, item))).body.result).toBe('true');
    const replay = await verify(verificationBody(s.certTxId, item));
    expect(replay.body).toEqual({ rsp_code: '00000', rsp_msg: '정상처리', tx_id: item.tx_id, result: 'false' });
    const log = h.log.text();
    expect(log).toContain('replay');
    expect(log).not.toContain(PERSON.ci);
    expect(log).not.toContain(item.signed_consent.split('.')[2]!);
  });

  it('AC06: a JWS signed by a key the CA did not issue answers result false, whatever root its x5c names', async () => {
    const s = await signed();
    const item = s.items[0]!;
    const foreignRoot = await createRootCa({ commonName: 'Hannun CA Personal Root forged' });
    const forgedCert = await issuePersonCertificate(foreignRoot, {
      caName: '한눈인증',
      nowMs: h.clock.nowMs(),
      validityDays: 30,
    });
    const fields = {
      consent: item.consent,
      cert_tx_id: s.certTxId,
      tx_id: item.tx_id,
      iat: Math.floor(h.clock.nowMs() / 1000),
    };
    const ownChain = await signConsent(
      forgedCert.keyPem,
      signedConsentHeader(forgedCert.certPem, foreignRoot.certPem),
      fields,
    );
    expect((await verify(verificationBody(s.certTxId, { ...item, signed_consent: ownChain }))).body.result).toBe(
      'false',
    );
    // Claiming the CA's real root in x5c does not help: the leaf is checked with the CA's own root key.
    const claimed = await signConsent(
      forgedCert.keyPem,
      { alg: 'ES256', typ: 'JOSE', x5c: [x5cEntry(forgedCert.certPem), x5cEntry(world.secrets.personalRoot.certPem)] },
      fields,
    );
    expect((await verify(verificationBody(s.certTxId, { ...item, signed_consent: claimed }))).body.result).toBe(
      'false',
    );
    // Nor does the real person's certificate with another key.
    const realLeaf = decodeProtectedHeader(item.signed_consent).x5c![0]!;
    const borrowed = await signConsent(
      forgedCert.keyPem,
      { alg: 'ES256', typ: 'JOSE', x5c: [realLeaf, x5cEntry(world.secrets.personalRoot.certPem)] },
      fields,
    );
    expect((await verify(verificationBody(s.certTxId, { ...item, signed_consent: borrowed }))).body.result).toBe(
      'false',
    );
    // The genuine one still verifies: none of the forgeries consumed it.
    expect((await verify(verificationBody(s.certTxId, item))).body.result).toBe('true');
  });

  it('AC07: a signed consent presented under another cert_tx_id or tx_id answers result false', async () => {
    const a = await signed();
    const b = await signed();
    const item = a.items[0]!;
    expect((await verify(verificationBody(b.certTxId, item))).body.result).toBe('false');
    expect((await verify({ ...verificationBody(a.certTxId, item), tx_id: b.items[0]!.tx_id })).body.result).toBe(
      'false',
    );
  });

  it('AC08: lengths that do not match answer 40001 naming the field', async () => {
    const s = await signed();
    const item = s.items[0]!;
    const badConsentLen = await verify({
      ...verificationBody(s.certTxId, item),
      consent_len: String(item.consent.length),
    });
    expect(badConsentLen.body.rsp_code).toBe('40001');
    expect(badConsentLen.body.rsp_msg).toContain('consent_len');
    const badSignedLen = await verify({ ...verificationBody(s.certTxId, item), signed_consent_len: '10' });
    expect(badSignedLen.body.rsp_msg).toContain('signed_consent_len');
  });

  it('AC09: an operator cannot call 104 (providers only): 40104', async () => {
    const s = await signed();
    const { body } = await callApi(
      h,
      '/ca/sign_verification',
      await tokenOf(h, OPERATOR),
      verificationBody(s.certTxId, s.items[0]!),
      OPERATOR,
    );
    expect(body.rsp_code).toBe('40104');
  });

  it('AC10: a signed consent presented for a refused transaction answers result false', async () => {
    const s = await signed();
    const body = signRequestBody([{ consent: consentFor(h.clock, BANK) }]);
    const opened = await callApi(h, '/ca/sign_request', await tokenOf(h, OPERATOR), body, OPERATOR);
    const refusedId = opened.body.cert_tx_id as string;
    const csrf = csrfOf((await getPage(h, refusedId)).html);
    expect((await postPage(h, refusedId, { csrf, action: 'refuse' })).status).toBe(200);
    const item = s.items[0]!;
    expect((await verify(verificationBody(refusedId, item))).body.result).toBe('false');
  });
});
