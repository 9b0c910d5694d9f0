import { createPublicKey } from 'node:crypto';
import { decodeProtectedHeader, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BANK,
  type CaHarness,
  type CaWorld,
  createCaWorld,
  OPERATOR,
  OTHER_OPERATOR,
  PERSON,
  startHarness,
  tranId,
} from '../testing/ca-fixture.ts';
import { csrfOf, tokenOf } from '../testing/inject-client.ts';
import { IDENTITY_ASSERTION_TYPE } from './identity-assertion.ts';

/**
 * 본인확인 (PROVISIONAL): the operator asks the CA to confirm a person at sign-up; the person confirms on the
 * CA's page with their PIN; the operator takes the CI once, with the CA's signed assertion.
 */
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

async function call(path: string, body: Record<string, unknown>, org = OPERATOR, harness = h) {
  const token = await tokenOf(harness, org);
  const res = await harness.ca.api.inject({
    method: 'POST',
    url: path,
    headers: { 'content-type': 'application/json', 'x-api-tran-id': tranId(org), authorization: `Bearer ${token}` },
    payload: JSON.stringify(body),
  });
  return { status: res.statusCode, body: res.json() as Record<string, unknown> };
}

const ask = (change: Record<string, unknown> = {}, org = OPERATOR, harness = h) =>
  call(
    '/ca/identity_request',
    {
      real_name: PERSON.name,
      birth_date: PERSON.birthDate,
      phone_num: '+821012345678',
      request_title: '한눈 회원가입 본인확인',
      ...change,
    },
    org,
    harness,
  );

const result = (certTxId: string, org = OPERATOR, harness = h) =>
  call('/ca/identity_result', { cert_tx_id: certTxId }, org, harness);

async function page(certTxId: string, harness = h) {
  const res = await harness.ca.pages.inject({ method: 'GET', url: `/identity/${certTxId}` });
  return { status: res.statusCode, html: res.body, headers: res.headers };
}

async function post(certTxId: string, form: Record<string, string>, harness = h) {
  const res = await harness.ca.pages.inject({
    method: 'POST',
    url: `/identity/${certTxId}`,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams(form).toString(),
  });
  return { status: res.statusCode, html: res.body };
}

async function opened(harness = h): Promise<string> {
  const asked = await ask({}, OPERATOR, harness);
  expect(asked.body.rsp_code, JSON.stringify(asked.body)).toBe('00000');
  return asked.body.cert_tx_id as string;
}

