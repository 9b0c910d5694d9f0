import { createLogger, createLogSink, type Service } from '@hannun/infra';
import { apiById, CATALOGUE, describeWireType, OPENAPI_ROLES } from '@hannun/spec';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocsHub } from './create-docs-hub.ts';

let hub: Service;
let base: string;

beforeAll(async () => {
  hub = createDocsHub({
    logger: createLogger({ service: 'docs', level: 'warn', destination: createLogSink() }),
    version: '0.0.0-test',
    running: () => [{ name: 'docs', role: 'docs', url: 'http://127.0.0.1:3000' }],
  });
  base = await hub.start({ host: '127.0.0.1', port: 0 });
});

afterAll(async () => {
  await hub.stop();
});

async function get(path: string) {
  const res = await fetch(`${base}${path}`);
  return { res, text: await res.text() };
}

describe('docs hub', () => {
  it('answers / in Korean with the roles and the catalogue', async () => {
    const { res, text } = await get('/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(text).toMatch(/^<!doctype html>\n<html lang="ko">/);
    expect(text).toContain('<h1>한눈 문서 허브</h1>');
    expect(text).toContain('<a href="/?lang=en" hreflang="en" lang="en">English</a>');
    // Roles: the hub runs, the portal does not exist yet.
    expect(text).toMatch(/문서 허브.*?<span class="status-running">실행 중<\/span>.*?http:\/\/127\.0\.0\.1:3000/s);
    expect(text).toMatch(/마이데이터 종합포털.*?<span class="status-missing">아직 구현되지 않음<\/span>/s);
    // The catalogue explorer: a label for the search box, and every API of the catalogue linked.
    expect(text).toContain('<label for="q">');
    for (const api of CATALOGUE) expect(text).toContain(`href="/apis/${encodeURIComponent(api.id)}"`);
    expect(text).toContain(`표준의 API ${CATALOGUE.length}개`);
  });

  it('shows 은행-001 under banks with its path, scope and cycle', async () => {
    const { text } = await get('/');
    const bank = text.slice(text.indexOf('id="industry-bank"'));
    expect(bank).toMatch(
      /은행-001<\/a><\/td>\s*<td><span lang="ko">계좌 목록 조회<\/span><span class="alt" lang="en">List of accounts<\/span><\/td>\s*<td class="method">GET<\/td>\s*<td><code>\/v2\/bank\/accounts<\/code><\/td>\s*<td><code>bank\.list<\/code><\/td>\s*<td>기본<\/td>/,
    );
  });

  it('switches to English with ?lang=en and keeps the language in its links', async () => {
    const { text } = await get('/?lang=en');
    expect(text).toMatch(/<html lang="en">/);
    expect(text).toContain('<h1>Hannun docs hub</h1>');
    expect(text).toContain('<a href="/" hreflang="ko" lang="ko">한국어</a>');
    expect(text).toContain(`href="/apis/${encodeURIComponent('은행-001')}?lang=en"`);
    expect(text).toContain('<span lang="en">List of accounts</span><span class="alt" lang="ko">계좌 목록 조회</span>');
    expect(text).toContain('<input type="hidden" name="lang" value="en">');
  });

  it('filters the catalogue with ?q= and escapes what was typed', async () => {
    const { text } = await get(`/?q=${encodeURIComponent('계좌 목록')}`);
    expect(text).toContain('href="/apis/%EC%9D%80%ED%96%89-001"');
    expect(text).not.toContain(`href="/apis/${encodeURIComponent('카드-001')}"`);
    const xss = await get(`/?q=${encodeURIComponent('"><script>alert(1)</script>')}`);
    expect(xss.text).not.toContain('<script>');
    expect(xss.text).toContain('value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
    expect(xss.text).toContain('일치하는 API가 없습니다.');
  });

  it('answers /apis/은행-001 (URL-encoded) with its request and response fields', async () => {
    const { res, text } = await get(`/apis/${encodeURIComponent('은행-001')}`);
    expect(res.status).toBe(200);
    expect(text).toContain('<h1><span>은행-001</span> 계좌 목록 조회</h1>');
    expect(text).toContain('<code>GET /v2/bank/accounts</code> · <code>bank.list</code>');
    const request = text.slice(text.indexOf('id="request"'), text.indexOf('id="response"'));
    const response = text.slice(text.indexOf('id="response"'));
    const orgCode = apiById('은행-001').request.shape.find((n) => n.name === 'org_code')!;
    const orgCodeType = orgCode.kind === 'field' ? describeWireType(orgCode.type) : '';
    expect(request).toContain(
      `<code>org_code</code></th>\n<td><span lang="ko">${orgCode.ko}</span><span class="alt" lang="en">${orgCode.en}</span></td>\n<td><code>${orgCodeType}</code></td>\n<td>예</td>`,
    );
    expect(request).toContain('<code>search_timestamp</code>');
    expect(response).toMatch(/<code>account_cnt<\/code>.*?<td>예<\/td>/s);
    expect(response).toContain('<code>account_list</code>');
    expect(response).toMatch(
      /<code>account_list\[\]\.account_num<\/code><\/th>\s*<td><span lang="ko">계좌번호<\/span>/,
    );
    expect(response).toContain('<code>Object[]</code>');
    expect(response).toContain('목록, 최대 500건');
  });

  it('marks provisional fields and consent-gated v2 fields on /apis/은행-004', async () => {
    const { text } = await get(`/apis/${encodeURIComponent('은행-004')}?lang=en`);
    expect(text).toMatch(
      /<code>trans_list\[\]\.trans_memo<\/code>.*?<span class="badge">provisional<\/span>; <span>since v2<\/span>; <span>sent only with consent: is_consent_trans_memo<\/span>/s,
    );
  });

  it('answers an unknown API with an HTML 404', async () => {
    const { res, text } = await get(`/apis/${encodeURIComponent('은행-999<b>')}`);
    expect(res.status).toBe(404);
    expect(text).toContain('카탈로그에 “은행-999&lt;b&gt;” API가 없습니다.');
    const other = await get('/no/such/page?lang=en');
    expect(other.res.status).toBe(404);
    expect(other.text).toContain('There is no page at this address.');
  });

  it('serves the health routes and the stylesheet', async () => {
    const health = await get('/healthz');
    expect(health.res.status).toBe(200);
    expect(JSON.parse(health.text)).toEqual({ status: 'ok' });
    const css = await get('/assets/hub.css');
    expect(css.res.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(css.text).toContain('--link: #0b57d0');
  });

  it('serves /openapi/<role>.json for every role, and 404 for others', async () => {
    for (const role of OPENAPI_ROLES) {
      const { res, text } = await get(`/openapi/${role}.json`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('application/json');
      expect(JSON.parse(text)).toMatchObject({ openapi: '3.1.0' });
    }
    const missing = await get('/openapi/relay.json');
    expect(missing.res.status).toBe(404);
    expect(JSON.parse(missing.text).message).toContain('provider, ca, portal, operator');
  });
});
