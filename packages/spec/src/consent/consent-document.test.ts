import { describe, expect, it } from 'vitest';
import { type ConsentDocument, encodeConsentDocument, parseConsentDocument } from './consent-document.ts';

const consent: ConsentDocument = {
  org_code: 'BKNURI0001',
  rcv_org_code: 'MDHANNUN01',
  client_id: 'hannunapp0000000000000000000000000000000000000001',
  scope: 'bank.list bank.deposit',
  target: 'list',
  asset_list: [{ api: '은행-001', key: { account_num: '1002123456789', seqno: '1' } }],
  is_scheduled: 'true',
  fnd_cycle: '1/w',
  add_cycle: '1/w',
  end_date: '20271124',
  purpose: '자산 현황 조회 및 분석',
  period: '서비스 탈퇴 또는 삭제 요청 시까지',
  is_consent_trans_memo: 'true',
  is_consent_merchant_name_regno: 'false',
  is_consent_trans_category: 'false',
  consent_date: '20261124193000',
};

describe('consent document (통합인증 consent, provisional)', () => {
  it('round-trips: the encoded text parses to the same consent, its industry and scopes', () => {
    const parsed = parseConsentDocument(encodeConsentDocument(consent));
    expect(parsed).toEqual({ ok: true, consent, industry: 'bank', scopes: ['bank.list', 'bank.deposit'] });
  });

  it('encodes canonically: key order of the input does not change the bytes', () => {
    const shuffled = Object.fromEntries(Object.entries(consent).reverse()) as unknown as ConsentDocument;
    expect(encodeConsentDocument(shuffled)).toBe(encodeConsentDocument(consent));
  });

  it.each([
    ['not JSON', '{', 'consent'],
    ['scopes of two industries', { scope: 'bank.list card.card' }, 'scope'],
    ['no list scope', { scope: 'bank.deposit' }, 'scope'],
    ['a bad cycle', { fnd_cycle: 'weekly' }, 'fnd_cycle'],
    ['a bad end date', { end_date: '2027-11-24' }, 'end_date'],
    ['a boolean not as string', { is_scheduled: true }, 'is_scheduled'],
    ['list without assets', { asset_list: [] }, 'asset_list'],
    ['all with assets', { target: 'all' }, 'asset_list'],
    ['asset key with a number', { asset_list: [{ api: '은행-001', key: { seqno: 1 } }] }, 'asset_list[0].key'],
    ['no purpose', { purpose: '' }, 'purpose'],
    ['over 7000 bytes', { purpose: '가'.repeat(2400) }, 'consent'],
  ])('refuses %s, naming the field', (_, change, field) => {
    const text = typeof change === 'string' ? change : JSON.stringify({ ...consent, ...change });
    const parsed = parseConsentDocument(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problem.field).toBe(field);
  });
});
