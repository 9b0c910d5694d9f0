import { apiById } from '@hannun/spec';
import { describeEachDialect } from '@hannun/store/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type PortalWorld, startPortalWorld } from '../testing/portal-world.ts';
import { manageToken, supportCall } from '../testing/support-call.ts';

const MYDATA = '/v2/mgmts/statistics/mydata';
const PROVIDER = '/v2/mgmts/statistics/provider';
const BANK_ACCOUNTS = apiById('은행-001').code;
const BANK_DETAIL = apiById('은행-002').code;

type Json = Record<string, unknown>;

/** The 7 days before Sunday 2026-11-22 (the world's clock is Monday 2026-11-23). */
const WEEK = Array.from({ length: 7 }, (_, i) => `202611${15 + i}`);

const slots = (calls: number) => [
  {
    tm_slot: '01',
    rsp_avg: '120',
    rsp_total: String(120 * calls),
    rsp_stdev: '15',
    success_api_cnt: String(calls - 1),
    fail_api_cnt: '1',
  },
  { tm_slot: '02', rsp_avg: '0', rsp_total: '0', rsp_stdev: '0', success_api_cnt: '0', fail_api_cnt: '0' },
];

function mydataBody(clientId: string, type: '1' | '2' = '2'): Json {
  const counters = type === '2' ? { consent_new: '3', consent_revoke: '1', consent_own: '40' } : {};
  return {
    type,
    client_id: clientId,
    inquiry_date: '20261122',
    stat_date_cnt: '7',
    stat_date_list: WEEK.map((stat_date, i) => ({
      stat_date,
      org_cnt: '1',
      org_list: [
        {
          org_code: 'BKNURI0001',
          ...counters,
          api_type_cnt: '2',
          api_type_list: [
            { api_type: BANK_ACCOUNTS, tm_slot_cnt: '2', tm_slot_list: slots(10 + i) },
            { api_type: BANK_DETAIL, tm_slot_cnt: '2', tm_slot_list: slots(4) },
          ],
        },
      ],
    })),
  };
}

function providerBody(clientId: string, extra: Json = {}): Json {
  return {
    type: '1',
    inquiry_date: '20261122',
    stat_date_cnt: '7',
    stat_date_list: WEEK.map((stat_date) => ({
      stat_date,
      mydata_svc_cnt: '1',
      mydata_svc_list: [
        {
          org_code: 'MDHANNUN01',
          client_id: clientId,
          api_type_cnt: '1',
          api_type_list: [
            {
              api_type: BANK_ACCOUNTS,
              tm_slot_cnt: '2',
              tm_slot_list: [
                { tm_slot: '01', success_api_cnt: '20', fail_api_cnt: '0' },
                { tm_slot: '02', success_api_cnt: '3', fail_api_cnt: '1' },
              ],
            },
          ],
        },
      ],
    })),
    ...extra,
  };
}

/** A copy of `body` with one change made by `edit`. */
function edited(body: Json, edit: (b: Json & { stat_date_list: Json[] }) => void): Json {
  const copy = structuredClone(body) as Json & { stat_date_list: Json[] };
  edit(copy);
  return copy;
}

