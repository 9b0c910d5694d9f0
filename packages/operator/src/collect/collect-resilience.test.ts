import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRegistry } from '@hannun/registry';
import { sql } from '@hannun/store';
import { describeEachDialect } from '@hannun/store/testing';
import { request } from 'undici';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import type { OperatorDomain } from '../operator-domain.ts';
import type { OperatorDatabase } from '../schema/operator-database.ts';
import { formatYmd, kstDate, kstStartOfDay } from '../time/kst.ts';
import type { ProgressEvent } from './progress.ts';
import { compareWithTruth } from './testing/compare-truth.ts';
import {
  CLIENT_ID,
  type CollectWorld,
  collectDomain,
  connectPerson,
  startCollectWorld,
} from './testing/collect-world.ts';
import { testEngine } from './testing/test-engine.ts';

let world: CollectWorld;
beforeAll(async () => {
  world = await startCollectWorld();
}, 60_000);
afterAll(() => world?.close());
let start = 0;
beforeAll(() => {
  start = world.clock.nowMs();
});
afterEach(() => {
  world.engine.provider.faults!.clear();
  world.clock.set(start);
});

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

async function differences(
  domain: OperatorDomain,
  personId: string,
  ci: string,
  orgs: readonly string[],
  apis?: ReadonlySet<string>,
) {
  const today = kstDate(world.clock.nowMs());
  const from = formatYmd(today.subtract({ months: 12 }));
  const monthFrom = formatYmd(today.toPlainYearMonth().subtract({ months: 11 }).toPlainDate({ day: 1 }));
  const out: string[] = [];
  for (const orgCode of orgs) {
    const truth = await world.truth(orgCode, ci, { from, to: formatYmd(today) });
    const monthTruth = await world.truth(orgCode, ci, { from: monthFrom, to: formatYmd(today) });
    out.push(
      ...(await compareWithTruth({
        domain,
        personId,
        orgCode,
        truth,
        monthTruth,
        chargeMonth: formatYmd(today).slice(0, 6),
        ...(apis ? { apis } : {}),
      })),
    );
  }
  return out;
}

