import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger, createLogSink } from '@hannun/infra';
import {
  createOperatorDomain,
  createOperatorSupport,
  generateKeyRing,
  type OperatorDatabase,
  openOperatorStore,
  operatorDueInquiryDate,
  recordTransmission,
  statisticsWeek,
} from '@hannun/operator';
import { tlsServerOptions } from '@hannun/pki';
import { hashClientSecret } from '@hannun/registry';
import type { Store } from '@hannun/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HANNUN_APP, HANNUN_OPERATOR } from '../ecosystem/demo-organisations.ts';
import type { ServiceContext } from '../ecosystem/service-definition.ts';
import { type Ecosystem, startEcosystem } from '../ecosystem/start-ecosystem.ts';
import { type PortalAdminClient, portalAdminClient } from '../portal/portal-admin-client.ts';
import { portalService } from '../portal/portal-service.ts';
import { type OperatorStatistics, operatorStatistics } from './operator-statistics.ts';

/**
 * 지원-004 end to end with the real portal, as `hannun up` wires the operator's side (operatorStatistics, and the
 * sender as the support APIs' 지원-104 seam): calls the operator made last week are in its records; the sender
 * posts the week to the portal over mutual TLS with its 지원-001 token; the portal validates and stores it; the
 * portal's administrator asks for the week again (지원-104 to the operator's support URL, announced as its domain)
 * and it comes again.
 */
const inquiryDate = operatorDueInquiryDate(Date.now());
const week = statisticsWeek(inquiryDate);
/** Wednesday of last week, `hour` KST. */
const at = (hour: number) =>
  Date.UTC(Number(week[3]!.slice(0, 4)), Number(week[3]!.slice(4, 6)) - 1, Number(week[3]!.slice(6, 8)), hour - 9);

let dir: string;
let eco: Ecosystem;
let admin: PortalAdminClient;
let store: Store<OperatorDatabase>;
let stats: OperatorStatistics;
let support: { start(o: { host: string; port: number }): Promise<string>; stop(): Promise<void> };

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hannun-op-stats-'));
  eco = await startEcosystem({
    env: { PORTAL_PORT: '0', HANNUN_DATA_DIR: dir },
    services: [portalService],
    logDestination: createLogSink(),
  });
  admin = (await portalAdminClient(dir))!;
  const logger = createLogger({ service: 'operator', destination: createLogSink(), level: 'warn' });
  store = await openOperatorStore({ url: `sqlite:${join(dir, 'operator-stats.db')}`, logger });
  const app = eco.trust.credentials.services.get(HANNUN_APP.key)!;
  const domain = createOperatorDomain({
    store,
    keyRing: generateKeyRing(),
    registry: eco.trust.registry,
    recipient: { orgCode: HANNUN_OPERATOR.orgCode, clientId: app.clientId },
  });
  const ctx = {
    running: () => eco.services,
    trust: eco.trust,
    logger,
  } as unknown as ServiceContext;
  stats = operatorStatistics(ctx, { store, registry: eco.trust.registry, clientIds: [app.clientId], mutualTls: true })!;
  const portalCredential = eco.trust.credentials.portal.get(HANNUN_OPERATOR.orgCode)!;
  support = createOperatorSupport({
    orgCode: HANNUN_OPERATOR.orgCode,
    signingKey: eco.trust.pki.org(HANNUN_OPERATOR.pkiId).signing!,
    registry: eco.trust.registry,
    domain,
    portalCredential: {
      clientId: portalCredential.clientId,
      clientSecretHash: hashClientSecret(portalCredential.clientSecret),
    },
    tls: tlsServerOptions(eco.trust.pki.org(HANNUN_OPERATOR.pkiId)),
    allowLoopback: true,
    statistics: stats.sender,
    logger,
    version: 'test',
    metrics: false,
  });
  const supportUrl = await support.start({ host: '127.0.0.1', port: 0 });
  // Where the portal finds the operator's support APIs (as hannun up announces it).
  await admin.call('PATCH', `/admin/orgs/${HANNUN_OPERATOR.orgCode}`, { domain: supportUrl });

  // Last week's calls: three 은행-001 at 누리은행 (one failed) in the day slot, one 은행-004 at night, scheduled.
  const calls: [number, string, string][] = [
    [at(10), '은행-001', '00000'],
    [at(11), '은행-001', '00000'],
    [at(12), '은행-001', '50001'],
    [at(22), '은행-004', '00000'],
  ];
  for (const [ms, api, rsp] of calls) {
    await recordTransmission(store.db, {
      personRef: null,
      consentId: null,
      orgCode: 'BKNURI0001',
      apiId: api,
      apiType: 'scheduled',
      tranId: 'MDHANNUN01M00000000000001',
      requestedAt: ms,
      durationMs: 120,
      httpStatus: rsp === '00000' ? 200 : 500,
      rspCode: rsp,
      rowsReceived: 3,
      rowsStored: 3,
    });
  }
}, 120_000);

afterAll(async () => {
  await support?.stop();
  await stats?.stop();
  await store?.close();
  await eco?.stop();
  await rm(dir, { recursive: true, force: true });
});

type Listed = { subject: string; sender_org_code: string; inquiry_date: string; type: number; received_at: string };
const listed = async () =>
  ((await admin.call('GET', '/admin/statistics?kind=mydata')).statistics_list as Listed[]).filter(
    (s) => s.inquiry_date === inquiryDate,
  );

describe('issue #6 item 8 / issue #5: the operator’s weekly statistics (지원-004) from its call records, and 지원-104', () => {
  it('the week owed is sent at start, accepted by the portal (both types), and not sent again', async () => {
    const reports = await stats.sender.start();
    expect(reports.map((r) => [r.type, r.ok, r.error])).toEqual([
      ['1', true, undefined],
      ['2', true, undefined],
    ]);
    expect(reports[0]).toMatchObject({ inquiryDate, calls: 4, entries: 1 });
    expect(reports[1]).toMatchObject({ calls: 0 });
    const got = await listed();
    expect(got.map((s) => [s.type, s.sender_org_code])).toEqual([
      [1, HANNUN_OPERATOR.orgCode],
      [2, HANNUN_OPERATOR.orgCode],
    ]);
    expect(await stats.sender.sendDue()).toEqual([]);
  });

  it('지원-104: the portal asks the operator for the week again and it comes again', async () => {
    const before = await store.db.selectFrom('op_statistics_sent').selectAll().execute();
    const receivedBefore = (await listed()).find((s) => s.type === 1)!.received_at;
    await new Promise((r) => setTimeout(r, 5));
    const answer = await admin.call('POST', '/admin/statistics/resend', {
      org_code: HANNUN_OPERATOR.orgCode,
      inquiry_date: inquiryDate,
      type: '1',
    });
    expect(answer).toEqual({ accepted: true });
    const after = await store.db.selectFrom('op_statistics_sent').selectAll().where('type', '=', '1').execute();
    expect(after[0]!.sent_at).toBeGreaterThan(before.find((b) => b.type === '1')!.sent_at);
    // The portal received type 1 again (and only type 1).
    const again = await listed();
    expect(again.find((s) => s.type === 1)!.received_at > receivedBefore).toBe(true);
    expect(again).toHaveLength(2);
  });
});
