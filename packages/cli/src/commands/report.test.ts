import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { SummaryJson } from '../report/format-report.ts';
import { UserError } from '../user-error.ts';
import { runReport } from './report.ts';

const SUMMARY: SummaryJson = {
  today: '20261124',
  netWorth: {
    assets: { known: false, reason: { ko: '가람증권의 정보를 받지 못했습니다', en: 'no data' } },
    liabilities: { known: true, value: 2_000_000 },
    net: { known: false, reason: { ko: '가람증권의 정보를 받지 못했습니다', en: 'no data' } },
    knownAssets: 9_000_000,
    knownLiabilities: 2_000_000,
    bySector: [
      {
        sector: 'deposits',
        ko: '예금·적금',
        assets: { known: true, value: 9_000_000 },
        liabilities: { known: true, value: 0 },
        knownAssets: 9_000_000,
        knownLiabilities: 0,
      },
      {
        sector: 'loans',
        ko: '대출',
        assets: { known: true, value: 0 },
        liabilities: { known: true, value: 2_000_000 },
        knownAssets: 0,
        knownLiabilities: 2_000_000,
      },
    ],
    fx: [{ currency: 'USD', rate: '1385.20', asOf: '20261120' }],
    unknowns: [{ item: '가람증권', reason: { ko: '응답 없음', en: 'timed out' } }],
  },
  spending: {
    month: '202611',
    total: 19_500,
    categories: [
      { ko: '디지털콘텐츠', amount: 13_500, share: 0.69 },
      { ko: '카페', amount: 6_000, share: 0.31 },
    ],
  },
  recurring: [{ name: '넷플릭스', ko: '디지털콘텐츠', amount: 13_500, cadence: 'monthly', day: 3, subscription: true }],
  credit: {
    debt: { known: true, value: 2_000_000 },
    dsr: { ratio: { known: true, value: 0.05 }, explanation: { ko: 'DSR 5.0%', en: 'DSR 5.0%' } },
    signals: [],
    topTip: null,
  },
  recommendations: [
    {
      name: '누리 데일리 카드',
      provider: '누리카드',
      reason: { ko: '최근 3개월 지출에 이 카드를 썼다면 12,000원', en: '…' },
    },
  ],
};

let server: Server | undefined;
afterEach(() => new Promise<void>((r) => (server ? server.close(() => r()) : r())));

async function fakeOperator(): Promise<string> {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      if (req.url === '/api/login') {
        const { loginName, password } = JSON.parse(body) as { loginName: string; password: string };
        if (loginName !== 'demo.connected' || password !== 'pw-1234567890') {
          res
            .writeHead(401, { 'content-type': 'application/json' })
            .end(JSON.stringify({ code: 'OP_LOGIN_INVALID', ko: '아이디 또는 비밀번호가 맞지 않습니다' }));
          return;
        }
        res
          .writeHead(200, { 'content-type': 'application/json', 'set-cookie': 'hannun_session=abc; HttpOnly' })
          .end(JSON.stringify({ csrfToken: 't' }));
      } else if (req.url === '/api/analysis/summary') {
        if (req.headers.cookie !== 'hannun_session=abc') res.writeHead(401).end('{}');
        else res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(SUMMARY));
      } else res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', () => r()));
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
}

describe('hannun report <login>', () => {
  it('logs in over the app API and prints net worth by sector, spending, recurring, credit and recommendations with reasons', async () => {
    const url = await fakeOperator();
    let text = '';
    await runReport({ write: (s: string) => (text += s) }, 'demo.connected', {
      url,
      password: 'pw-1234567890',
      dataDir: '/nonexistent',
    });
    expect(text).toContain(
      '자산 Assets       알 수 없음 / unknown (확인된 부분 9,000,000원): 가람증권의 정보를 받지 못했습니다',
    );
    expect(text).toContain('부채 Liabilities  2,000,000원');
    expect(text).toMatch(/예금·적금\s+자산 9,000,000원/);
    expect(text).toContain('1 USD = 1385.20원');
    expect(text).toMatch(/디지털콘텐츠\s+13,500원\s+69%/);
    expect(text).toContain('넷플릭스 (디지털콘텐츠, 구독) 13,500원 매달 3일');
    expect(text).toContain('이유: 최근 3개월 지출에 이 카드를 썼다면 12,000원');
  });

  it('--json prints the summary as the operator gave it', async () => {
    const url = await fakeOperator();
    let text = '';
    await runReport({ write: (s: string) => (text += s) }, 'demo.connected', {
      url,
      json: true,
      env: { HANNUN_PASSWORD: 'pw-1234567890' },
      dataDir: '/nonexistent',
    });
    expect(JSON.parse(text)).toEqual(SUMMARY);
  });

  it('a wrong password or no operator is a clear error, not a stack', async () => {
    const url = await fakeOperator();
    await expect(
      runReport({ write: () => 0 }, 'demo.connected', { url, password: 'wrong-password', dataDir: '/nonexistent' }),
    ).rejects.toThrow(/login failed \(401 OP_LOGIN_INVALID\): 아이디 또는 비밀번호가 맞지 않습니다/);
    await expect(
      runReport({ write: () => 0 }, 'x', { url: 'http://127.0.0.1:9', password: 'p', dataDir: '/nonexistent' }),
    ).rejects.toBeInstanceOf(UserError);
  });
});
