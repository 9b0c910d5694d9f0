import { decodeProtectedHeader } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BANK,
  CARD,
  type CaHarness,
  type CaWorld,
  consentFor,
  createCaWorld,
  OPERATOR,
  OTHER_OPERATOR,
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

async function open(): Promise<{ certTxId: string; signTxId: string; txIds: string[] }> {
  const body = signRequestBody([{ consent: consentFor(h.clock, BANK) }, { consent: consentFor(h.clock, CARD) }]);
  const { body: answer } = await callApi(h, '/ca/sign_request', await tokenOf(h, OPERATOR), body, OPERATOR);
  const txIds = (body.consent_list as { tx_id: string }[]).map((c) => c.tx_id);
  return { certTxId: answer.cert_tx_id as string, signTxId: body.sign_tx_id as string, txIds };
}

const result = async (certTxId: string, signTxId: string, caller = OPERATOR) =>
  callApi(h, '/ca/sign_result', await tokenOf(h, caller), { cert_tx_id: certTxId, sign_tx_id: signTxId }, caller);

describe('통합인증-103 sign_result', () => {
  it('AC01: before the person signs, answers 40901 (not yet signed) and no consents', async () => {
    const { certTxId, signTxId } = await open();
    const { status, body } = await result(certTxId, signTxId);
    expect(status).toBe(409);
    expect(body.rsp_code).toBe('40901');
    expect(body).not.toHaveProperty('signed_consent_list');
  });

  it('AC02: after approval, one signed consent per tx_id, in request order, with its length', async () => {
    const { certTxId, signTxId, txIds } = await open();
    await approveOnPage(h, certTxId, PERSON.pin);
    const { status, body } = await result(certTxId, signTxId);
    expect(status).toBe(200);
    expect(body.rsp_code).toBe('00000');
    expect(body.signed_consent_cnt).toBe('2');
    const list = body.signed_consent_list as { tx_id: string; signed_consent: string; signed_consent_len: string }[];
    expect(list.map((s) => s.tx_id)).toEqual(txIds);
    for (const s of list) {
      expect(s.signed_consent_len).toBe(String(s.signed_consent.length));
      const header = decodeProtectedHeader(s.signed_consent);
      expect(header).toMatchObject({ alg: 'ES256', typ: 'JOSE' });
      expect(header.x5c).toHaveLength(2);
    }
    // Asking again gives the same signatures.
    expect((await result(certTxId, signTxId)).body.signed_consent_list).toEqual(list);
  });

  it('AC03: after refusal, answers 40301 saying the person refused', async () => {
    const { certTxId, signTxId } = await open();
    const csrf = csrfOf((await getPage(h, certTxId)).html);
    await postPage(h, certTxId, { csrf, action: 'refuse' });
    const { status, body } = await result(certTxId, signTxId);
    expect(status).toBe(403);
    expect(body.rsp_code).toBe('40301');
    expect(body.rsp_msg).toContain('거부');
  });

  it('AC04: after expiry, answers 40301 saying it expired', async () => {
    const { certTxId, signTxId } = await open();
    h.clock.advance(300_000);
    const { body } = await result(certTxId, signTxId);
    expect(body.rsp_code).toBe('40301');
    expect(body.rsp_msg).toContain('만료');
  });

  it("AC05: another operator's cert_tx_id, or the wrong sign_tx_id, answers 40001 as if it did not exist", async () => {
    const { certTxId, signTxId } = await open();
    await approveOnPage(h, certTxId, PERSON.pin);
    const foreign = await result(certTxId, signTxId, OTHER_OPERATOR);
    expect(foreign.body.rsp_code).toBe('40001');
    expect(foreign.body).not.toHaveProperty('signed_consent_list');
    const wrongSign = await result(certTxId, `${signTxId.slice(0, -1)}9`);
    expect(wrongSign.body.rsp_code).toBe('40001');
    const unknown = await result('B'.repeat(40), signTxId);
    expect(unknown.body).toEqual(foreign.body);
  });
});