async function rowsAt(domain: OperatorDomain, orgCode: string, table: string): Promise<number> {
  const r = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)} where org_code = ${orgCode}`.execute(
    domain.store.db,
  );
  return Number(r.rows[0]?.n ?? 0);
}

const statuses = async (engine: ReturnType<typeof testEngine>['engine'], personId: string) =>
  Object.fromEntries((await engine.jobs.forPerson(personId)).map((j) => [j.orgCode, j.status]));

describeEachDialect('collection engine, when things go wrong', (open) => {
  it('np_time / AC06: a scheduled collection waits for the provider’s window and runs inside it', async () => {
    const domain = await collectDomain(await open<OperatorDatabase>(), world);
    const { ci, orgs } = world.customer(1);
    const { personId } = await connectPerson(domain, world, ci, orgs);
    const { engine, calls } = testEngine(domain, world);
    await engine.afterConsent(personId);
    await engine.runUntilIdle();
    calls.splice(0);

    // Eight days later at 10:00 (03:00 + 7 h): due, but every window of these institutions is 00:00–07:00.
    world.clock.set(start + 8 * DAY + 7 * 60 * MINUTE);
    const jobs = await engine.scheduleDue();
    const midnight = kstStartOfDay(kstDate(start + 9 * DAY));
    expect(jobs.map((j) => [j.orgCode, j.apiType, j.notBefore]).sort()).toEqual(
      [...orgs].sort().map((o) => [o, 'scheduled', midnight]),
    );
    expect((await engine.runUntilIdle()).jobs).toBe(0);
    expect(calls).toEqual([]);

    // At 00:30 the window is open: the scheduled collection runs, every call marked scheduled.
    world.clock.set(midnight + 30 * MINUTE);
    await engine.runUntilIdle();
    expect(await statuses(engine, personId)).toEqual(Object.fromEntries(orgs.map((o) => [o, 'done'])));
    expect(calls.length).toBeGreaterThan(0);
    expect(new Set(calls.map((c) => c.apiType))).toEqual(new Set(['scheduled']));
    expect(calls.filter((c) => c.rspCode === '50009' || c.rspCode === '42901')).toEqual([]);
  }, 120_000);

  it('5xx / AC07: retried with backoff, then put off; late after 5 minutes with the reason; resumed without redoing or duplicating anything', async () => {
    const domain = await collectDomain(await open<OperatorDatabase>(), world);
    const { ci, orgs } = world.customer(4);
    const { personId } = await connectPerson(domain, world, ci, orgs);
    const { engine, calls } = testEngine(domain, world);
    const events: ProgressEvent[] = [];
    engine.progress.subscribe(personId, (e) => events.push(e));
    world.engine.provider.faults!.set('BKNURI0001', { rspCode: '50001', apis: ['은행-004'] });
    await engine.afterConsent(personId);
    await engine.runUntilIdle();

    const jobs = await engine.jobs.forPerson(personId);
    const bank = jobs.find((j) => j.orgCode === 'BKNURI0001')!;
    expect([bank.status, bank.failure?.code]).toEqual(['queued', 'unavailable']);
    expect(bank.notBefore).toBe(start + 60_000);
    expect(jobs.filter((j) => j.orgCode !== 'BKNURI0001').map((j) => j.status)).toEqual(['done', 'done', 'done']);
    // Three tries (the retry policy), each a transmission record answered 50001.
    const failed = calls.filter((c) => c.apiId === '은행-004');
    expect(failed.map((c) => c.rspCode)).toEqual(['50001', '50001', '50001']);
    const records = await domain.store.db
      .selectFrom('op_transmission')
      .select(['rsp_code', 'http_status'])
      .where('api_id', '=', '은행-004')
      .execute();
    expect(records).toEqual([
      { rsp_code: '50001', http_status: 500 },
      { rsp_code: '50001', http_status: 500 },
      { rsp_code: '50001', http_status: 500 },
    ]);
    expect(events.some((e) => e.type === 'deferred' && e.orgCode === 'BKNURI0001')).toBe(true);

    // Six minutes later the person's data is still not there: a notice, with the reason.
    world.clock.set(start + 6 * MINUTE);
    const late = await engine.checkLate();
    expect(late.map((n) => [n.orgCode, n.kind, n.reason.code])).toEqual([['BKNURI0001', 'late', 'unavailable']]);
    expect(late[0]!.reason.ko).toMatch(/5분 이상 지연.*사유: 기관의 응답이 없거나/);
    expect(await engine.checkLate()).toEqual([]);
    expect((await engine.notices.forPerson(personId)).map((n) => n.kind)).toEqual(['late']);
    expect(events.some((e) => e.type === 'late')).toBe(true);

    // The provider recovers: the job resumes where it stopped (the lists and basic data are not asked again).
    world.engine.provider.faults!.clear();
    calls.splice(0);
    await engine.runUntilIdle();
    expect(await statuses(engine, personId)).toEqual(Object.fromEntries(orgs.map((o) => [o, 'done'])));
    expect(calls.filter((c) => c.apiId === '은행-001' || c.apiId === '은행-002')).toEqual([]);
    expect(calls.some((c) => c.apiId === '은행-004' && c.rspCode === '00000')).toBe(true);
    expect(await differences(domain, personId, ci, orgs)).toEqual([]);
  }, 120_000);

  it('timeouts / AC08: a provider that never answers is given up after the timeout, put off, and costs nothing else', async () => {
    const domain = await collectDomain(await open<OperatorDatabase>(), world);
    const { ci, orgs } = world.customer(1);
    const { personId } = await connectPerson(domain, world, ci, orgs);
    const { engine, calls } = testEngine(domain, world, { callTimeoutMs: 300 });
    world.engine.provider.faults!.set('CDNURI0001', { timeout: true, apis: ['카드-002'] });
    await engine.afterConsent(personId);
    const t0 = performance.now();
    await engine.runUntilIdle();
    expect(performance.now() - t0).toBeLessThan(10_000);
    const card = (await engine.jobs.forPerson(personId)).find((j) => j.orgCode === 'CDNURI0001')!;
    expect([card.status, card.failure?.code]).toEqual(['queued', 'unavailable']);
    const timeouts = await domain.store.db
      .selectFrom('op_transmission')
      .select(['failure', 'http_status', 'rsp_code'])
      .where('api_id', '=', '카드-002')
      .execute();
    expect(timeouts.length).toBe(3);
    expect(timeouts.every((t) => t.failure === 'timeout' && t.http_status === null && t.rsp_code === null)).toBe(true);
    const others = orgs.filter((o) => o !== 'CDNURI0001');
    expect(await differences(domain, personId, ci, others)).toEqual([]);

    world.engine.provider.faults!.clear();
    world.clock.set(start + 61_000);
    calls.splice(0);
    await engine.runUntilIdle();
    expect(await statuses(engine, personId)).toEqual(Object.fromEntries(orgs.map((o) => [o, 'done'])));
    expect(await differences(domain, personId, ci, orgs)).toEqual([]);
  }, 120_000);

  it('429 / AC09: Retry-After is honoured before the call is made again', async () => {
    const domain = await collectDomain(await open<OperatorDatabase>(), world);
    const { ci } = world.customer(1);
    const { personId } = await connectPerson(domain, world, ci, ['BKNURI0001']);
    // A front for the bank that says "too many requests, retry after 1 s" to the first information call.
    const arrivals: number[] = [];
    let refused = 0;
    const front: Server = createServer((req, res) => {
      arrivals.push(performance.now());
      if (req.url?.includes('/v2/') && refused === 0) {
        refused++;
        res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '1' });
        res.end(JSON.stringify({ rsp_code: '42902', rsp_msg: '일시적으로 제한된 클라이언트 (요청 과다)' }));
        return;
      }
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const headers = Object.fromEntries(
          Object.entries(req.headers).filter(([k]) => !['host', 'connection', 'content-length'].includes(k)),
        ) as Record<string, string>;
        request(`${world.url}${req.url}`, {
          method: req.method as 'GET' | 'POST',
          headers,
          ...(req.method === 'POST' ? { body: Buffer.concat(chunks) } : {}),
        }).then(
          async (r) => {
            res.writeHead(r.statusCode, { 'content-type': 'application/json' });
            res.end(await r.body.text());
          },
          () => {
            res.writeHead(502);
            res.end();
          },
        );
      });
    });
    await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
    try {
      const port = (front.address() as AddressInfo).port;
      const registry = createRegistry({
        orgs: world.registryOrgs.map((o) =>
          o.orgCode === 'BKNURI0001' ? { ...o, baseUrl: `http://127.0.0.1:${port}/BKNURI0001` } : o,
        ),
        services: world.registry.snapshot.services,
        takenAt: start,
      });
      const { engine, calls } = testEngine(domain, { ...world, registry });
      await engine.afterConsent(personId);
      await engine.runUntilIdle();
      expect(await statuses(engine, personId)).toEqual({ BKNURI0001: 'done' });
      expect(calls.slice(0, 2).map((c) => [c.apiId, c.rspCode])).toEqual([
        [calls[0]!.apiId, '42902'],
        [calls[0]!.apiId, '00000'],
      ]);
      expect(arrivals[1]! - arrivals[0]!).toBeGreaterThanOrEqual(950);
      expect(await differences(domain, personId, ci, ['BKNURI0001'])).toEqual([]);
    } finally {
      await new Promise((resolve) => front.close(resolve));
    }
  }, 120_000);

  it('garbage / AC10: malformed answers are quarantined (stored nowhere, recorded), costing that institution only', async () => {
    const domain = await collectDomain(await open<OperatorDatabase>(), world);
    const { ci, orgs } = world.customer(4);
    const { personId } = await connectPerson(domain, world, ci, orgs);
    const { engine } = testEngine(domain, world);
    const faults = world.engine.provider.faults!;
    faults.set('TCBYEOLB01', { malformed: 'wrong-types' });
    faults.set('CDGARAM001', { malformed: 'invalid-json', apis: ['카드-008'] });
    await engine.afterConsent(personId);
    await engine.runUntilIdle();

    const jobs = Object.fromEntries((await engine.jobs.forPerson(personId)).map((j) => [j.orgCode, j]));
    expect(jobs.TCBYEOLB01!.status).toBe('failed');
    expect(jobs.TCBYEOLB01!.failure?.code).toBe('malformed');
    expect(jobs.CDGARAM001!.status).toBe('failed');
    expect(jobs.CDGARAM001!.failure?.en).toMatch(/카드-008/);
    // Nothing of the telecom's garbage is stored; every call of it is recorded as malformed.
    expect(await rowsAt(domain, 'TCBYEOLB01', 'op_asset')).toBe(0);
    expect(await rowsAt(domain, 'TCBYEOLB01', 'op_m_telecom_tx')).toBe(0);
    const telecom = await domain.store.db
      .selectFrom('op_transmission')
      .select(['failure', 'rows_stored'])
      .where('org_code', '=', 'TCBYEOLB01')
      .execute();
    expect(telecom.length).toBeGreaterThan(0);
    expect(telecom.every((t) => t.failure === 'malformed' && Number(t.rows_stored) === 0)).toBe(true);
    // The card issuer: everything but the approvals that came broken, correct; none of those approvals.
    const approvals = await sql<{
      n: number;
    }>`select count(*) as n from op_m_approval where org_code = 'CDGARAM001' and api_id = '카드-008'`.execute(
      domain.store.db,
    );
    expect(Number(approvals.rows[0]!.n)).toBe(0);
    const cardApis = new Set([
      '카드-002',
      '카드-003',
      '카드-004',
      '카드-005',
      '카드-006',
      '카드-007',
      '카드-009',
      '카드-010',
    ]);
    expect(await differences(domain, personId, ci, ['CDGARAM001'], cardApis)).toEqual([]);
    // The other institutions: complete and correct.
    expect(await differences(domain, personId, ci, ['BKNURI0001', 'ISDEUNDN01'])).toEqual([]);
    expect([jobs.BKNURI0001!.status, jobs.ISDEUNDN01!.status]).toEqual(['done', 'done']);
    const notices = await engine.notices.forPerson(personId);
    expect(notices.map((n) => [n.orgCode, n.kind]).sort()).toEqual([
      ['CDGARAM001', 'failed'],
      ['TCBYEOLB01', 'failed'],
    ]);
  }, 120_000);

  it('tokens / AC11: refreshed (개별인증-003) before they expire, and once more when a provider refuses one (40101)', async () => {
    const domain = await collectDomain(await open<OperatorDatabase>(), world);
    const { ci } = world.customer(1);
    const org = 'BKNURI0001';
    const { personId, grants } = await connectPerson(domain, world, ci, [org], { accessSeconds: 120 });
    const { engine, calls } = testEngine(domain, world);
    const issued = grants.get(org)!;

    await engine.afterConsent(personId);
    await engine.runUntilIdle();
    expect(await statuses(engine, personId)).toEqual({ [org]: 'done' });
    const refreshed = await domain.vault.get(personId, CLIENT_ID, org);
    expect(refreshed!.accessToken.reveal()).not.toBe(issued.accessToken);
    expect(refreshed!.accessExpiresAt).toBeGreaterThan(start + 30 * DAY);
    expect(refreshed!.refreshToken!.reveal()).toBe(issued.refreshToken);
    expect(calls.filter((c) => c.rspCode === '40101')).toEqual([]);

    // The provider revokes the access token: the first call is refused, the token refreshed, the call made again.
    const jti = JSON.parse(Buffer.from(refreshed!.accessToken.reveal().split('.')[1]!, 'base64url').toString()).jti;
    world.engine.provider.revokeToken(jti);
    calls.splice(0);
    await engine.refresh(personId);
    await engine.runUntilIdle();
    expect(await statuses(engine, personId)).toEqual({ [org]: 'done' });
    expect(calls[0]!.rspCode).toBe('40101');
    expect(calls[1]!.apiId).toBe(calls[0]!.apiId);
    expect(calls[1]!.rspCode).toMatch(/^0000[01]$/);
    const again = await domain.vault.get(personId, CLIENT_ID, org);
    expect(again!.accessToken.reveal()).not.toBe(refreshed!.accessToken.reveal());

    // Due for refresh (expiring within the margin): the housekeeping refreshes it.
    world.clock.set(again!.accessExpiresAt - 5 * MINUTE);
    expect(await engine.refreshTokens()).toBe(1);
    expect((await domain.vault.get(personId, CLIENT_ID, org))!.accessExpiresAt).toBeGreaterThan(again!.accessExpiresAt);
  }, 120_000);

  it('withdrawal / AC12: the follow-ups stop the jobs and revoke the tokens at the provider (개별인증-004)', async () => {
    const domain = await collectDomain(await open<OperatorDatabase>(), world);
    const { ci, orgs } = world.customer(1);
    const { personId, consents, grants } = await connectPerson(domain, world, ci, orgs);
    const { engine } = testEngine(domain, world);
    await engine.afterConsent(personId);
    const gone = orgs[0]!;
    await domain.consents.withdraw(personId, consents.get(gone)!);
    expect(await engine.processFollowUps()).toEqual({ stopped: 1, revoked: 1 });
    expect(await engine.processFollowUps()).toEqual({ stopped: 0, revoked: 0 });
    expect(await statuses(engine, personId)).toEqual(
      Object.fromEntries(orgs.map((o) => [o, o === gone ? 'cancelled' : 'queued'])),
    );
    const pair = await world.engine.provider.auth.store.pairs.byJti(gone, grants.get(gone)!.accessJti);
    expect(pair?.revokedAt).toBeDefined();
    await engine.runUntilIdle();
    expect(await statuses(engine, personId)).toEqual(
      Object.fromEntries(orgs.map((o) => [o, o === gone ? 'cancelled' : 'done'])),
    );
    expect(await rowsAt(domain, gone, 'op_asset')).toBe(0);
  }, 120_000);

  it('concurrency / AC13: one institution’s calls one after another, different institutions at once', async () => {
    const domain = await collectDomain(await open<OperatorDatabase>(), world);
    const { ci, orgs } = world.customer(1);
    const { personId } = await connectPerson(domain, world, ci, orgs);
    const { engine } = testEngine(domain, world);
    for (const org of orgs) world.engine.provider.faults!.set(org, { latencyMs: 30 });
    const inFlight = new Map<string, number>();
    let most = 0;
    let mostPerOrg = 0;
    const limiter = engine.caller.limiter;
    const watch = setInterval(() => {
      let all = 0;
      for (const org of orgs) {
        const n = limiter.inFlight(org);
        inFlight.set(org, n);
        all += n;
        mostPerOrg = Math.max(mostPerOrg, n);
      }
      most = Math.max(most, all);
    }, 5);
    await engine.afterConsent(personId);
    await engine.runUntilIdle();
    clearInterval(watch);
    expect(mostPerOrg).toBe(1);
    expect(most).toBeGreaterThanOrEqual(2);
    expect(await statuses(engine, personId)).toEqual(Object.fromEntries(orgs.map((o) => [o, 'done'])));
  }, 120_000);
});
