import { sql } from '@hannun/store';
import { describeEachDialect } from '@hannun/store/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { OperatorDomain } from '../operator-domain.ts';
import type { OperatorDatabase } from '../schema/operator-database.ts';
import { formatYmd, kstDate } from '../time/kst.ts';
import type { ProgressEvent } from './progress.ts';
import { compareWithTruth } from './testing/compare-truth.ts';
import { type CollectWorld, collectDomain, connectPerson, startCollectWorld } from './testing/collect-world.ts';
import { testEngine } from './testing/test-engine.ts';

let world: CollectWorld;
beforeAll(async () => {
  world = await startCollectWorld();
}, 60_000);
afterAll(() => world?.close());

const DAY = 86_400_000;
const ymd = (ms: number) => formatYmd(kstDate(ms));

/** Every difference between what the person's institutions hold and what the operator stored. */
async function differences(domain: OperatorDomain, personId: string, ci: string, orgs: readonly string[]) {
  const today = kstDate(world.clock.nowMs());
  const from = formatYmd(today.subtract({ months: 12 }));
  const monthFrom = formatYmd(today.toPlainYearMonth().subtract({ months: 11 }).toPlainDate({ day: 1 }));
  const out: string[] = [];
  for (const orgCode of orgs) {
    const truth = await world.truth(orgCode, ci, { from, to: formatYmd(today) });
    const monthTruth = await world.truth(orgCode, ci, { from: monthFrom, to: formatYmd(today) });
    const chargeMonth = formatYmd(today).slice(0, 6);
    out.push(...(await compareWithTruth({ domain, personId, orgCode, truth, monthTruth, chargeMonth })));
  }
  return out;
}

async function count(domain: OperatorDomain, table: string, personId: string): Promise<number> {
  const r = await sql<{
    n: number;
  }>`select count(*) as n from ${sql.table(table)} where person_id = ${personId}`.execute(domain.store.db);
  return Number(r.rows[0]?.n ?? 0);
}