describe('본인확인 at the CA (identity_request → the page with the PIN → identity_result)', () => {
  it('AC01: the person confirms with their PIN; the operator gets the CI, name and birth date once, with an assertion signed by the CA', async () => {
    const certTxId = await opened();
    expect(certTxId).toMatch(/^[A-Za-z0-9_-]{40}$/);

    const early = await result(certTxId);
    expect(early.body.rsp_code).toBe('40901');

    const shown = await page(certTxId);
    expect(shown.status).toBe(200);
    expect(shown.html).toContain('<html lang="ko">');
    for (const s of ['본인확인 요청', '한눈마이데이터', '김*눈', '한눈 회원가입 본인확인', '연계정보(CI)'])
      expect(shown.html).toContain(s);
    expect(shown.html).not.toContain(PERSON.ci);
    expect(shown.headers['content-security-policy']).toContain("default-src 'none'");

    const done = await post(certTxId, { csrf: csrfOf(shown.html), action: 'approve', pin: PERSON.pin });
    expect(done.status).toBe(200);
    expect(done.html).toContain('본인확인 완료');

    const got = await result(certTxId);
    expect(got.status).toBe(200);
    expect(got.body).toMatchObject({
      rsp_code: '00000',
      user_ci: PERSON.ci,
      real_name: PERSON.name,
      birth_date: PERSON.birthDate,
    });
    const assertion = got.body.identity_assertion as string;
    expect(decodeProtectedHeader(assertion)).toMatchObject({ alg: 'ES256', typ: IDENTITY_ASSERTION_TYPE });
    const { payload } = await jwtVerify(assertion, createPublicKey(world.caCredentials.signing!.publicKeyPem), {
      issuer: 'CAHANNUN01',
      audience: OPERATOR,
      typ: IDENTITY_ASSERTION_TYPE,
      currentDate: new Date(h.clock.nowMs()),
    });
    expect(payload).toMatchObject({ sub: certTxId, ci: PERSON.ci, name: PERSON.name, birth_date: PERSON.birthDate });

    // Once: a second read (a replay, or a leaked cert_tx_id) learns nothing.
    const again = await result(certTxId);
    expect(again.body.rsp_code).toBe('40001');
    expect(again.body).not.toHaveProperty('user_ci');
    // The page now says it is done, and takes no second decision.
    expect((await post(certTxId, { csrf: csrfOf(shown.html), action: 'refuse' })).status).toBe(409);
  });

  it('AC02: details that match nobody enrolled answer 40403 and open nothing; a malformed field is 40001 naming it', async () => {
    for (const change of [{ birth_date: '19900102' }, { real_name: '김다른' }, { phone_num: '010-9999-0000' }]) {
      const r = await ask(change);
      expect(r.status, JSON.stringify(change)).toBe(404);
      expect(r.body.rsp_code).toBe('40403');
      expect(r.body).not.toHaveProperty('cert_tx_id');
    }
    const bad = await ask({ birth_date: '1990-01-01' });
    expect(bad.body.rsp_code).toBe('40001');
    expect(bad.body.rsp_msg).toContain('birth_date');
    const phone = await ask({ phone_num: '02-123-4567' });
    expect(phone.body.rsp_code).toBe('40001');
    expect(phone.body.rsp_msg).toContain('phone_num');
  });

  it('AC03: only operators may ask, and only the operator that asked may read the result', async () => {
    const provider = await ask({}, BANK);
    expect(provider.body.rsp_code).toBe('40104');
    const certTxId = await opened();
    const shown = await page(certTxId);
    await post(certTxId, { csrf: csrfOf(shown.html), action: 'approve', pin: PERSON.pin });
    const other = await result(certTxId, OTHER_OPERATOR);
    expect(other.body.rsp_code).toBe('40001');
    expect(other.body).not.toHaveProperty('user_ci');
    // Reading it failed for the other operator without consuming it.
    expect((await result(certTxId)).body.rsp_code).toBe('00000');
  });

  it('AC04: refusing ends the check (40301 to the operator); a post without the page token changes nothing (403)', async () => {
    const certTxId = await opened();
    expect((await post(certTxId, { action: 'approve', pin: PERSON.pin })).status).toBe(403);
    expect((await result(certTxId)).body.rsp_code).toBe('40901');
    const shown = await page(certTxId);
    const refused = await post(certTxId, { csrf: csrfOf(shown.html), action: 'refuse' });
    expect(refused.status).toBe(200);
    expect(refused.html).toContain('본인확인 거부');
    const r = await result(certTxId);
    expect(r.body.rsp_code).toBe('40301');
    expect(String(r.body.rsp_msg)).toContain('거부');
  });

  it('AC05: an unconfirmed check expires with the signing limit (410 on the page, 40301 to the operator)', async () => {
    const certTxId = await opened();
    h.clock.advance(5 * 60_000 + 1);
    expect((await page(certTxId)).status).toBe(410);
    const r = await result(certTxId);
    expect(r.body.rsp_code).toBe('40301');
    expect(String(r.body.rsp_msg)).toContain('만료');
  });

  it('AC06: wrong PINs count against the person, as on the signing page; at the limit the person is locked (423)', async () => {
    const w = await createCaWorld();
    const own = startHarness(w);
    try {
      await own.ca.controls.enrol(PERSON);
      const certTxId = await opened(own);
      const csrf = csrfOf((await page(certTxId, own)).html);
      for (let i = 1; i <= 4; i++) {
        const wrong = await post(certTxId, { csrf, action: 'approve', pin: '000000' }, own);
        expect(wrong.status).toBe(400);
        expect(wrong.html).toContain('PIN이 맞지 않습니다');
      }
      const fifth = await post(certTxId, { csrf, action: 'approve', pin: '000000' }, own);
      expect(fifth.status).toBe(423);
      // Locked: even the right PIN is not checked.
      expect((await post(certTxId, { csrf, action: 'approve', pin: PERSON.pin }, own)).status).toBe(423);
      expect(await own.ca.controls.person(PERSON.ci)).toMatchObject({ locked: true });
      expect((await result(certTxId, OPERATOR, own)).body.rsp_code).toBe('40901');
    } finally {
      await own.ca.api.stop();
      await own.ca.pages.stop();
    }
  });
});
