// The child process of the provider-chain benchmark: a provider engine over a small synthetic ledger, with
// one consent, one token for the warm chain and thousands more for the cold-cache chain, and a plain route
// answering a real 은행-004 page's bytes without the check chain.
import { createLogger } from '@hannun/infra';
import {
  type ConsentRecord,
  createLedger,
  createManualClock,
  createMemoryConsentStore,
  createProviderEngine,
  DEMO_INSTITUTIONS,
  type Holding,
  type InstitutionBook,
  kstDate,
  kstDateTime,
  kstToEpochMs,
} from '@hannun/provider';
import { formatDate, generateTranId } from '@hannun/spec';
import { runAsBenchChild, tellParent } from './bench-child.ts';
import { type ChainServerCpu, type ChainServerReady, OPERATOR_ORG, PLAIN_PATH } from './provider-chain-protocol.ts';

const CUSTOMERS = 12;
const PAGE = 100;
/** A fixed provider time (a Sunday afternoon is fine for user-refresh calls): the same data every run. */
const NOW_MS = kstToEpochMs(2026, 3, 15, 13, 0, 0);
const START_MS = kstToEpochMs(2025, 1, 1, 0, 0, 0);
/** 31 days ending today, the span of a scheduled 은행-004 call and a typical refresh. */
const PERIOD_DAYS = 31;
/** Tokens of the cold-cache route, and the verified-token cache: far fewer places than tokens, so each misses. */
const COLD_TOKENS = 5000;
const TOKEN_CACHE_SIZE = 256;

interface Choice {
  readonly orgCode: string;
  readonly basePath: string;
  readonly ci: string;
  readonly holding: Holding;
  readonly transactions: number;
}

/** The first normal deposit account (customers in order, banks in order) with a full page in the period. */
function chooseAccount(ledger: ReadonlyMap<string, InstitutionBook>, request: Record<string, unknown>): Choice {
  const now = kstDateTime(NOW_MS);
  for (const bank of DEMO_INSTITUTIONS.filter((i) => i.industry === 'bank')) {
    const book = ledger.get(bank.orgCode);
    if (!book) continue;
    for (const ci of book.customers()) {
      const customer = book.customer(ci);
      for (const holding of customer?.holdings('은행-001', now) ?? []) {
        if (holding.scope !== 'bank.deposit' || holding.status !== 'normal') continue;
        const rows = customer!.series('은행-004', holding, { request: { ...request, ...holding.key }, now });
        if (rows.length >= PAGE) {
          return { orgCode: bank.orgCode, basePath: bank.basePath, ci, holding, transactions: rows.length };
        }
      }
    }
  }
  throw new Error(`no deposit account with ${PAGE} transactions in ${PERIOD_DAYS} days among ${CUSTOMERS} customers`);
}

/** Response headers the plain route copies: everything but what the server sets per response anyway. */
const PER_RESPONSE = new Set([
  'content-length',
  'date',
  'connection',
  'keep-alive',
  'x-request-id',
  'x-api-tran-id',
  'x-content-type-options',
]);

