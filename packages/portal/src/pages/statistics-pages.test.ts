import { createLogger, createLogSink } from '@hannun/infra';
import { apiById } from '@hannun/spec';
import { openStore, type Store } from '@hannun/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRegistryAdmin } from '../registry/registry-admin.ts';
import type { ResendRequest } from '../statistics/ask-resend.ts';
import type { PortalDatabase } from '../store/portal-database.ts';
import { migratePortalStore } from '../store/portal-migrations.ts';
import { sqlRegistryRepository } from '../store/registry-repository.ts';
import { sqlStatisticsRepository } from '../store/statistics-repository.ts';
import { sqlStatusRepository } from '../store/status-repository.ts';
import { bank, ca, operator, portalOrg, relay, testClock } from '../testing/fixtures.ts';
import { pageBrowser } from '../testing/page-browser.ts';
import { createPortalPages } from './create-portal-pages.ts';

const TOKEN = 'c'.repeat(64);
const BA01 = apiById('은행-001').code;
const WEEK = Array.from({ length: 7 }, (_, i) => `202611${15 + i}`);

let store: Store<PortalDatabase>;
let app: ReturnType<typeof createPortalPages>;
let clientId: string;
const asked: ResendRequest[] = [];

/** 누리은행's week (지원-005, type 1): day i has 20 + i calls in slot 01 (i of them failed) and 4 in slot 02 (1 failed). */
function providerWeek(client: string) {
  return {
    type: '1',
    inquiry_date: '20261122',
    stat_date_cnt: '7',
    stat_date_list: WEEK.map((stat_date, i) => ({
      stat_date,
      mydata_svc_cnt: '1',
      mydata_svc_list: [
        {
          org_code: 'MDHANNUN01',
          client_id: client,
          api_type_cnt: '1',
          api_type_list: [
            {
              api_type: BA01,
              tm_slot_cnt: '2',
              tm_slot_list: [
                { tm_slot: '01', success_api_cnt: String(20), fail_api_cnt: String(i) },
                { tm_slot: '02', success_api_cnt: '3', fail_api_cnt: '1' },
              ],
            },
          ],
        },
      ],
    })),
  };
}

/** The operator's week about 누리은행 (지원-004, type 2): 10 calls a day in slot 01 at 120 ms, none at night. */
function operatorWeek(client: string) {
  return {
    type: '2',
    client_id: client,
    inquiry_date: '20261122',
    stat_date_cnt: '7',
    stat_date_list: WEEK.map((stat_date) => ({
      stat_date,
      org_cnt: '1',
      org_list: [
        {
          org_code: 'BKNURI0001',
          consent_new: '0',
          consent_revoke: '0',
          consent_own: '3',
          api_type_cnt: '1',
          api_type_list: [
            {
              api_type: BA01,
              tm_slot_cnt: '2',
              tm_slot_list: [
                {
                  tm_slot: '01',
                  rsp_avg: '120',
                  rsp_total: '1200',
                  rsp_stdev: '9',
                  success_api_cnt: '9',
                  fail_api_cnt: '1',
                },
                {
                  tm_slot: '02',
                  rsp_avg: '0',
                  rsp_total: '0',
                  rsp_stdev: '0',
                  success_api_cnt: '0',
                  fail_api_cnt: '0',
                },
              ],
            },
          ],
        },
      ],
    })),
  };
}

beforeAll(async () => {
  store = await openStore<PortalDatabase>({ url: 'sqlite::memory:' });
  await migratePortalStore(store);
  const repo = sqlRegistryRepository(store, testClock());
  const admin = createRegistryAdmin(repo, new Uint8Array(32).fill(7));
  for (const org of [portalOrg(), operator(), bank(), relay(), ca()]) await admin.onboardOrg(org);
  clientId = (await admin.addService({ orgCode: 'MDHANNUN01', name: '한눈 앱' })).credential.clientId;
  const statistics = sqlStatisticsRepository(store);
  await statistics.save({
    kind: 'provider',
    senderOrgCode: 'RLHANNUN01',
    subject: 'BKNURI0001',
    inquiryDate: '20261122',
    type: 1,
    body: providerWeek(clientId),
    receivedMs: 1,
  });
  await statistics.save({
    kind: 'mydata',
    senderOrgCode: 'MDHANNUN01',
    subject: clientId,
    inquiryDate: '20261122',
    type: 2,
    body: operatorWeek(clientId),
    receivedMs: 2,
  });
  app = createPortalPages({
    admin,
    registry: repo,
    statuses: sqlStatusRepository(store),
    statistics,
    adminToken: TOKEN,
    clock: testClock(),
    logger: createLogger({ service: 'portal', destination: createLogSink() }),
    async resend(request) {
      asked.push(request);
      return request.orgCode === 'BKNURI0001' ? { ok: true } : { ok: false, reason: '지원-104 answered 40401' };
    },
  });
});
afterAll(async () => {
  await app.close();
  await store.close();
});

/** The rows of the table with this caption: each row's cells as text. */
function table(page: string, caption: string): string[][] {
  const at = page.indexOf(`<caption>${caption}</caption>`);
  expect(at, `a table captioned ${caption}`).toBeGreaterThan(0);
  const body = page.slice(at, page.indexOf('</table>', at));
  return [...body.matchAll(/<tr>(.*?)<\/tr>/gs)].map((r) =>
    [...r[1]!.matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>/gs)].map((c) => c[1]!.replace(/<[^>]+>/g, '')),
  );
}

