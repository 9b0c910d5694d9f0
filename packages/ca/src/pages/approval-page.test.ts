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
} from '../testing/ca-fixture.ts';
import { callApi, csrfOf, getPage, postPage, tokenOf } from '../testing/inject-client.ts';

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

async function openRequest(harness = h): Promise<string> {
  const token = await tokenOf(harness, OPERATOR);
  const body = signRequestBody([
    { consent: consentFor(harness.clock, BANK) },
    { consent: consentFor(harness.clock, CARD, { is_scheduled: 'false', purpose: '카드 <b>지출</b> 분석' }) },
  ]);
  const { body: answer } = await callApi(harness, '/ca/sign_request', token, body, OPERATOR);
  if (answer.rsp_code !== '00000') throw new Error(JSON.stringify(answer));
  return answer.cert_tx_id as string;
}

/** Drop markup, keep the text a screen reader would read. */
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('the approval page (GET /sign/:cert_tx_id)', () => {
  it('AC01: shows every item of every consent in plain Korean, with lang="ko", labels and the masked name', async () => {
    const certTxId = await openRequest();
    const page = await getPage(h, certTxId);
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.html).toContain('<html lang="ko">');
    const t = text(page.html);
    for (const expected of [
      '마이데이터 서비스 가입', // request title
      '김*눈', // masked name
      '한눈마이데이터', // requested by
      '누리은행',
      '누리카드',
      '한눈마이데이터 (한눈 앱)', // recipient and its service
      '예금·적금 계좌의 잔액', // bank.deposit in words
      '카드 기본정보와 승인내역', // card.card in words
      '********6789', // the account, masked
      '전체 자산', // the card consent's target
      '정기적으로 전송 (주 1회)',
      '정기적으로 전송하지 않음',
      '까지', // end date phrasing
      '자산 현황 조회 및 분석', // purpose
      '서비스 탈퇴 또는 삭제 요청 시까지', // retention
      '거래 메모(적요): 동의',
      '남은 입력 횟수 5회',
      '동의(서명)',
      '거부',
    ]) {
      expect(t, expected).toContain(expected);
    }
    expect(t).not.toContain(PERSON.name);
    expect(page.html).toMatch(/<label for="pin">[^<]+<\/label>\s*<input type="password" id="pin"/);
    expect(page.html).not.toMatch(/<script|https?:\/\//);
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
  });

  it('AC02: escapes what the operator wrote (no markup from a consent reaches the page)', async () => {
    const page = await getPage(h, await openRequest());
    expect(page.html).toContain('카드 &lt;b&gt;지출&lt;/b&gt; 분석');
    expect(page.html).not.toContain('<b>지출</b>');
  });

  it('AC03: ?lang=en shows the page in English', async () => {
    const page = await getPage(h, await openRequest(), 'en');
    expect(page.html).toContain('<html lang="en">');
    const t = text(page.html);
    expect(t).toContain('Balances, transactions and product details');
    expect(t).toContain('once a week');
    expect(t).toContain('Agree (sign)');
  });

  it('AC04: an unknown cert_tx_id shows a not-found page (404)', async () => {
    const page = await getPage(h, 'A'.repeat(40));
    expect(page.status).toBe(404);
    expect(text(page.html)).toContain('서명 요청을 찾을 수 없음');
  });
});

