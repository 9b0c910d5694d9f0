/**
 * How a list API's items become assets (op_asset): which fields name the asset (its key, sealed as one
 * value), which is the person's number to search by (blind index), which are its name, type and status in
 * clear, and which are personal (sealed). Every other item field is kept in clear in `attrs`.
 */
export interface AssetRoute {
  readonly api: string;
  readonly list: string;
  /** The fields the detail APIs are called with (their assetKeys, as far as the list gives them). */
  readonly key: readonly string[];
  /** The number a person searches by (account, card, policy, phone, bond number): blind-indexed. */
  readonly number?: string;
  readonly name?: string;
  readonly type?: string;
  readonly status?: string;
  /** Personal fields besides the key and number, sealed with them. */
  readonly personal?: readonly string[];
  /** Top-level response fields not stored. */
  readonly ignore?: readonly string[];
}

export const ASSET_ROUTES: readonly AssetRoute[] = [
  // reg_date: when the person registered with the provider's list service; not an asset's property.
  {
    api: '은행-001',
    list: 'account_list',
    key: ['account_num', 'seqno'],
    number: 'account_num',
    name: 'prod_name',
    type: 'account_type',
    status: 'account_status',
    ignore: ['reg_date'],
  },
  {
    api: 'IRP-001',
    list: 'irp_list',
    key: ['account_num', 'seqno'],
    number: 'account_num',
    name: 'prod_name',
    status: 'account_status',
  },
  { api: '선불-001', list: 'pp_list', key: ['pp_id'], name: 'pp_name' },
  { api: '채권-001', list: 'bond_list', key: ['bond_num'], number: 'bond_num', name: 'prod_name', type: 'bond_type' },
  { api: '카드-001', list: 'card_list', key: ['card_id'], number: 'card_num', name: 'card_name', type: 'card_type' },
  {
    api: '금투-001',
    list: 'account_list',
    key: ['account_num'],
    number: 'account_num',
    type: 'account_type',
    status: 'account_status',
    personal: ['account_name'],
  },
  {
    api: '보험-001',
    list: 'insu_list',
    key: ['insu_num'],
    number: 'insu_num',
    name: 'prod_name',
    type: 'insu_type',
    status: 'insu_status',
  },
  {
    api: '보험-008',
    list: 'loan_list',
    key: ['account_num'],
    number: 'account_num',
    name: 'prod_name',
    type: 'account_type',
    status: 'account_status',
  },
  { api: '전금-001', list: 'fob_list', key: ['fob_id'], name: 'fob_name' },
  { api: '전금-101', list: 'account_list', key: ['account_id'], ignore: ['reg_date'] },
  {
    api: '할부금융-001',
    list: 'account_list',
    key: ['account_num'],
    number: 'account_num',
    name: 'prod_name',
    type: 'account_type',
    status: 'account_status',
  },
  {
    api: '보증보험-001',
    list: 'insu_list',
    key: ['insu_num'],
    number: 'insu_num',
    name: 'prod_name',
    type: 'insu_type',
    status: 'insu_status',
  },
  { api: '통신-001', list: 'telecom_list', key: ['mgmt_id'], number: 'telecom_num', type: 'type', status: 'status' },
  { api: 'P2P-001', list: 'lending_list', key: ['lending_id'], name: 'prod_name', type: 'prod_type' },
];

const BY_API = new Map(ASSET_ROUTES.map((r) => [r.api, r]));

export function assetRoute(apiId: string): AssetRoute | undefined {
  return BY_API.get(apiId);
}
