import { randomBytes } from 'node:crypto';
import { dictionaryEntries } from '@hannun/analysis';
import { createOperatorDomain, generateKeyRing, type OperatorDomain, openOperatorStore } from '@hannun/operator';
import { createRegistry } from '@hannun/registry';
import { apiById, decodeMessage, type WireObject } from '@hannun/spec';
import { seededRandom as rng } from '@hannun/infra';

export const CARD_ORG = 'CDBENCH001';
export const BANK_ORG = 'BKBENCH001';
const FLAGS = { transMemo: true, merchantNameRegno: true, transCategory: true };

const decode = (apiId: string, wire: WireObject) =>
  decodeMessage(apiById(apiId).response, wire, { location: 'response' }) as Record<string, unknown>;

export interface AnalysisWorld {
  readonly domain: OperatorDomain;
  readonly personId: string;
  readonly cardAssetId: string;
  /** A page of `n` approvals (wire-valid, decoded), numbered from `from`, over the `days` before today (36 months). */
  page(from: number, n: number, days?: number): Record<string, unknown>;
  storePage(body: Record<string, unknown>): Promise<unknown>;
  close(): Promise<void>;
}

/** The operator's domain on SQLite in `dir`, one person with a card, ready to take pages of approvals. */
export async function analysisWorld(dir: string, seed = 11): Promise<AnalysisWorld> {
  const store = await openOperatorStore({ url: `sqlite:${dir}/operator.db` });
  const org = (orgCode: string, industry: 'bank' | 'card', n: number) => ({
    orgCode,
    orgType: '01' as const,
    industry,
    name: `${orgCode} 벤치`,
    serialNum: `11000000${n}0`,
    ips: ['127.0.0.1'],
  });
  const registry = createRegistry({
    orgs: [org(CARD_ORG, 'card', 1), org(BANK_ORG, 'bank', 2)],
    services: [],
    takenAt: Date.now(),
  });
  const domain = createOperatorDomain({
    store,
    keyRing: generateKeyRing(),
    registry,
    recipient: { orgCode: 'MDHANNUN01', clientId: 'b'.repeat(50) },
  });
  const { personId } = await domain.people.signUp({
    ci: randomBytes(64).toString('base64'),
    name: '김벤치',
    birthDate: '19900101',
    loginName: `bench${randomBytes(4).toString('hex')}`,
    password: 'correct horse battery',
  });
  const base = { personId, apiType: 'user-consent' as const, collectedAt: Date.now(), flags: FLAGS };
  const cards = await domain.data.store({
    ...base,
    orgCode: CARD_ORG,
    apiId: '카드-001',
    body: decode('카드-001', {
      search_timestamp: '',
      next_page: '',
      card_cnt: '1',
      card_list: [
        {
          card_id: 'C0001',
          card_num: '1234567812345678',
          is_consent: 'true',
          card_name: '벤치카드',
          card_member: '1',
          card_type: '01',
        },
      ],
    }),
  });
  const cardAssetId = cards.assets![0]!.id;
  const names = dictionaryEntries().map((e) => e.name);
  const r = rng(seed);
  const now = new Date();
  const page = (from: number, n: number, days = 36 * 30) =>
    decode('카드-008', {
      next_page: '',
      approved_cnt: String(n),
      approved_list: Array.from({ length: n }, (_, i) => {
        const daysAgo = Math.floor(r() * days);
        const d = new Date(now.getTime() - daysAgo * 86_400_000);
        const when = `${d.getUTCFullYear()}${String(d.getUTCMonth() + 1).padStart(2, '0')}${String(d.getUTCDate()).padStart(2, '0')}120000`;
        return {
          approved_num: String(10_000_000 + from + i),
          status: '01',
          pay_type: '01',
          approved_dtime: when,
          merchant_name: `${names[Math.floor(r() * names.length)]} ${['강남점', '역삼점', '서면점'][Math.floor(r() * 3)]}`,
          approved_amt: String(Math.round(1 + r() * 500) * 100),
        };
      }),
    });
  return {
    domain,
    personId,
    cardAssetId,
    page,
    storePage: (body) =>
      domain.data.store({ ...base, orgCode: CARD_ORG, apiId: '카드-008', assetId: cardAssetId, body }),
    close: () => store.close(),
  };
}