describe('#5 statistics page (charts per organisation and week)', () => {
  it('AC01: a provider’s week: SVG charts rendered on the server with Korean labels, and the numbers as a table under each', async () => {
    const browser = pageBrowser(app);
    await browser.login(TOKEN);
    const page = await browser.get('/admin/statistics/BKNURI0001');
    expect(page.status).toBe(200);
    const html = page.html;
    expect(html).toContain('<h2>2026-11-15 ~ 2026-11-21 주간</h2>');
    expect(html).toContain('자료: 지원-005 1건, 지원-004 1건');
    // Three charts, each an accessible inline SVG named by its title, drawn by ECharts with Korean labels.
    for (const [id, title] of [
      ['chart-calls-title', '일별 API 호출 수'],
      ['chart-rate-title', '일별 성공률'],
      ['chart-times-title', '시간대별 평균 응답시간'],
    ]) {
      expect(html).toContain(`<svg role="img" aria-labelledby="${id}" focusable="false" class="chart"`);
      expect(html).toContain(`<title id="${id}">${title}</title>`);
    }
    const calls = html.slice(html.indexOf('aria-labelledby="chart-calls-title"'), html.indexOf('</svg>'));
    for (const label of ['>성공</text>', '>실패</text>', '>11/15(일)</text>', '>11/21(토)</text>', '>호출 수</text>']) {
      expect(calls).toContain(label);
    }
    expect(calls).toMatch(/<path d="[^"]+" fill="#1d4ed8"/); // succeeded bars
    // Fit for the CSP: no inline styles, no <style> element, no script.
    expect(html).not.toMatch(/ style="|<style|<script/);
    // The data under the charts, by hand: day i: 23 succeeded, 1 + i failed.
    expect(table(html, '일별 API 호출 수')).toEqual([
      ['일자', '성공', '실패', '호출 수'],
      ['11/15(일)', '23', '1', '24'],
      ['11/16(월)', '23', '2', '25'],
      ['11/17(화)', '23', '3', '26'],
      ['11/18(수)', '23', '4', '27'],
      ['11/19(목)', '23', '5', '28'],
      ['11/20(금)', '23', '6', '29'],
      ['11/21(토)', '23', '7', '30'],
      ['합계', '161', '28', '189'],
    ]);
    expect(table(html, '일별 성공률')[1]).toEqual(['11/15(일)', '95.8%']);
    expect(table(html, '일별 성공률')[8]).toEqual(['합계', '85.2%']);
    // Response times come from the operator's 지원-004 about this provider: 1200 ms over 10 calls in slot 01.
    expect(table(html, '시간대별 평균 응답시간')).toEqual([
      ['시간대', '평균 응답시간(ms)', '호출 수'],
      ['01 주간 (06–18시)', '120', '161'],
      ['02 야간 (18–06시)', '—', '28'],
    ]);
  });

  it('AC02: the operator’s week comes from its services’ 지원-004 (with response times); the index lists both; English with ?lang=en', async () => {
    const browser = pageBrowser(app);
    await browser.login(TOKEN);
    const index = await browser.get('/admin/statistics');
    expect(index.html).toContain('href="/admin/statistics/BKNURI0001"');
    expect(index.html).toContain('href="/admin/statistics/MDHANNUN01"');
    expect(index.html).not.toContain('href="/admin/statistics/CAHANNUN01"');
    const op = await browser.get('/admin/statistics/MDHANNUN01');
    expect(table(op.html, '일별 API 호출 수')[1]).toEqual(['11/15(일)', '9', '1', '10']);
    expect(table(op.html, '시간대별 평균 응답시간')[1]).toEqual(['01 주간 (06–18시)', '120', '70']);
    const en = await browser.get('/admin/statistics/BKNURI0001?lang=en&week=20261122');
    expect(en.html).toContain('<html lang="en">');
    expect(en.html).toContain('<title id="chart-calls-title">API calls per day</title>');
    expect(en.html).toContain('>Sun 11/15</text>');
    expect(table(en.html, 'API calls per day')[1]).toEqual(['Sun 11/15', '23', '1', '24']);
  });

  it('지원-104 / AC01: the resend form asks the organisation and says what it answered; nothing is asked without the CSRF token', async () => {
    const browser = pageBrowser(app);
    await browser.login(TOKEN);
    const csrf = await browser.csrf();
    asked.length = 0;
    expect(
      (await browser.post('/admin/statistics/BKNURI0001/resend', { inquiry_date: '20261122', type: '0' })).status,
    ).toBe(403);
    expect(asked).toEqual([]);
    const ok = await browser.post('/admin/statistics/BKNURI0001/resend', { csrf, inquiry_date: '20261122', type: '1' });
    expect(ok.html).toContain('<p class="success" role="status">BKNURI0001이(가) 재전송 요청을 받았습니다.');
    const refused = await browser.post('/admin/statistics/MDHANNUN01/resend', {
      csrf,
      inquiry_date: '20261122',
      type: '0',
    });
    expect(refused.html).toContain(
      '<p class="error" role="status">재전송 요청이 받아들여지지 않았습니다: 지원-104 answered 40401</p>',
    );
    expect(asked).toEqual([
      { orgCode: 'BKNURI0001', inquiryDate: '20261122', type: '1' },
      { orgCode: 'MDHANNUN01', inquiryDate: '20261122', type: '0' },
    ]);
    // A CA sends no statistics: no resend form.
    expect((await browser.get('/admin/statistics/CAHANNUN01')).html).not.toContain('/resend');
  });
});