describeEachDialect('collection engine', (open) => {
  it('user-consent / AC01: a person at 12 institutions of 10 industries, 12 months each, complete and correct against the providers’ truth', async () => {
    const domain = await collectDomain(await open<OperatorDatabase>(), world);
    const { ci, orgs } = world.customer(3);
    expect(orgs.length).toBeGreaterThanOrEqual(12);
    const { personId } = await connectPerson(domain, world, ci, orgs);
    const { engine, calls } = testEngine(domain, world);

    const jobs = await engine.afterConsent(personId);
    expect(jobs.map((j) => [j.orgCode, j.apiType])).toEqual(orgs.map((o) => [o, 'user-consent']));
    const report = await engine.runUntilIdle();
    expect(report.ended.done).toBe(orgs.length);
    const states = (await engine.jobs.forPerson(personId)).map((j) => `${j.orgCode} ${j.status}`).sort();
    expect(states).toEqual(orgs.map((o) => `${o} done`));
    expect(await differences(domain, personId, ci, orgs)).toEqual([]);

    // Every call was user-consent, and every dated API asked for 12 months in one period.
    expect(new Set(calls.map((c) => c.apiType))).toEqual(new Set(['user-consent']));
    const today = kstDate(world.clock.nowMs());
    for (const c of calls.filter((x) => x.fields.from_date !== undefined)) {
      expect([c.apiId, c.fields.from_date, c.fields.to_date]).toEqual([
        c.apiId,
        formatYmd(today.subtract({ months: 12 })),
        formatYmd(today),
      ]);
    }
    // Each call is a transmission record, with its tran id and x-api-type.
    const records = await domain.store.db.selectFrom('op_transmission').selectAll().execute();
    expect(records.length).toBe(calls.length);
    expect(records.every((r) => r.api_type === 'user-consent' && r.tran_id.startsWith('MDHANNUN01M'))).toBe(true);

    // The comparison sees every row: one transaction less and it says so.
    const [gone] = (
      await sql<{
        id: string;
        org_code: string;
      }>`select id, org_code from op_m_deposit_tx where person_id = ${personId} limit 1`.execute(domain.store.db)
    ).rows;
    await sql`delete from op_m_deposit_tx where id = ${gone!.id}`.execute(domain.store.db);
    expect(await differences(domain, personId, ci, [gone!.org_code])).toEqual([
      expect.stringMatching(new RegExp(`^${gone!.org_code} 은행-004 .*\\(1 missing, 0 not true\\)`)),
    ]);
  }, 180_000);

  it('pagination / AC02: a period of more than 500 transactions is fetched page by page (next_page) and stored whole', async () => {
    const domain = await collectDomain(await open<OperatorDatabase>(), world);
    const { ci } = world.customer(27);
    const { personId } = await connectPerson(domain, world, ci, ['BKGARAM001']);
    const { engine, calls } = testEngine(domain, world);
    await engine.afterConsent(personId);
    await engine.runUntilIdle();
    expect(await differences(domain, personId, ci, ['BKGARAM001'])).toEqual([]);

    const deposit = calls.filter((c) => c.apiId === '은행-004');
    const byAccount = new Map<string | undefined, typeof deposit>();
    for (const c of deposit) byAccount.set(c.fields.account_num, [...(byAccount.get(c.fields.account_num) ?? []), c]);
    const paged = [...byAccount.values()].find((cs) => cs.length > 1)!;
    expect(paged.length).toBeGreaterThanOrEqual(3);
    expect(paged[0]!.fields.next_page).toBeUndefined();
    for (const c of paged.slice(1)) expect(c.fields.next_page).toMatch(/^[A-Za-z0-9_-]+$/);
    // One period: every page asks the same dates.
    expect(new Set(paged.map((c) => `${c.fields.from_date}-${c.fields.to_date}`)).size).toBe(1);
    const received = await domain.store.db
      .selectFrom('op_transmission')
      .select(['rows_received', 'rows_stored'])
      .where('api_id', '=', '은행-004')
      .execute();
    const total = received.reduce((n, r) => n + Number(r.rows_received), 0);
    expect(total).toBe(await count(domain, 'op_m_deposit_tx', personId));
    expect(received.filter((r) => Number(r.rows_received) === 500).length).toBeGreaterThanOrEqual(2);
  }, 120_000);

  it('search_timestamp / AC03: sent back on the next call; 00001 stores nothing and keeps the assets', async () => {
    const domain = await collectDomain(await open<OperatorDatabase>(), world);
    const { ci } = world.customer(4);
    const orgs = ['BKNURI0001', 'ISDEUNDN01'];
    const { personId } = await connectPerson(domain, world, ci, orgs);
    const { engine, calls } = testEngine(domain, world);
    await engine.afterConsent(personId);
    await engine.runUntilIdle();
    const first = calls.splice(0);
    // Assets not in normal state (40305) and APIs with nothing for an asset (40402): nothing to time-stamp.
    const answered = (c: { rspCode: string | null }) => c.rspCode !== '40305' && c.rspCode !== '40402';
    const withTs = first.filter((c) => c.fields.search_timestamp !== undefined && answered(c));
    expect(withTs.length).toBeGreaterThan(5);
    expect(new Set(withTs.map((c) => c.fields.search_timestamp))).toEqual(new Set(['0']));
    const state = await domain.store.db
      .selectFrom('op_collect_state')
      .selectAll()
      .where('person_id', '=', personId)
      .execute();
    const stamps = new Map(state.map((s) => [`${s.org_code}|${s.api_id}|${s.asset_key}`, s.search_timestamp]));
    const before = {
      assets: await count(domain, 'op_asset', personId),
      deposit: await count(domain, 'op_m_deposit', personId),
      rows: await count(domain, 'op_m_deposit_tx', personId),
    };

    await engine.refresh(personId);
    await engine.runUntilIdle();
    const again = calls.filter((c) => c.fields.search_timestamp !== undefined && answered(c));
    expect(again.length).toBe(withTs.length);
    for (const c of again) {
      expect(c.fields.search_timestamp, `${c.orgCode} ${c.apiId} ${JSON.stringify(c.fields)}`).toMatch(/^\d{14}$/);
      expect(c.rspCode, `${c.orgCode} ${c.apiId}`).toBe('00001');
    }
    // The list said "unchanged": the assets are those already held, the basic data is untouched.
    expect({
      assets: await count(domain, 'op_asset', personId),
      deposit: await count(domain, 'op_m_deposit', personId),
      rows: await count(domain, 'op_m_deposit_tx', personId),
    }).toEqual(before);
    const after = await domain.store.db
      .selectFrom('op_collect_state')
      .selectAll()
      .where('person_id', '=', personId)
      .execute();
    for (const s of after.filter((x) => x.search_timestamp !== null)) {
      expect(s.search_timestamp).toBe(stamps.get(`${s.org_code}|${s.api_id}|${s.asset_key}`));
    }
    expect(await differences(domain, personId, ci, orgs)).toEqual([]);
  }, 120_000);

  it('periods / AC04: user-refresh since the last collection, scheduled in steps of 31 days or 3 months, user-search back 5 years less what is held', async () => {
    const domain = await collectDomain(await open<OperatorDatabase>(), world);
    const { ci } = world.customer(4);
    const orgs = ['BKNURI0001', 'CDGARAM001', 'TCBYEOLB01'];
    const { personId } = await connectPerson(domain, world, ci, orgs);
    const { engine, calls } = testEngine(domain, world);
    const start = world.clock.nowMs();
    try {
      await engine.afterConsent(personId);
      await engine.runUntilIdle();
      const consent = calls.splice(0);
      const today0 = kstDate(start);
      const bills = consent.filter((c) => c.apiId === '카드-004');
      expect(bills.map((c) => [c.fields.from_month, c.fields.to_month])).toEqual([
        [formatYmd(today0.subtract({ months: 11 })).slice(0, 6), formatYmd(today0).slice(0, 6)],
      ]);
      expect(consent.filter((c) => c.apiId === '통신-002').map((c) => c.fields.charge_month)).toHaveLength(12);

      // user-refresh, 10 days later: from the day of the last collection to today, in one call per asset.
      world.clock.set(start + 10 * DAY);
      await engine.refresh(personId);
      await engine.runUntilIdle();
      // (a closed account answers 40305 and is never covered: it is asked for 12 months, and refused again)
      const refresh = calls.splice(0).filter((c) => c.apiId === '은행-004' && c.rspCode !== '40305');
      expect(refresh.length).toBeGreaterThan(0);
      for (const c of refresh) {
        expect([c.apiType, c.fields.from_date, c.fields.to_date]).toEqual([
          'user-refresh',
          ymd(start),
          ymd(start + 10 * DAY),
        ]);
      }

      // scheduled, 40 days after that (a weekly cycle, inside np_time): 31-day steps from the last collection;
      // the provider counts one scheduled transmission per cycle, so the next step waits for the next cycle.
      world.clock.set(start + 50 * DAY);
      const scheduled = await engine.scheduleDue();
      expect(scheduled.map((j) => j.orgCode).sort()).toEqual([...orgs].sort());
      await engine.runUntilIdle();
      const sched = calls.splice(0);
      expect(new Set(sched.map((c) => c.apiType))).toEqual(new Set(['scheduled']));
      const deposits = sched.filter((c) => c.apiId === '은행-004' && c.fields.next_page === undefined);
      const firstSteps = deposits.filter((c) => c.rspCode === '00000');
      expect(firstSteps.length).toBeGreaterThan(0);
      for (const c of firstSteps) {
        expect([c.fields.from_date, c.fields.to_date]).toEqual([ymd(start + 10 * DAY), ymd(start + 40 * DAY)]);
      }
      // The second step of each account: asked after the first, refused for the cycle, so not stored.
      const secondSteps = deposits.filter((c) => c.fields.from_date === ymd(start + 41 * DAY));
      expect(secondSteps.map((c) => [c.rspCode, c.fields.to_date])).toEqual(
        firstSteps.map(() => ['42901', ymd(start + 50 * DAY)]),
      );
      const coverage = await domain.store.db
        .selectFrom('op_collect_state')
        .select(['covered_to'])
        .where('person_id', '=', personId)
        .where('api_id', '=', '은행-004')
        .where('covered_to', 'is not', null)
        .execute();
      expect(new Set(coverage.map((c) => c.covered_to))).toEqual(new Set([ymd(start + 40 * DAY)]));
      expect(sched.filter((c) => c.rspCode === '40004' || c.rspCode === '40304')).toEqual([]);
      const months = sched.find((c) => c.apiId === '카드-004')!;
      expect(Number(months.fields.to_month) - Number(months.fields.from_month)).toBeLessThanOrEqual(2);

      // user-search: one asset, back to 5 years, less what is held: before the held dates, and after them
      // (the scheduled step the cycle refused), one call after the other.
      const covered = await domain.store.db
        .selectFrom('op_collect_state')
        .select('asset_key')
        .where('person_id', '=', personId)
        .where('api_id', '=', '은행-004')
        .where('covered_to', 'is not', null)
        .execute();
      const account = (await domain.data.assets(personId, { orgCode: 'BKNURI0001', listApi: '은행-001' })).find((a) =>
        covered.some((c) => c.asset_key === a.id),
      )!;
      await engine.search(personId, account.id);
      await engine.runUntilIdle();
      const search = calls.splice(0).filter((c) => c.apiId === '은행-004' && c.fields.next_page === undefined);
      const now = kstDate(world.clock.nowMs());
      expect(search.map((c) => [c.apiType, c.fields.account_num, c.fields.from_date, c.fields.to_date])).toEqual([
        [
          'user-search',
          account.key.account_num,
          formatYmd(now.subtract({ months: 60 })),
          formatYmd(today0.subtract({ months: 12 }).subtract({ days: 1 })),
        ],
        ['user-search', account.key.account_num, ymd(start + 41 * DAY), ymd(start + 50 * DAY)],
      ]);
      const held = await domain.store.db
        .selectFrom('op_collect_state')
        .select(['covered_from', 'covered_to'])
        .where('person_id', '=', personId)
        .where('api_id', '=', '은행-004')
        .where('asset_key', '=', account.id)
        .executeTakeFirstOrThrow();
      expect([held.covered_from, held.covered_to]).toEqual([
        formatYmd(now.subtract({ months: 60 })),
        ymd(start + 50 * DAY),
      ]);
    } finally {
      world.clock.set(start);
    }
  }, 180_000);

  it('progress / AC05: per institution, listing → basic → detail → transactions with counts, then done', async () => {
    const domain = await collectDomain(await open<OperatorDatabase>(), world);
    const { ci } = world.customer(1);
    const orgs = world.customer(1).orgs;
    const { personId } = await connectPerson(domain, world, ci, orgs);
    const { engine } = testEngine(domain, world);
    const events: ProgressEvent[] = [];
    const off = engine.progress.subscribe(personId, (e) => events.push(e));
    await engine.afterConsent(personId);
    await engine.runUntilIdle();
    off();
    for (const org of orgs) {
      const mine = events.filter((e) => e.orgCode === org);
      expect(mine[0]!.type).toBe('queued');
      expect(mine.filter((e) => e.type === 'phase').map((e) => (e.type === 'phase' ? e.phase : ''))).toEqual([
        'listing',
        'basic',
        'detail',
        'transactions',
      ]);
      const done = mine.at(-1)!;
      expect(done.type).toBe('done');
      if (done.type === 'done') {
        expect(done.counts.rows).toBeGreaterThan(0);
        expect(done.counts.assets).toBeGreaterThan(0);
        expect(done.failedUnits).toBe(0);
      }
    }
    expect(engine.progress.latest(personId).map((e) => e.type)).toEqual(orgs.map(() => 'done'));

    // A user-search is for one asset of the person's, with dates: anything else is refused, nothing queued.
    await expect(engine.search(personId, 'a_not-an-asset')).rejects.toThrow(/assetId/);
    const [asset] = await domain.data.assets(personId);
    await expect(engine.search(personId, asset!.id, { from: '2025-01-01' })).rejects.toThrow(/from must be a date/);
    expect((await engine.jobs.forPerson(personId)).filter((j) => j.apiType === 'user-search')).toEqual([]);
  }, 120_000);
});
