import { findApi, maskAssetNumber } from '@hannun/spec';
import type { CustomerBook, Holding } from '../../ledger/ledger.ts';
import type { AuthInstitution } from '../auth-deps.ts';
import { customerHoldings } from '../customer-assets.ts';
import { sha256Hex } from '../secrets.ts';
import type { PageLang } from '../pages/page-text.ts';
import { TEXT } from '../pages/page-text.ts';

/** One asset the person can choose on the consent page. */
export interface AssetOption {
  /** What the form sends for it: a digest, so no account or card number travels in the form. */
  readonly token: string;
  readonly holding: Holding;
}

const NAME_FIELDS = ['prod_name', 'card_name', 'pp_name', 'account_name', 'fob_name', 'bond_type', 'type'];
const NUMBER_FIELDS = [
  'account_num',
  'card_num',
  'insu_num',
  'telecom_num',
  'bond_num',
  'lending_id',
  'account_id',
  'mgmt_id',
];

function firstText(row: Readonly<Record<string, unknown>>, fields: readonly string[]): string | undefined {
  for (const f of fields) {
    const v = row[f];
    if (typeof v === 'string' && v !== '') return v;
  }
  return undefined;
}

export function assetToken(holding: Holding): string {
  const key = Object.keys(holding.key)
    .sort()
    .map((k) => `${k}=${holding.key[k]}`)
    .join('&');
  return sha256Hex(`${holding.listApi}\u0001${holding.scope}\u0001${key}`).slice(0, 32);
}

/** The customer's assets here that a consent can name: every listed holding that is not closed. */
export function assetOptions(inst: AuthInstitution, customer: CustomerBook, now: number): AssetOption[] {
  return customerHoldings(inst, customer, now)
    .filter((h) => h.status !== 'closed')
    .map((holding) => ({ token: assetToken(holding), holding }));
}

/** How an asset reads on the page: its product name, its number masked to the last four, its state. */
export function assetLabel(holding: Holding, lang: PageLang): string {
  const name = firstText(holding.listItem, NAME_FIELDS) ?? findApi(holding.listApi)?.name[lang] ?? holding.listApi;
  const number = firstText(holding.listItem, NUMBER_FIELDS) ?? Object.values(holding.key)[0] ?? '';
  const status = holding.status === 'normal' ? '' : ` (${TEXT.status[lang][holding.status] ?? holding.status})`;
  return `${name} ${maskAssetNumber(number)}${status}`.trim();
}
