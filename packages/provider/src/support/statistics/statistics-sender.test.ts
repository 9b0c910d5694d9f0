import { createLogger, createLogSink } from '@hannun/infra';
import { SupportApiError } from '@hannun/registry';
import type { WireObject } from '@hannun/spec';
import { describe, expect, it } from 'vitest';
import { kstToEpochMs } from '../../clock/kst.ts';
import { createManualClock } from '../../clock/manual-clock.ts';
import { createCallTally } from './call-tally.ts';
import { createMemoryCallStatsStore } from './call-stats-store.ts';
import type { PortalStatisticsClient } from '@hannun/registry';
import { createStatisticsSender } from './statistics-sender.ts';
import { dueInquiryDate, nextMondayAt, weekDays } from './statistics-week.ts';

const KST = (d: number, h: number, m = 0) => kstToEpochMs(2025, 3, d, h, m);

/** The portal as the sender sees it: what was posted, and an answer chosen by the test. */
function portalDouble() {
  const posted: WireObject[] = [];
  let refuse: string | undefined;
  const client: PortalStatisticsClient = {
    async send(body) {
      if (refuse) throw new SupportApiError('지원-005', 400, refuse, 'refused');
      posted.push(body);
    },
  };
  return {
    client,
    posted,
    refuseWith(code: string | undefined) {
      refuse = code;
    },
  };
}

function world(start: number) {
  const clock = createManualClock(start);
  const tally = createCallTally();
  const store = createMemoryCallStatsStore();
  const portal = portalDouble();
  const sender = createStatisticsSender({
    orgCodes: ['BKNURI0001', 'CDNURI0001'],
    tally,
    store,
    consents: () => [],
    client: portal.client,
    senderOrgCode: 'RLHANNUN01',
    clock,
    logger: createLogger({ service: 'provider', destination: createLogSink() }),
  });
  const call = (orgCode: string, atMs: number) =>
    tally.record({
      orgCode,
      atMs,
      caller: { orgCode: 'MDHANNUN01', clientId: 'hannunapp' },
      apiCode: 'BA01',
      type: '1',
      slot: '02',
      rspCode: '00000',
      elapsedMs: 12.4,
    });
  return { clock, tally, store, portal, sender, call };
}

describe('the week arithmetic of 지원-005', () => {
  it('a week is the Sunday to Saturday before its inquiry date; Monday is when it is owed', () => {
    expect(weekDays('20250316')).toEqual([
      '20250309',
      '20250310',
      '20250311',
      '20250312',
      '20250313',
      '20250314',
      '20250315',
    ]);
    expect(dueInquiryDate(KST(17, 0, 1))).toBe('20250316'); // Monday
    expect(dueInquiryDate(KST(23, 23))).toBe('20250316'); // the Sunday after: still that week
    expect(dueInquiryDate(KST(16, 12))).toBe('20250309'); // Sunday 03-16 itself: the week before
    expect(nextMondayAt(KST(16, 12), 60)).toBe(KST(17, 1));
    expect(nextMondayAt(KST(17, 1), 60)).toBe(KST(24, 1));
  });
});

describe('지원-005 sender: schedule, catch-up, on demand', () => {
  it('AC01: a provider that recorded nothing of the week owed sends nothing at start', async () => {
    const w = world(KST(17, 2)); // Monday 02:00
    expect(await w.sender.start()).toEqual([]);
    expect(w.portal.posted).toEqual([]);
    await w.sender.stop();
  });

  it('AC02: at start, the week owed and not sent is sent (both types, each institution, via the relay); then never again by the schedule', async () => {
    const w = world(KST(12, 9));
    await w.store.markRecording(['BKNURI0001', 'CDNURI0001'], KST(12, 9));
    w.call('BKNURI0001', KST(12, 22));
    w.call('BKNURI0001', KST(14, 23));
    w.call('BKNURI0001', KST(16, 1)); // the next week
    w.clock.set(KST(17, 0, 30)); // Monday before the sending time: the week of 03-09 is owed, not recorded
    expect(await w.sender.start()).toEqual([]);
    w.clock.set(KST(17, 1, 30));
    const reports = await w.sender.sendDue();
    expect(reports.map((r) => [r.orgCode, r.type, r.ok, r.calls])).toEqual([
      ['BKNURI0001', '1', true, 2],
      ['BKNURI0001', '2', true, 0],
      ['CDNURI0001', '1', true, 0],
      ['CDNURI0001', '2', true, 0],
    ]);
    expect(w.portal.posted.map((b) => [b.org_code, b.type, b.inquiry_date])).toEqual([
      ['BKNURI0001', '1', '20250316'],
      ['BKNURI0001', '2', '20250316'],
      ['CDNURI0001', '1', '20250316'],
      ['CDNURI0001', '2', '20250316'],
    ]);
    const days = (w.portal.posted[0]!.stat_date_list as { mydata_svc_cnt: string }[]).map((d) => d.mydata_svc_cnt);
    expect(days).toEqual(['0', '0', '0', '1', '0', '1', '0']);
    expect(await w.store.sent('BKNURI0001', '20250316', '2')).toMatchObject({ sentMs: KST(17, 1, 30) });
    expect(await w.sender.sendDue()).toEqual([]);
    expect(w.portal.posted).toHaveLength(4);
    await w.sender.stop();
  });

  it('AC03: a week the portal refuses is not marked sent, and is sent again when asked', async () => {
    const w = world(KST(12, 9));
    await w.store.markRecording(['BKNURI0001'], KST(10, 0));
    w.clock.set(KST(17, 2));
    w.portal.refuseWith('40001');
    const refused = await w.sender.sendDue();
    expect(refused.filter((r) => r.orgCode === 'BKNURI0001').map((r) => [r.ok, r.error])).toEqual([
      [false, '지원-005: 40001 refused'],
      [false, '지원-005: 40001 refused'],
    ]);
    expect(await w.store.sent('BKNURI0001', '20250316', '1')).toBeUndefined();
    w.portal.refuseWith(undefined);
    expect((await w.sender.sendDue()).map((r) => r.ok)).toEqual([true, true]);
    await w.sender.stop();
  });

  it('지원-104 / AC01: a resend sends the week asked for again, only the types asked for, only for its institutions', async () => {
    const w = world(KST(20, 9));
    w.call('CDNURI0001', KST(11, 20));
    const reports = await w.sender.resend('CDNURI0001', '20250316', ['1']);
    expect(reports.map((r) => [r.orgCode, r.type, r.ok, r.calls])).toEqual([['CDNURI0001', '1', true, 1]]);
    expect(w.portal.posted).toHaveLength(1);
    await expect(w.sender.resend('BKOTHER001', '20250316', ['1'])).rejects.toThrow(/not an institution/);
    await expect(w.sender.resend('CDNURI0001', '20250315', ['1'])).rejects.toThrow(/not a Sunday/);
    expect(w.portal.posted).toHaveLength(1);
    await w.sender.stop();
  });
});
