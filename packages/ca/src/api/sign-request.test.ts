import { encodeConsentDocument } from '@hannun/spec';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  BANK,
  CARD,
  type CaHarness,
  type CaWorld,
  consentFor,
  createCaWorld,
  OPERATOR,
  OTHER_OPERATOR,
  OTHER_SERVICE_ID,
  PERSON,
  signRequestBody,
  startHarness,
} from '../testing/ca-fixture.ts';
import { callApi, tokenOf } from '../testing/inject-client.ts';

let world: CaWorld;
let h: CaHarness;
let token: string;

beforeAll(async () => {
  world = await createCaWorld();
  h = startHarness(world);
  await h.ca.controls.enrol(PERSON);
});
beforeEach(async () => {
  token = await tokenOf(h, OPERATOR);
});
afterAll(async () => {
  await h.ca.api.stop();
  await h.ca.pages.stop();
});

const send = (body: Record<string, unknown>, t = token, caller = OPERATOR) =>
  callApi(h, '/ca/sign_request', t, body, caller);

describe('통합인증-102 sign_request', () => {
  it('AC01: consents for two providers open one transaction (requested) and answer a random, URL-safe cert_tx_id', async () => {
    const body = signRequestBody([{ consent: consentFor(h.clock, BANK) }, { consent: consentFor(h.clock, CARD) }]);
    const first = await send(body);
    expect(first.status).toBe(200);
    expect(first.body.rsp_code).toBe('00000');
    const certTxId = first.body.cert_tx_id as string;
    expect(certTxId).toMatch(/^[A-Za-z0-9_-]{40}$/);
    const tx = await h.ca.controls.transaction(certTxId);
    expect(tx).toMatchObject({ status: 'requested', operatorOrgCode: OPERATOR, signTxId: body.sign_tx_id });
    expect(tx!.consentTxIds).toHaveLength(2);
    expect(tx!.expiresAt - h.clock.nowMs()).toBe(300_000);
    const second = await send(signRequestBody([{ consent: consentFor(h.clock, BANK) }]));
    expect(second.body.cert_tx_id).not.toBe(certTxId);
  });

  it('AC02: a consent whose recipient is another operator answers 40303 naming rcv_org_code, and stores nothing', async () => {
    const body = signRequestBody([
      { consent: consentFor(h.clock, BANK) },
      { consent: consentFor(h.clock, CARD, { rcv_org_code: OTHER_OPERATOR, client_id: OTHER_SERVICE_ID }) },
    ]);
    const { status, body: answer } = await send(body);
    expect(status).toBe(403);
    expect(answer.rsp_code).toBe('40303');
    expect(answer.rsp_msg).toContain('consent_list[1].consent.rcv_org_code');
    expect(answer).not.toHaveProperty('cert_tx_id');
    // The same sign_tx_id is still free: nothing was written.
    const retry = await send({
      ...signRequestBody([{ consent: consentFor(h.clock, BANK) }]),
      sign_tx_id: body.sign_tx_id,
    });
    expect(retry.body.rsp_code).toBe('00000');
  });

  it("AC03: a client_id that is not the operator's service answers 40303", async () => {
    const { body } = await send(
      signRequestBody([{ consent: consentFor(h.clock, BANK, { client_id: OTHER_SERVICE_ID }) }]),
    );
    expect(body.rsp_code).toBe('40303');
    expect(body.rsp_msg).toContain('client_id');
  });

  it('AC04: a consent for an unknown provider answers 40303 naming org_code', async () => {
    const { body } = await send(signRequestBody([{ consent: consentFor(h.clock, BANK, { org_code: 'BKNOWHERE1' }) }]));
    expect(body.rsp_code).toBe('40303');
    expect(body.rsp_msg).toContain('consent_list[0].consent.org_code');
  });

  it('AC05: a consent whose scopes are not of the provider industry answers 40303', async () => {
    const { body } = await send(signRequestBody([{ consent: consentFor(h.clock, CARD, { scope: 'bank.list' }) }]));
    expect(body.rsp_code).toBe('40303');
  });

  it('AC06: a CI not enrolled at the CA answers 40403', async () => {
    const { status, body } = await send(
      signRequestBody([{ consent: consentFor(h.clock, BANK) }], { user_ci: `${'Z'.repeat(86)}==` }),
    );
    expect(status).toBe(404);
    expect(body.rsp_code).toBe('40403');
  });

  it('AC07: a name or phone that is not the enrolled person answers 40403', async () => {
    const wrongName = await send(signRequestBody([{ consent: consentFor(h.clock, BANK) }], { real_name: '이한눈' }));
    expect(wrongName.body.rsp_code).toBe('40403');
    const wrongPhone = await send(
      signRequestBody([{ consent: consentFor(h.clock, BANK) }], { phone_num: '01099998888' }),
    );
    expect(wrongPhone.body.rsp_code).toBe('40403');
  });

  it('AC08: a consent_len that is not the UTF-8 length of the consent answers 40001 naming it', async () => {
    const text = encodeConsentDocument(consentFor(h.clock, BANK));
    // Counting characters instead of bytes: the Hangul purpose makes them differ.
    const { status, body } = await send(signRequestBody([{ consent: text, len: text.length }]));
    expect(status).toBe(400);
    expect(body.rsp_code).toBe('40001');
    expect(body.rsp_msg).toContain('consent_list[0].consent_len');
  });

  it('AC09: a consent that does not parse answers 40001 naming the field inside it', async () => {
    const { body } = await send(signRequestBody([{ consent: consentFor(h.clock, BANK, { fnd_cycle: 'weekly' }) }]));
    expect(body.rsp_code).toBe('40001');
    expect(body.rsp_msg).toContain('consent_list[0].consent.fnd_cycle');
  });

  it('AC10: a duplicate sign_tx_id of the same operator answers 40001 naming sign_tx_id', async () => {
    const body = signRequestBody([{ consent: consentFor(h.clock, BANK) }]);
    expect((await send(body)).body.rsp_code).toBe('00000');
    const again = await send({
      ...signRequestBody([{ consent: consentFor(h.clock, BANK) }]),
      sign_tx_id: body.sign_tx_id,
    });
    expect(again.body.rsp_code).toBe('40001');
    expect(again.body.rsp_msg).toContain('sign_tx_id');
  });

  it('AC11: a sign_tx_id that does not start with the operator and CA codes answers 40001', async () => {
    const { body } = await send(
      signRequestBody([{ consent: consentFor(h.clock, BANK) }], {
        sign_tx_id: 'MDOTHERS01_HNCA000001_20261124103000_1',
      }),
    );
    expect(body.rsp_code).toBe('40001');
  });

  it('AC12: the catalogue shape is enforced: missing fields, wrong codes, counts that disagree answer 40001', async () => {
    const base = signRequestBody([{ consent: consentFor(h.clock, BANK) }]);
    for (const [change, field] of [
      [{ user_ci: '' }, 'user_ci'],
      [{ device_code: 'XX' }, 'device_code'],
      [{ consent_cnt: '2' }, 'consent_cnt'],
      [{ consent_type: '1' }, 'consent_type'],
    ] as const) {
      const { body } = await send({ ...base, ...change });
      expect(body.rsp_code, field).toBe('40001');
      expect(body.rsp_msg, field).toContain(field);
    }
  });

  it('AC13: an end date in the past or beyond 5 years answers 40001', async () => {
    const past = await send(signRequestBody([{ consent: consentFor(h.clock, BANK, { end_date: '20200101' }) }]));
    expect(past.body.rsp_msg).toContain('end_date');
    const far = await send(signRequestBody([{ consent: consentFor(h.clock, BANK, { end_date: '20991231' }) }]));
    expect(far.body.rsp_code).toBe('40001');
  });

  it('AC14: a malformed JSON body answers 40001, after the token (without a token 40101)', async () => {
    const bad = await h.ca.api.inject({
      method: 'POST',
      url: '/ca/sign_request',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
        'x-api-tran-id': 'MDHANNUN01M00000000000099',
      },
      payload: '{"sign_tx_id":',
    });
    expect(bad.json().rsp_code).toBe('40001');
    expect((await send({}, '')).body.rsp_code).toBe('40101');
  });

  it('AC16: a consent of up to 7,000 bytes (91 bank accounts in our format) is accepted and its signature fits signed_consent (aNS(20000)); a larger one answers 40001 before anything is stored', async () => {
    const withAssets = (n: number) =>
      consentFor(h.clock, BANK, {
        asset_list: Array.from({ length: n }, (_, i) => ({
          api: '은행-001',
          key: { account_num: `1002${String(i).padStart(9, '0')}`, seqno: '1' },
        })),
      });
    let n = 1;
    while (Buffer.byteLength(encodeConsentDocument(withAssets(n + 1))) <= 7000) n++;
    expect(n).toBeGreaterThan(80); // 91 bank accounts in Hannun's consent format
    const fits = await send(signRequestBody([{ consent: withAssets(n) }]));
    expect(fits.body.rsp_code).toBe('00000');
    expect(fits.body.cert_tx_id).toBeTruthy();
    const over = await send(signRequestBody([{ consent: withAssets(n + 1) }]));
    expect(over.body.rsp_code).toBe('40001');
    expect(over.body.rsp_msg).toContain('consent_list[0].consent');
    expect(over.body.rsp_msg).toContain('7000');
  });

  it('AC15: the log holds neither the CI, the name, the phone number nor the consent text', async () => {
    await send(signRequestBody([{ consent: consentFor(h.clock, BANK) }]));
    const text = h.log.text();
    expect(text).not.toContain(PERSON.ci);
    expect(text).not.toContain(PERSON.name);
    expect(text).not.toContain('1234-5678');
    expect(text).not.toContain('자산 현황 조회');
  });
});