describeEachDialect('지원-004/005 weekly statistics', (open) => {
  let world: PortalWorld;
  let clientId: string;
  let operatorToken: string;
  let bankToken: string;

  beforeAll(async () => {
    world = await startPortalWorld(open);
    clientId = (await world.admin.addService({ orgCode: 'MDHANNUN01', name: '한눈 앱' })).credential.clientId;
    operatorToken = await manageToken(world, 'MDHANNUN01');
    bankToken = await manageToken(world, 'BKNURI0001');
  });
  afterAll(async () => {
    await world.stop();
  });

  const sendMydata = (json: Json, token = operatorToken, as = 'mdhannun01') =>
    supportCall(world, as, 'POST', MYDATA, { token, json });
  const sendProvider = (json: Json, token = bankToken, as = 'bknuri0001') =>
    supportCall(world, as, 'POST', PROVIDER, { token, json });

  it('지원-004 / AC01: an operator’s week (Sunday, 7 days, 2 slots) is stored per service, week and type', async () => {
    const { status, body } = await sendMydata(mydataBody(clientId));
    expect({ status, body }).toEqual({ status: 200, body: { rsp_code: '00000', rsp_msg: '정상처리' } });
    const stored = await world.statistics.find('mydata', clientId, '20261122', 2);
    expect(stored).toMatchObject({ senderOrgCode: 'MDHANNUN01', type: 2 });
    expect(stored?.body).toEqual(mydataBody(clientId));
    expect((await sendMydata(mydataBody(clientId, '1'))).body.rsp_code).toBe('00000');
    expect((await world.statistics.list('mydata')).map((s) => s.type)).toEqual([1, 2]);
  });

  it('지원-004 / AC02: sending the same week and type again (a resend) replaces it', async () => {
    const again = edited(mydataBody(clientId), (b) => {
      ((b.stat_date_list[0]!.org_list as Json[])[0] as Json).consent_new = '9';
    });
    expect((await sendMydata(again)).body.rsp_code).toBe('00000');
    const list = await world.statistics.list('mydata');
    expect(list.filter((s) => s.type === 2)).toHaveLength(1);
    expect(JSON.stringify(list.find((s) => s.type === 2)?.body)).toContain('"consent_new":"9"');
  });

  it('지원-004 / AC03: bad bodies are refused with 40001 naming the field, and nothing is stored', async () => {
    const before = await world.statistics.list('mydata');
    const firstOrg = (b: { stat_date_list: Json[] }) => (b.stat_date_list[0]!.org_list as Json[])[0] as Json;
    const firstApi = (b: { stat_date_list: Json[] }) => (firstOrg(b).api_type_list as Json[])[0] as Json;
    const cases: [string, Json, string][] = [
      ['a Saturday inquiry_date', { ...mydataBody(clientId), inquiry_date: '20261121' }, 'inquiry_date'],
      ['a future Sunday', { ...mydataBody(clientId), inquiry_date: '20261129' }, 'inquiry_date'],
      [
        '6 days',
        edited(mydataBody(clientId), (b) => {
          b.stat_date_list.pop();
          b.stat_date_cnt = '6';
        }),
        'stat_date_cnt',
      ],
      [
        'a day outside the week',
        edited(mydataBody(clientId), (b) => {
          b.stat_date_list[0]!.stat_date = '20261122';
        }),
        'stat_date_list[0].stat_date',
      ],
      [
        'a day twice',
        edited(mydataBody(clientId), (b) => {
          b.stat_date_list[1]!.stat_date = '20261115';
        }),
        'stat_date_list[1].stat_date',
      ],
      [
        '3 time slots',
        edited(mydataBody(clientId), (b) => {
          const api = firstApi(b);
          api.tm_slot_list = [...(api.tm_slot_list as Json[]), (api.tm_slot_list as Json[])[0]];
          api.tm_slot_cnt = '3';
        }),
        'tm_slot_list',
      ],
      [
        'slot 01 twice',
        edited(mydataBody(clientId), (b) => {
          const api = firstApi(b);
          api.tm_slot_list = [(api.tm_slot_list as Json[])[0], (api.tm_slot_list as Json[])[0]];
        }),
        'tm_slot_list',
      ],
      [
        'an unknown API code',
        edited(mydataBody(clientId), (b) => {
          firstApi(b).api_type = 'ZZ99';
        }),
        'api_type',
      ],
      [
        'a support API code',
        edited(mydataBody(clientId), (b) => {
          firstApi(b).api_type = apiById('지원-102').code;
        }),
        'api_type',
      ],
      [
        'an average that is not total / calls',
        edited(mydataBody(clientId), (b) => {
          ((firstApi(b).tm_slot_list as Json[])[0] as Json).rsp_avg = '500';
        }),
        'rsp_avg',
      ],
      [
        'an unregistered provider',
        edited(mydataBody(clientId), (b) => {
          firstOrg(b).org_code = 'BKNOBODY01';
        }),
        'org_code',
      ],
      ['counters in a type 1 report', { ...mydataBody(clientId), type: '1' }, 'consent_new'],
      ['a type 2 report without counters', { ...mydataBody(clientId, '1'), type: '2' }, 'consent_own'],
      ['a client_id that is not its service', { ...mydataBody(clientId), client_id: 'q'.repeat(50) }, 'client_id'],
      ['type 3', { ...mydataBody(clientId), type: '3' }, 'type'],
      ['a count that disagrees', { ...mydataBody(clientId), stat_date_cnt: '5' }, 'stat_date_cnt'],
      ['an unknown field', { ...mydataBody(clientId), extra: 'x' }, 'extra'],
    ];
    for (const [what, json, field] of cases) {
      const { status, body } = await sendMydata(json);
      expect({ what, status, code: body.rsp_code }).toEqual({ what, status: 400, code: '40001' });
      expect({ what, msg: body.rsp_msg }).toEqual({ what, msg: expect.stringContaining(field) as unknown });
    }
    expect(await world.statistics.list('mydata')).toEqual(before);
  });

  it('지원-004 / AC04: a provider may not send operator statistics (40104); a body that is no JSON is 40001', async () => {
    expect((await sendMydata(mydataBody(clientId), bankToken, 'bknuri0001')).body.rsp_code).toBe('40104');
    const broken = await supportCall(world, 'mdhannun01', 'POST', MYDATA, {
      token: operatorToken,
      headers: { 'content-type': 'application/json' },
    });
    expect(broken.body.rsp_code).toBe('40001');
  });

  it('지원-005 / AC01: a provider’s week (per operator service, call counts per slot) is stored per provider and type', async () => {
    const { body } = await sendProvider(providerBody(clientId));
    expect(body.rsp_code).toBe('00000');
    expect(await world.statistics.find('provider', 'BKNURI0001', '20261122', 1)).toMatchObject({
      senderOrgCode: 'BKNURI0001',
      body: providerBody(clientId),
    });
  });

  it('지원-005 / AC02: org_code names another provider → 40303; a relay must name one it relays → 40303', async () => {
    expect((await sendProvider(providerBody(clientId, { org_code: 'BKOTHER001' }))).body.rsp_code).toBe('40303');
    const relayToken = await manageToken(world, 'RLHANNUN01');
    const relayed = await sendProvider(providerBody(clientId, { org_code: 'BKNURI0001' }), relayToken, 'rlhannun01');
    expect(relayed.body.rsp_code).toBe('40303');
    expect(relayed.body.rsp_msg).toContain('org_code');
    await world.admin.updateOrg('BKNURI0001', { relayOrgCode: 'RLHANNUN01' });
    const accepted = await sendProvider(
      providerBody(clientId, { org_code: 'BKNURI0001', type: '2' }),
      relayToken,
      'rlhannun01',
    );
    expect(accepted.body.rsp_code).toBe('40001'); // type 2 needs the consent counters
    const ok = await sendProvider(providerBody(clientId, { org_code: 'BKNURI0001' }), relayToken, 'rlhannun01');
    expect(ok.body.rsp_code).toBe('00000');
    expect((await world.statistics.find('provider', 'BKNURI0001', '20261122', 1))?.senderOrgCode).toBe('RLHANNUN01');
    await world.admin.updateOrg('BKNURI0001', { relayOrgCode: null });
  });

  it('지원-005 / AC03: a client_id that is not the operator’s service, or an operator caller, is refused', async () => {
    const foreign = edited(providerBody(clientId), (b) => {
      ((b.stat_date_list[2]!.mydata_svc_list as Json[])[0] as Json).client_id = 'z'.repeat(50);
    });
    const refused = await sendProvider(foreign);
    expect(refused.body).toMatchObject({ rsp_code: '40001' });
    expect(refused.body.rsp_msg).toContain('stat_date_list[2].mydata_svc_list[0].client_id');
    expect((await sendProvider(providerBody(clientId), operatorToken, 'mdhannun01')).body.rsp_code).toBe('40104');
  });
});
