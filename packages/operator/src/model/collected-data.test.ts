import { apiById, decodeMessage, type WireObject } from '@hannun/spec';
import { describeEachDialect } from '@hannun/store/testing';
import { expect, it } from 'vitest';
import { openTestDomain, signUpInput, T0, type TestDomain } from '../testing/operator-test-kit.ts';
import { sampleAnswer, sampleWire } from '../testing/sample-answer.ts';
import { ASSET_ROUTES } from './asset-routes.ts';
import { type CollectedAnswer, CollectedData } from './collected-data.ts';
import type { OperatorDatabase } from '../schema/operator-database.ts';
import type { Transaction } from '@hannun/store';
import { loose } from './model-db.ts';
import { MODEL_ROUTES } from './model-routes.ts';

const FLAGS_ON = { transMemo: true, merchantNameRegno: true, transCategory: true };
const FLAGS_OFF = { transMemo: false, merchantNameRegno: false, transCategory: false };
const BANK = 'BKTESTAA01';

const decode = (apiId: string, wire: WireObject) =>
  decodeMessage(apiById(apiId).response, wire, { location: 'response' }) as Record<string, unknown>;

function accounts(...nums: string[]): Record<string, unknown> {
  return decode('은행-001', {
    account_cnt: String(nums.length),
    account_list: nums.map((n, i) => ({
      account_num: n,
      is_consent: 'true',
      seqno: '1',
      is_foreign_deposit: i === 1 ? 'true' : 'false',
      prod_name: `한눈자유예금${i}`,
      is_minus: 'false',
      account_type: '1001',
      account_status: '01',
    })),
  });
}

function depositTx(rows: Partial<Record<string, string>>[]): Record<string, unknown> {
  return decode('은행-004', {
    trans_cnt: String(rows.length),
    trans_list: rows.map((r) => ({
      trans_dtime: '20261120101010',
      trans_type: '01',
      trans_class: '이체',
      currency_code: 'KRW',
      trans_amt: '15000',
      balance_amt: '1234000',
      ...r,
    })) as WireObject[],
  });
}

async function setUp(d: TestDomain) {
  const { personId } = await d.people.signUp(signUpInput());
  const base = { personId, orgCode: BANK, apiType: 'user-consent' as const, collectedAt: T0, flags: FLAGS_ON };
  const listed = await d.data.store({ ...base, apiId: '은행-001', body: accounts('1002123456789', '1002999888777') });
  return { personId, base, assets: listed.assets ?? [] };
}