async function main(): Promise<void> {
  const clock = createManualClock(NOW_MS);
  const today = kstDate(NOW_MS);
  const from = today.subtract({ days: PERIOD_DAYS - 1 });
  const ledger = createLedger({
    institutions: DEMO_INSTITUTIONS,
    customers: CUSTOMERS,
    seed: 'provider-chain-bench',
    start: kstDate(START_MS),
  });
  const choice = chooseAccount(ledger, { org_code: '', from_date: from, to_date: today, limit: PAGE });

  const consents = createMemoryConsentStore();
  const engine = createProviderEngine({
    institutions: DEMO_INSTITUTIONS,
    books: ledger.values(),
    consents,
    clock,
    // Request lines off (their cost would hide the chain's); metrics stay on, as in a deployment.
    config: { logger: createLogger({ service: 'provider-bench', level: 'error' }), tokenCacheSize: TOKEN_CACHE_SIZE },
  });

  // The plain route sits in its own scope with the engine's body handling (POST bodies taken as text).
  let plain: { body: Buffer; headers: Record<string, string> } | undefined;
  void engine.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => done(null, body));
    scope.post(PLAIN_PATH, (_request, reply) => reply.headers(plain!.headers).send(plain!.body));
  });

  const consent: ConsentRecord = {
    id: 'bench-consent-1',
    orgCode: choice.orgCode,
    ci: choice.ci,
    recipientOrgCode: OPERATOR_ORG,
    clientId: 'hannun-bench',
    scopes: ['bank.list', 'bank.deposit'],
    assets: [{ listApi: choice.holding.listApi, key: choice.holding.key }],
    isScheduled: false,
    fndCycle: '1/w',
    addCycle: '1/w',
    endDate: today.add({ years: 1 }),
    purpose: '자산 현황 조회',
    period: formatDate(today.add({ years: 1 })),
    flags: { transMemo: true, merchantNameRegno: true, transCategory: true },
    createdAt: NOW_MS - 86_400_000,
  };
  consents.put(consent);
  const iat = Math.floor(NOW_MS / 1000);
  const mint = (jti: string) =>
    engine.provider.mintAccessToken({
      iss: choice.orgCode,
      aud: OPERATOR_ORG,
      sub: consent.id,
      jti,
      scope: consent.scopes.join(' '),
      iat,
      exp: iat + 30 * 86_400,
    });
  const token = await mint('bench-jti-1');
  const coldTokens: string[] = [];
  for (let i = 0; i < COLD_TOKENS; i++) coldTokens.push(await mint(`bench-cold-${i}`));

  const chainPath = `${choice.basePath}/v2/bank/accounts/deposit/transactions`;
  const headers = {
    authorization: `Bearer ${token}`,
    'x-api-type': 'user-refresh',
    'content-type': 'application/json',
  };
  const requestBody = JSON.stringify({
    org_code: choice.orgCode,
    ...choice.holding.key,
    from_date: formatDate(from),
    to_date: formatDate(today),
    limit: String(PAGE), // every wire value is a string: limit is N(3)
  });
  const page = await engine.inject({
    method: 'POST',
    url: chainPath,
    headers: { ...headers, 'x-api-tran-id': generateTranId(OPERATOR_ORG, 'M') },
    payload: requestBody,
  });
  const answer = page.json<{ rsp_code?: string; rsp_msg?: string; trans_cnt?: unknown }>();
  if (page.statusCode !== 200 || answer.rsp_code !== '00000') {
    throw new Error(`the 은행-004 page answered ${page.statusCode} ${answer.rsp_code} ${answer.rsp_msg}`);
  }
  plain = {
    body: page.rawPayload,
    headers: Object.fromEntries(
      Object.entries(page.headers)
        .filter(([name, value]) => !PER_RESPONSE.has(name) && typeof value === 'string')
        .map(([name, value]) => [name, String(value)]),
    ),
  };

  const url = await engine.start({ host: '127.0.0.1', port: 0 });
  process.on('message', (m: { type?: unknown }) => {
    if (m.type === 'cpu') {
      const { user, system } = process.cpuUsage();
      void tellParent({ type: 'cpu', user, system } satisfies ChainServerCpu);
    }
  });
  process.on('SIGTERM', () => {
    void engine.stop().finally(() => process.exit(0));
  });
  await tellParent({
    type: 'ready',
    url,
    chainPath,
    plainPath: PLAIN_PATH,
    headers,
    coldTokens,
    tokenCacheSize: TOKEN_CACHE_SIZE,
    requestBody,
    responseBody: page.body,
    orgCode: choice.orgCode,
    periodTransactions: choice.transactions,
    fromDate: formatDate(from),
    toDate: formatDate(today),
    customers: CUSTOMERS,
  } satisfies ChainServerReady);
}

runAsBenchChild(main);
