import { utf8Length } from '@hannun/spec';
import { describeEachDialect } from '@hannun/store/testing';
import { createColumnSealer } from '@hannun/pki';
import { beforeAll, expect, it } from 'vitest';
import type { CaDatabase } from './store/ca-database.ts';
import { migrateCaStore, sqlCaRepository } from './store/sql-ca-repository.ts';
import {
  BANK,
  CARD,
  type CaWorld,
  consentFor,
  createCaWorld,
  OPERATOR,
  PERSON,
  signRequestBody,
  startHarness,
} from './testing/ca-fixture.ts';
import { approveOnPage, callApi, csrfOf, getPage, postPage, tokenOf } from './testing/inject-client.ts';

let world: CaWorld;
beforeAll(async () => {
  world = await createCaWorld();
});

describeEachDialect('the CA service on the SQL repository', (open) => {
  it('Flow B end to end: 102, wrong PIN counted, approval, 103, 104 true once then replay false', async () => {
    const store = await open<CaDatabase>();
    const sealer = createColumnSealer(world.secrets.storageKey);
    await migrateCaStore(store, sealer);
    const h = startHarness(world, { repository: sqlCaRepository(store, sealer) });
    await h.ca.controls.enrol(PERSON);
    const opToken = await tokenOf(h, OPERATOR);
    const request = signRequestBody([{ consent: consentFor(h.clock, BANK) }, { consent: consentFor(h.clock, CARD) }]);
    const opened = await callApi(h, '/ca/sign_request', opToken, request, OPERATOR);
    expect(opened.body.rsp_code).toBe('00000');
    const certTxId = opened.body.cert_tx_id as string;
    // The same sign_tx_id again: refused by the database's unique key.
    expect((await callApi(h, '/ca/sign_request', opToken, request, OPERATOR)).body.rsp_code).toBe('40001');

    const csrf = csrfOf((await getPage(h, certTxId)).html);
    expect((await postPage(h, certTxId, { csrf, action: 'approve', pin: '999999' })).status).toBe(400);
    expect((await h.ca.controls.person(PERSON.ci))?.attemptsLeft).toBe(4);
    await approveOnPage(h, certTxId, PERSON.pin);
    expect((await h.ca.controls.person(PERSON.ci))?.attemptsLeft).toBe(5);

    const result = await callApi(
      h,
      '/ca/sign_result',
      opToken,
      { cert_tx_id: certTxId, sign_tx_id: request.sign_tx_id },
      OPERATOR,
    );
    const item = (result.body.signed_consent_list as { tx_id: string; signed_consent: string }[])[0]!;
    const consent = (request.consent_list as { consent: string }[])[0]!.consent;
    const body = {
      tx_id: item.tx_id,
      cert_tx_id: certTxId,
      signed_consent_len: String(item.signed_consent.length),
      signed_consent: item.signed_consent,
      consent_type: '0',
      consent_len: String(utf8Length(consent)),
      consent,
    };
    const bankToken = await tokenOf(h, BANK);
    expect((await callApi(h, '/ca/sign_verification', bankToken, body, BANK)).body).toMatchObject({
      result: 'true',
      user_ci: PERSON.ci,
    });
    expect((await callApi(h, '/ca/sign_verification', bankToken, body, BANK)).body.result).toBe('false');
    await h.ca.api.stop();
    await h.ca.pages.stop();
  });
});