describeEachDialect('model: the normalised model, idempotent and sealed', (open) => {
  it('AC: a list API names assets, keyed by the provider’s identifiers, their numbers sealed and searchable', async () => {
    const d = await openTestDomain(open);
    const { personId, assets } = await setUp(d);
    expect(assets.map((a) => a.key)).toEqual(
      expect.arrayContaining([
        { account_num: '1002123456789', seqno: '1' },
        { account_num: '1002999888777', seqno: '1' },
      ]),
    );
    const rows = await d.store.db.selectFrom('op_asset').selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain('1002123456789');
    expect(rows[0]).toMatchObject({ org_code: BANK, api_id: '은행-001', api_type: 'user-consent', collected_at: T0 });
    const found = await d.data.assetsByNumber(personId, '1002123456789');
    expect(found.map((a) => a.key.account_num)).toEqual(['1002123456789']);
    expect(found[0]).toMatchObject({
      name: '한눈자유예금0',
      typeCode: '1001',
      statusCode: '01',
      isConsent: true,
      attrs: { is_foreign_deposit: 'false', is_minus: 'false' },
    });
  });

  it('AC: writing the same list again changes nothing; a complete list without an asset delists it; listing it again brings it back', async () => {
    const d = await openTestDomain(open);
    const { base, personId } = await setUp(d);
    const again = await d.data.store({
      ...base,
      apiId: '은행-001',
      body: accounts('1002123456789', '1002999888777'),
      collectedAt: T0 + 1000,
    });
    expect(again).toMatchObject({ received: 2, changed: 0, removed: 0 });
    const shorter = await d.data.store({ ...base, apiId: '은행-001', body: accounts('1002123456789') });
    expect(shorter).toMatchObject({ changed: 0, removed: 1 });
    expect((await d.data.assets(personId)).map((a) => a.key.account_num)).toEqual(['1002123456789']);
    expect(await d.data.assets(personId, { includeDelisted: true })).toHaveLength(2);
    const partial = await d.data.store({
      ...base,
      apiId: '은행-001',
      body: accounts('1002999888777'),
      complete: false,
    });
    expect(partial).toMatchObject({ changed: 1, removed: 0 });
    expect(await d.data.assets(personId)).toHaveLength(2);
  });

  it('AC: exactly once: a second write of the same transactions changes nothing; a changed one is replaced, not duplicated', async () => {
    const d = await openTestDomain(open);
    const { base, assets, personId } = await setUp(d);
    const asset = assets.find((a) => a.key.account_num === '1002123456789')!;
    const page = depositTx([
      { trans_no: '0001', trans_memo: '월세 김집주인' },
      { trans_no: '0002', trans_amt: '3000' },
    ]);
    const w = { ...base, apiId: '은행-004', assetId: asset.id, body: page };
    expect(await d.data.store(w)).toMatchObject({ table: 'op_m_deposit_tx', received: 2, changed: 2 });
    expect(await d.data.store({ ...w, collectedAt: T0 + 60_000, apiType: 'scheduled' })).toMatchObject({ changed: 0 });
    const rows = await d.data.rows(personId, 'op_m_deposit_tx', { assetId: asset.id });
    expect(rows).toHaveLength(2);
    expect(
      rows.every(
        (r) => r.collectedAt === T0 && r.apiType === 'user-consent' && r.apiId === '은행-004' && r.orgCode === BANK,
      ),
    ).toBe(true);
    const changed = depositTx([
      { trans_no: '0001', trans_memo: '월세 (정정)' },
      { trans_no: '0002', trans_amt: '3000' },
    ]);
    expect(await d.data.store({ ...w, body: changed })).toMatchObject({ changed: 1 });
    const after = await d.data.rows(personId, 'op_m_deposit_tx', { assetId: asset.id });
    expect(after).toHaveLength(2);
    expect(after.find((r) => r.values.trans_no === '0001')?.values.trans_memo).toBe('월세 (정정)');
  });

  it('`first` commits with the write or not at all (the engine’s step mark): either failing leaves neither', async () => {
    const d = await openTestDomain(open);
    const { base, assets, personId } = await setUp(d);
    const asset = assets.find((a) => a.key.account_num === '1002123456789')!;
    const w = { ...base, apiId: '은행-004', assetId: asset.id, body: depositTx([{ trans_no: '0001' }]) };
    const count = async (table: string) =>
      Number(
        (
          await loose(d.store.db)
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirst()
        )?.n,
      );
    // The step's stand-in: a row of its own, written by `first` inside the model's transaction.
    const mark = async (trx: Transaction<OperatorDatabase>) => {
      expect(trx.isTransaction).toBe(true);
      await loose(trx).insertInto('op_an_rule_version').values({ person_id: personId, version: 7 }).execute();
    };
    const lost = new Error('lease lost');
    await expect(
      d.data.store(w, async (trx) => {
        await mark(trx);
        throw lost;
      }),
    ).rejects.toBe(lost);
    expect([await count('op_m_deposit_tx'), await count('op_an_tx'), await count('op_an_rule_version')]).toEqual([
      0, 0, 0,
    ]);
    // The write failing after `first` (here its listener) takes the step back with it.
    const failing = new CollectedData({
      store: d.store,
      crypto: d.crypto,
      listener: {
        rowsStored: async () => {
          throw lost;
        },
        institutionDeleted: async () => {},
      },
    });
    await expect(failing.store(w, mark)).rejects.toBe(lost);
    expect([await count('op_m_deposit_tx'), await count('op_an_rule_version')]).toEqual([0, 0]);
    const relisted = { ...base, apiId: '은행-001', body: accounts('1002123456789') };
    await expect(
      d.data.store(relisted, async () => {
        throw lost;
      }),
    ).rejects.toBe(lost);
    // The complete list without the second account would have delisted it: rolled back, both stay listed.
    expect(
      await d.store.db.selectFrom('op_asset').select('id').where('delisted_at', 'is', null).execute(),
    ).toHaveLength(2);
    await d.data.store(w, mark);
    expect([await count('op_m_deposit_tx'), await count('op_an_tx'), await count('op_an_rule_version')]).toEqual([
      1, 1, 1,
    ]);
  });

  it('identical rows without a transaction number are kept apart by occurrence, and still written once', async () => {
    const d = await openTestDomain(open);
    const { base, assets, personId } = await setUp(d);
    const w = { ...base, apiId: '은행-004', assetId: assets[0]!.id, body: depositTx([{}, {}, { trans_amt: '1' }]) };
    expect(await d.data.store(w)).toMatchObject({ received: 3, changed: 3 });
    expect(await d.data.store(w)).toMatchObject({ changed: 0 });
    expect(await d.data.rows(personId, 'op_m_deposit_tx')).toHaveLength(3);
  });

  it('a paginated answer is given as pages: identical rows split across pages stay apart, 500+ rows at once', async () => {
    const d = await openTestDomain(open);
    const { base, assets, personId } = await setUp(d);
    const many = Array.from({ length: 500 }, (_, i) => ({ trans_no: String(i) }));
    const w = {
      ...base,
      apiId: '은행-004',
      assetId: assets[0]!.id,
      pages: [depositTx(many), depositTx([{}, {}]), depositTx([{}])],
    };
    expect(await d.data.store(w)).toMatchObject({ received: 503, changed: 503 });
    expect(await d.data.store(w)).toMatchObject({ changed: 0 });
    expect(await d.data.rows(personId, 'op_m_deposit_tx', { limit: 1000 })).toHaveLength(503);
    await expect(d.data.store({ ...w, body: depositTx([{}]) })).rejects.toMatchObject({ field: 'body' });
    const bad = depositTx([{}]);
    (bad.trans_list as Record<string, unknown>[])[0]!.trans_dtime = undefined;
    await expect(d.data.store({ ...w, pages: [depositTx([{}]), bad] })).rejects.toMatchObject({
      field: 'pages[1].trans_list[0].trans_dtime',
    });
  });

  it('AC: memo and other personal identifiers are sealed; amounts are whole KRW numbers', async () => {
    const d = await openTestDomain(open);
    const { base, assets, personId } = await setUp(d);
    await d.data.store({
      ...base,
      apiId: '은행-004',
      assetId: assets[0]!.id,
      body: depositTx([{ trans_no: '9', trans_memo: '김한눈에게 송금' }]),
    });
    const raw = await loose(d.store.db).selectFrom('op_m_deposit_tx').selectAll().execute();
    expect(JSON.stringify(raw)).not.toContain('김한눈에게');
    expect(raw[0]).toMatchObject({ trans_amt: 15000, trans_amt_dec: null, balance_amt: 1234000 });
    const [row] = await d.data.rows(personId, 'op_m_deposit_tx');
    expect(row?.values).toMatchObject({
      trans_amt: 15000,
      balance_amt: 1234000,
      trans_memo: '김한눈에게 송금',
      trans_dtime: '20261120101010',
    });
  });

  it('AC (v2 consent flags): a memo is not kept when the consent did not include it, whatever the provider sent', async () => {
    const d = await openTestDomain(open);
    const { base, assets, personId } = await setUp(d);
    await d.data.store({
      ...base,
      flags: FLAGS_OFF,
      apiId: '은행-004',
      assetId: assets[0]!.id,
      body: depositTx([{ trans_no: '1', trans_memo: '보내면 안 되는 메모' }]),
    });
    const [row] = await d.data.rows(personId, 'op_m_deposit_tx');
    expect(row?.values.trans_memo).toBeNull();
    const raw = await loose(d.store.db).selectFrom('op_m_deposit_tx').select('trans_memo_sealed').execute();
    expect(raw[0]?.trans_memo_sealed).toBeNull();
  });

  it('foreign-currency amounts are kept as decimal strings, KRW ones as numbers (overseas approvals)', async () => {
    const d = await openTestDomain(open);
    const { personId } = await d.people.signUp(signUpInput());
    const base = {
      personId,
      orgCode: 'CDTESTAA01',
      apiType: 'user-consent' as const,
      collectedAt: T0,
      flags: FLAGS_ON,
    };
    const listed = await d.data.store({
      ...base,
      apiId: '카드-001',
      body: sampleAnswer(apiById('카드-001').response, { card_num: '4111111111111111', card_id: 'C001' }),
    });
    const card = listed.assets![0]!;
    expect(card.personal).toEqual({ card_num: '4111111111111111' });
    const body = sampleAnswer(apiById('카드-009').response, {
      approved_amt: '12.34',
      currency_code: 'USD',
      krw_amt: '16500',
      approved_num: '77',
    });
    await d.data.store({ ...base, apiId: '카드-009', assetId: card.id, body });
    const [row] = await d.data.rows(personId, 'op_m_approval');
    expect(row?.values).toMatchObject({
      region: 'overseas',
      approved_amt: '12.34',
      krw_amt: 16500,
      currency_code: 'USD',
    });
    expect(JSON.stringify(await d.store.db.selectFrom('op_asset').selectAll().execute())).not.toContain(
      '4111111111111111',
    );
  });

  it('a card approval that is cancelled later updates its row (same approval number and time)', async () => {
    const d = await openTestDomain(open);
    const { personId } = await d.people.signUp(signUpInput());
    const base = { personId, orgCode: 'CDTESTAA01', apiType: 'scheduled' as const, collectedAt: T0, flags: FLAGS_ON };
    const card = (await d.data.store({ ...base, apiId: '카드-001', body: sampleAnswer(apiById('카드-001').response) }))
      .assets![0]!;
    const approval = (status: string) =>
      sampleAnswer(apiById('카드-008').response, { approved_num: '123', status, approved_amt: '50000' });
    await d.data.store({ ...base, apiId: '카드-008', assetId: card.id, body: approval('01') });
    expect(await d.data.store({ ...base, apiId: '카드-008', assetId: card.id, body: approval('02') })).toMatchObject({
      changed: 1,
    });
    const rows = await d.data.rows(personId, 'op_m_approval');
    expect(rows.map((r) => r.values.status)).toEqual(['02']);
  });

  it('snapshots: holdings no longer in a complete answer are deleted', async () => {
    const d = await openTestDomain(open);
    const { personId } = await d.people.signUp(signUpInput());
    const base = { personId, orgCode: 'IVTESTAA01', apiType: 'scheduled' as const, collectedAt: T0, flags: FLAGS_ON };
    const acct = (await d.data.store({ ...base, apiId: '금투-001', body: sampleAnswer(apiById('금투-001').response) }))
      .assets![0]!;
    const two = sampleWire(apiById('금투-004').response);
    const item = (two.prod_list as WireObject[])[0]!;
    two.prod_list = [item, { ...item, prod_code: 'KR7005930003', prod_name: '한눈전자' }];
    two.prod_cnt = '2';
    await d.data.store({ ...base, apiId: '금투-004', assetId: acct.id, body: decode('금투-004', two) });
    expect(await d.data.rows(personId, 'op_m_holding')).toHaveLength(2);
    const one = { ...two, prod_list: [item], prod_cnt: '1' };
    expect(
      await d.data.store({ ...base, apiId: '금투-004', assetId: acct.id, body: decode('금투-004', one) }),
    ).toMatchObject({ changed: 0, removed: 1 });
    expect(await d.data.rows(personId, 'op_m_holding')).toHaveLength(1);
  });

  it('bad input: a malformed answer, someone else’s asset, a missing request field — a clear error and nothing written', async () => {
    const d = await openTestDomain(open);
    const { base, assets, personId } = await setUp(d);
    const other = (await d.people.signUp(signUpInput())).personId;
    const good = { ...base, apiId: '은행-004', assetId: assets[0]!.id, body: depositTx([{ trans_no: '1' }]) };
    const broken = depositTx([{ trans_no: '1' }, { trans_no: '2' }]);
    (broken.trans_list as Record<string, unknown>[])[1]!.trans_amt = undefined;
    await expect(d.data.store({ ...good, body: broken })).rejects.toMatchObject({
      code: 'OP_MODEL_ROW',
      field: 'body.trans_list[1].trans_amt',
    });
    await expect(d.data.store({ ...good, personId: other })).rejects.toMatchObject({ field: 'assetId' });
    await expect(d.data.store({ ...good, assetId: undefined })).rejects.toMatchObject({ field: 'assetId' });
    await expect(
      d.data.store({ ...good, apiId: '은행-008', body: sampleAnswer(apiById('은행-008').response) }),
    ).resolves.toMatchObject({ changed: 1 });
    await expect(
      d.data.store({ ...good, apiId: '금투-002', body: sampleAnswer(apiById('금투-002').response) }),
    ).rejects.toMatchObject({ field: 'assetId' });
    const bill = {
      ...base,
      orgCode: 'CDTESTAA01',
      apiId: '카드-005',
      body: sampleAnswer(apiById('카드-005').response),
    };
    await expect(d.data.store(bill)).rejects.toMatchObject({ field: 'request.charge_month' });
    await expect(d.data.store({ ...good, apiId: '공통-002' })).rejects.toMatchObject({ field: 'apiId' });
    expect(await d.data.rows(personId, 'op_m_deposit_tx')).toHaveLength(0);
  });

  it('every route stores a valid answer of its API, twice without change (all industries, all tables)', async () => {
    const d = await openTestDomain(open);
    const { personId } = await d.people.signUp(signUpInput());
    const base = {
      personId,
      orgCode: 'BKTESTAA01',
      apiType: 'user-consent' as const,
      collectedAt: T0,
      flags: FLAGS_ON,
    };
    const assetOf = new Map<string, string>();
    for (const r of ASSET_ROUTES) {
      const res = await d.data.store({ ...base, apiId: r.api, body: sampleAnswer(apiById(r.api).response) });
      expect(res.assets, r.api).toHaveLength(1);
      assetOf.set(r.api, res.assets![0]!.id);
    }
    for (const route of MODEL_ROUTES) {
      const api = apiById(route.api);
      const w: CollectedAnswer = {
        ...base,
        apiId: route.api,
        body: sampleAnswer(api.response),
        ...(api.listedBy ? { assetId: assetOf.get(api.listedBy)! } : {}),
        ...(route.fromRequest
          ? { request: { charge_month: '202611', seqno: '1', insured_no: '01', car_number: '12가3456' } }
          : {}),
      };
      expect(await d.data.store(w), route.api).toMatchObject({ changed: 1 });
      expect(await d.data.store(w), route.api).toMatchObject({ changed: 0 });
      const rows = await d.data.rows(personId, route.table.name);
      expect(
        rows.some((r) => r.apiId === route.api),
        route.api,
      ).toBe(true);
    }
  });
});