describe('the approval form (POST /sign/:cert_tx_id)', () => {
  it('AC05: a wrong PIN counts down the attempts left, on this and the next transaction', async () => {
    const local = startHarness(world);
    await local.ca.controls.enrol(PERSON);
    const first = await openRequest(local);
    const csrf = csrfOf((await getPage(local, first)).html);
    const wrong = await postPage(local, first, { csrf, action: 'approve', pin: '000000' });
    expect(wrong.status).toBe(400);
    expect(text(wrong.html)).toContain('PIN이 맞지 않습니다. 남은 입력 횟수 4회');
    expect(wrong.html).toContain('role="alert"');
    // The count belongs to the person, not the transaction.
    const second = await openRequest(local);
    expect(text((await getPage(local, second)).html)).toContain('남은 입력 횟수 4회');
    const secondCsrf = csrfOf((await getPage(local, second)).html);
    expect(
      text((await postPage(local, second, { csrf: secondCsrf, action: 'approve', pin: '111111' })).html),
    ).toContain('남은 입력 횟수 3회');
    expect((await local.ca.controls.person(PERSON.ci))?.failedPinAttempts).toBe(2);
  });

  it('AC06: five wrong PINs lock the person for 30 minutes; the right PIN is refused until the lock ends on the service clock', async () => {
    const local = startHarness(world);
    await local.ca.controls.enrol(PERSON);
    const certTxId = await openRequest(local);
    const csrf = csrfOf((await getPage(local, certTxId)).html);
    for (let i = 0; i < 4; i++) {
      expect((await postPage(local, certTxId, { csrf, action: 'approve', pin: '000000' })).status).toBe(400);
    }
    const fifth = await postPage(local, certTxId, { csrf, action: 'approve', pin: '000000' });
    expect(fifth.status).toBe(423);
    expect(text(fifth.html)).toContain('서명할 수 없습니다');
    const person = await local.ca.controls.person(PERSON.ci);
    expect(person?.locked).toBe(true);
    expect(person!.lockedUntil! - local.clock.nowMs()).toBe(30 * 60_000);

    // Still locked 29 minutes later, on a new transaction: the right PIN is refused and nothing is signed.
    local.clock.advance(29 * 60_000);
    const later = await openRequest(local);
    const laterCsrf = csrfOf((await getPage(local, later)).html);
    const refused = await postPage(local, later, { csrf: laterCsrf, action: 'approve', pin: PERSON.pin });
    expect(refused.status).toBe(423);
    expect((await local.ca.controls.transaction(later))?.status).toBe('requested');
    expect(await local.repository.signatures(later)).toEqual([]);

    // One minute on, the lock has ended: the count starts again and the right PIN signs.
    local.clock.advance(60_000);
    const page = await getPage(local, later);
    expect(text(page.html)).toContain('남은 입력 횟수 5회');
    const ok = await postPage(local, later, { csrf: laterCsrf, action: 'approve', pin: PERSON.pin });
    expect(ok.status).toBe(200);
    expect(text(ok.html)).toContain('전자서명이 완료되었습니다');
    expect((await local.ca.controls.transaction(later))?.status).toBe('approved');
  });

  it('AC07: the lock shows when it ends, and a locked page disables the PIN field', async () => {
    const local = startHarness(world, { limits: { maxPinAttempts: 2, pinLockSeconds: 600 } });
    await local.ca.controls.enrol(PERSON);
    const certTxId = await openRequest(local);
    const csrf = csrfOf((await getPage(local, certTxId)).html);
    await postPage(local, certTxId, { csrf, action: 'approve', pin: '000000' });
    await postPage(local, certTxId, { csrf, action: 'approve', pin: '000000' });
    const page = await getPage(local, certTxId);
    expect(page.status).toBe(423);
    expect(text(page.html)).toMatch(/\d{4}년 \d{1,2}월 \d{1,2}일 \d{2}:\d{2}까지 서명할 수 없습니다/);
    expect(page.html).toMatch(/<input type="password"[^>]* disabled>/);
  });

  it('AC08: 거부 ends the transaction: refused, and the form no longer signs', async () => {
    const certTxId = await openRequest();
    const csrf = csrfOf((await getPage(h, certTxId)).html);
    const refused = await postPage(h, certTxId, { csrf, action: 'refuse' });
    expect(refused.status).toBe(200);
    expect(text(refused.html)).toContain('전자서명을 거부했습니다');
    expect((await h.ca.controls.transaction(certTxId))?.status).toBe('refused');
    const late = await postPage(h, certTxId, { csrf, action: 'approve', pin: PERSON.pin });
    expect(late.status).toBe(409);
    expect((await h.ca.controls.transaction(certTxId))?.status).toBe('refused');
  });

  it('AC09: an expired transaction shows a clear message (410) and cannot be signed', async () => {
    const certTxId = await openRequest();
    const csrf = csrfOf((await getPage(h, certTxId)).html);
    h.clock.advance(5 * 60_000);
    const page = await getPage(h, certTxId);
    expect(page.status).toBe(410);
    expect(text(page.html)).toContain('이 서명 요청의 유효시간이 지났습니다');
    const late = await postPage(h, certTxId, { csrf, action: 'approve', pin: PERSON.pin });
    expect(late.status).toBe(410);
    expect((await h.ca.controls.transaction(certTxId))?.status).toBe('expired');
  });

  it('AC10: a post without the CSRF token (or with another transaction’s) is refused (403) and changes nothing', async () => {
    const certTxId = await openRequest();
    const other = await openRequest();
    const otherCsrf = csrfOf((await getPage(h, other)).html);
    const missing = await postPage(h, certTxId, { action: 'approve', pin: PERSON.pin });
    expect(missing.status).toBe(403);
    const foreign = await postPage(h, certTxId, { csrf: otherCsrf, action: 'refuse' });
    expect(foreign.status).toBe(403);
    expect((await h.ca.controls.transaction(certTxId))?.status).toBe('requested');
    expect((await h.ca.controls.person(PERSON.ci))?.failedPinAttempts).toBe(0);
  });

  it('AC11: the right PIN signs every consent; a PIN never reaches the log', async () => {
    const certTxId = await openRequest();
    const csrf = csrfOf((await getPage(h, certTxId)).html);
    const ok = await postPage(h, certTxId, { csrf, action: 'approve', pin: PERSON.pin });
    expect(ok.status).toBe(200);
    expect(ok.html).toContain('href="hannun://sign-done"');
    expect(h.log.text()).not.toContain(PERSON.pin);
    expect((await h.repository.signatures(certTxId)).map((s) => s.txId)).toEqual(
      (await h.ca.controls.transaction(certTxId))?.consentTxIds,
    );
  });
});
