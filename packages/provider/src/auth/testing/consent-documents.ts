import { type ConsentDocument, encodeConsentDocument, INDUSTRY_SCOPES } from '@hannun/spec';
import { KIM_CI, type FixtureOrg } from '../../testing/fixture-world.ts';
import type { AuthWorld } from './auth-world.ts';
import { CLIENT_ID, OPERATOR } from './auth-world.ts';

/** A consent document for Kim at a fixture institution: every scope, her normal assets, a year from FIXTURE_NOW. */
export function kimConsentDocument(
  world: AuthWorld,
  org: FixtureOrg,
  overrides: Partial<ConsentDocument> = {},
): ConsentDocument {
  const fixture = world.fixtures[org];
  const assets = fixture.kim.filter((h) => h.status === 'normal').map((h) => ({ api: h.listApi, key: h.key }));
  return {
    org_code: org,
    rcv_org_code: OPERATOR,
    client_id: CLIENT_ID,
    scope: INDUSTRY_SCOPES[fixture.institution.industry].join(' '),
    target: 'list',
    asset_list: assets,
    is_scheduled: 'true',
    fnd_cycle: '1/w',
    add_cycle: '1/w',
    end_date: '20260315',
    purpose: '자산 통합조회',
    period: '서비스 탈퇴 시까지',
    is_consent_trans_memo: 'true',
    is_consent_merchant_name_regno: 'false',
    is_consent_trans_category: 'true',
    consent_date: '20250315030000',
    ...overrides,
  };
}

let txSerial = 0;

/** A 통합인증-002 tx_id in the RB shape: MD_{operator}_{provider}_{relay}_{ca}_{time}_{serial}. */
export function newTxId(org: string): string {
  return `MD_${OPERATOR}_${org}_0000000000_HNCA000001_20250315030000_${String(++txSerial).padStart(12, '0')}`;
}

export { encodeConsentDocument, KIM_CI };
